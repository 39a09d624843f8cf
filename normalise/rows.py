"""Walk a document's tables row by row and decide what each row is: a header, a
section, a new action, or the rest of an action that a page break (or a merged
cell) split. Every row is counted once in ``RowCounts``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..extract.base import Document, Paragraph, Row, Table
from ..schema import ColumnMapping, RowCounts
from ..schema.codes import Finding
from .context import Context
from .cues import append, joiner, looks_like_title, mid_sentence
from .drafts import Draft, Recommendation
from .header_rows import HeaderRows
from .paragraph_kinds import paragraph_kinds
from .headings import HeadingTable
from .layout import Header, stub_columns
from .refs import split_number
from .row_cells import RowCells, read_cells
from .stitch import Decision, Policy, StitchState, decide

# What each row kind adds to in RowCounts (captions are header rows above a header).
_COUNTED_AS = {"item": "items", "continuation": "continuations", "header": "headers", "caption": "headers",
               "section": "sections", "blank": "blank", "dropped": "dropped"}


@dataclass
class RowsRead:
    """What reading a document's rows gives the plan builder."""

    drafts: list[Draft]  # the items as assembled, in order
    counts: RowCounts  # every source row, counted once by what it became
    columns: list[ColumnMapping]  # how each distinct header's columns were read
    findings: list[Finding]  # unmapped headings, inferred columns, dropped rows, skipped tables
    header_fields: set[str]  # every field any header of the document maps
    context: Context  # what the text around the tables said (title, dates, glossary, last theme)
    row_fates: dict[tuple[int, int], tuple[str, str]]  # (table, row) -> (what it became, why)


def read_rows(document: Document, headings: HeadingTable, own_headers_only: bool = False) -> RowsRead:
    """Read a document's blocks, in order, into item drafts."""
    reader = RowReader(headings, own_headers_only).read(document)
    return RowsRead(
        drafts=reader.drafts, counts=reader.counts, columns=reader.column_mappings, findings=reader.issues,
        header_fields=reader.seen_fields, context=reader.context, row_fates=reader.row_fates,
    )


