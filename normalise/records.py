"""Plans written as labelled records, not as a table: read them as one.

Some plans, pasted as text or written as Word paragraphs, give each action as a block
of labelled lines rather than a table row::

    Recommendation 1: Ensure that children ... receive timely assessments.
    Action 1.1: Review the front door pathway ...
    Lead: Head of Early Help and Safeguarding
    Timescale: April 2024
    RAG: Green

A run of such blocks becomes a ``Table`` here, before rows are read, so that everything
downstream (column mapping, stitching, timescales, leads, validation) treats it as any
other plan table: the labels, mapped by the heading vocabulary, are its header; each
block opened by the run's first label is a row; a numbered recommendation line between
blocks is a row of one cell, as a full-width row in a table is; a label's number
("Action 1.1") is the row's action reference. A bullet line after a labelled line is a
sub-point of that field; a line with no label between a label with no value and the
record's next label ("Lead:" / "Head of Service" / "Timescale: ...") is that label's value.

A run counts only where it is a plan: two blocks or more, with an action label and at
least one of lead, timescale or status. Anything else (a cover page's "Date: 14 March
2024") stays paragraphs.

Word plans also come as forms: a small table per action, labels down its first column
("Action ref | 1.1", "Action | ...", "Lead officer | ...", "Timescale | ..."), with the
recommendation as a line above. A run of such tables is read the same way, one row per
action (a form with several value columns gives an action per column).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..bullets import BULLET_CHARS
from ..extract.base import Block, Cell, Document, Paragraph, Row, Table
from .context import recommendation_marker
from .headings import HeadingTable

# "Action 1.1: text", "Lead officer: text", "• RAG: Green" (a bullet before the label is
# set aside); "Timescale - April 2024" is too loose (a dash joins words in prose): only a
# colon ends a label.
_LABELLED = re.compile(rf"^(?:[{re.escape(BULLET_CHARS)}]\s*)?(?P<label>[A-Za-z][A-Za-z'’()/&.? -]{{0,38}}?)(?:\s+(?P<number>\d+(?:\.\d+)*[a-z]?))?"
                       r"\s*:\s*(?P<value>.*)$")
_BULLET = re.compile(rf"^\s*[{re.escape(BULLET_CHARS)}]\s")
_RECORD_FIELDS = {"lead", "timescale", "status"}  # a block with none of these is not an action record
_MIN_RECORDS = 2
_MAX_THEME = 100  # characters of a heading taken for a theme
_THEME_WORDS = 8  # words of a plain line taken for a theme
_MAX_LABEL = 40  # characters: a label is a heading's length, a cell of prose is no label
_NUMBER_HEADING = "Action no"  # a heading the vocabulary maps to the action reference


@dataclass
class _Record:
    values: dict[str, str] = field(default_factory=dict)  # label -> value, in the order read
    number: str | None = None
    page: int | None = None
    last_label: str | None = None


@dataclass(frozen=True)
class _Labelled:
    label: str
    field: str
    number: str | None
    value: str


def labelled_records(document: Document, headings: HeadingTable) -> Document:
    """``document`` with each run of labelled action records made a table (tables
    renumbered in document order); the same document where there is none."""
    read = _Blocks(document.blocks, headings)
    out, at, found = [], 0, False
    while at < len(read.blocks):
        end, rows = _records_at(read, at)
        if rows:
            # The recommendation line above the run's first record, and the theme above that,
            # are its rows too (a short line right above a record may as well be a title).
            if out and _marker(out[-1]):
                rows.insert(0, out.pop())
                if out and _theme_line(out[-1]):
                    rows.insert(0, out.pop())
            out.append(_table(rows, headings))
            at, found = end, True
        else:
            out.append(read.blocks[at])
            at += 1
    if not found:
        return document
    index = 0
    for block in out:
        if isinstance(block, Table):
            index += 1
            block.index = index
    return replace(document, blocks=out)


class _Blocks:
    """A document's blocks with what each is as a record, worked out once: a run looks
    one block ahead, and every block is also where a run may start."""

    def __init__(self, blocks: list[Block], headings: HeadingTable) -> None:
        self.blocks, self.headings = blocks, headings
        self.labels = [_labelled(block, headings) for block in blocks]
        self._forms: dict[int, list[_Record] | None] = {}

    def form(self, at: int) -> list[_Record] | None:
        """The actions of the block at ``at`` where it is a table laid out as a form."""
        if at not in self._forms:
            block = self.blocks[at]
            self._forms[at] = _form_records(block, self.headings) if isinstance(block, Table) else None
        return self._forms[at]


def _marker(block: Block) -> bool:
    """A numbered recommendation line ("Recommendation 2: ...")."""
    return isinstance(block, Paragraph) and recommendation_marker(block.text) is not None


def _theme_line(block: Block) -> bool:
    """A theme's line between records: a heading, or a short line of words with no
    number and no closing punctuation ("Permanence", "LEADERSHIP AND GOVERNANCE")."""
    if not isinstance(block, Paragraph) or not block.text.strip() or _marker(block):
        return False
    text = " ".join(block.text.split())
    if block.kind in ("heading", "bold"):
        return len(text) <= _MAX_THEME
    return len(text.split()) <= _THEME_WORDS and not re.search(r"\d", text) and text[-1] not in ".:;,?!"


def _labelled(block: Block, headings: HeadingTable) -> _Labelled | None:
    if not isinstance(block, Paragraph):
        return None
    found = _LABELLED.match(" ".join(block.text.split()))
    if not found or recommendation_marker(block.text):
        return None
    label = found["label"].strip()
    mapped = headings.match(label)
    return _Labelled(label, mapped, found["number"], found["value"].strip()) if mapped else None


def _records_at(read: _Blocks, start: int) -> tuple[int, list]:
    """(index after the run, its rows: records, recommendation and theme lines) for a run
    of records starting at ``start``; no rows where none starts there."""
    blocks = read.blocks
    if isinstance(blocks[start], Table):
        return _form_tables_at(read, start)
    first = read.labels[start]
    if first is None:
        return start, []
    opening = first.field
    rows: list[_Record | Paragraph] = []
    fields: set[str] = set()
    current: _Record | None = None
    end = start
    for at in range(start, len(blocks)):
        block, labelled = blocks[at], read.labels[at]
        if labelled is not None and labelled.field == opening:
            current = _Record(number=labelled.number, page=block.page)
            rows.append(current)
        elif labelled is not None and current is not None and labelled.label not in current.values:
            pass
        elif labelled is None and _marker(block):
            current = None
            rows.append(block)
            continue
        elif labelled is None and _theme_line(block) and _next_opens(read, at + 1, opening):
            current = None
            rows.append(block)
            continue
        elif (labelled is None and current is not None and isinstance(block, Paragraph) and current.last_label
              and current.values[current.last_label] and _BULLET.match(block.text)):
            current.values[current.last_label] += "\n" + block.text.strip()  # a bullet sub-point of the field
            end = at + 1
            continue
        elif (labelled is None and current is not None and isinstance(block, Paragraph) and current.last_label
              and not current.values[current.last_label] and _record_goes_on(read, at + 1, opening)):
            current.values[current.last_label] = " ".join(block.text.split())  # "Lead:" / its value below
            end = at + 1
            continue
        else:
            break
        current.values[labelled.label] = labelled.value
        current.last_label = labelled.label
        fields.add(labelled.field)
        end = at + 1
    while rows and isinstance(rows[-1], Paragraph):  # a recommendation after the last record is not the run's
        rows.pop()
    records = [row for row in rows if isinstance(row, _Record)]
    if len(records) < _MIN_RECORDS or "action" not in fields or not fields & _RECORD_FIELDS:
        return start, []
    return end, rows


def _form_tables_at(read: _Blocks, start: int) -> tuple[int, list]:
    """A run of tables each laid out as a form (labels down the first column, one action
    per further column: "Action | Review the front door", "Lead | Head of Service"), with
    numbered recommendation lines and empty lines between them: one table, a row per action."""
    rows: list[_Record | Paragraph] = []
    end = start
    for at in range(start, len(read.blocks)):
        block, records = read.blocks[at], read.form(at)
        if records:
            rows += records
            end = at + 1
        elif isinstance(block, Paragraph) and not block.text.strip():
            continue
        elif _marker(block) or (_theme_line(block) and _next_opens(read, at + 1, None)):
            rows.append(block)
        else:
            break
    while rows and isinstance(rows[-1], Paragraph):
        rows.pop()
    return (end, rows) if rows else (start, [])


def _form_records(table: Table, headings: HeadingTable) -> list[_Record] | None:
    """The actions of a table laid out as a form, or None where it is not one: two
    columns or more, every row's first cell a label the heading vocabulary maps, among
    them an action and a lead, timescale or status. Where the first label comes round
    again, another form starts: two forms either side of a page break come out of a PDF
    as one table (their columns line up)."""
    rows = [row for row in table.rows if not row.is_blank]
    if len(rows) < 2 or any(len(row.cells) < 2 for row in rows):
        return None
    labels = [" ".join(row.cells[0].text.split()) for row in rows]
    if any(len(label) > _MAX_LABEL for label in labels):
        return None
    fields = set()
    for label in dict.fromkeys(labels):  # a plan table's first column fails at its first cell: stop there
        field_ = headings.match(label)
        if field_ is None:
            return None
        fields.add(field_)
    if "action" not in fields or not fields & _RECORD_FIELDS:
        return None
    starts = [at for at, label in enumerate(labels) if label == labels[0]] + [len(rows)]
    forms = [list(zip(labels[a:b], rows[a:b])) for a, b in zip(starts, starts[1:])]
    if any(len({label for label, _ in form}) < len(form) for form in forms):
        return None  # a label twice within one form: no form
    records = []
    for form in forms:
        width = max(len(row.cells) for _, row in form)
        for column in range(1, width):
            values = {label: (row.cells[column].text.strip() if column < len(row.cells) else "")  # lines kept
                      for label, row in form}
            if any(values.values()):
                records.append(_Record(values=values, page=form[0][1].page or table.page))
    return records or None


def _next_opens(read: _Blocks, at: int, opening: str | None) -> bool:
    """Whether the next block that is not empty opens a recommendation or a record (a
    paragraph labelled as records open, or, with ``opening`` None, a form table): only
    then is the line before it a theme."""
    blocks = read.blocks
    while at < len(blocks) and isinstance(blocks[at], Paragraph) and not blocks[at].text.strip():
        at += 1
    if at >= len(blocks):
        return False
    if _marker(blocks[at]):
        return True
    if opening is None:
        return read.form(at) is not None
    labelled = read.labels[at]
    return labelled is not None and labelled.field == opening


def _record_goes_on(read: _Blocks, at: int, opening: str) -> bool:
    """Whether the block at ``at`` carries on the record (a label other than the one
    opening records): only then is the line before it the value of an empty label above
    it, not a theme or a heading after a record whose last field is empty."""
    labelled = read.labels[at] if at < len(read.blocks) else None
    return labelled is not None and labelled.field != opening


def _table(rows: list[_Record | Paragraph], headings: HeadingTable) -> Table:
    labels = list(dict.fromkeys(label for row in rows if isinstance(row, _Record) for label in row.values))
    numbered = any(row.number for row in rows if isinstance(row, _Record))
    # Under numbered recommendation lines a record's own "Ref: 1.2" numbers its action.
    under_recommendations = any(_marker(row) for row in rows if isinstance(row, Paragraph))
    header = ([_NUMBER_HEADING] if numbered else []) + [
        _NUMBER_HEADING if under_recommendations and not numbered and headings.match(label) == "recommendation_ref"
        else label for label in labels]
    table_rows = [Row([Cell(text) for text in header], index=1,
                      page=next((row.page for row in rows if isinstance(row, _Record)), None))]
    for row in rows:
        if isinstance(row, Paragraph):  # a numbered recommendation: a full-width row
            cells = [Cell(" ".join(row.text.split()))]
        else:
            cells = ([Cell(row.number or "")] if numbered else []) + [Cell(row.values.get(label, "")) for label in labels]
        table_rows.append(Row(cells, index=len(table_rows) + 1, page=row.page))
    return Table(table_rows, index=0, page=table_rows[0].page, strategy="records", stands_alone=True)
