"""Which field each column holds, from its heading and from what its cells hold.

A heading alone fails on plans worded otherwise ("Milestone" over a column of dates,
"Accountable" over names, "BRAG" over single letters). So every column is also read
for what its cells are: timescales, RAG ratings, people / posts / bodies, reference
numbers, or prose. A heading match stands unless the cells clearly say another typed
field; a column whose heading matches nothing takes the typed field its cells clearly
hold; and where no column is headed as the action, the prose columns are given their
roles by position (the issue or recommendation first, the action after it).
Pure functions of cell text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .colours import rag_from_fill
from .cues import reads_as_timescale
from .status import parse_status

# Fields a column's cells can prove, and the prose fields they cannot tell apart.
TYPED_FIELDS = ("timescale", "status", "lead", "recommendation_ref")
PROSE_WORDS = 6  # a cell of this many words or more is prose, not a name, date or rating

CLEAR = 0.6  # share of a column's filled cells that must read as a field for content to decide
MARGIN = 0.25  # ... ahead of the next-best field
MIN_CELLS = 2  # fewer filled cells prove nothing

_REF = re.compile(
    r"^(?:(?:rec(?:ommendation)?|no|ref)\.?\s*)?(?:[A-Z]{1,2}\s?)?\d{1,3}(?:\.\d{1,3})*[a-z]?[.)]?$",
    re.I,
)
_SMALL_WORDS = {"and", "of", "for", "the", "to", "in", "on", "&", "/", "-", "–", "with", "at", "de"}


@dataclass(frozen=True)
class Evidence:
    """What a column's cells read as: the share of its filled cells per typed field, the
    share that is prose, and how many cells were filled."""

    shares: dict[str, float]
    prose: float
    filled: int

    def clear_field(self) -> str | None:
        """The typed field the cells clearly hold, if any."""
        if self.filled < MIN_CELLS:
            return None
        ranked = sorted(self.shares.items(), key=lambda item: -item[1])
        (best, share), runner_up = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0.0)
        return best if share >= CLEAR and share - runner_up >= MARGIN else None


def reads_as_name_or_post(text: str) -> bool:
    """A person, post, team or body: a short line in capitalised words, not a sentence."""
    words = text.replace("/", " / ").split()
    if not any(len(word.strip(".,()")) > 1 for word in words):  # "G", "A.": ratings or initials' debris
        return False
    if not words or len(words) > 12 or text.rstrip().endswith((".", "?", "!")):
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[:1].isupper() or w.isupper())
    return capitalised / len(content) >= 0.6


_RAG_LETTER = re.compile(r"^[(\[]?\s*[RAGB]\s*[)\]]?\.?$")


def reads_as_status(text: str, fill: str | None = None) -> bool:
    if not text.strip():
        return rag_from_fill(fill) is not None
    if _RAG_LETTER.match(text.strip()):
        return True
    if len(text.split()) > PROSE_WORDS + 2:
        return False
    status = parse_status(text)
    return status.rag is not None or status.state in ("complete", "in_progress", "not_started")


def evidence(cells: list[str], fills: list[str | None] | None = None) -> Evidence:
    """What a column's cells read as."""
    fills = fills or [None] * len(cells)
    counted = [(" ".join(text.split()), fill) for text, fill in zip(cells, fills)
               if text.strip() or rag_from_fill(fill)]
    if not counted:
        return Evidence({name: 0.0 for name in TYPED_FIELDS}, 0.0, 0)
    hits = {name: 0 for name in TYPED_FIELDS}
    prose = 0
    for text, fill in counted:
        if len(text.split()) >= PROSE_WORDS:
            # A long cell is prose unless it reads as a name and post ("Marcus Bell
            # (Detective Inspector, Public Protection)"), which are as long as a sentence.
            if reads_as_name_or_post(text):
                hits["lead"] += 1
            else:
                prose += 1
            continue
        # A cell may read as two fields ("Ongoing" is a timescale and a status): it
        # counts for both, and the margin between the shares decides.
        typed = False
        for name, reads in (("status", reads_as_status(text, fill)), ("timescale", reads_as_timescale(text)),
                            ("recommendation_ref", bool(_REF.match(text)))):
            if reads:
                hits[name] += 1
                typed = True
        if not typed and reads_as_name_or_post(text):
            hits["lead"] += 1
    total = len(counted)
    return Evidence({name: count / total for name, count in hits.items()}, prose / total, total)


