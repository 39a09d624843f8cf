"""Hostile and damaged inputs (issue 17): each one is bounded in time and memory, ends as a
plan or one clean DocumentLoadError, and never stops the rest of a batch.

Anything that used to hang or blow up runs in a child process under a harness timeout and
an address-space cap, so a regression fails this test instead of hanging or swapping the
machine; no test measures how long anything took."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

import actionplan
from actionplan.errors import DocumentLoadError
from actionplan.extract import load
from actionplan.normalise.timescales import parse_timescale
from hostile_files import HOSTILE, busy_pdf, cell, nested, plan_table, word_file

HARNESS_TIMEOUT = 120  # seconds before the harness gives up on a child: a hang, not a slow run
CHILD_MEMORY = 1 << 30


def bounded(code: str) -> dict:
    """Run ``code`` (which prints one JSON line last) in a child process with an address-space
    cap; a hang fails the test through the harness timeout."""
    def cap() -> None:
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))

    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=HARNESS_TIMEOUT, preexec_fn=cap, cwd=Path.cwd())
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


# -- Word ----------------------------------------------------------------------

def test_tables_nested_twenty_deep_are_read_in_bounded_time(tmp_path):
    """Each level of nesting used to walk every descendant row and then recurse into it:
    2^depth work, and never finished at depth 20."""
    path = word_file(tmp_path / "deep.docx", plan_table("<w:tr>" + cell("Deep") + nested(20, "leaf") + cell("x") + "</w:tr>"))
    result = bounded(f"""
        import json, actionplan
        plan = actionplan.extract({str(path)!r})
        print(json.dumps({{"items": len(plan.items), "lead": plan.items[-1].lead_raw[:200]}}))
    """)
    assert result["items"] == 2
    assert "leaf" in result["lead"]


def test_nested_table_text_is_not_repeated_from_depth_three(tmp_path):
    """Every descendant row was read at each level, so text three tables deep came out twice."""
    path = word_file(tmp_path / "three.docx", plan_table("<w:tr>" + cell("Deep") + nested(3, "leaf") + cell("x") + "</w:tr>"))
    lead = load(path).tables[0].rows[2].cells[1].text
    assert lead == "leaf | L0 R0 | L1 R1 | L2\nR2"  # the nested table's rows as lines, deeper ones joined
    assert all(lead.count(text) == 1 for text in ["leaf", "L0", "L1", "R0", "R1"])


@pytest.mark.parametrize("attribute", ["gridSpan", "gridBefore"])
def test_absurd_grid_spans_are_capped(tmp_path, attribute):
    """gridSpan / gridBefore of 10^8 made a list of 10^8 cells and exhausted memory."""
    props = ('<w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr>' if attribute == "gridSpan" else "")
    row = ('<w:tr><w:trPr><w:gridBefore w:val="100000000"/></w:trPr>' if attribute == "gridBefore" else "<w:tr>")
    path = word_file(tmp_path / "span.docx", plan_table(row + cell("Wide", props) + cell("Jo") + cell("May 2013") + "</w:tr>"))
    result = bounded(f"""
        import json
        from actionplan.extract import load
        print(json.dumps([len(row.cells) for row in load({str(path)!r}).tables[0].rows]))
    """)
    assert max(result) <= 64 + 3


def test_zip_bomb_is_refused_before_decompressing(tmp_path):
    """A member that inflates a thousandfold (64 MiB from 64 KiB): refused from the sizes the
    zip directory declares (zipfile never inflates a member past its declared size)."""
    path = word_file(tmp_path / "bomb.docx", plan_table())
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package, package.open("word/media/bomb.bin", "w") as member:
        for _ in range(64):
            member.write(bytes(1 << 20))
    with pytest.raises(DocumentLoadError) as raised:
        load(path)
    assert str(raised.value).startswith(f"{path}: word/media/bomb.bin inflates")
    assert "\n" not in str(raised.value)


def test_malformed_xml_in_a_word_package_is_a_clean_error(tmp_path):
    path = word_file(tmp_path / "broken.docx", "<w:p><w:r><w:t>unclosed</w:r></w:p>")
    with pytest.raises(DocumentLoadError) as raised:
        load(path)
    assert str(raised.value).startswith(f"{path}: ") and "\n" not in str(raised.value)


# -- Excel -----------------------------------------------------------------------

@pytest.mark.parametrize("name,error", [
    # openpyxl made a MergedCell for each of the 17 billion cells while loading: never finished.
    ("excel-merge-of-the-whole-sheet.xlsx", "xl/worksheets/sheet1.xml merges more than 1,100,000 cells (the range "
                                            "A2:XFD1048576 among them; a damaged sheet?): unmerge them in Excel and "
                                            "save it again"),
    # iter_rows walked (and created) every cell of the rectangle up to the stray one: never finished.
    ("excel-cell-at-the-last-column-and-row.xlsx", "sheet 'LAC action plan' has text as far as XFD1048576, more "
                                                   "cells than any plan (a damaged sheet?): delete the cells far "
                                                   "from the table and save it again"),
    # Word packages were checked for zip bombs, workbooks not.
    ("excel-zip-bomb.xlsx", "xl/media/bomb.bin inflates 1029x to 64 MiB (a zip bomb, or a damaged file): not read"),
])
def test_hostile_workbooks_are_refused_in_bounded_time(tmp_path, name, error):
    """Found by tests/fuzz.py's hostile set: the first two timed out, the bomb was opened."""
    path = tmp_path / name
    HOSTILE[name](path)
    result = bounded(f"""
        import json
        from actionplan.errors import DocumentLoadError
        from actionplan.extract import load
        try:
            load({str(path)!r})
            print(json.dumps("loaded"))
        except DocumentLoadError as error:
            print(json.dumps(str(error)))
    """)
    assert result == f"{path}: {error}"


