"""Tables drawn with text only (no ruled grid), read from word positions.

A page shows such a table where a line of column headings stands over it (words in
three or more groups, most of them headings the plan vocabulary knows; the headings
may run over two or three lines), or where text in three or more columns continues
the table the page before ended with. Elsewhere the page is prose and stays prose.

Columns come from the heading groups, their boundaries moved into the whitespace
gutters that run down the table body; words go to the column they overlap most. A
row starts where the first column, or the column that starts rows, starts a new
block of text (after a gap wider than the line spacing, or after lines where it
was empty) or, where the table draws horizontal rules only, at a rule. Wrapped lines
stay in their cell. What rows mean (header, theme, item, continuation) is left to
the normaliser.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz, process

from ..toml_files import read_toml
from .base import Cell, Row
from .pdf_words import MARGIN as _MARGIN
from .pdf_words import Word, cell_text, ocr_confidences, text_lines

# The plan heading vocabulary is data shared with the normaliser (extractors do not
# import it): read here only to tell a heading line from prose.
_VOCABULARY = Path(__file__).resolve().parent.parent / "normalise" / "headings.toml"


class UnruledSettings(BaseModel):
    """The tuned constants of reading a table drawn without lines, each with why its value.
    Gaps and pitches are in font sizes (or line pitches), so they hold at any type size."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # A gap wider than this many font sizes parts two heading groups: a word space is
    # about 0.25 size, the gutter between two columns' headings a size or more.
    group_gap: float = 0.75
    # Heading lines further apart than this many sizes are not one heading: wrapped
    # heading lines are set at 1.15-1.3 sizes, the first body row starts further down.
    header_pitch: float = 1.45
    # A heading group longer than this (characters) is prose, not a column heading.
    longest_heading: int = 60
    # A gap this many line pitches wide starts a new block of text (a new row): a wrapped
    # cell's lines are one pitch apart, rows a blank line (two pitches) or a padding apart.
    block_gap: float = 1.3
    # Text this much larger than the table's ends it: a heading after the table.
    heading_size: float = 1.15
    # Fonts this close in size (points) are the same size: pdfplumber rounds sizes to 0.1.
    same_size: float = 0.5
    # Lines the body's usual font size is taken from: enough to outvote a heading row.
    sample_lines: int = 15
    # A gap this many sizes tall ends the table (a page of space before a note); in the
    # page foot (running feet and page numbers) a smaller one, of ``foot_gap`` sizes.
    end_gap: float = 4.5
    foot_gap: float = 2.0
    # Text crossing the column gutters and this wide a share of the table is prose
    # after the table, not a cell.
    prose_width: float = 0.4
    # A body with more than this share of bold words sets rows in bold: bold alone then
    # marks no theme row.
    bold_body: float = 0.3
    # Line steps under this many sizes are one line's words (superscripts, rounding);
    # with no steps to measure, a line pitch is ``default_pitch`` sizes.
    least_pitch: float = 0.8
    default_pitch: float = 1.2
    # The column that starts rows starts a block on this share of row starts.
    row_start_share: float = 0.8


SETTINGS = UnruledSettings()


@dataclass
class _Group:
    words: list[Word]
    x0: float
    x1: float

    @property
    def text(self) -> str:
        ordered = sorted(self.words, key=lambda w: (round(w.top), w.x0))
        return " ".join(w.text for w in ordered)


@dataclass
class _Header:
    lines: list[list[Word]]
    groups: list[_Group]


@dataclass
class AlignedTable:
    """A table read from text alignment: its rows, its page area and its column edges."""
    rows: list[Row]
    bbox: tuple[float, float, float, float]
    edges: tuple[float, ...]
    lines: int = 0  # page lines it took up
    filled: list[int] = field(default_factory=list)  # per line, how many columns hold text