@dataclass(frozen=True)
class Role:
    """How one column was mapped: its field, and whether the heading, the cells or the
    column's place among the prose columns decided it."""

    field: str | None
    mapped_by: str | None  # "heading" | "content" | "position" | None
    score: float | None = None


PROSE_FIELDS = ("recommendation", "action", "outcome", "progress", "monitoring")
# A progress column's short cells ("Completed", "Underway") are read for status already.
_READ_FROM = {"progress": ("status",)}


def assign_roles(heading_fields: list[str | None], columns: list[Evidence]) -> list[Role]:
    """Fields for a table's columns from their headings' fields and their cells, each
    field at most once (a heading repeated over two columns keeps both, as now)."""
    roles = [Role(field, "heading", 1.0) if field else Role(None, None) for field in heading_fields]
    # 0. A column headed as a date or a rating whose cells are sentences is not that
    #    field ("Details / Timescale" over the recommendations' text): it is left to
    #    its content and place.
    for position, (role, column) in enumerate(zip(roles, columns)):
        if (role.field in ("timescale", "status") and column.filled >= MIN_CELLS and column.prose >= 0.7
                and column.shares[role.field] < 0.2):
            roles[position] = Role(None, None)
    taken = {role.field for role in roles if role.field}
    # 1. A column headed as prose whose cells clearly hold a typed field that no heading
    #    claims ("Milestone" over dates) takes that field. A typed heading stands: a
    #    "Completion date" column saying "Complete" is still the timescale column.
    for position, (role, column) in enumerate(zip(roles, columns)):
        clear = column.clear_field()
        if (role.field in PROSE_FIELDS and clear and clear not in taken and column.prose < 0.3
                and clear not in _READ_FROM.get(role.field, ())):
            taken.discard(role.field)
            taken.add(clear)
            roles[position] = Role(clear, "content", round(column.shares[clear], 2))
    # 2. An unheaded (or unmatched) column takes the typed field its cells clearly hold.
    for position, (role, column) in enumerate(zip(roles, columns)):
        clear = column.clear_field()
        if role.field is None and clear and clear not in taken:
            taken.add(clear)
            roles[position] = Role(clear, "content", round(column.shares[clear], 2))
    # 3. No action column: the prose columns left, in reading order, are the
    #    recommendation (where none is headed) and then the action.
    if "action" not in taken:
        prose = [p for p, (role, column) in enumerate(zip(roles, columns))
                 if role.field is None and column.filled and column.prose >= 0.5]
        headed = [p for p, role in enumerate(roles) if role.field == "recommendation"]
        if headed:
            wanted = list(zip(["action"], [p for p in prose if p > headed[0]] or prose))
        elif len(prose) >= 2:
            wanted = list(zip(["recommendation", "action"], prose))
        else:
            wanted = list(zip(["action"], prose))
        for field, position in wanted:
            roles[position] = Role(field, "position", round(columns[position].prose, 2))
            taken.add(field)
    # 4. No recommendation column: an unheaded prose column before the action holds it.
    actions = [p for p, role in enumerate(roles) if role.field == "action"]
    if "recommendation" not in taken and actions:
        before = [p for p, (role, column) in enumerate(zip(roles, columns))
                  if p < actions[0] and role.field is None and column.filled and column.prose >= 0.5]
        if before:
            roles[before[0]] = Role("recommendation", "position", round(columns[before[0]].prose, 2))
    return roles
