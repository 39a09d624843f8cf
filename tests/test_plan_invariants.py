"""What holds for every plan: over every sample and the tuning corpus (draw-1; never the
held-out draw-2), item ids are unique and the row accounting's drops are the drops the
issues report."""

import re
from pathlib import Path

import pytest

import actionplan
from actionplan.extract import SUPPORTED_SUFFIXES
from actionplan.extract.ocr import unavailable

REPO = Path(__file__).resolve().parent.parent
FILES = sorted(
    path.relative_to(REPO).as_posix()
    for root in (REPO / "samples", REPO / "tests" / "accuracy" / "corpus" / "draw-1")
    for path in root.rglob("*") if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES
)


@pytest.fixture(scope="module")
def plans():
    cache = {}

    def plan(name):
        if name.endswith("scanned-plan.pdf") and unavailable():
            pytest.skip("OCR not installed here; CI installs it")
        if name not in cache:
            cache[name] = actionplan.extract(REPO / name)
        return cache[name]
    return plan


def test_the_files_are_found():
    assert len([f for f in FILES if f.startswith("samples/")]) >= 24
    assert len([f for f in FILES if "/draw-1/" in f]) >= 38 and not [f for f in FILES if "draw-2" in f]


@pytest.mark.parametrize("name", FILES)
def test_item_ids_are_unique(plans, name):
    ids = [item.id for item in plans(name).items]
    assert len(set(ids)) == len(ids), sorted({i for i in ids if ids.count(i) > 1})


@pytest.mark.parametrize("name", FILES)
def test_dropped_rows_are_the_rows_the_issues_report(plans, name):
    """A skipped table's issue names how many rows it drops; a dropped_row issue names its
    row (a row with two texts kept out is one row)."""
    plan = plans(name)
    skipped = sum(int(re.search(r"\((\d+) rows?\)", issue.message).group(1))
                  for issue in plan.issues if issue.code == "skipped_table")
    rows = {(issue.table, issue.row) for issue in plan.issues if issue.code == "dropped_row"}
    assert plan.rows.dropped == skipped + len(rows)
