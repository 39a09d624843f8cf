"""The HTML report as a browser shows it (headless Chromium, Debian's `chromium`,
installed by .ci/run): the dashboard's numbers against the plans' own, the filters, a
screenshot, and the page with the network cut off.

"Overdue" counts from the progress date each plan states (`as_of`), never from today:
rag-by-shading.docx says "progress at 30 November 2013", southend 22 October 2012."""

import os
from html import escape
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

import actionplan
from actionplan.batch import Outcome
from actionplan.cli import EXIT_UNREADABLE, app
from actionplan.outputs.html import report_html
from actionplan.report import build_report

runner = CliRunner()
PLANS = ["samples/southend-2012.txt", "samples/stockton-2013.txt", "samples/docx/rag-by-shading.docx"]
OVERDUE_RED = (192, 57, 43)  # --overdue in report.css: the overdue part of the month bars


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    result = runner.invoke(app, ["extract", *PLANS, "tests/fixtures/bad/encrypted.pdf", "-o", str(folder), "-q",
                                 "--report", str(folder / "report.html")])
    assert result.exit_code == EXIT_UNREADABLE
    return folder / "report.html"


@pytest.fixture(scope="module")
def plans():
    return [actionplan.extract(path) for path in PLANS]


def _chromium() -> str:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Debian's chromium (.ci/run installs it)")
        pytest.skip("headless Chromium not installed here (apt-get install chromium); CI installs it")
    return browser


OFFLINE = ["--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=socks5://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]


def _browse(page: Path, tmp_path: Path, *flags: str, query: str = "") -> str:
    result = subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", *flags, f"{page.resolve().as_uri()}{query}"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-500:]
    return result.stdout


def _dom(page: Path, tmp_path: Path, query: str = "", *flags: str) -> str:
    """The page's DOM after its script ran, as headless Chromium saw it."""
    dom = _browse(page, tmp_path, *flags, "--dump-dom", query=query)
    assert 'data-ready="1"' in dom  # the script ran to its end
    return dom


def _overdue(plan) -> int:
    """Independently of the code under test: due before the plan's stated progress date, not complete."""
    return sum(1 for item in plan.items if plan.as_of and item.timescale.due and item.timescale.due < plan.as_of
               and item.status.state != "complete" and not (item.timescale.raw or "").lower().startswith("complete"))


def test_dashboard_numbers_are_the_plans_counts(page, plans, tmp_path):
    dom = _dom(page, tmp_path)
    totals = dict(re.findall(r'<b id="(plans|items|errors|warnings|failed|overdue)">(\d+)</b>', dom))
    issues = [found for plan in plans for found in plan.issues]
    assert totals == {
        "plans": "3", "items": str(sum(len(p.items) for p in plans)), "failed": "1",
        "errors": str(sum(f.severity == "error" for f in issues)), "warnings": str(sum(f.severity == "warning" for f in issues)),
        "overdue": str(sum(map(_overdue, plans))),
    }
    assert plans[2].as_of == date(2013, 11, 30) and _overdue(plans[2]) == 3
    rag = dict(re.findall(r'<b id="rag-(red|amber|green|none)">(\d+)</b>', dom))
    items = [item for plan in plans for item in plan.items]
    assert rag == {rating: str(sum((item.status.rag or "none") == rating for item in items))
                   for rating in ("red", "amber", "green", "none")}
    assert rag["red"] == "2"
    for index, plan in enumerate(plans):
        row = re.search(rf'<tr data-plan="{index}">(.*?)</tr>', dom).group(1)
        cells = dict(re.findall(r'data-code="(\w+)">(\d+)<', row))
        codes = [found.code for found in plan.issues]
        assert cells == {"items": str(len(plan.items)), **{code: str(codes.count(code)) for code in
                         ("missing_lead", "missing_timescale", "invalid_date", "overdue")}}
    months = re.findall(r'data-month="([\d-]+)" data-due="(\d+)" data-overdue="(\d+)"', dom)
    assert sum(int(due) for _, due, _ in months) == sum(item.timescale.due is not None for item in items)
    assert sum(int(overdue) for _, _, overdue in months) == sum(map(_overdue, plans))
    assert re.search(r'<tr class="no-lead" data-lead="\(no lead\)"><td>\(no lead\)</td><td class="n">2</td>', dom)


def test_filter_by_rag_hides_the_other_rows(page, plans, tmp_path):
    dom = _dom(page, tmp_path, "?rag=red")
    rows = re.findall(r'<tr class="action[^"]*" id="[^"]+" data-plan="\d" [^>]*data-rag="(\w+)"[^>]*?( hidden="")?>', dom)
    assert len(rows) == sum(len(plan.items) for plan in plans)
    assert all((rag != "red") == bool(hidden) for rag, hidden in rows)
    assert re.search(r'id="shown">2<', dom)


def test_filter_by_overdue_and_lead_together(page, tmp_path):
    dom = _dom(page, tmp_path, "?overdue=1&lead=MG")
    shown = re.findall(r'<tr class="action overdue[^"]*" id="[^"]+" [^>]*data-leads="[^"]*\|MG\|[^"]*"[^>]*?>', dom)
    assert re.search(r'id="shown">(\d+)<', dom).group(1) == str(len(shown)) == "4"


def test_screenshot_of_the_dashboard_is_drawn(page, tmp_path):
    shot = tmp_path / "report.png"
    _browse(page, tmp_path, "--hide-scrollbars", "--window-size=1280,1600", f"--screenshot={shot}")
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 1600)
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50  # text, tables and charts, not a blank page
    assert any(colour == OVERDUE_RED and count > 50 for count, colour in colours)  # the overdue bars


