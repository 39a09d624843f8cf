"""Inspection reports: the recommendations a report lists, as drafts of items.

An action plan answers an inspection report, and the report's recommendations are the
rows the plan must answer. Where a report gives them as a table (area SEND reports:
"Responsible body | Areas for priority action", a one-column "Areas for improvement"
table) the ordinary table reading takes them. Where it lists them (ILACS "What needs
to improve", SIF numbered "Recommendations" / "Areas for improvement", 2012-2014
bullets under "Immediately:" / "Within three months:") they are paragraphs, and this
module reads them: a recommendations heading (vocabulary in ``report.toml``), then its
numbered or bulleted points, each one item, with the heading as its section and the
timescale sub-heading it sits under. A point cut by a page break (the next paragraph
starts mid-sentence, or the point has not ended) is joined; a bullet sub-list under a
numbered point stays in it, one "• " line per bullet. The list ends at the next heading,
table, or paragraph that is neither a point nor the rest of one.

Pure functions of the document's paragraphs: no file access beyond the vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..bullets import BULLET_CHARS
from ..extract.base import Block, Document, Paragraph
from ..toml_files import read_toml
from .cues import TERMINAL, mid_sentence, unterminated

VOCABULARY_FILE = Path(__file__).with_name("report.toml")
_BULLET = re.compile(rf"^\s*[{re.escape(BULLET_CHARS)}]\s*")
_NUMBER = re.compile(r"^\s*\(?(\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s+(?=\S)")
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_TITLE_PARAGRAPHS = 8  # paragraphs at the top of a document where it names what it is
_TITLE_WORDS = 16  # a title line; a longer paragraph is prose
_UNMARKED_POINTS = 12  # paragraphs read as unmarked points before the list must have ended
_RECOMMENDS = re.compile(r"\b(?:should|must|needs?\s+to|ought\s+to)\b", re.I)
_INTRO_PARAGRAPHS = 3  # paragraphs of lead-in text allowed between a heading and its first point
_THEME_WORDS = 14  # a theme sub-heading inside a list is a short title ("Workforce development")


@dataclass(frozen=True)
class Vocabulary:
    headings: tuple[str, ...]
    extra_words: int
    timescale: re.Pattern
    report_phrases: tuple[str, ...]
    plan_phrases: tuple[str, ...]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = read_toml(VOCABULARY_FILE)
    return Vocabulary(
        headings=tuple(data["recommendation_headings"]), extra_words=int(data["heading_extra_words"]),
        timescale=re.compile(data["timescale_pattern"]), report_phrases=tuple(data["report_phrases"]),
        plan_phrases=tuple(data["plan_phrases"]),
    )


@dataclass
class Recommendation:
    """One recommendation a report lists."""

    text: str
    section: str
    timescale: str | None
    page: int | None
    paragraph: int  # position of its first paragraph among the document's blocks


def _plain(text: str) -> str:
    text = re.sub(r"\s*['’]\s*s\b", "s", text.lower())  # "children ’ s" (PDF spacing) -> "childrens"
    return " ".join(_NON_WORD.sub(" ", text.replace("’", "").replace("'", "")).split())


def is_recommendations_heading(text: str) -> bool:
    """"Areas for improvement", "What needs to improve?", "Recommendations:"."""
    if text.strip().startswith("("):
        return False  # "(Recommendation)": a finding's cross-reference to the list, not a heading
    words = _plain(text)
    vocab = vocabulary()
    for heading in vocab.headings:
        if words == heading or (words.startswith(heading + " ")
                                and len(words.split()) - len(heading.split()) <= vocab.extra_words
                                and not text.rstrip().endswith(".")):
            return True
    return False


def timescale_heading(text: str) -> str | None:
    """"Within three months:" -> "Within three months"; None for other text."""
    stripped = " ".join(text.split()).rstrip(":").strip()
    if len(stripped.split()) <= 5 and vocabulary().timescale.match(_plain(stripped)):
        return stripped
    return None


def is_report(document: Document) -> bool:
    """The document is an inspection report: its text says so and its top does not call
    it an action plan. A plan names itself in its title or a title line, or in prose as
    "this action plan"; a report's summary mentioning the council's "improvement plan"
    does not make the report a plan."""
    vocab = vocabulary()
    paragraphs = [_plain(block.text) for block in document.blocks if isinstance(block, Paragraph)]
    text = " ".join(paragraphs)
    if not any(phrase in text for phrase in vocab.report_phrases):
        return False
    top = paragraphs[:_TITLE_PARAGRAPHS]
    titles = [_plain(document.title or ""), *(line for line in top if len(line.split()) <= _TITLE_WORDS)]
    if any(phrase in line for line in titles for phrase in vocab.plan_phrases):
        return False
    prose = " ".join(top)
    return not any(re.search(rf"\b(?:this|our)\s+(?:\w+\s+){{0,3}}{re.escape(phrase)}\b", prose)
                   for phrase in vocab.plan_phrases)


def _marker(text: str) -> tuple[str, str] | None:
    """("bullet" | "number", text without its marker) for a list point, else None."""
    if _BULLET.match(text):
        return "bullet", _BULLET.sub("", text, count=1)
    if _NUMBER.match(text):
        return "number", text
    return None


def read_recommendations(blocks: list[Block]) -> list[Recommendation]:
    """Every recommendation listed under a recommendations heading, in order."""
    found: list[Recommendation] = []
    position = 0
    while position < len(blocks):
        block = blocks[position]
        if isinstance(block, Paragraph) and is_recommendations_heading(block.text):
            items, position = _read_list(blocks, position + 1, " ".join(block.text.split()).rstrip(":?").strip())
            found.extend(items)
        else:
            position += 1
    return found


def _theme(blocks: list[Block], position: int, text: str) -> str | None:
    """A theme sub-heading that groups the points after it ("Workforce development",
    "1. Quality and effectiveness of practice" above bullets): a short title with no
    closing punctuation, unmarked or numbered, whose next paragraph is a point (a
    numbered title's, a bullet: numbered titles over numbered points would be points)."""
    if len(text.split()) > _THEME_WORDS or text.rstrip().endswith(TERMINAL) or _BULLET.match(text):
        return None
    if _RECOMMENDS.search(text) or mid_sentence(text):
        return None
    following = next((block for block in blocks[position + 1:]
                      if not isinstance(block, Paragraph) or block.text.strip()), None)
    if not isinstance(following, Paragraph):
        return None
    after = _marker(" ".join(following.text.split()))
    numbered = bool(_NUMBER.match(text))
    if after is None or (numbered and after[0] != "bullet"):
        return None
    return _NUMBER.sub("", text, count=1).strip() if numbered else text.strip()


def _read_list(blocks: list[Block], start: int, section: str) -> tuple[list[Recommendation], int]:
    """The points after a heading at ``start``; and where reading stopped."""
    items: list[Recommendation] = []
    heading = section
    timescale: str | None = None
    kind: str | None = None  # how the list's points are marked: "bullet" or "number"
    lead_in: list[Recommendation] = []  # unmarked paragraphs before any point
    last_page: int | None = None
    position = start
    while position < len(blocks):
        block = blocks[position]
        if not isinstance(block, Paragraph):
            break
        text = " ".join(block.text.split())
        if not text:
            position += 1
            continue
        when = timescale_heading(text)
        theme = None if when else _theme(blocks, position, text)
        marker = _marker(text)
        if marker and not marker[1].strip():  # a bullet glyph alone: an end mark ("◼"), not a point
            position += 1
            continue
        last = items[-1] if items else None
        if when:
            if timescale is None and len(items) == 1 and kind == "number":
                # "22. In order to improve ..., the local authority should take the
                # following action": a numbered lead-in to points grouped by timescale.
                items, kind = [], None
            timescale = when
            section = heading
        elif is_recommendations_heading(text):
            break  # the next list: read from its own heading
        elif theme and block.kind == "body":  # a bold line is a heading: the list has ended
            section, kind = theme, None  # the points after it sit under this theme
            lead_in = []
        elif marker and text.endswith(":") and not items:
            pass  # "22. In order to improve ..., the local authority should take the following action:"
        elif marker and not items and len(lead_in) > _INTRO_PARAGRAPHS:
            break  # a marked list after this much prose is not this heading's list
        elif marker and (kind is None or marker[0] == kind):
            kind = kind or marker[0]
            items.append(Recommendation(marker[1].strip(), section, timescale, block.page, position))
        elif marker and marker[0] == "bullet" and last is not None:
            last.text = f"{last.text}\n• {marker[1].strip()}"  # a numbered point's bullet sub-list
        elif last is not None and block.kind == "body" and (
                mid_sentence(text) or (unterminated(last.text) and block.page != last_page)):
            last.text = f"{last.text} {text}"  # the rest of a point cut by a page break
        elif last is None and block.kind == "body" and lead_in and (
                mid_sentence(text) or (unterminated(lead_in[-1].text) and block.page != last_page)):
            lead_in[-1].text = f"{lead_in[-1].text} {text}"
        elif last is None and block.kind == "body" and len(lead_in) < _UNMARKED_POINTS:
            lead_in.append(Recommendation(text, section, timescale, block.page, position))
        else:
            break
        last_page = block.page
        position += 1
    if not items and lead_in and kind is None and _ends_list(blocks, position) and _recommends(lead_in):
        # No point is marked (an area SEND report's one-column table drawn without
        # rules): each paragraph under the heading, up to the next heading or table, is one.
        items = [found for found in lead_in if found.text.rstrip().endswith(".")]

    return items, position


def _recommends(paragraphs: list["Recommendation"]) -> bool:
    """Paragraphs worded as recommendations ("Leaders should ...") — most of them."""
    return sum(bool(_RECOMMENDS.search(found.text)) for found in paragraphs) * 2 >= len(paragraphs)


def _ends_list(blocks: list[Block], position: int) -> bool:
    """The list stopped at a heading, a table (or the end), not at more prose."""
    if position >= len(blocks):
        return True
    block = blocks[position]
    return not isinstance(block, Paragraph) or block.kind in ("heading", "bold")
