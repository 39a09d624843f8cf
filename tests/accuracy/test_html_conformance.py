"""Conformance: one generated plan drawn as Word and as a web page (render_html.py), and
as Word saved by LibreOffice as .odt, gives the same items.

Plans, options and the Word drawing come from the corpus generator's draw-1 layouts
(seed 1), written to a temporary folder; the generator never imports actionplan. The
HTML keeps the Word layout's structure: rowspan for merged cells, colspan theme rows,
RAG fills as background colours, a table per theme or recommendation under headings.
"""

from __future__ import annotations

import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

import actionplan

CORPUS = Path(__file__).resolve().parent / "corpus"
sys.path.insert(0, str(CORPUS))

from common import key_items, prepare  # noqa: E402
from content import build_plan  # noqa: E402
from layouts import LAYOUTS, options_rng, plan_seed  # noqa: E402
from render_docx import render_docx  # noqa: E402
from render_html import render_html  # noqa: E402

SEED = 1


def _draw(layout_name: str, folder: Path) -> tuple[Path, Path, list[dict]]:
    """The layout's plan as .docx and .html in folder, and its answer key's items."""
    layout = LAYOUTS[layout_name]
    plan = build_plan(plan_seed(SEED, layout), *layout.size)
    options, render, key_kwargs = layout.make(options_rng(SEED, layout))
    assert isinstance(render, partial) and render.func is render_docx  # a Word layout of the generic writer
    views = prepare(plan, options)
    docx, html = folder / f"{layout_name}.docx", folder / f"{layout_name}.html"
    render(plan, views, options, str(docx))
    render_html(plan, views, options, str(html), **render.keywords)
    return docx, html, key_items(views, options, **key_kwargs)


def _items(path: Path):
    plan = actionplan.extract(path)
    return [(i.section, i.recommendation, i.action, [lead.model_dump() for lead in i.leads], i.timescale.raw,
             i.timescale.due, i.status.rag) for i in plan.items]


@pytest.mark.parametrize("layout", [
    "word-vmerge",              # recommendation rowspan, theme rows colspan, RAG words
    "word-shading",             # RAG only as background colour
    "word-table-per-rec",       # a table per recommendation under headings
    "word-split-sections",      # a table per theme, organisation-prefixed leads
    "word-landscape-initials",  # initials resolved through the key below the tables
    "word-lists",               # actions as numbered list items, sub-points as bullets
    "word-brag",                # BRAG letters with fills
])
def test_html_gives_the_items_word_gives(tmp_path, layout):
    docx, html, key = _draw(layout, tmp_path)
    from_html = _items(html)
    assert from_html == _items(docx)
    assert len(from_html) == len(key)


def test_odt_saved_by_libreoffice_gives_the_items_word_gives(tmp_path, soffice):
    docx, _, _ = _draw("word-vmerge", tmp_path)
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "odt", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=300)
    assert _items(tmp_path / "word-vmerge.odt") == _items(docx)
