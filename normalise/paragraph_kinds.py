"""What each paragraph between a document's tables is to the rows below it: a theme
(heading) or text. A title line standing between two of a plan's tables is a theme;
the first theme, above the first table, is known by being set as the others are; an
inspection report's "Areas for priority action" heads its table. Pure: blocks in,
each paragraph's kind out.
"""

from __future__ import annotations

from ..extract.base import Paragraph, Table
from .cues import looks_like_title
from .report import is_recommendations_heading


def paragraph_kinds(blocks: list, report: bool = False) -> dict[int, str]:
    """Each paragraph's kind by its position in ``blocks``: "heading" where it heads the
    rows below as a theme, else the kind the extractor gave it. ``report``: the document
    is an inspection report."""
    theme_kinds = _theme_kinds(blocks)
    kinds = {}
    for position, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        kind = block.kind
        text = " ".join(block.text.split())
        if _between_tables(blocks, position) and looks_like_title(text, any_case=_lone_line(block.text)):
            kind = "heading"  # a theme's title line standing between a plan's tables
        elif block.kind in theme_kinds and _before_table(blocks, position) and looks_like_title(text, any_case=True):
            kind = "heading"  # the first theme, set as the themes between the tables are
        elif report and is_recommendations_heading(block.text):
            kind = "heading"  # a report's "Areas for priority action" over its table
        kinds[position] = kind
    return kinds


def _between_tables(blocks: list, position: int) -> bool:
    """A block with a table directly before it and directly after it."""
    return 0 < position < len(blocks) - 1 and isinstance(blocks[position - 1], Table) \
        and isinstance(blocks[position + 1], Table)


def _lone_line(text: str) -> bool:
    """One short line with no date, number or sentence in it: between two of a plan's tables
    it is a theme whatever its case ("Education, Health and Care plans"), as a merged theme
    row comes out of a text conversion."""
    return "\n" not in text.strip() and not any(ch.isdigit() for ch in text) and ":" not in text


def _before_table(blocks: list, position: int) -> bool:
    return position + 1 < len(blocks) and isinstance(blocks[position + 1], Table)


def _theme_kinds(blocks: list) -> set[str]:
    """How the plan sets its themes (bold lines, say), seen where titles stand between two
    of its tables; body text never counts. The first theme, above the first table, is
    known by the same setting, where a title alone would not tell it from the document's."""
    return {
        block.kind for position, block in enumerate(blocks)
        if isinstance(block, Paragraph) and block.kind != "body" and _between_tables(blocks, position)
        and looks_like_title(" ".join(block.text.split()))
    }
