"""Turn the HTML and markdown fragments found inside text conversions into clean text.

Conversions of Word tables keep a cell's structure as inline HTML (``<p>``,
``<ul><li>``, ``<br>``, ``<b>``, ``<sup>th</sup>``). We keep what carries meaning
(paragraph and bullet breaks, "25th") and drop the rest.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..bullets import BULLET, BULLET_CHARS

_BLOCK_TAGS = {"p", "div", "ul", "ol", "table", "tr"}
_SPACES = re.compile(r"[ \t\u00a0]+")
_MD_BOLD = re.compile(r"\*\*(.*?)\*\*|__(.*?)__")
# A "<" that opens no complete tag (no ">" before the next "<") is text. HTMLParser would
# re-scan from each one to the end of the cell: quadratic on a cell of repeated "<a ".
_UNCLOSED_LT = re.compile(r"<(?!!--|[^<>]*>)")


class _CellParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.lists: list[str] = []  # open <ul>/<ol>, innermost last

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("ul", "ol"):
            self.lists.append(tag)
        if tag in _BLOCK_TAGS or tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            # Conversions restart every <ol> at 1, so its numbers carry nothing; a
            # <ul> item keeps its bullet so lists still read as lists.
            in_ordered = bool(self.lists) and self.lists[-1] == "ol"
            self.parts.append("\n" if in_ordered else f"\n{BULLET} ")
        elif tag == "sup":
            # "25 <sup>th</sup>" -> "25th": glue the suffix to the number before it.
            if self.parts:
                self.parts[-1] = self.parts[-1].rstrip(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag in _BLOCK_TAGS or tag == "li":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _tidy_lines(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if not line:
            continue
        # "<li>• Conference</li>" already carries its own bullet.
        if line.startswith(f"{BULLET} ") and len(line) > 2 and line[2] in BULLET_CHARS:
            line = line[2:].lstrip(BULLET_CHARS).strip()
            line = f"{BULLET} {line}"
        if line == BULLET:
            continue
        lines.append(line)
    return "\n".join(lines)


def _escape_unclosed(fragment: str) -> str:
    """The fragment with each "<" that opens no complete tag or comment as text ("&lt;").
    A "<!--" after the last "-->" is never closed: HTMLParser re-scanned from each one to
    the end (a cell of repeated "<!--" took minutes; found by tests/fuzz.py)."""
    fragment = _UNCLOSED_LT.sub("&lt;", fragment)
    end = fragment.rfind("-->")
    end = 0 if end < 0 else end + 3
    return fragment[:end] + fragment[end:].replace("<!--", "&lt;!--")


def html_to_text(fragment: str) -> str:
    """Clean text from a cell or line that may hold HTML; paragraphs become lines.
    Markdown emphasis (**bold**, __bold__) in a pipe-table cell is markup too."""
    fragment = _MD_BOLD.sub(lambda m: m.group(1) or m.group(2) or "", fragment)
    if "<" not in fragment and "&" not in fragment:
        return _tidy_lines(fragment)
    parser = _CellParser()
    parser.feed(_escape_unclosed(fragment))
    parser.close()
    return _tidy_lines("".join(parser.parts))


def strip_markdown(line: str) -> str:
    """Text of a markdown line without emphasis markers or trailing hard breaks."""
    line = _MD_BOLD.sub(lambda m: m.group(1) or m.group(2) or "", line)
    return html.unescape(line.replace("**", "")).strip()
