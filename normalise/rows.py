"""Walk a document's tables row by row and decide what each row is: a header, a
section, a new action, or the rest of an action that a page break (or a merged
cell) split. Every row is counted once in ``RowCounts``.
"""

from __future__ import annotations

from ..extract.base import Document, Paragraph, Row, Table
from ..schema import ColumnMapping, RowCounts
from .context import Context, recommendation_marker
from .cues import (
    append,
    joiner,
    looks_like_title,
    mid_sentence,
    reads_as_timescale,
    unfinished,
    unterminated,
)
from .drafts import Draft, Group, PlanIssue
from .headings import HeadingTable, normalise_heading
from .layout import Header, align, read_header, stub_columns
from .refs import split_number, starts_with_number
from .report import is_recommendations_heading

# What each row kind adds to in RowCounts (captions are header rows above a header).
_COUNTED_AS = {"item": "items", "continuation": "continuations", "header": "headers", "caption": "headers",
               "section": "sections", "blank": "blank", "dropped": "dropped"}
_ROLE_SAMPLE_ROWS = 60  # rows under a header (all its repeats together) read to give its columns roles


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


def _same_parent(ref: str, other: str | None) -> bool:
    """"1.2" and "1.1" (or "1") number actions of one recommendation."""
    parent = ref.rstrip(".").split(".")
    return bool(other) and len(parent) > 1 and parent[0] == other.rstrip(".").split(".")[0]


def _header_key(row: Row) -> tuple[str, ...]:
    return tuple(" ".join(text.split()).lower() for text in row.texts)

_LONGEST_THEME_WORDS = 20  # "Quality of assessment, planning and review" is 6; prose runs on
PROSE_FIELDS = ("recommendation", "action", "outcome", "progress", "monitoring", "status")


