"""Plain-text tables laid out by position rather than by TABs or markdown pipes,
as a PDF or Word table pasted as text, a terminal or a report writer prints them:
boxed tables (``boxed``) and fixed-width columns (here).

Fixed width: columns of text lined up under each other with runs of two or more
spaces (gutters) between them. The columns come from a ``-----  -----`` underline
below the header where there is one, else from the places where three or more
lines of a block start text after a gutter that is blank on every line. The table
then runs on over the blocks (between blank lines) that keep to those columns; a
block of lone first-column lines (a theme title) belongs to it only when rows
follow it, so the prose after a table stays prose. Prose never starts a table: its
words have single spaces between them and no gutters line up.

A cell wraps onto the lines below it. Where the layout puts a blank line between
rows, each block is one row; otherwise ``wrapped.group_lines`` tells from the lines
themselves where rows start.

``find_tables`` returns where each table sits in the text and its rows; lines it
does not claim are read as TAB rows, pipe tables and paragraphs by ``text.parse``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from .base import Row
from .boxed import find_boxes
from .wrapped import Lines, group_lines, make_rows, observed_widths

_DASH_LINE = re.compile(r"^\s*[-=]{2,}(?:\s+[-=]{2,})*\s*$")
_DASH_RUN = re.compile(r"[-=]{2,}")
_SEGMENT = re.compile(r"\S+(?: \S+)*")  # text between runs of two or more spaces



class FixedWidthSettings(BaseModel):
    """The tuned constants of reading a space-aligned table, each with why its value."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # Blank lines a table may hold between two of its rows: text conversions put one or two
    # between rows (and a page break's blank lines); more is the text after the table.
    max_blanks: int = 3
    # Lines that must share a column start before a block reads as a table: two lines line
    # up by chance in prose (an indented quote), three rarely do.
    min_shared: int = 3
    # Blank lines part rows only where at most one block in this many reads as two rows:
    # plans that separate rows by blank lines do so throughout, while a plan whose rows
    # run on without blanks has the odd blank line inside a long cell.
    splits_per_block: int = 5


SETTINGS = FixedWidthSettings()


@dataclass
class FoundTable:
    start: int  # first line of the table
    end: int  # line after its last line
    rows: list[Row]


def find_tables(lines: list[str], claimed=lambda line: False) -> list[FoundTable]:
    """The boxed and fixed-width tables in ``lines``, in order. ``claimed(line)`` says
    a line belongs to another kind of table (a TAB row, a markdown pipe row)."""
    boxes = [FoundTable(*box) for box in find_boxes(lines)]
    boxed = {i for box in boxes for i in range(box.start, box.end)}
    usable = [i not in boxed and not claimed(line) for i, line in enumerate(lines)]
    found = boxes + _find_fixed(lines, usable)
    return sorted(found, key=lambda table: table.start)


# -- fixed-width tables --------------------------------------------------------

@dataclass
class _Layout:
    starts: list[int]  # where each column begins
    gutters: set[int] = field(default_factory=set)  # positions blank on every clean line
    underlined: bool = False  # columns taken from a dash underline: no more columns
    widths: list[int] = field(default_factory=list)  # the underline's run lengths

    def add(self, start: int) -> None:
        self.starts = sorted({*self.starts, start})
        self.gutters.add(start - 1)


def _segments(line: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SEGMENT.finditer(line)]


def _blank_at(line: str, position: int) -> bool:
    return position < 0 or position >= len(line) or line[position] == " "


def _blocks(lines: list[str], usable: list[bool]) -> list[tuple[int, int]]:
    """Runs of consecutive non-blank lines that no other table claims."""
    blocks = []
    start = None
    for i, line in enumerate([*lines, ""]):
        ok = i < len(lines) and usable[i] and line.strip() != ""
        if ok and start is None:
            start = i
        elif not ok and start is not None:
            blocks.append((start, i))
            start = None
    return blocks


def _adjacent(before: tuple[int, int], after: tuple[int, int], usable: list[bool]) -> bool:
    """Two blocks with only a few blank lines between them."""
    return after[0] - before[1] <= SETTINGS.max_blanks and all(usable[before[1]:after[0]])


