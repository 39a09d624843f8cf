"""Which rows of a document are header rows, and the ``Header`` each one reads as.

A header's columns get their roles from the rows under it too, and a header repeated on
every page gets them from all its repeats at once, so every page reads the same way:
the whole document is surveyed first (``survey``), then each row is asked about in turn
(``header_at``).
"""

from __future__ import annotations

from ..extract.base import Document, Row
from .headings import HeadingTable
from .layout import Header, read_header

_ROLE_SAMPLE_ROWS = 60  # rows under a header (all its repeats together) read to give its columns roles


def header_key(row: Row) -> tuple[str, ...]:
    """A header row's wording, compared blind to case and spacing."""
    return tuple(" ".join(text.split()).lower() for text in row.texts)


class HeaderRows:
    """The document's header rows, each wording read once."""

    def __init__(self, headings: HeadingTable, one_heading: bool = False):
        self.headings = headings
        # An inspection report's tables: one known heading makes a header.
        self.one_heading = one_heading
        self.role_samples: dict[tuple[str, ...], list[Row]] = {}  # the rows under each header wording
        self.candidates: set[int] = set()  # id() of rows that may be headers (top, marked, known headings)
        self.met: set[tuple[str, ...]] = set()  # the wording of every header row met so far
        self._read: dict[tuple, Header | None] = {}  # each wording (and whether marked) read once

    def survey(self, document: Document) -> None:
        """Note the rows that may be headers and gather the rows under each wording."""
        for table in document.tables:
            current, top = None, True
            for row in table.rows:
                if row.is_blank:
                    continue
                if top or row.marked_header or read_header(row, self.headings, one_heading=self.one_heading):
                    self.candidates.add(id(row))
                    current = self.role_samples.setdefault(header_key(row), [])
                elif current is not None and len(current) < _ROLE_SAMPLE_ROWS:
                    current.append(row)
                top = False

    def header_at(self, row: Row) -> Header | None:
        """The row as a header, or None. A row no heading vouches for is tried as a header
        only at the top of a table, where the source marks it as one, or where it repeats a
        header met before (a conversion repeats the heading row every few rows)."""
        key = header_key(row)
        if id(row) not in self.candidates and key not in self.met:
            return None
        wording = (key, row.marked_header)
        if wording not in self._read:
            self._read[wording] = read_header(row, self.headings, self.role_samples.get(key, []),
                                              one_heading=self.one_heading)
        return self._read[wording]

    def note_met(self, row: Row) -> None:
        """A row read as a header: its wording is a header wherever it appears again."""
        self.met.add(header_key(row))
