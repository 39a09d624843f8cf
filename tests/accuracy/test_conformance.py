"""One plan in every format gives the same items: draw-1 layouts of the generated corpus,
rendered in a temporary folder as their Word file and as a spreadsheet (and as the CSV Excel
saves from it), read by actionplan, compared item by item."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import actionplan

CORPUS = Path(__file__).resolve().parent / "corpus"
sys.path.insert(0, str(CORPUS))

from common import prepare  # noqa: E402
from content import build_plan  # noqa: E402
from layouts import LAYOUTS, options_rng, plan_seed  # noqa: E402
from render_xlsx import render_csv, render_xlsx  # noqa: E402

SEED = 1  # draw-1: the draw that may be looked at

# Word layout -> how its recommendation column is laid out in the spreadsheet
LAYOUT_CASES = {
    "word-vmerge": "merge",             # RAG words, themes as merged rows
    "word-shading": "merge",            # RAG only as fills (a palette of shades)
    "word-brag": "merge",               # BRAG letters with matching fills
    "word-progress-rag": "merge",       # RAG inside a "Progress (RAG)" column
    "word-unfamiliar": "every",         # unfamiliar headings, outcome and evidence columns
    "word-landscape-initials": "every", # initials with a key under the table
}


def _items(plan) -> list[tuple]:
    return [(item.action, [lead.name or lead.role or lead.organisation for lead in item.leads], item.timescale.raw,
             item.timescale.due, item.status.rag, item.recommendation, item.section) for item in plan.items]


def _render(tmp_path: Path, layout: str):
    spec = LAYOUTS[layout]
    plan = build_plan(plan_seed(SEED, spec), *spec.size)
    options, render_word, _ = spec.make(options_rng(SEED, spec))
    views = prepare(plan, options)
    render_word(plan, views, options, str(tmp_path / f"{layout}.docx"))
    options = {**options, "section_mode": render_word.keywords.get("section_mode", "row")}
    return plan, views, options


@pytest.mark.parametrize("layout", LAYOUT_CASES)
def test_spreadsheet_gives_the_word_files_items(tmp_path, layout):
    plan, views, options = _render(tmp_path, layout)
    render_xlsx(plan, views, options, str(tmp_path / f"{layout}.xlsx"), rec_mode=LAYOUT_CASES[layout], legend=True)
    word = actionplan.extract(tmp_path / f"{layout}.docx")
    sheet = actionplan.extract(tmp_path / f"{layout}.xlsx")
    assert len(word.items) == plan.n_actions
    assert _items(sheet) == _items(word)
    assert [i.code for i in sheet.issues if i.code == "skipped_table"] == ["skipped_table"]  # the legend sheet


@pytest.mark.parametrize("layout", ["word-vmerge", "word-unfamiliar", "word-landscape-initials"])
@pytest.mark.parametrize("delimiter,encoding", [(",", "utf-8-sig"), (";", "cp1252")])
def test_csv_gives_the_word_files_items(tmp_path, layout, delimiter, encoding):
    plan, views, options = _render(tmp_path, layout)
    render_csv(plan, views, options, str(tmp_path / f"{layout}.csv"), rec_mode="once", delimiter=delimiter,
               encoding=encoding)
    word = actionplan.extract(tmp_path / f"{layout}.docx")
    sheet = actionplan.extract(tmp_path / f"{layout}.csv")
    assert _items(sheet) == _items(word)
