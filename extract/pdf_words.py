"""Words and lines of a PDF page, and a cell's text from its words: shared by the
ruled-table reader (``pdf``) and the text-alignment reader (``pdf_unruled``)."""

from __future__ import annotations

from dataclasses import dataclass

from ..bullets import BULLET, BULLET_SHAPES, GLYPH_ID_BULLETS, SYMBOL_FONT_BULLETS

# Bullets drawn from symbol fonts come out as private-use code points, or as an
# unmapped glyph id ("(cid:127)" in LibreOffice's prints).
_BULLETS = str.maketrans({glyph: BULLET for glyph in SYMBOL_FONT_BULLETS + BULLET_SHAPES})
MARGIN = 0.06  # top and bottom share of the page where running heads, feet and page numbers sit


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    confidence: float | None = None  # OCR's word confidence (0-100); None for a text layer's word


def page_words(page) -> list[Word]:
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False, extra_attrs=["fontname", "size"])
    return [
        Word(_bullets(w["text"]), w["x0"], w["x1"], w["top"], w["bottom"], round(w["size"], 1),
             "bold" in w["fontname"].lower(), w.get("confidence"))
        for w in words
    ]


def ocr_confidences(words: list[Word]) -> tuple[float, ...]:
    """The OCR confidences of a cell's words (empty for text a text layer gave)."""
    return tuple(w.confidence for w in words if w.confidence is not None)


def _bullets(text: str) -> str:
    text = text.translate(_BULLETS)
    for glyph in GLYPH_ID_BULLETS:
        if glyph in text:
            text = text.replace(glyph, BULLET)
    return text


def text_lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into lines (by their top), each line left to right, top to bottom."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if lines and abs(lines[-1][0].top - word.top) <= max(2.0, word.size * 0.35):
            lines[-1].append(word)
        else:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w.x0)
    return lines


_BROKEN_WORD_SLACK = 1.0  # characters' width a broken word may leave at the line's end
# One- and two-letter English words: a line starting with one is no word's broken tail.
_SHORT_WORDS = frozenset("a i an as at be by do go he if in is it me my no of on or so to up us we".split())


def _broken_word(previous: list[Word], first: Word, used: float, room: float) -> bool:
    """A word processor breaks a word only where it alone is wider than the line: a
    line of one word filling the cell to within a character, the next line starting
    with the word's last letter or two in the same case ("AMBE" / "R" in a narrow RAG
    column, "managemen" / "t oversight"). A whole word ending a full line is told from
    it by its tail: a tail of three letters or more, or a short word, is a word."""
    word, tail = previous[0].text, first.text
    if len(previous) != 1 or not (tail.isalpha() and len(tail) <= 2) or tail.lower() in _SHORT_WORDS:
        return False
    if not word[-1:].isalpha() or word[-1].isupper() != tail.isupper():
        return False
    return used >= room - used / len(word) * _BROKEN_WORD_SLACK


def cell_text(words: list[Word], bbox) -> str:
    """A cell's words as text: lines that wrapped are joined with a space; a line
    that ended while the next word would still have fitted (or a bullet, or a wider
    gap) starts a new paragraph."""
    if not words:
        return ""
    lines = text_lines(words)
    padding = max(min(line[0].x0 for line in lines) - bbox[0], 0)
    room = (bbox[2] - bbox[0]) - 2 * padding
    pitches = [b[0].top - a[0].top for a, b in zip(lines, lines[1:])]
    pitch = min(pitches) if pitches else 0  # one line's height: paragraph spacing only adds
    out = [" ".join(w.text for w in lines[0])]
    for previous, line, gap in zip(lines, lines[1:], pitches):
        text = " ".join(w.text for w in line)
        used = previous[-1].x1 - previous[0].x0
        space = previous[-1].size * 0.25
        next_word = line[0].x1 - line[0].x0
        wrapped = used + space + next_word > room * 0.98
        new_paragraph = text.startswith("•") or gap > pitch * 1.25 or not wrapped
        broken_word = not new_paragraph and _broken_word(previous, line[0], used, room)
        out.append(("\n" if new_paragraph else "" if broken_word else " ") + text)
    return "".join(out).strip()