def find_aligned_tables(page, words: list[Word], continues: tuple[float, ...] | None, number: int
                        ) -> list[AlignedTable]:
    """The tables a page shows by alignment alone. ``continues``: the column edges of a
    text-aligned table the page before ended with, which this page may carry on."""
    top, bottom = page.height * _MARGIN, page.height * (1 - _MARGIN)
    lines = text_lines(words)
    rules = _rules(page)
    found: list[AlignedTable] = []
    i = 0
    while i < len(lines) and lines[i][0].bottom < top and _header_at(lines, i) is None:  # running head
        i += 1
    if continues and i < len(lines) and _header_at(lines, i) is None:
        table = _read_table(lines, i, list(continues), None, rules, page, number)
        if table and _continues_aligned(table):
            found.append(table)
            i += table.lines
    while i < len(lines):
        header = _header_at(lines, i) if lines[i][0].bottom <= bottom else None
        if header is None:
            i += 1
            continue
        lefts = [group.x0 for group in header.groups]
        after = i + len(header.lines)
        table = _read_table(lines, after, lefts, header, rules, page, number)
        # A heading row over nothing is a table only at the foot of a page (its rows follow overleaf).
        if table and (table.lines or all(line[0].top > bottom for line in lines[after:])):
            found.append(table)
        i = after + (table.lines if table else 0)
    return found


def _continues_aligned(table: AlignedTable) -> bool:
    """Three or more columns in use, at least four lines holding two or more of them."""
    return sum(1 for count in table.filled if count >= 2) >= 4 and len(table.edges) >= 3 and bool(table.rows)


# -- headings -----------------------------------------------------------------

@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[str, str], float]:
    data = read_toml(_VOCABULARY)
    synonyms = {_plain(word): name for name, words in data.get("synonyms", {}).items() for word in words}
    return synonyms, float(data.get("cutoff", 88))


