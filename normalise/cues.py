"""What the wording of a cell tells about the row it is in: whether text starts
inside a sentence (the tail of a cell cut by a page break), whether it ends one,
whether a short line is a theme title. Pure functions of text.
"""

from __future__ import annotations

import re

from .refs import starts_with_number
from .timescales import parse_timescale

TERMINAL = tuple(".!?:;)]\"'”’")
_TITLE_WORD = re.compile(r"^[A-Z0-9&(]|^(and|of|for|the|to|in|on|&|/|-|–)$")
_LIST_MARKER = re.compile(r"^\(?[a-z]{1,4}[.)]\s")  # "a. all assessments", "(ii) staff"


def mid_sentence(text: str) -> bool:
    """Text that starts inside a sentence: the tail of a cell cut by a page break."""
    text = text.lstrip()
    first = text[:1]
    if _LIST_MARKER.match(text):
        return False
    return bool(first) and (first.islower() or first in ",;)-–&")


def unterminated(text: str | None) -> bool:
    return bool(text) and not text.rstrip().endswith(TERMINAL)


def looks_like_title(text: str, any_case: bool = False) -> bool:
    """A short Title-Case or UPPER CASE line: a theme such as "Looked After Children".
    ``any_case``: its setting already marks it a title (bold, or a line alone between two
    tables), so sentence case counts too ("Leadership, management and governance")."""
    words = text.split()
    if not 1 <= len(words) <= 8 or text.rstrip().endswith((".", ",", ";")):
        return False
    if starts_with_number(text) or text.lstrip().startswith(("[", "(")):
        return False
    return any_case or text.isupper() or all(_TITLE_WORD.match(word) for word in words)


def unfinished(lead: str | None) -> bool:
    """A lead cell cut off mid-list: "Kath Vasey and", "Meg Boustead /"."""
    text = (lead or "").rstrip()
    return bool(text) and (text.endswith(("and", "/", "&", ",", "(", "-", "–")) or text.count("(") > text.count(")"))


def reads_as_timescale(text: str | None) -> bool:
    """A timescale cell that stands on its own ("2013." cut from "End of April 2013." does not)."""
    return bool(text) and parse_timescale(text).kind not in ("unknown", "missing")


def joiner(before: str | None, text: str) -> str:
    """A space inside a sentence cut in two, a line break between paragraphs."""
    return " " if mid_sentence(text) or unterminated(before) else "\n"


def append(before: str | None, text: str | None, separator: str = "\n") -> str | None:
    if not text:
        return before
    return f"{before}{separator}{text}" if before else text