def _underline_layout(block: list[str]) -> tuple[_Layout, int] | None:
    """Columns from a ``----  ----`` underline with text above it, and its line."""
    for k, line in enumerate(block):
        runs = list(_DASH_RUN.finditer(line))
        if k and len(runs) >= 2 and _DASH_LINE.match(line) and not _DASH_LINE.match(block[k - 1]):
            gutters = {p for a, b in zip(runs, runs[1:]) for p in range(a.end(), b.start())}
            return _Layout([run.start() for run in runs], gutters, True, [len(run.group()) for run in runs]), k
    return None


def _gutter_layout(block: list[str]) -> _Layout | None:
    """Columns from gutters the lines share: text starting at the same place, after
    two or more spaces or as a line's first text, on ``SETTINGS.min_shared`` or more lines,
    with that place's left neighbour blank on every line (a lone run of text from
    the margin, a theme title, may cross it). Two or more lines must hold text in
    two or more places: an indented list is not a table."""
    if sum(len(_segments(line)) >= 2 for line in block) < 2:
        return None
    margin = min(_segments(line)[0][0] for line in block)
    spanning = [line for line in block if len(_segments(line)) >= 2 or _segments(line)[0][0] > margin]
    counts: dict[int, int] = {}
    for line in block:
        for start, _ in _segments(line):
            if start - margin >= 2:
                counts[start] = counts.get(start, 0) + 1
    clean = [x for x in counts if all(_blank_at(line, x - 1) for line in spanning)]
    if not any(counts[x] >= SETTINGS.min_shared for x in clean):
        return None
    layout = _Layout([margin])
    for x in clean:
        if counts[x] >= 2:
            layout.add(x)
    return layout


def _fit(line: str, layout: _Layout, others: list[str], grow: bool) -> str:
    """How a line sits in the layout: "rule", "ok", "section" (one run of text from
    the first column, maybe across the others) or "bad". With ``grow``, text starting
    on a gutter clean in every line of ``others`` opens a new column."""
    if _DASH_LINE.match(line):
        return "rule"
    segments = _segments(line)
    if not segments:
        return "ok"
    if len(segments) == 1 and abs(segments[0][0] - layout.starts[0]) <= 1:
        return "section"
    clean = all(_blank_at(line, g) for g in layout.gutters)
    aligned = 0
    used: set[int] = set()
    for start, _ in segments:
        k = max(bisect_right(layout.starts, start) - 1, 0)
        if start in layout.starts:
            aligned += 1
        elif k not in used and grow and not layout.underlined and \
                all(_blank_at(other, start - 1) and _blank_at(other, start - 2) for other in [*others, line]):
            layout.add(start)
            k = layout.starts.index(start)
            aligned += 1
        used.add(k)
    if clean or aligned >= 2:
        return "ok"
    return "bad"


def _block_fit(block: list[str], layout: _Layout, region: list[str]) -> str:
    """"fits", "sections" (every line a lone run from the first column: a theme
    title, or the prose after a table) or "no"."""
    verdicts = [_fit(line, layout, region + block, grow=True) for line in block]
    if "bad" in verdicts:
        return "no"
    if all(v in ("section", "rule") for v in verdicts):
        return "sections"
    return "fits"


def _header_fit(block: list[str], layout: _Layout, region: list[str]) -> bool:
    """A block just above a table that reads as its header: its first line has text
    at two or more of the table's column starts."""
    first = _segments(block[0])
    if sum(start in layout.starts for start, _ in first) < 2:
        return False
    return all(_fit(line, layout, region + block, grow=False) in ("ok", "rule") for line in block)


