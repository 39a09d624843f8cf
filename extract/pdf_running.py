"""Running feet and page numbers found by where they sit, before a page's tables are read.

A running foot ("Area SEND inspection report: ... 12 to 16 March 2023") is text
repeated at the same place on the pages of a report. Where a table runs to the foot
of a page and on over the next, the foot lands inside the table's last row in reading
order (a text-aligned table takes it into a cell) and stands between the table and
its continuation. Text in the bottom band of a page that the page before or the page
after repeats at the same height (numbers masked: "Page 3 of 12" and "Page 4 of 12"
are one line), and a page number ("Page 3", "3 of 12") alone on a line near the top or
bottom, is taken out
of the page's words before tables and paragraphs are read from them.

Looking one page ahead keeps two pages' layouts in memory at most; the page ahead is
parsed once (pdfplumber caches its characters until it is read and closed).
"""

from __future__ import annotations

import re

from .pdf_words import Word, page_words, text_lines

BAND = 0.15  # the top and bottom share of a page searched for running lines
_SAME_HEIGHT = 2.0  # points: a running line sits at the same height on every page
PAGE_NUMBER = re.compile(r"^(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?$", re.I)


def masked(text: str) -> str:
    """A line with its numbers masked: "Report title 6" and "Report title 7" are one
    running line carrying the page number."""
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


class RunningLines:
    """The running feet of a document's pages, read page by page in order."""

    def __init__(self, pages) -> None:
        self._pages = pages
        self._feet: dict[int, list[tuple[str, float]]] = {}  # page number -> its bottom-band lines

    def drop(self, number: int, page, words: list[Word]) -> list[Word]:
        """``words`` of page ``number`` without its running feet and page numbers."""
        height = page.height
        own = self._foot_lines(words, height)
        around = self._feet.get(number - 1, []) + self._ahead(number)
        self._feet = {number: own}  # the page before's lines are no longer needed
        dropped: set[int] = set()
        for line in text_lines(words):
            text = " ".join(w.text for w in line)
            top = line[0].top
            in_top, in_bottom = top < height * BAND, top > height * (1 - BAND)
            repeated = in_bottom and any(
                masked(text) == other and abs(top - other_top) <= _SAME_HEIGHT for other, other_top in around
            )
            # A bare number near the top may be a year under a title ("2014"): only
            # "Page 3", "3 of 12", "3/12" count there unrepeated.
            numbered = (in_top or in_bottom) and PAGE_NUMBER.match(text) and not text.strip().isdigit()
            if repeated or numbered:
                dropped.update(id(w) for w in line)
        return [w for w in words if id(w) not in dropped] if dropped else words

    def _ahead(self, number: int) -> list[tuple[str, float]]:
        if number >= len(self._pages):
            return []
        page = self._pages[number]  # the next page (0-based index)
        x0, _, x1, bottom = page.bbox
        band = None
        try:
            band = page.crop((x0, bottom - page.height * BAND, x1, bottom))
            words = page_words(band)
        except (ValueError, KeyError, TypeError):  # a damaged next page is judged when it is read
            return []
        finally:
            if band is not None:  # its copies of the band's characters, freed now: a cropped
                band.close()      # page is a reference cycle the collector reaches late
        return self._foot_lines(words, page.height)

    @staticmethod
    def _foot_lines(words: list[Word], height: float) -> list[tuple[str, float]]:
        return [(masked(" ".join(w.text for w in line)), line[0].top)
                for line in text_lines([w for w in words if w.top > height * (1 - BAND)])]
