"""Reference numbers: "1.1. Review all..." -> ("1.1", "Review all..."),
"Para 17, 27, 44" -> ["Para 17", "Para 27", "Para 44"]."""

from __future__ import annotations

import re

_LEADING_NUMBER = re.compile(r"^\s*(?P<ref>\d{1,3}(?:\.\d{1,3})*[a-z]?)(?:[.)]\s*|\s+)(?=\S)", re.I)
_REF_PREFIX = re.compile(r"^(?P<prefix>[A-Za-z][A-Za-z.]*)\s*(?P<number>\d.*)$")


def split_number(text: str) -> tuple[str | None, str]:
    """A leading list number and the text after it; (None, text) when there is none."""
    found = _LEADING_NUMBER.match(text)
    if not found:
        return None, text
    return found["ref"], text[found.end():]


def starts_with_number(text: str) -> bool:
    return bool(_LEADING_NUMBER.match(text))


def report_refs(raw: str | None) -> list[str]:
    """Report paragraph references, each with the prefix the cell puts on the first."""
    refs: list[str] = []
    prefix = ""
    for piece in re.split(r"[,;\n]+", raw or ""):
        piece = " ".join(piece.split())
        if not piece:
            continue
        prefixed = _REF_PREFIX.match(piece)
        if prefixed:
            prefix = prefixed["prefix"]
            piece = f"{prefix} {prefixed['number']}"
        elif piece[0].isdigit() and prefix:
            piece = f"{prefix} {piece}"
        refs.append(piece)
    return refs