def _find_fixed(lines: list[str], usable: list[bool]) -> list[FoundTable]:
    """Each table starts from a block whose columns are plain (an underline, or
    shared gutters, over up to three blocks of short rows), takes in a header
    standing above it, and runs on over the blocks that keep to its columns."""
    blocks = _blocks(lines, usable)
    found: list[FoundTable] = []
    taken = 0  # blocks before this index belong to a table already
    b = 0
    while b < len(blocks):
        start, end = blocks[b]
        block = lines[start:end]
        underline = _underline_layout(block)
        if underline:
            layout, k = underline
            # Lines above the header that do not sit in its columns (a title) stay text.
            first = k - 1
            while first > 0 and _fit(block[first - 1], layout, [], grow=False) == "ok" \
                    and not _DASH_LINE.match(block[first - 1]):
                first -= 1
            if first > 0 and _DASH_LINE.match(block[first - 1]):
                first -= 1  # the rule above a header
        else:
            layout = _gutter_layout(block)
            # Rows a line or two long between blank lines: read the next blocks too.
            following = b
            while layout is None and following + 1 < min(len(blocks), b + 3) \
                    and _adjacent(blocks[following], blocks[following + 1], usable):
                following += 1
                layout = _gutter_layout([line for s, e in blocks[b:following + 1] for line in lines[s:e]])
            if layout is None:
                b += 1
                continue
            first = 0
            while first < len(block) and len(_segments(block[first])) < 2:
                first += 1  # a title run into the table's first line
            if first == len(block):
                b += 1  # a title on its own: the table starts with the next block
                continue
        region_start = start + first
        region = lines[region_start:end]
        # Back: a header line standing on its own above the table.
        first_block = b
        while first_block > taken:
            p_start, p_end = blocks[first_block - 1]
            if not _adjacent((p_start, p_end), (region_start, end), usable):
                break
            previous = lines[p_start:p_end]
            if not _header_fit(previous, layout, region):
                break
            region = previous + [""] * (region_start - p_end) + region
            region_start = p_start
            first_block -= 1
        # On: the blocks that keep to the columns.
        region_end = end
        last = b
        j = b + 1
        while j < len(blocks):
            n_start, n_end = blocks[j]
            if not _adjacent(blocks[j - 1], blocks[j], usable):
                break
            verdict = _block_fit(lines[n_start:n_end], layout, lines[region_start:region_end])
            if verdict == "no":
                break
            if verdict == "fits":  # blocks of lone first-column lines only count if rows follow
                region_end, last = n_end, j
            j += 1
        region = lines[region_start:region_end]
        rows = _fixed_rows(region, layout)
        if rows:
            found.append(FoundTable(region_start, region_end, rows))
        b = taken = last + 1
    return found


def _cells(line: str, starts: list[int]) -> list[str]:
    """A line cut at the column starts that have a blank before them on this line:
    text running across a column start (a lone title, an overlong word) stays in the
    column it started in."""
    cells = [""] * len(starts)
    segments = _segments(line)
    if len(segments) == 1 and not all(_blank_at(line, s - 1) for s in starts[1:]):
        start = segments[0][0]
        cells[max(bisect_right(starts, start) - 1, 0)] = " ".join(line.split())
        return cells
    cuts = [0] + [s for s in starts[1:] if s < len(line) and _blank_at(line, s - 1)] + [len(line)]
    for left, right in zip(cuts, cuts[1:]):
        piece = " ".join(line[left:right].split())
        if piece:
            k = starts.index(left) if left in starts else 0
            cells[k] = " ".join(filter(None, [cells[k], piece]))
    return cells


def _fixed_rows(region: list[str], layout: _Layout) -> list[Row]:
    """The rows of a fixed-width table's lines. The text above an underline is the
    header; the blocks between blank lines and rules are one row each where that is
    how the layout parts rows, else their lines are grouped into rows."""
    blocks: list[Lines] = [[]]
    header_blocks: set[int] = set()
    for line in region:
        if not line.strip() or _DASH_LINE.match(line):
            if _DASH_LINE.match(line) and len(_DASH_RUN.findall(line)) >= 2 and blocks[-1] \
                    and len([b for b in blocks if b]) == 1:
                header_blocks.add(len(blocks) - 1)  # text above the underline is the header
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append(_cells(line, layout.starts))
    blocks = [block for block in blocks if block]
    widths = observed_widths([cells for block in blocks for cells in block])
    if layout.underlined:  # the underline shows the width each column wraps at
        widths = [max(width, run) for width, run in zip(widths, layout.widths)]
    # Blank lines between rows (the block under each blank line is one row) when the
    # blocks do not read as several rows each; else blank lines are page breaks.
    data = [block for number, block in enumerate(blocks) if number not in header_blocks]
    splits = sum(len(group_lines(block, widths)) - 1 for block in data)
    one_row_each = len(data) >= 2 and splits * SETTINGS.splits_per_block <= len(data)
    groups: list[Lines] = []
    header_groups: set[int] = set()
    header = blocks[0][0] if blocks and sum(bool(text) for text in blocks[0][0]) >= 2 else None
    for number, block in enumerate(blocks):
        if number in header_blocks:
            header_groups.add(len(groups))
            groups.append(block)
        elif one_row_each:
            groups.append(block)
        else:
            above = groups[-1] if groups and len(groups) - 1 not in header_groups else None
            groups.extend(group_lines(block, widths, header, previous=above))
    return make_rows(groups, header_groups, widths)