class RowReader:
    """Reads a Document's blocks in order into item drafts."""

    def __init__(self, headings: HeadingTable, own_headers_only: bool = False):
        self.headings = headings
        # An inspection report's tables each carry their own header: a table that starts
        # with none (partnership details, contacts) is not more rows of the one above.
        self.own_headers_only = own_headers_only
        self.context = Context()
        self.counts = RowCounts()
        self.drafts: list[Draft] = []
        self.issues: list[PlanIssue] = []
        self.header: Header | None = None
        self.logical_table = 0
        self.group: Group | None = None
        self.last: Draft | None = None
        self.numbered_recommendations = [0, 0]  # [numbered, all] new-group texts seen
        self.seen_fields: set[str] = set()  # every field any header in the document maps
        self.skipped_tables: list[int] = []  # tables with no action column, by index
        self.pages_cut_rows = True
        self.cells_in_place = False
        self.role_samples: dict[tuple[str, ...], list[Row]] = {}
        self.header_candidates: set[int] = set()  # id() of rows that may be headers (top, marked, known headings)
        self.headers_read: dict[tuple, Header | None] = {}  # each header wording read once
        self.header_keys: set[tuple[str, ...]] = set()  # the wording of every header row met so far
        self.column_mappings: list[ColumnMapping] = []  # each distinct header's columns, once
        # What each source row became, by (table index, row index): "item", "continuation",
        # "header", "caption", "section", "blank" or "dropped".
        self.row_kinds: dict[tuple[int, int], str] = {}
        self.unmapped_headings: set[str] = set()
        self.row_ocr: dict[str, list[float]] = {}  # the row being read: its OCR word confidences by field
        self.caption_rows: set[tuple[str, ...]] = set()  # this table's title rows above its header

    # -- blocks ---------------------------------------------------------------

    def read(self, document: Document) -> "RowReader":
        self.role_samples = self._role_samples(document)
        self.pages_cut_rows = document.pages_cut_rows
        self.cells_in_place = document.cells_in_place
        blocks = document.blocks
        theme_kinds = _theme_kinds(blocks)
        for position, block in enumerate(blocks):
            if isinstance(block, Paragraph):
                kind = block.kind
                if _between_tables(blocks, position) and looks_like_title(
                        " ".join(block.text.split()), any_case=_lone_line(block.text)):
                    kind = "heading"  # a theme's title line standing between a plan's tables
                elif block.kind in theme_kinds and _before_table(blocks, position) \
                        and looks_like_title(" ".join(block.text.split()), any_case=True):
                    kind = "heading"  # the first theme, set as the themes between the tables are
                elif self.own_headers_only and is_recommendations_heading(block.text):
                    kind = "heading"  # a report's "Areas for priority action" over its table
                self.context.read_paragraph(block.text, kind, block.level)
            else:
                self.read_table(block)
        return self

    def read_table(self, table: Table) -> None:
        headers = {}
        for i, row in enumerate(table.rows):
            header = self._header_at(table, i)
            if header is not None:
                headers[i] = header
                self.header_keys.add(_header_key(row))
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
            elif first_header is not None and i < first_header and not self._continues_table(row, table):
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

    def _header_at(self, table: Table, i: int) -> Header | None:
        """Row i as a header. Its columns' roles are read from the rows below it too;
        a row no heading vouches for is tried as a header only at the top of a table,
        where the source marks it as one, or where it repeats a header met before (a
        conversion repeats the heading row every few rows). Read once per wording."""
        row = table.rows[i]
        key = _header_key(row)
        if id(row) not in self.header_candidates and key not in self.header_keys:
            return None
        wording = (key, row.marked_header)
        if wording not in self.headers_read:
            self.headers_read[wording] = read_header(row, self.headings, self.role_samples.get(key, []),
                                                     one_heading=self.own_headers_only)
        return self.headers_read[wording]

    def _role_samples(self, document: Document) -> dict[tuple[str, ...], list[Row]]:
        """The rows under each distinct header wording, across the whole document: a
        header repeated on every page gets its columns' roles from all of them at once,
        so every page reads the same way. Notes the rows that may be headers on the way."""
        samples: dict[tuple[str, ...], list[Row]] = {}
        for table in document.tables:
            current, top = None, True
            for row in table.rows:
                if row.is_blank:
                    continue
                if top or row.marked_header or read_header(row, self.headings, one_heading=self.own_headers_only):
                    self.header_candidates.add(id(row))
                    current = samples.setdefault(_header_key(row), [])
                elif current is not None and len(current) < _ROLE_SAMPLE_ROWS:
                    current.append(row)
                top = False
        return samples

    def _continues_table(self, row: Row, table: Table) -> bool:
        """A row above this page's header that is the tail of a row cut by the page
        break (text starting mid-sentence), not a caption of the table."""
        return (
            self.header is not None and self.last is not None and table.after_page_break
            and any(mid_sentence(text) for text in row.texts if text.strip())
        )

    def _read_caption(self, row: Row, table: Table) -> None:
        """A row above the table's header: a theme, or text like a paragraph's."""
        filled = [" ".join(text.split()) for text in row.texts if text.strip()]
        if len(filled) == 1 and looks_like_title(filled[0]):
            self._count("section", table, row)
            self.context.section = filled[0]
            self.context.changed = True
        else:
            self._count("caption", table, row)
            self.context.read_caption(row.texts)
            self.caption_rows.add(tuple(row.texts))

    def _count(self, kind: str, table: Table, row: Row) -> None:
        """Record what a source row became; every row is counted exactly once."""
        self.row_kinds[(table.index, row.index)] = kind
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
            self.group, self.last = None, None
        note = header.note("action")
        # "What we will do (5a)": the actions of recommendation 5a (unless this is
        # the same header repeated on the next page).
        if note and len(note) <= 6 and not (self.group and self.group.ref == note):
            self.group = Group(ref=note, text=self.context.recommendation)
            self.last, self.context.changed = None, False
        if not repeated:
            self._record_columns(header, table, row)
        for column in header.columns:
            if column.heading and column.field is None and column.heading not in self.unmapped_headings:
                self.unmapped_headings.add(column.heading)
                self.issues.append(PlanIssue(
                    "unmapped_heading", f"column heading {column.heading!r} maps to no field; its text is kept in extra",
                    column.heading, row.page or table.page, table.index, row.index,
                ))
        for text in header.stray_text:
            self.issues.append(PlanIssue(
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
                self.issues.append(PlanIssue(
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
        self.skipped_tables.append(table.index)
        rows = [row for row in table.rows if not self._is_blank(row)]
        for row in table.rows:
            self._count("dropped" if row in rows else "blank", table, row)
        if rows:
            first = " | ".join(text for text in rows[0].texts if text.strip())
            where = f"table {table.index}" + (f" (sheet {table.sheet!r})" if table.sheet else "")
            self.issues.append(PlanIssue(
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
        assert self.header is not None
        if self.context.changed:  # new text above: nothing before it continues
            self.group, self.last = None, None
            self.context.changed = False
        by_field, extra, merged = self._cells_by_field(row, stubs)
        lone = self._lone_text(by_field, extra)
        marker = recommendation_marker(lone) if lone else None
        if marker and (len(row.cells) == 1 or not by_field.get("action")):
            # A row that opens a numbered recommendation ("Recommendation 2: Improve
            # ..."), as card-style plans head each one: its actions follow.
            self._count("section", table, row)
            self.context.start_recommendation(*marker)
            self.context.changed = False
            self.group, self.last = None, None
            return
        if self._is_section(row, by_field, extra, after_break):
            self._count("section", table, row)
            self.context.section = lone
            self.group, self.last = None, None
            return

        section = by_field.pop("section", "")
        ref = by_field.pop("recommendation_ref", "")
        recommendation = by_field.pop("recommendation", "")
        report_refs = by_field.pop("report_refs", "")
        action = by_field.get("action", "")
        last = self.last
        # A row cut by a page break: no lead or date of its own (or only the rest of
        # an unfinished lead), and text that starts mid-sentence. It starts nothing new.
        split_tail = (
            after_break and last is not None
            and (not by_field.get("lead") or unfinished(last.fields.get("lead")))
            and not reads_as_timescale(by_field.get("timescale"))
            and any(mid_sentence(text) for text in (recommendation, *(by_field.get(name, "") for name in PROSE_FIELDS)))
        )
        if section and split_tail and last.section and section != last.section:
            last.section = self.context.section = f"{last.section} {section}"  # a theme cut in two
        elif section and section != self.context.section:
            self.context.section = section
            self.group = None
        new_group = not (split_tail and not ref and last is not None) and self._starts_group(ref, recommendation, last)
        if (not new_group and not split_tail and recommendation and not action and self.group is not None
                and recommendation != self.group.text and not any(by_field.values())
                and not mid_sentence(recommendation) and not unterminated(self.group.text)):
            # A lone recommendation cell after a finished recommendation, not cut from it by a
            # page break and not reading on from it ("plans, and that ..."), is no continuation
            # but a new recommendation (or a theme written in that column, which
            # _theme_in_first_cell then tells).
            new_group = True
        if new_group and last is not None and self._theme_in_first_cell(last):
            last = None  # it was a theme row: nothing before this row continues
        wrapped = after_break or mid_sentence(recommendation)

        if not new_group and (recommendation or report_refs) and self.group is not None:
            # A merged cell's text repeated at the top of the next page is not more text.
            if recommendation != self.group.text:
                self.group.text = append(self.group.text, recommendation, joiner(self.group.text, recommendation))
            if report_refs != self.group.report_refs:
                self.group.report_refs = append(self.group.report_refs, report_refs, ", ")
            recommendation = report_refs = ""

        if not action:
            if new_group:
                self._new_item(row, table, by_field, extra, merged, ref, recommendation, report_refs, True)
                self.last.waiting_for_action = True
                self._count("item", table, row)
            elif last is not None:
                self._continue(last, by_field, extra)
                self._count("continuation", table, row)
            else:
                self._count("dropped", table, row)
                text = " | ".join(t for t in row.texts if t.strip())
                self.issues.append(PlanIssue(
                    "dropped_row", f"table {table.index} row {row.index}: no action and nothing to continue: {text[:80]!r}",
                    text, row.page or table.page, table.index, row.index,
                ))
            return

        repeated_ref = bool(ref) and not new_group
        own_date = bool(by_field.get("timescale")) and not repeated_ref
        if last is not None and not new_group and self._continues(action, last, wrapped, split_tail, own_date):
            self._continue(last, by_field, extra)
            self._count("continuation", table, row)
        elif last is not None and last.waiting_for_action and not new_group:
            self._continue(last, by_field, extra)
            last.waiting_for_action = False
            self._count("continuation", table, row)
        else:
            if wrapped and last is not None:
                self._carry_split_cells(last, by_field)
            self._new_item(row, table, by_field, extra, merged, ref, recommendation, report_refs, new_group)
            self._count("item", table, row)

    def _cells_by_field(self, row: Row, stubs: tuple[int, ...]):
        header = self.header
        texts = align(row.texts, header.width, stubs)
        last_column = header.columns[-1]
        if not last_column.heading and texts[-1].strip() and not texts[0].strip():
            # Text under a trailing column with no heading while the first cell is
            # empty: the converter shifted this row one cell right.
            texts = texts[1:] + [""]
            shifted = True
        else:
            shifted = False
        self.row_ocr = self._ocr_by_field(row, stubs, shifted)
        merged_cells = align(["1" if c.merged_from_above else "" for c in row.cells], header.width, ())
        headings = [normalise_heading(column.heading) for column in header.columns]
        # OCR can fuse a repeated header into the first data row: drop the heading words.
        echoes = sum(1 for text, h in zip(texts, headings) if h and text and normalise_heading(text) == h)
        by_field: dict[str, str] = {}
        extra: dict[str, str] = {}
        merged: set[str] = set()
        for column, text, heading, was_merged in zip(header.columns, texts, headings, merged_cells):
            text = text.strip()
            if echoes >= 2 and text:
                if normalise_heading(text) == heading:
                    continue
                if column.heading and text.lower().startswith(column.heading.lower()):
                    text = text[len(column.heading):].strip()
            if column.field and was_merged:
                merged.add(column.field)
            if not text:
                continue
            if column.field:
                by_field[column.field] = append(by_field.get(column.field), text)
            else:
                extra[column.key] = append(extra.get(column.key), text)
        for cell in row.cells:
            if cell.fill:
                by_field.setdefault("_fill", cell.fill)
        return by_field, extra, merged

    def _ocr_by_field(self, row: Row, stubs: tuple[int, ...], shifted: bool) -> dict[str, list[float]]:
        """The OCR confidences of a row's words by the field their column fills (``extra``
        for columns that fill none), lined up as ``_cells_by_field`` lines up the texts."""
        if not any(cell.ocr for cell in row.cells):
            return {}
        held = align([str(i) for i in range(len(row.cells))], self.header.width, stubs)
        if shifted:
            held = held[1:] + [""]
        by_field: dict[str, list[float]] = {}
        for column, positions in zip(self.header.columns, held):
            words = [confidence for i in positions.split() for confidence in row.cells[int(i)].ocr]
            if words:
                by_field.setdefault(column.field or "extra", []).extend(words)
        return by_field

    @staticmethod
    def _lone_text(by_field: dict[str, str], extra: dict[str, str]) -> str | None:
        """The text of a row that has text in one column only."""
        values = [t for f, t in by_field.items() if not f.startswith("_")] + list(extra.values())
        return values[0] if len(values) == 1 else None

    def _is_section(self, row: Row, by_field: dict[str, str], extra: dict[str, str], after_break: bool) -> bool:
        values = [(f, t) for f, t in by_field.items() if not f.startswith("_")] + [(None, t) for t in extra.values()]
        if len(values) != 1:
            return False
        field_name, text = values[0]
        if mid_sentence(text):
            return False
        if self.own_headers_only and sum(1 for column in self.header.columns if column.heading) == 1:
            return False  # a one-column table (a report's "Areas for improvement"): each row is an item
        if len(row.cells) == 1 and self.header.width > 1:  # one cell spanning the row
            # ... a theme, unless it runs on like prose (a note, or OCR debris).
            return len(text.split()) <= _LONGEST_THEME_WORDS
        # A merged theme row's text lands in any column of a text conversion; a lone
        # short line under a date or notes heading is the tail of that cell instead,
        # and after a page break even a lone lead is the rest of the one above. Where
        # cells are in place (Word), a lone lead is the rest of the lead above.
        title_columns = {None, "section", "recommendation", "recommendation_ref", "action"}
        if not after_break and not self.cells_in_place:
            title_columns.add("lead")
        emphasised = all(cell.emphasis for cell in row.cells if cell.text.strip())
        return field_name in title_columns and looks_like_title(text, any_case=emphasised)

    def _theme_in_first_cell(self, last: Draft) -> bool:
        """The last row held only a short unnumbered heading in the recommendation column
        and no action came under it before the next recommendation: a theme row that a
        CSV or text conversion wrote in the first cell (the merge across lost), not a
        recommendation without actions. It becomes a section; True when it did."""
        text = last.group.text or ""
        if not (last.waiting_for_action and self.drafts and self.drafts[-1] is last and not last.group.ref
                and not last.extra and not [f for f in last.fields if not f.startswith("_")]):
            return False
        if len(text.split()) > 8 or text.rstrip().endswith((".", ";", ":", ",")) or mid_sentence(text):
            return False
        self.drafts.pop()
        self.row_kinds[(last.table, last.row)] = "section"
        self.counts.items -= 1
        self.counts.sections += 1
        self.context.section = text
        self.group, self.last = None, None
        return True

    def _starts_group(self, ref: str, recommendation: str, last: Draft | None) -> bool:
        can_continue = last is not None and self.group is not None
        if ref:
            if can_continue and ref == self.group.ref:
                return False  # a repeated number: the same recommendation
            # "1.2" under "1.1" with no recommendation text of its own: a number column that
            # counts actions within recommendation 1, not a new recommendation.
            return not (can_continue and not recommendation and _same_parent(ref, self.group.ref))
        if not recommendation:
            return False
        numbered = starts_with_number(recommendation)
        if can_continue and not numbered:
            seen_numbered, seen = self.numbered_recommendations
            if mid_sentence(recommendation) or (seen >= 2 and seen_numbered / seen >= 0.8):
                return False
            if "recommendation_ref" in self.header.fields:  # the number column is empty: same one
                return False
        self.numbered_recommendations[0] += numbered
        self.numbered_recommendations[1] += 1
        return True

    @staticmethod
    def _continues(action: str, last: Draft, wrapped: bool, split_tail: bool, own_date: bool) -> bool:
        """Is this row's action the rest of the last item's action?

        ``wrapped``: the row follows a page break, or its recommendation cell goes
        on mid-sentence, so the row may be the second half of the one above.
        ``own_date``: the row has a timescale of its own (a new action, unless its
        action text itself starts mid-sentence).
        """
        if starts_with_number(action) or last.waiting_for_action:
            return False
        if split_tail:
            return True
        if own_date and not mid_sentence(action):
            return False
        return (wrapped or mid_sentence(action)) and unterminated(last.fields.get("action"))

    def _carry_split_cells(self, last: Draft, by_field: dict[str, str]) -> None:
        """A new row, cut from the one above by a page break or a wrapped line, whose
        prose cells start mid-sentence: those cells are the tail of the last item's."""
        for name in PROSE_FIELDS:
            text = by_field.get(name)
            if name != "action" and text and mid_sentence(text) and unterminated(last.fields.get(name)):
                last.fields[name] = append(last.fields[name], text, joiner(last.fields[name], text))
                del by_field[name]

    def _continue(self, last: Draft, by_field: dict[str, str], extra: dict[str, str]) -> None:
        for name, confidences in self.row_ocr.items():
            last.ocr.setdefault(name, []).extend(confidences)
        for name, text in by_field.items():
            if name == "_fill":
                last.fills.append(text)
                continue
            before = last.fields.get(name)
            separator = " " if name in ("lead", "timescale") else joiner(before, text)
            last.fields[name] = append(before, text, separator)
        for heading, text in extra.items():
            before = last.extra.get(heading)
            last.extra[heading] = append(before, text, joiner(before, text))

    def _new_item(self, row, table, by_field, extra, merged, ref, recommendation, report_refs, new_group) -> None:
        if new_group or self.group is None:
            number, text = split_number(recommendation) if recommendation else (None, None)
            if not (ref or recommendation or report_refs):
                self.group = Group(ref=self.context.recommendation_ref, text=self.context.recommendation)
            else:
                self.group = Group(ref=ref or number, text=text or None, report_refs=report_refs or None)
            first_in_group = True
        else:
            first_in_group = False
        fill = by_field.pop("_fill", None)
        draft = Draft(
            fields=by_field, extra=extra, group=self.group, section=self.context.section,
            table=table.index, row=row.index, page=row.page or table.page,
            logical_table=self.logical_table, first_in_group=first_in_group,
            context_outcome=self.context.outcome, fills=[fill] if fill else [],
            merged_from_above=merged, header=self.header,
            ocr={name: list(confidences) for name, confidences in self.row_ocr.items()},
        )
        self.drafts.append(draft)
        self.last = draft


def _own_header_marked(table: Table) -> bool:
    """The table's first row is marked as its header (Word's repeat-header flag, HTML's
    <th> row) yet names no plan columns: a table of its own (contacts, document history
    after the plan), not the plan's table carried on without its header."""
    first = next((row for row in table.rows if not row.is_blank), None)
    return first is not None and first.marked_header
