"""RAG rating and state from the words of a progress or status cell.

Some plans use BLUE as a fourth colour for "complete": the schema's `rag` has
no blue, so BLUE gives state complete and no RAG.
"""

from __future__ import annotations

import re

from ..schema import Status

# RAG words count when written in capitals anywhere ("... GREEN. Compliance") or
# at the start of the cell in any case ("Green – completed", "Amber"); "red" inside
# prose ("reduced", "a red flag") must not, nor a colour used as an adjective at the
# start ("Green space audit", "Red flag process"): a colour followed by a lower-case
# word is prose unless that word is a progress word ("Green on track").
_RAG_CAPS = re.compile(r"\b(RED|AMBER|GREEN)\b")
_RAG_LEADING = re.compile(
    r"^\W*(red|amber|green)\b(?!\s+(?!(?:on|in|off|not|complete|completed|achieved|underway|ongoing|on-going)\b)[a-z])",
    re.I,
)
_STATES = [
    # Negated completion first: "not achieved" must not read as "achieved".
    ("in_progress", re.compile(r"\b(not (yet )?(completed?|achieved|met)|partially (achieved|met|complete)|"
                               r"on track|behind schedule|delayed|slipp(ed|age))\b", re.I)),
    ("not_started", re.compile(r"\b(not yet due|not started|not yet started|deferred)\b", re.I)),
    ("unknown", re.compile(r"\bevidence not yet reported\b", re.I)),
    ("complete", re.compile(r"\b(completed?|achieved|done|closed)\b", re.I)),
    ("complete", re.compile(r"\bBLUE\b|^\W*[Bb]lue\b")),  # a fourth "colour" for done
    ("in_progress", re.compile(r"\b(on-?going|underway|under way|in progress|started|partially)\b", re.I)),
]
_LEAD_IN = 60  # state words must come early: later prose mentions "completed" in passing


def parse_status(text: str | None, fill_rag: str | None = None) -> Status:
    """Status of an item from its progress / status text and a cell colour's RAG."""
    flat = " ".join((text or "").split())
    if not flat and fill_rag is None:
        return Status()
    rag = fill_rag
    raw_parts: list[str] = []
    if rag is None:
        found = _RAG_LEADING.search(flat) or _RAG_CAPS.search(flat)
        if found:
            rag = found.group(1).lower()
            raw_parts.append(found.group(1))
    state = None
    head = flat[:_LEAD_IN]
    # The first state word wins: "Ongoing ... Deferred" is in progress.
    matches = [(found.start(), -len(found.group(0)), name, found.group(0))
               for name, pattern in _STATES if (found := pattern.search(head))]
    if matches:  # the earliest words win; of two starting together, the longer ("not achieved")
        _, _, state, words = min(matches)
        raw_parts.append(words)
    if state is None and flat:
        state = "complete" if rag == "green" and re.search(r"complet|achiev", flat, re.I) else "unknown"
    raw = " ".join(dict.fromkeys(raw_parts)) or None
    return Status(raw=raw, rag=rag, state=state)
