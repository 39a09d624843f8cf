"""The one bullet table (bullets.py): every place that reads a bulleted line takes the same
characters, and PDFs' symbol-font bullets are written as the one bullet."""

import re
from pathlib import Path

import pytest

from actionplan.bullets import BULLET, BULLET_CHARS, BULLET_SHAPES, GLYPH_ID_BULLETS, SYMBOL_FONT_BULLETS
from actionplan.extract.pdf_words import _bullets
from actionplan.extract.wrapped import BULLET_START
from actionplan.normalise.layout import _STUB
from actionplan.normalise.report import _BULLET as REPORT_BULLET

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("glyph", list(BULLET_CHARS))
def test_every_reader_of_a_bulleted_line_takes_the_same_characters(glyph):
    assert BULLET_START.match(f"{glyph} Training for all staff")  # wrapped text, cell HTML
    assert REPORT_BULLET.match(f"{glyph} Training for all staff")  # a report's bullet list
    assert _STUB.match(glyph)  # a list stub in a cell of its own


@pytest.mark.parametrize("glyph", list(SYMBOL_FONT_BULLETS + BULLET_SHAPES) + list(GLYPH_ID_BULLETS))
def test_a_pdfs_bullet_glyph_is_written_as_the_bullet(glyph):
    assert _bullets(f"{glyph}Audit") == f"{BULLET}Audit"


def test_dashes_are_bullets_only_at_a_lines_start():
    assert not BULLET_START.match("Self-assessment - the audit")
    assert _bullets("Self-assessment – the audit") == "Self-assessment – the audit"


def test_no_module_spells_out_its_own_bullet_set():
    """Bullet glyph sets were written out in five modules; they live in bullets.py only."""
    spelt = re.compile(r"[▪◦■◼●]|\\u25(?:aa|e6|a0|fc|cf)|\\uf0b7")
    found = []
    for folder in ("extract", "normalise"):
        for path in (REPO / folder).glob("*.py"):
            code = "\n".join(line.split("#")[0] for line in path.read_text(encoding="utf-8").splitlines())
            if spelt.search(code):
                found.append(path.name)
    assert found == []