def test_the_page_works_with_the_network_cut_off(page, tmp_path):
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", html, flags=re.IGNORECASE)
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//|@import", html)
    dom = _dom(page, tmp_path, "?severity=error", *OFFLINE)
    assert re.search(r'id="shown">(\d+)<', dom).group(1) == "4"  # southend's 4 items with an error, filtered offline


def test_everything_from_a_document_is_escaped():
    plan = actionplan.extract("samples/southend-2012.txt")
    item = plan.items[0].model_copy(update={"action": "<script>alert('x')</script> & <b>bold</b>",
                                            "lead_raw": '"><img src=x onerror=alert(1)>'})
    plan = plan.model_copy(update={"items": [item], "title": "<i>title</i>"})
    page = report_html(build_report([Outcome(Path("p.txt"), "", "converted", plan)]))
    assert page.count("<script>") == 1  # the page's own
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
    assert "<img" not in page and "<i>title" not in page


def test_full_text_and_plan_notes_once(page):
    html = page.read_text(encoding="utf-8")
    longest = max((item.action for plan in PLANS for item in actionplan.extract(plan).items), key=len)
    assert len(longest) > 160 and escape(longest) in html  # whole, never cut
    assert html.count("About this document: no_anchor_date × 1") == 1  # southend's plan-level warning, summarised


def test_overdue_list_says_who_owns_each_late_action(page, plans, tmp_path):
    """"Which actions are overdue and who owns them", answered on the dashboard: every
    overdue action, the longest overdue first, with its lead as written and its plan."""
    dom = _dom(page, tmp_path)
    listed = re.findall(r'<tr class="late" data-plan="(\d)"><td class="n"><time datetime="([\d-]+)">[^<]+</time></td>'
                        r'<td class="n">(\d+)</td><td>(.*?)</td><td><a href="#(a\d-[\w-]+)">', dom.split('id="overdue-list"')[1])
    expected = sorted(
        (item.timescale.due.isoformat(), str(index), str((plan.as_of - item.timescale.due).days),
         escape(item.lead_raw) if item.lead_raw else '<span class="missing">no lead</span>', f"a{index}-{item.id}")
        for index, plan in enumerate(plans) for item in plan.items
        if plan.as_of and item.timescale.due and item.timescale.due < plan.as_of and item.status.state != "complete"
        and not (item.timescale.raw or "").lower().startswith("complete"))
    assert sorted((due, index, days, lead, target) for index, due, days, lead, target in listed) == expected
    assert [due for _, due, _, _, _ in listed] == sorted(due for _, due, _, _, _ in listed)  # by due date
    assert len(listed) == sum(map(_overdue, plans)) == 15
    assert ("2012-07-31", "83", "Relevant HoS") == (listed[0][1], listed[0][2], listed[0][3])  # southend 4.2
    assert all(f'id="{target}"' in dom for *_, target in listed)  # each links to its row


def test_a_link_to_an_action_shows_it_whatever_the_filters(page, tmp_path):
    """The overdue list's link opens the row even where a filter had hidden it."""
    dom = _dom(page, tmp_path, "?rag=green#a0-t6-r6")
    target = re.search(r'<tr class="action overdue" id="a0-t6-r6" [^>]*>', dom).group(0)
    assert 'data-rag="none"' in target and "hidden" not in target
    assert re.search(r'<tr class="action[^"]*" id="a0-t5-r3" [^>]*hidden=""', dom)  # its neighbours still are
