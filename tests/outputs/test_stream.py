"""The streamed batch outputs (outputs/stream.py) are the same bytes as the writers that
hold every plan (outputs/tables.py, report.py), whatever order the plans finish in, and
they do not keep the plans they are given."""

import gc
import weakref
from pathlib import Path

import openpyxl
import pytest

import actionplan
from actionplan.batch import Outcome
from actionplan.outputs import stream
from actionplan.outputs.html import report_html
from actionplan.outputs.stream import BatchOutputs
from actionplan.outputs.tables import write_csv, write_jsonl
from actionplan.outputs.xlsx import write_xlsx
from actionplan.report import build_report, report_json

# texts, Word tables with merged cells, a workbook whose unmapped headings become the csv's extra columns
SOURCES = ["samples/southend-2012.txt", "samples/stockton-2013.txt", "samples/docx/rag-by-shading.docx",
           "samples/docx/north-tyneside-2012.docx", "samples/xlsx/southend-2012-lac.xlsx"]


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    converted = [Outcome(Path(source), "", "converted", actionplan.extract(source)) for source in SOURCES]
    failed = Outcome(Path("broken.docx"), "", "failed", error="broken.docx: not a Word file (bad zip)")
    skipped = Outcome(Path("again.txt"), "", "skipped", actionplan.extract("samples/darlington-2012.txt"))
    return converted[:2] + [failed] + converted[2:] + [skipped]


def streamed(outcomes: list[Outcome], folder: Path, **targets) -> BatchOutputs:
    """The batch outputs given the outcomes last first, as workers may finish them."""
    outputs = BatchOutputs([outcome.path for outcome in outcomes], spool_directory=folder, **targets)
    for outcome in reversed(outcomes):
        outputs.add(outcome)
    assert outputs.finish() == []
    return outputs


def test_item_tables_equal_the_in_memory_writers(outcomes, tmp_path):
    streamed(outcomes, tmp_path, jsonl=tmp_path / "items.jsonl", csv_file=tmp_path / "items.csv")
    write_jsonl(outcomes, tmp_path / "expected.jsonl")
    write_csv(outcomes, tmp_path / "expected.csv")
    assert (tmp_path / "items.jsonl").read_bytes() == (tmp_path / "expected.jsonl").read_bytes()
    assert (tmp_path / "items.csv").read_bytes() == (tmp_path / "expected.csv").read_bytes()
    assert "extra: " in (tmp_path / "items.csv").read_text(encoding="utf-8-sig").splitlines()[0]


@pytest.mark.parametrize("name", ["report.json", "report.html"])
def test_report_equals_the_in_memory_report(outcomes, tmp_path, name):
    streamed(outcomes, tmp_path, reports=[tmp_path / name])
    expected = build_report(outcomes)
    text = report_json(expected) if name.endswith(".json") else report_html(expected)
    assert (tmp_path / name).read_text(encoding="utf-8") == text


def test_report_of_failures_only_keeps_an_empty_plan_list(tmp_path):
    failed = [Outcome(Path("a.pdf"), "", "failed", error="a.pdf: encrypted")]
    streamed(failed, tmp_path, reports=[tmp_path / "report.json"])
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == report_json(build_report(failed))


@pytest.mark.parametrize("row_by_row", [False, True])
def test_workbook_equals_the_in_memory_workbook(outcomes, tmp_path, monkeypatch, row_by_row):
    """Past XLSX_STREAMED_ACTIONS the workbook is written row by row (inline strings):
    the same cells either way."""
    monkeypatch.setattr(stream, "XLSX_STREAMED_ACTIONS", 0 if row_by_row else 10**9)
    streamed(outcomes, tmp_path, reports=[tmp_path / "actions.xlsx"])
    write_xlsx(build_report(outcomes), tmp_path / "expected.xlsx")
    got, expected = (openpyxl.load_workbook(tmp_path / name) for name in ("actions.xlsx", "expected.xlsx"))
    assert got.sheetnames == expected.sheetnames
    for sheet in expected.sheetnames:
        assert list(got[sheet].values) == list(expected[sheet].values), sheet
        assert got[sheet].auto_filter.ref == expected[sheet].auto_filter.ref


def test_summaries_in_input_order_and_stats_as_the_report(outcomes, tmp_path):
    outputs = streamed(outcomes, tmp_path)
    assert [summary.path for summary in outputs.summaries()] == [outcome.path for outcome in outcomes]
    assert outputs.stats() == build_report(outcomes).stats
    failed = list(outputs.summaries())[2]
    assert (failed.status, failed.items, failed.codes) == ("failed", None, ())


def test_plans_are_not_kept(tmp_path):
    """What makes a batch's memory flat: once added, a plan is garbage."""
    plan = actionplan.extract("samples/stockton-2013.txt")
    outputs = BatchOutputs([Path("p.txt")], jsonl=tmp_path / "items.jsonl", reports=[tmp_path / "report.html"],
                           spool_directory=tmp_path)
    alive = weakref.ref(plan)
    outputs.add(Outcome(Path("p.txt"), "", "converted", plan))
    del plan
    gc.collect()
    assert alive() is None
    assert outputs.finish() == []
    assert len((tmp_path / "items.jsonl").read_text(encoding="utf-8").splitlines()) == 58


def test_the_spool_leaves_nothing_behind(outcomes, tmp_path):
    streamed(outcomes, tmp_path, jsonl=tmp_path / "items.jsonl")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["items.jsonl"]


def test_memory_kept_per_file_is_a_few_bytes(tmp_path):
    """The summaries go to the spool with the plans: what stays per finished file is its
    offset (a new int past 256), not its Summary, plan or the path object its outcome
    brought back from a worker. Measured by tracemalloc over 2,000 outcomes after the
    first 100 (the pydantic and Counter tables are warm by then)."""
    import tracemalloc

    plan = actionplan.extract("samples/southend-2012.txt")
    inputs = [Path(f"plans/p{number:05d}.txt") for number in range(2100)]
    outputs = BatchOutputs(inputs, reports=[tmp_path / "report.json"], spool_directory=tmp_path)

    def add(numbers: range) -> None:
        for number in numbers:
            status = "failed" if number % 10 == 0 else "converted"
            outputs.add(Outcome(Path(f"plans/p{number:05d}.txt"), "", status,
                                None if status == "failed" else plan, error="bad" if status == "failed" else None))

    tracemalloc.start()
    try:
        add(range(100))
        gc.collect()
        before = tracemalloc.get_traced_memory()[0]
        add(range(100, 2100))
        gc.collect()
        per_file = (tracemalloc.get_traced_memory()[0] - before) / 2000
    finally:
        tracemalloc.stop()
    assert per_file < 48, f"{per_file:.0f} bytes kept per file"
    assert (outputs.finished, outputs.failed) == (2100, 210)
    assert sum(1 for _ in outputs.summaries()) == 2100
    assert outputs.finish() == []
