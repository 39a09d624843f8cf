"""Map a table's column headings to ActionItem fields.

Headings differ from council to council ("Lead" / "Responsibility" /
"Responsible officer(s)"); we normalise the wording and match it fuzzily against
a table of synonyms shipped in ``headings.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from ..months import MONTH_NUMBERS
from ..toml_files import read_toml

SYNONYMS_FILE = Path(__file__).with_name("headings.toml")

_MONTHS = "|".join(MONTH_NUMBERS)
_DATES = re.compile(rf"\b(({_MONTHS})[a-z]*\.?\s*)?\d{{2,4}}\b")
_HYPHEN_BREAK = re.compile(r"(\w)-\s+(\w)")  # "Respon- sibility"
_NON_WORD = re.compile(r"[^a-z0-9]+")
_JOINERS = re.compile(r"\s+(?:and|or)\s+")  # in a normalised heading ("/" and "&" are spaces there)
_ALTERNATIVES = re.compile(r"\s*[/&]\s*")  # in a heading as written: "Lead officer / team"
# A heading's head noun comes before its qualifying phrase: "Recommendation from the
# inspection", "Date of completion", "Person responsible for delivery". ("by" is left
# out: "Action by" names who acts, not an action.)
_QUALIFIER = re.compile(r"\s+(?:from|of|for|to|in|on|with|against|within)\s+")


@dataclass(frozen=True)
class HeadingTable:
    synonyms: dict[str, str]  # normalised synonym -> field
    cutoff: float

    def match(self, heading: str) -> str | None:
        """The field a heading maps to, or None."""
        key = normalise_heading(heading)
        if not key:
            return None
        return self._closest(key) or self._compound(key) or self._alternatives(heading) or self._head(key)

    def _closest(self, key: str) -> str | None:
        """The field of the synonym ``key`` is, or is close enough to (a normalised heading)."""
        if key in self.synonyms:
            return self.synonyms[key]
        best = process.extractOne(key, self.synonyms.keys(), scorer=fuzz.ratio, score_cutoff=self.cutoff)
        return self.synonyms[best[0]] if best else None

    def _compound(self, key: str) -> str | None:
        """A heading joining two with "and" / "or" ("Update and RAG rating"): the field
        both parts name, or the progress column where one part is progress and the other the
        rating (a progress column is read for its RAG words too)."""
        parts = [part for part in _JOINERS.split(key) if part]
        if len(parts) != 2:
            return None
        return _one_field({self._closest(part) for part in parts})

    def _alternatives(self, heading: str) -> str | None:
        """A heading offering alternatives ("Owner / Lead", "Status / Progress"): the field
        its parts name together. Where some parts name none, the first part names the
        column and the others only qualify it ("Lead officer / team"); where the first part
        names none, what the column holds is not known and the heading is left unread."""
        parts = [part for part in (normalise_heading(part) for part in _ALTERNATIVES.split(heading)) if part]
        if len(parts) < 2:
            return None
        fields = [self._closest(part) for part in parts]
        if None not in fields:
            return _one_field(set(fields))
        return fields[0] if set(fields[1:]) == {None} else None

    def _head(self, key: str) -> str | None:
        """The field of a heading's head, before a qualifying phrase ("recommendation from
        inspection" -> "recommendation")."""
        head = _QUALIFIER.split(key, maxsplit=1)[0]
        field = self._closest(head) if head != key else None
        # "Number of actions", "No. of visits": a count, not the row's reference.
        return None if field in ("recommendation_ref", "action_ref") else field


def _one_field(fields: set[str | None]) -> str | None:
    """The field several parts of a heading name together: one field, or the progress
    column where the parts are progress and the rating (it is read for RAG words too)."""
    if len(fields) == 1:
        return fields.pop()
    return "progress" if fields == {"progress", "status"} else None


def normalise_heading(heading: str) -> str:
    text = _HYPHEN_BREAK.sub(r"\1\2", heading.lower())
    text = _without_brackets(text)
    text = _DATES.sub(" ", text)
    text = text.replace("'s", "")
    return " ".join(_NON_WORD.sub(" ", text).split())


def _without_brackets(text: str) -> str:
    """Each "(...)" and "[...]" replaced by a space, as a regex sub of an opener, no closer,
    then the closer would, without its quadratic time on unclosed brackets (100k "(")."""
    out, at, closable = [], 0, {"(": True, "[": True}
    while at < len(text):
        opener = text[at]
        if opener in closable and closable[opener]:
            close = text.find(")" if opener == "(" else "]", at + 1)
            if close >= 0:
                out.append(" ")
                at = close + 1
                continue
            closable[opener] = False  # no closer after here: no later opener of this kind closes either
        out.append(opener)
        at += 1
    return "".join(out)


def heading_note(heading: str) -> str | None:
    """The bracketed note of a heading: "What we will do (5a)" -> "5a"."""
    # The first "(" and the first ")" after it, as the regex \(([^)]*)\) finds them, but
    # found in linear time: that regex retried every "(" of a long run of them (100,000
    # "(" took 29 s).
    opening = heading.find("(")
    closing = heading.find(")", opening + 1) if opening >= 0 else -1
    return heading[opening + 1:closing].strip() if closing >= 0 else None


def load_table(path: Path = SYNONYMS_FILE, extra: Path | None = None) -> HeadingTable:
    """The synonym table, optionally extended by a user's TOML file of the same shape."""
    synonyms: dict[str, str] = {}
    cutoff = 88.0
    for source in (path, extra):
        if source is None:
            continue
        data = read_toml(source)
        cutoff = float(data.get("cutoff", cutoff))
        for field, words in data.get("synonyms", {}).items():
            for word in words:
                synonyms[normalise_heading(word)] = field
    return HeadingTable(synonyms, cutoff)


@lru_cache(maxsize=1)
def default_table() -> HeadingTable:
    return load_table()