class RowReader:
    """Walks a Document's blocks in order: paragraphs feed the context, header rows set
    the columns, data rows are stitched into item drafts (``stitch.decide``)."""

    def __init__(self, headings: HeadingTable, own_headers_only: bool = False):
        self.headings = headings
        # An inspection report's tables each carry their own header: a table that starts
        # with none (partnership details, contacts) is not more rows of the one above.
        self.own_headers_only = own_headers_only
        self.context = Context()
        self.counts = RowCounts()
        self.drafts: list[Draft] = []
        self.issues: list[Finding] = []
        self.header: Header | None = None
        self.logical_table = 0
        self.state = StitchState()
        self.context_seen = 0  # the context's generation the stitching state was last started from
        self.seen_fields: set[str] = set()  # every field any header in the document maps
        self.pages_cut_rows = True
        self.policy = Policy(own_headers_only=own_headers_only)
        self.header_rows = HeaderRows(headings, one_heading=own_headers_only)
        self.column_mappings: list[ColumnMapping] = []  # each distinct header's columns, once
        # What each source row became, by (table index, row index): its kind ("item",
        # "continuation", "header", "caption", "section", "blank" or "dropped") and why.
        self.row_fates: dict[tuple[int, int], tuple[str, str]] = {}
        self.unmapped_headings: set[str] = set()
        self.caption_rows: set[tuple[str, ...]] = set()  # this table's title rows above its header

    # -- blocks ---------------------------------------------------------------

    def read(self, document: Document) -> "RowReader":
        self.header_rows.survey(document)
        self.pages_cut_rows = document.pages_cut_rows
        self.policy = Policy(own_headers_only=self.own_headers_only, cells_in_place=document.cells_in_place)
        blocks = document.blocks
        kinds = paragraph_kinds(blocks, report=self.own_headers_only)
        for position, block in enumerate(blocks):
            if isinstance(block, Paragraph):
                self.context.read_paragraph(block.text, kinds[position], block.level)
            else:
                self.read_table(block)
        return self

    def read_table(self, table: Table) -> None:
        headers = {}
        for i, row in enumerate(table.rows):
            # A row of no letters or digits ("- | - | -") is counted blank below, so it cannot
            # be the header the rows under it are read by (it was taken for one: found by tests/fuzz.py).
            header = None if self._is_blank(row) else self.header_rows.header_at(row)
            if header is not None:
                headers[i] = header
                self.header_rows.note_met(row)
        first_header = min(headers) if headers else None
        if table.stands_alone:
            self.context.section = None  # a new sheet: the last sheet's theme is not this one's
        if first_header is None and (self.header is None or self.own_headers_only or table.stands_alone
                                     or _own_header_marked(table)):
            self._skip_table(table)
            return
        segment_stubs = self._stubs_by_row(table, headers)
        # The extractor says whether a page may have cut the row above this table in
        # two (Word: only an explicit page break before the table).
        after_break = table.after_page_break
        self.caption_rows = set()  # title rows repeat within one table, page after page
        for i, row in enumerate(table.rows):
            after_break = after_break or (row.page_break_before and self.pages_cut_rows)
            if self._is_blank(row):
                self._count("blank", table, row)
            elif tuple(row.texts) in self.caption_rows:  # a title row repeated on a new page
                self._count("caption", table, row)
            elif first_header is not None and i < first_header and not self._tail_above_header(row, table):
                self._read_caption(row, table)
            elif i in headers and not self._fused_with_data(headers[i]):
                # A header row with text kept out of it is reported as a dropped row (dropped_row): counted so.
                self._count("dropped" if headers[i].stray_text else "header", table, row)
                # A sheet's first header starts its own table, even where it repeats the last sheet's.
                repeated = self._use_header(headers[i], table, row, new_table=table.stands_alone and i == first_header)
                # A header repeated at the top of a page: the row under it may finish
                # the one above, where the source lets pages cut rows.
                after_break = (repeated and self.pages_cut_rows) or after_break
            else:
                self.context.table_started()
                self.read_row(row, table, after_break, segment_stubs.get(i, ()))
                after_break = False

    def _tail_above_header(self, row: Row, table: Table) -> bool:
        """A row above this page's header that is the tail of a row cut by the page
        break (text starting mid-sentence), not a caption of the table."""
        return (
            self.header is not None and self.state.last is not None and table.after_page_break
            and any(mid_sentence(text) for text in row.texts if text.strip())
        )

    def _read_caption(self, row: Row, table: Table) -> None:
        """A row above the table's header: a theme, or text like a paragraph's."""
        filled = [" ".join(text.split()) for text in row.texts if text.strip()]
        if len(filled) == 1 and looks_like_title(filled[0]):
            self._count("section", table, row, "a title row above the table's header")
            self.context.open_theme(filled[0])
        else:
            self._count("caption", table, row)
            self.context.read_caption(row.texts)
            self.caption_rows.add(tuple(row.texts))

    def _count(self, kind: str, table: Table, row: Row, reason: str = "") -> None:
        """Record what a source row became, and why; every row is counted exactly once."""
        self.row_fates[(table.index, row.index)] = (kind, reason)
        self.counts.total += 1
        field_name = _COUNTED_AS[kind]
        setattr(self.counts, field_name, getattr(self.counts, field_name) + 1)

    def _fused_with_data(self, header: Header) -> bool:
        """A header row whose columns also hold data: OCR fused a repeated header
        onto the first row of the page. Read it as data (heading words are dropped)."""
        current = self.header
        if not header.stray_text or current is None or header.width > current.width:
            return False
        # Only the headings count: roles its cells or place gave a fused row are guesses.
        return all(
            column.field is None or column.mapped_by != "heading" or column.field == current.columns[position].field
            for position, column in enumerate(header.columns)
        )

    def _use_header(self, header: Header, table: Table, row: Row, new_table: bool = False) -> bool:
        """Adopt a header row; True when it repeats the one in force (a page turned)."""
        repeated = not new_table and self.header is not None and len(header.fields ^ self.header.fields) <= 1
        if not repeated:
            self.logical_table += 1
            self.state.restart()
        note = header.note("action")
        # "What we will do (5a)": the actions of recommendation 5a (unless this is
        # the same header repeated on the next page).
        current = self.state.recommendation
        if note and len(note) <= 6 and not (current and current.ref == note):
            self.state.recommendation = Recommendation(ref=note, text=self.context.recommendation)
            self.state.last, self.context_seen = None, self.context.generation
        if not repeated:
            self._record_columns(header, table, row)
        for column in header.columns:
            if column.heading and column.field is None and column.heading not in self.unmapped_headings:
                self.unmapped_headings.add(column.heading)
                self.issues.append(Finding(
                    "unmapped_heading", f"column heading {column.heading!r} maps to no field; its text is kept in extra",
                    column.heading, row.page or table.page, table.index, row.index,
                ))
        for text in header.stray_text:
            self.issues.append(Finding(
                "dropped_row", f"table {table.index} row {row.index}: text in a header row kept out: {text[:80]!r}",
                text, row.page or table.page, table.index, row.index,
            ))
        self.header = header
        self.seen_fields |= header.fields
        return repeated

    def _record_columns(self, header: Header, table: Table, row: Row) -> None:
        """Say how a new header's columns were read; warn where no heading decided."""
        known = {(m.heading, m.position, m.field) for m in self.column_mappings}
        for column in header.columns:
            if (column.heading, column.position, column.field) in known:
                continue
            self.column_mappings.append(ColumnMapping(
                table=table.index, position=column.position, heading=column.heading, field=column.field,
                mapped_by=column.mapped_by, score=column.score,
            ))
            if column.mapped_by in ("content", "position"):
                why = "its cells" if column.mapped_by == "content" else "its place beside the other prose columns"
                self.issues.append(Finding(
                    "inferred_column",
                    f"column {column.position} ({column.heading or 'no heading'!s}) read as {column.field} from {why}"
                    + (f" ({column.score:.0%} of cells fit)" if column.score is not None else ""),
                    column.heading, row.page or table.page, table.index, row.index,
                ))

    def _stubs_by_row(self, table: Table, headers: dict[int, Header]) -> dict[int, tuple[int, ...]]:
        """Stub columns to glue, worked out per run of rows under one header."""
        result: dict[int, tuple[int, ...]] = {}
        header, segment = self.header, []

        def close() -> None:
            if header and segment:
                stubs = stub_columns([table.rows[i].texts for i in segment], header.width)
                result.update({i: stubs for i in segment})

        for i in range(len(table.rows)):
            if i in headers:
                close()
                header, segment = headers[i], []
            else:
                segment.append(i)
                result[i] = ()
        close()
        return result

    def _skip_table(self, table: Table) -> None:
        rows = [row for row in table.rows if not self._is_blank(row)]
        for row in table.rows:
            self._count("dropped" if row in rows else "blank", table, row)
        if rows:
            first = " | ".join(text for text in rows[0].texts if text.strip())
            where = f"table {table.index}" + (f" (sheet {table.sheet!r})" if table.sheet else "")
            self.issues.append(Finding(
                "skipped_table",
                f"{where} ({len(rows)} rows) has no action or recommendation column; "
                f"not converted (first row: {first[:80]!r})",
                "\n".join(" | ".join(t for t in r.texts if t.strip()) for r in rows), table.page, table.index,
                rows[0].index,
            ))

    @staticmethod
    def _is_blank(row: Row) -> bool:
        return not any(ch.isalnum() for text in row.texts for ch in text)

    # -- rows -----------------------------------------------------------------

    def read_row(self, row: Row, table: Table, after_break: bool, stubs: tuple[int, ...]) -> None:
        """Decide what the row is (``stitch.decide``), then apply the decision."""
        assert self.header is not None
        if self.context.generation != self.context_seen:  # new text above: nothing before it continues
            self.state.restart()
            self.context_seen = self.context.generation
        cells = read_cells(row, self.header, stubs)
        decision = decide(self.state, cells, self.header, self.context.section, after_break, self.policy)
        self._apply(decision, cells, row, table)

    def _apply(self, decision: Decision, cells: RowCells, row: Row, table: Table) -> None:
        state, kind = self.state, decision.kind
        if kind == "recommendation":
            self.context.start_recommendation(*decision.marker)
            self.context_seen = self.context.generation
            state.restart()
        elif kind == "section":
            self.context.section = decision.section
            state.restart()
        else:
            self._apply_to_items(decision, cells, row, table)
        self._count("section" if kind == "recommendation" else kind, table, row, decision.reason)

    def _apply_to_items(self, decision: Decision, cells: RowCells, row: Row, table: Table) -> None:
        state = self.state
        if decision.section_joined:
            state.last.section = self.context.section = decision.section
        elif decision.section:
            self.context.section, state.recommendation = decision.section, None
        if decision.counted_numbered is not None:
            state.numbered_recommendations += decision.counted_numbered
            state.recommendations_seen += 1
        if decision.last_was_theme:
            self._make_theme(state.last)
        if decision.append_to_recommendation:
            current = state.recommendation
            if decision.recommendation != current.text:
                current.text = append(current.text, decision.recommendation,
                                      joiner(current.text, decision.recommendation))
            if decision.report_refs != current.report_refs:
                current.report_refs = append(current.report_refs, decision.report_refs, ", ")
            decision.recommendation = decision.report_refs = ""
        if decision.kind == "dropped":
            text = " | ".join(t for t in row.texts if t.strip())
            self.issues.append(Finding(
                "dropped_row", f"table {table.index} row {row.index}: {decision.reason}: {text[:80]!r}",
                text, row.page or table.page, table.index, row.index,
            ))
        elif decision.kind == "continuation":
            self._add_to_last(state.last, decision.fields, cells)
            if decision.fills_waiting:
                state.last.waiting_for_action = False
        else:
            for name in decision.carried:
                text = decision.fields.pop(name)
                state.last.fields[name] = append(state.last.fields[name], text, joiner(state.last.fields[name], text))
            self._new_item(row, table, decision, cells)
            state.last.waiting_for_action = decision.waiting_for_action

    def _make_theme(self, last: Draft) -> None:
        """The last item was a theme a conversion wrote into the first cell: a section."""
        self.drafts.pop()
        self.row_fates[(last.table, last.row)] = ("section", "a lone heading with no actions before the next "
                                                             "recommendation: a theme")
        self.counts.items -= 1
        self.counts.sections += 1
        self.context.section = last.group.text
        self.state.restart()

    def _add_to_last(self, last: Draft, fields: dict[str, str], cells: RowCells) -> None:
        for name, confidences in cells.ocr.items():
            last.ocr.setdefault(name, []).extend(confidences)
        if cells.fill:
            last.fills.append(cells.fill)
        for name, text in fields.items():
            before = last.fields.get(name)
            separator = " " if name in ("lead", "timescale") else joiner(before, text)
            last.fields[name] = append(before, text, separator)
        for heading, text in cells.extra.items():
            before = last.extra.get(heading)
            last.extra[heading] = append(before, text, joiner(before, text))

    def _new_item(self, row: Row, table: Table, decision: Decision, cells: RowCells) -> None:
        state = self.state
        ref, recommendation, report_refs = decision.ref, decision.recommendation, decision.report_refs
        if decision.new_recommendation or state.recommendation is None:
            number, text = split_number(recommendation) if recommendation else (None, None)
            if not (ref or recommendation or report_refs):
                state.recommendation = Recommendation(ref=self.context.recommendation_ref,
                                                      text=self.context.recommendation)
            else:
                state.recommendation = Recommendation(ref=ref or number, text=text or None,
                                                      report_refs=report_refs or None)
            first_in_group = True
        else:
            first_in_group = False
        draft = Draft(
            fields=decision.fields, extra=cells.extra, group=state.recommendation, section=self.context.section,
            table=table.index, row=row.index, page=row.page or table.page,
            logical_table=self.logical_table, first_in_group=first_in_group,
            context_outcome=self.context.outcome, fills=[cells.fill] if cells.fill else [],
            merged_from_above=cells.merged, header=self.header,
            ocr={name: list(confidences) for name, confidences in cells.ocr.items()},
        )
        self.drafts.append(draft)
        state.last = draft


def _own_header_marked(table: Table) -> bool:
    """The table's first row is marked as its header (Word's repeat-header flag, HTML's
    <th> row) yet names no plan columns: a table of its own (contacts, document history
    after the plan), not the plan's table carried on without its header."""
    first = next((row for row in table.rows if not row.is_blank), None)
    return first is not None and first.marked_header
