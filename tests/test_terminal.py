"""What the commands print: validate's actions that need attention, extract's summary
table, totals and progress bar. Rendered on a rich Console of a fixed width, so nothing
depends on the terminal the tests run in; colour is asked for or refused explicitly."""

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

import actionplan
from actionplan.batch import Outcome, OutcomeStatus, convert_one
from actionplan.normalise.settings import Settings
from actionplan.outputs.flat import short_text
from actionplan.outputs.stream import Summary
from actionplan.report import build_report
from actionplan.terminal import batch_totals, progress_bar, summary_table, validate_listing

RED = "\x1b[31m"


def render(renderable, width: int = 100, colour: bool = False) -> str:
    console = Console(file=io.StringIO(), width=width, force_terminal=colour, color_system="standard" if colour else None,
                      highlight=False)
    console.print(renderable)
    return console.file.getvalue()


@pytest.mark.parametrize("text, width, expected", [
    ("Review the audit.", 40, "Review the audit."),  # fits: as it is
    ("Review  the\naudit.", 40, "Review the audit."),  # one line, spaces folded
    ("Review current procedures for assessments", 20, "Review current…"),  # at the last whole word
    ("Review current procedures for assessments", 16, "Review current…"),  # a word ending at the edge stays whole
    ("Review current, procedures", 17, "Review current…"),  # no stray comma before the ellipsis
    ("Supercalifragilistic", 8, "Superca…"),  # one word longer than the width: cut inside it
    ("", 10, ""),
    (None, 10, ""),
])
def test_short_text_cuts_at_a_word(text, width, expected):
    assert short_text(text, width) == expected
    assert len(short_text(text, width)) <= width


@pytest.fixture(scope="module")
def southend_report():
    return build_report([convert_one(Path("samples/southend-2012.txt"), None, Settings())])


def test_validate_lists_each_action_needing_attention(southend_report):
    text = render(next(validate_listing(southend_report, 120)), 120)  # the plan's part
    plan = actionplan.extract("samples/southend-2012.txt")
    flagged = {found.item_id for found in plan.issues
               if found.code in ("missing_lead", "missing_timescale", "invalid_date", "overdue")}
    assert len(flagged) == 6
    assert "45 actions, 6 need attention; 5 errors, 4 warnings\noverdue as at the plan's progress date, 22 Oct 2012\n" in text
    lines = text.splitlines()
    refs = {item.action_ref or item.id for item in plan.items if item.id in flagged}
    rows = {line.split()[0]: line for line in lines[4:10]}  # after the plan's three lines and the heading
    assert set(rows) == refs
    assert rows["3.4"].split() == ["3.4", "Roll", "out", "the", "service", "user", "feedback", "in", "the",
                                   "appraisal", "process…", "invalid", "date", "Darren", "McAughtrie", "31/02/2013"]
    assert re.search(r"Mark Churchill\s+31 Aug 2012$", rows["5.1"])  # the due date right-aligned at the line's end
    assert re.search(r"no lead, no timescale\s+-\s+-$", rows["2.3"])
    assert "other issues: no_anchor_date × 1" in text


def test_validate_listing_fits_the_width_and_names_the_failures(southend_report):
    failed = build_report([convert_one(Path("samples/southend-2012.txt"), None, Settings()),
                           Outcome(Path("x.pdf"), "", OutcomeStatus.FAILED, error="x.pdf: encrypted PDF")])
    for width in (80, 120):
        text = "".join(render(part, width) for part in validate_listing(failed, width))
        plan_lines = text.split("other issues")[0].splitlines()[4:]
        assert all(len(line) <= width for line in plan_lines) and all("…" not in line.split()[-1] for line in plan_lines)
    assert "unreadable: x.pdf: encrypted PDF" in text
    assert re.search(r"samples/southend-2012\.txt\s+45\s+6\s+2\s+2\s+1\s+3\n", text)  # the plans table, right-aligned
    assert text.rstrip().endswith("1 plan, 45 items: 5 errors, 4 warnings, 1 unreadable file; 6 need attention")


def _summaries():
    converted = convert_one(Path("samples/docx/rag-by-shading.docx"), None, Settings())
    failed = Outcome(Path("bad/encrypted.pdf"), "", OutcomeStatus.FAILED, error="bad/encrypted.pdf: encrypted PDF")
    return [Summary.of(converted), Summary.of(failed)]


def test_summary_table_right_aligns_numbers_and_colours_failures():
    summaries = _summaries()
    assert summaries[0].attention == 4  # rag-by-shading: 3 overdue, 1 invalid date
    plain = render(summary_table(summaries), 120)
    assert re.search(r"│ samples/docx/rag-by-shading\.docx │\s+7 │\s+4 │\s+0 │\s+0 │\s+4 │ converted", plain)
    assert "\x1b[" not in plain  # no colour off a terminal
    coloured = render(summary_table(summaries), 120, colour=True)
    failed_line = next(line for line in coloured.splitlines() if "encrypted" in line)
    converted_line = next(line for line in coloured.splitlines() if "rag-by-shading" in line)
    assert RED in failed_line and RED not in converted_line


def test_totals_count_files_items_attention_and_name_the_outputs():
    text = render(batch_totals(_summaries(), Path("out"), [Path("out/items.csv"), Path("out/report.html")]), 200)
    assert text.splitlines() == [
        "2 files: 1 converted, 0 with warnings, 1 failed",
        "7 items, 4 need attention (no lead, no timescale, invalid date or overdue: actionplan validate lists them)",
        "JSON, a file per plan: out/",
        "items (CSV): out/items.csv",
        "report: out/report.html",
    ]
    coloured = render(batch_totals(_summaries(), None, []), 200, colour=True)
    assert "\x1b[1;31m1 failed" in coloured.splitlines()[0]


def test_progress_bar_shows_n_of_total_and_the_file():
    console = Console(file=io.StringIO(), width=100)
    progress = progress_bar(console, disabled=False)
    task = progress.add_task("converting", total=3, file="")
    progress.update(task, advance=2, file="samples/docx/southend-2012.docx")
    line = render(progress.make_tasks_table(progress.tasks), 100)
    assert re.search(r"converting .*\b2/3 samples/docx/southend-2012\.docx", line)