def _plain(text: str) -> str:
    text = re.sub(r"(\w)-\s+(\w)", r"\1\2", text.lower())
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text).replace("'s", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _heading_field(text: str) -> str | None:
    synonyms, cutoff = _vocabulary()
    key = _plain(text)
    if not key or len(key) > SETTINGS.longest_heading:
        return None
    if key in synonyms:
        return synonyms[key]
    best = process.extractOne(key, synonyms.keys(), scorer=fuzz.ratio, score_cutoff=cutoff)
    return synonyms[best[0]] if best else None


def _groups(words: list[Word]) -> list[_Group]:
    """Words side by side parted by gaps wider than a word space: heading groups."""
    groups: list[_Group] = []
    for word in sorted(words, key=lambda w: w.x0):
        if groups and word.x0 <= groups[-1].x1 + word.size * SETTINGS.group_gap:
            groups[-1].words.append(word)
            groups[-1].x1 = max(groups[-1].x1, word.x1)
        else:
            groups.append(_Group([word], word.x0, word.x1))
    return groups


def _mapped(groups: list[_Group]) -> int:
    return sum(1 for group in groups if _heading_field(group.text))


def _header_at(lines: list[list[Word]], i: int) -> _Header | None:
    """Lines i.. as a heading row: three or more groups, at least two (and half) of them
    plan headings. Tight lines below in the same style join it (headings over 2-3 lines)."""
    first = lines[i]
    groups = _groups(first)
    if len(groups) < 3 or any(len(g.text) > SETTINGS.longest_heading for g in groups):
        return None
    best = _Header([first], groups)
    best_mapped = _mapped(groups)
    band = [first]
    for nxt in lines[i + 1:i + 3]:
        previous = band[-1]
        size = first[0].size
        tight = nxt[0].top - previous[0].top <= size * SETTINGS.header_pitch
        same_style = all(w.bold == first[0].bold and abs(w.size - size) < SETTINGS.same_size for w in nxt)
        if not (tight and same_style):
            break
        band.append(nxt)
        merged = _groups([w for line in band for w in line])
        mapped = _mapped(merged)
        # The fullest reading wins; a line whose two or more groups each sit under a heading
        # of the line above wraps those headings ("BRAG" / "status") even where the
        # vocabulary knows fewer of the joined headings ("Evidence /" / "Monitoring"):
        # read apart, the wrapped line stands as a heading row of its own over the body.
        wraps = len(merged) == len(best.groups) and len(_groups(nxt)) >= 2
        if len(merged) >= len(groups) - 1 and (mapped >= best_mapped or (wraps and _qualifies(mapped, merged))):
            best, best_mapped = _Header(list(band), merged), mapped
    return best if _qualifies(best_mapped, best.groups) else None


def _qualifies(mapped: int, groups: list[_Group]) -> bool:
    """Two or more, and half or more, of a heading row's groups are plan headings."""
    return mapped >= 2 and mapped * 2 >= len(groups)


# -- body ---------------------------------------------------------------------

def _rules(page) -> list[tuple[float, float, float]]:
    """Horizontal rules on the page as (y, x0, x1)."""
    found = [(line["top"], line["x0"], line["x1"]) for line in page.lines if abs(line["bottom"] - line["top"]) < 1]
    found += [(rect["top"], rect["x0"], rect["x1"]) for rect in page.rects if rect["bottom"] - rect["top"] < 2]
    return found


def _extent(lines: list[list[Word]], start: int, size: float, page) -> int:
    """How many lines from ``start`` can belong to the table before a hard stop: a new
    heading row, larger text, text in another size that the table does not resume
    after (a key or a note below it), or a page foot set apart by a gap."""
    bottom = page.height * (1 - _MARGIN)
    sizes = [w.size for line in lines[start:start + SETTINGS.sample_lines] for w in line]
    body_size = statistics.mode(sizes) if sizes else size

    def other_size(line) -> bool:
        return all(abs(w.size - body_size) >= SETTINGS.same_size for w in line)

    end = start
    while end < len(lines):
        line = lines[end]
        if end > start:
            gap = line[0].top - lines[end - 1][0].bottom
            if gap > size * SETTINGS.end_gap or (line[0].bottom > bottom and gap > size * SETTINGS.foot_gap):
                break
        if max(w.size for line_word in [line] for w in line_word) > max(size, body_size) * SETTINGS.heading_size:
            break
        if other_size(line) and not (end + 1 < len(lines) and not other_size(lines[end + 1])
                                     and len(_groups(lines[end + 1])) >= 2):
            break
        if _header_at(lines, end):
            break
        end += 1
    return end


def _boundaries(lines: list[list[Word]], lefts: list[float]) -> list[float]:
    """Each column's left boundary: the right end of the emptiest gutter between the
    column before's start and this column's heading."""
    if not lines:
        return list(lefts)
    step = 0.5
    low, high = min(lefts) - 2, max(max(w.x1 for line in lines for w in line), max(lefts)) + 2
    bins = int((high - low) / step) + 1
    coverage = [0] * bins
    for line in lines:
        covered = set()
        for word in line:
            covered.update(range(int((word.x0 - low) / step), int((word.x1 - low) / step) + 1))
        for b in covered:
            if 0 <= b < bins:
                coverage[b] += 1
    result = [lefts[0]]
    for previous, left in zip(lefts, lefts[1:]):
        lo, hi = int((previous + 1 - low) / step), int((left + 2 - low) / step)
        if hi <= lo:
            result.append(left)
            continue
        least = min(coverage[lo:hi + 1])
        b = hi
        while b > lo and coverage[b] != least:
            b -= 1
        result.append(low + (b + 1) * step)  # the first x past the gutter
    return result


def _column_of(word: Word, bounds: list[float]) -> int:
    centre = (word.x0 + word.x1) / 2
    best, best_overlap = 0, -1.0
    for c, left in enumerate(bounds):
        right = bounds[c + 1] if c + 1 < len(bounds) else float("inf")
        overlap = min(word.x1, right) - max(word.x0, left)
        if word.x1 - word.x0 < 1:
            overlap = 1.0 if left <= centre < right else -1.0
        if overlap > best_overlap:
            best, best_overlap = c, overlap
    return best


def _crosses(word: Word, bounds: list[float]) -> bool:
    return any(word.x0 < b - 2 and word.x1 > b + 2 for b in bounds[1:])


def _read_table(lines, start, lefts, header, rules, page, number) -> AlignedTable | None:
    size = header.lines[0][0].size if header else statistics.median(w.size for w in lines[start])
    end = _extent(lines, start, size, page)
    body = lines[start:end]
    bounds = _boundaries(body, lefts)
    if body:  # text running across the columns, wide and plain, is prose after the table
        x0, x1 = min(w.x0 for line in body for w in line), max(w.x1 for line in body for w in line)
        for k, line in enumerate(body):
            if any(_crosses(w, bounds) for w in line) and not all(w.bold for w in line) \
                    and line[-1].x1 - line[0].x0 > SETTINGS.prose_width * (x1 - x0):
                body = body[:k]
                break
        bounds = _boundaries(body, lefts) if body else bounds
    columns = [[_column_of(w, bounds) for w in line] for line in body]
    groups = _row_groups(body, columns, bounds, rules, size)
    bold_body = sum(w.bold for line in body for w in line) > SETTINGS.bold_body * max(1, sum(len(line) for line in body))
    rights = [max((w.x1 for line, cols in zip(body, columns) for w, c in zip(line, cols)
                   if c == k and not _crosses(w, bounds)), default=0) for k in range(len(bounds))]
    rows: list[Row] = []
    if header:
        texts = ["" for _ in bounds]
        for group in header.groups:
            c = _column_of(Word("", group.x0, group.x1, 0, 0, 0, False), bounds)
            texts[c] = (texts[c] + " " + group.text).strip()
        rows.append(Row([Cell(t) for t in texts], index=1, page=number))
    for first, last in groups:
        row_lines = body[first:last]
        row_words = [w for line in row_lines for w in line]
        row_columns = [c for cols in columns[first:last] for c in cols]
        top, bottom = row_lines[0][0].top, max(w.bottom for w in row_words)
        # A theme row: one phrase running across columns, or set in bold alone in one.
        phrase = all(len(_groups(line)) == 1 for line in row_lines)
        one_cell = len(row_lines) <= 2 and len(bounds) > 1 and (
            any(_crosses(w, bounds) for w in row_words)
            or (phrase and len(set(row_columns)) > 1)
            or (all(w.bold for w in row_words) and not bold_body and len(set(row_columns)) == 1)
        )
        if one_cell:
            text = " ".join(" ".join(w.text for w in line) for line in row_lines)
            cells = [Cell(text, ocr=ocr_confidences(row_words))]
        else:
            cells = []
            for c, left in enumerate(bounds):
                mine = [w for w, k in zip(row_words, row_columns) if k == c]
                box = (left, top, max(rights[c], left + 1), bottom)
                cells.append(Cell(cell_text(mine, box), ocr=ocr_confidences(mine)))
        rows.append(Row(cells, index=len(rows) + 1, page=number))
    everything = ([w for line in header.lines for w in line] if header else []) + [w for line in body for w in line]
    if not everything:
        return None
    bbox = (0.0, min(w.top for w in everything) - 0.5, float(page.width), max(w.bottom for w in everything) + 0.5)
    filled = [len(set(cols)) for cols in columns]
    return AlignedTable(rows, bbox, tuple(round(b) for b in bounds), lines=len(body), filled=filled)


def _row_groups(body, columns, bounds, rules, size) -> list[tuple[int, int]]:
    """Line ranges [first, last) of each row."""
    if not body:
        return []
    x0, x1 = min(w.x0 for line in body for w in line), max(w.x1 for line in body for w in line)
    spanning = [y for y, r0, r1 in rules if min(r1, x1) - max(r0, x0) >= 0.5 * (x1 - x0)]
    between = [k for k in range(1, len(body))
               if any(body[k - 1][0].bottom - 1 <= y <= body[k][0].top + 1 for y in spanning)]
    if len(between) >= 2:  # a table ruled between its rows: the rules part them
        starts = [0] + between
    else:
        starts = _block_starts(body, columns, len(bounds), size)
    return list(zip(starts, starts[1:] + [len(body)]))


def _block_starts(body, columns, width: int, size: float) -> list[int]:
    """Rows start where the first column, or the column that starts rows, starts a
    new block: after a gap wider than the line spacing, or after lines it was empty on."""
    pitches = sorted(b[0].top - a[0].top for a, b in zip(body, body[1:]) if b[0].top - a[0].top > size * SETTINGS.least_pitch)
    pitch = pitches[len(pitches) // 4] if pitches else size * SETTINGS.default_pitch
    starts_by_column: list[set[int]] = [set() for _ in range(width)]
    last_line = [None] * width
    for k, cols in enumerate(columns):
        for c in set(cols):
            before = last_line[c]
            if before is None or before != k - 1 or body[k][0].top - body[before][0].top > pitch * SETTINGS.block_gap:
                starts_by_column[c].add(k)
            last_line[c] = k
    many = [k for k in range(len(body)) if sum(k in s for s in starts_by_column) >= 2]
    leading = 0
    if many:
        for c in range(width):
            if sum(k in starts_by_column[c] for k in many) >= SETTINGS.row_start_share * len(many):
                leading = c
                break
    starts = sorted({0} | starts_by_column[0] | starts_by_column[leading])
    return starts