# -- PDF -------------------------------------------------------------------------

def test_a_page_of_fifty_thousand_boxes_is_read_from_its_text_and_reported(tmp_path):
    """Ruled-table finding over 50k rectangles took 650 MB; the page's text is still a plan."""
    path = tmp_path / "busy.pdf"
    path.write_bytes(busy_pdf(50_000))
    result = bounded(f"""
        import json, actionplan
        plan = actionplan.extract({str(path)!r})
        print(json.dumps({{"actions": [i.action for i in plan.items], "codes": [i.code for i in plan.issues]}}))
    """)
    assert result["actions"] == ["Audit case files"]
    assert "too_many_shapes" in result["codes"]


def test_a_few_boxes_are_no_busy_page(tmp_path):
    path = tmp_path / "calm.pdf"
    path.write_bytes(busy_pdf(100))
    plan = actionplan.extract(path)
    assert "too_many_shapes" not in [found.code for found in plan.issues]


# -- special files ---------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_named_like_a_plan_is_refused_without_blocking(tmp_path):
    """Opening a FIFO blocks until someone writes to it: the batch used to wait forever."""
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_bytes(Path("samples/southend-2012.txt").read_bytes())
    done = subprocess.run([sys.executable, "-m", "actionplan.cli", "extract", str(fifo), str(good), "-o",
                           str(tmp_path / "out"), "-q"], capture_output=True, text=True, timeout=HARNESS_TIMEOUT)
    assert done.returncode == 2
    assert done.stderr.strip() == f"error: {fifo}: not a regular file (a FIFO): give the plan file itself"
    assert (tmp_path / "out" / "good.json").exists()


# -- normalisers and cell text: adversarial strings ------------------------------

@pytest.mark.parametrize("call", [
    "from actionplan.normalise.headings import normalise_heading; normalise_heading('(' * 1_000_000)",
    "from actionplan.normalise.headings import normalise_heading; normalise_heading('[' * 1_000_000)",
    "from actionplan.extract.markup import html_to_text; html_to_text('<a ' * 200_000)",
    "from actionplan.extract.text import parse; parse('Action\\tLead\\n' + '<a ' * 200_000 + '\\tJo\\n')",
    # found by tests/fuzz.py: HTMLParser re-scanned from each unclosed comment to the end
    "from actionplan.extract.markup import html_to_text; html_to_text('x ' + '<!--' * 200_000)",
], ids=["brackets", "square-brackets", "html-unclosed-tags", "text-cell-unclosed-tags", "unclosed-comments"])
def test_quadratic_strings_finish(call):
    assert bounded(f"{call}\nprint('{{}}')") == {}


def test_html_fragments_still_read_after_the_unclosed_tag_guard():
    from actionplan.extract.markup import html_to_text
    assert html_to_text("a < b <b>bold</b> <a href='x'>link</a> 1 <2") == "a < b bold link 1 <2"
    assert html_to_text("<p>one</p><!-- note --><p>two</p>") == "one\ntwo"


ANCHOR = date(2013, 1, 31)  # a Thursday


def _working_days_by_counting(start: date, days: int) -> date:
    current = start
    while days:
        current += timedelta(days=1)
        days -= current.weekday() < 5
    return current


@pytest.mark.parametrize("start", [ANCHOR + timedelta(days=k) for k in range(7)], ids=lambda d: d.strftime("%a"))
@pytest.mark.parametrize("days", [1, 4, 5, 6, 10, 20, 23])
def test_working_days_computed_arithmetically_agree_with_counting(start, days):
    assert parse_timescale(f"Within {days} working days", start).due == _working_days_by_counting(start, days)


@pytest.mark.parametrize("raw,due", [
    ("Within 2000000 working days", ANCHOR + timedelta(weeks=400_000)),  # 5 working days a week
    ("Within 9999 years", None),  # past year 9999: no due rather than an OverflowError
    ("Within 20000000 working days", None),
    ("Within 9999999999999 days", None),
    ("Within " + "9" * 5000 + " months", None),  # past int()'s digit limit
])
def test_huge_relative_periods_end_without_error(raw, due):
    timescale = parse_timescale(raw, ANCHOR)
    assert timescale.kind == "relative" and timescale.due == due


def test_a_huge_period_in_a_plan_converts_the_rest(tmp_path):
    plan_file = tmp_path / "plan.txt"
    plan_file.write_text("Action\tLead\tTimescale\nAudit files\tJo Hughes\tWithin 9999 years\n"
                         "Train staff\tAl Smith\tWithin 3 months\n", encoding="utf-8")
    plan = actionplan.extract(plan_file, {"anchor_date": "2013-01-31"})
    assert [item.timescale.due for item in plan.items] == [None, date(2013, 4, 30)]
