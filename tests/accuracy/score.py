"""Score actionplan's output against an answer key (see KEYS.md).

Pure functions: a key (dict) and a plan (the JSON actionplan writes, as a dict) in,
counts out. Items are paired one-to-one by action text (fuzzy ratio >= PAIR_CUTOFF after
normalising); fields are compared only on paired items; counts add up across documents
so a slice's figures are micro-averages (every item weighs the same).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz

PAIR_CUTOFF = 85  # the issue's rule: items pair when their action texts are this alike
TEXT_CUTOFF = 85  # recommendation, section and lead names: alike enough to be the same
FIELDS = ("leads", "timescale", "due", "rag", "recommendation", "section")

# "1.", "1.1.", "1.1)", "a)", "(iv)", "A3", "•", "-", "*", "Para 17:" are numbering, not words.
_NUMBERING = re.compile(
    r"^\s*(?:[•●▪◦·\-–*]+\s*|\(?[0-9]+(?:\.[0-9]+)*[.)]?\s+|\(?[a-z]\)\s*|\([ivx]+\)\s*|[a-z][0-9]+(?:\.[0-9]+)*[.):]?\s+)",
    re.IGNORECASE,
)


def normalise_text(text: str | None) -> str:
    """Case, spacing, quotes, dashes, bullets and leading numbering do not count."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = text.replace("–", "-").replace("—", "-")
    lines = []
    for line in text.splitlines():
        previous = None
        while previous != line:  # "1. a) text" loses both
            previous, line = line, _NUMBERING.sub("", line, count=1)
        lines.append(line)
    text = " ".join(" ".join(lines).split()).lower()
    return text.strip(" .;:,")


def text_matches(expected: str | None, found: str | None, cutoff: int = TEXT_CUTOFF) -> bool:
    a, b = normalise_text(expected), normalise_text(found)
    if not a or not b:
        return a == b
    return fuzz.ratio(a, b) >= cutoff


def timescale_matches(expected: str | None, found: str | None) -> bool:
    """The timescale as written: equal once spacing, case and end punctuation are set aside."""
    def plain(text: str | None) -> str:
        return " ".join((text or "").replace("–", "-").split()).lower().strip(" .;:,")

    return plain(expected) == plain(found)


def lead_names(lead: dict) -> list[str]:
    """What a found lead can be matched by: its name when it names a person, else its
    role and body (alone and together)."""
    if lead.get("name"):
        titled = f"{lead['title']} {lead['name']}" if lead.get("title") else None
        return [lead["name"]] + ([titled] if titled else [])  # "Dr Tom Shah" is right by either
    parts = [p for p in (lead.get("role"), lead.get("organisation")) if p]
    return parts + ([" ".join(parts), ", ".join(parts)] if len(parts) == 2 else [])


def leads_match(expected: list[str], found: list[dict]) -> bool:
    """Right when every expected lead pairs with a different found lead and none is left over."""
    if len(expected) != len(found):
        return False
    free = list(range(len(found)))
    for wanted in expected:
        best = None
        for index in free:
            if any(text_matches(wanted, name) for name in lead_names(found[index])):
                best = index
                break
        if best is None:
            return False
        free.remove(best)
    return True


def rag_of(item: dict) -> str | None:
    """The found RAG; BRAG's blue is 'complete with no RAG' in schema v1."""
    status = item.get("status") or {}
    if status.get("rag"):
        return status["rag"]
    return None


def rag_matches(expected: str | None, item: dict) -> bool:
    found = rag_of(item)
    if expected == "blue":
        return found is None and (item.get("status") or {}).get("state") == "complete"
    return expected == found


def due_of(expected) -> date | str | None:
    if expected is None or expected == "relative":
        return expected
    if isinstance(expected, date):
        return expected
    return date.fromisoformat(str(expected))


@dataclass
class Score:
    """Counts for one document, or summed over a slice."""

    documents: int = 0
    failed: int = 0  # documents the tool could not read at all
    expected: int = 0  # items in the keys
    found: int = 0  # items in the output
    paired: int = 0
    field_right: dict = field(default_factory=lambda: {name: 0 for name in FIELDS})
    field_scored: dict = field(default_factory=lambda: {name: 0 for name in FIELDS})
    due_unscored: int = 0  # relative / immediate timescales (KEYS.md)
    issues_expected: int = 0
    issues_found: int = 0  # expected issues raised on the right item
    issues_extra: int = 0  # checked codes raised on paired items where the key expects none
    misses: list = field(default_factory=list)  # (field, expected, found) samples to read

    def add(self, other: "Score") -> None:
        for name in ("documents", "failed", "expected", "found", "paired", "due_unscored",
                     "issues_expected", "issues_found", "issues_extra"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in FIELDS:
            self.field_right[name] += other.field_right[name]
            self.field_scored[name] += other.field_scored[name]

    @property
    def precision(self) -> float:
        return self.paired / self.found if self.found else (1.0 if not self.expected else 0.0)

    @property
    def recall(self) -> float:
        return self.paired / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def field_accuracy(self, name: str) -> float | None:
        scored = self.field_scored[name]
        return self.field_right[name] / scored if scored else None

    @property
    def issue_recall(self) -> float | None:
        return self.issues_found / self.issues_expected if self.issues_expected else None

    def summary(self) -> dict:
        return {
            "documents": self.documents,
            "failed": self.failed,
            "expected": self.expected,
            "found": self.found,
            "paired": self.paired,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "fields": {name: _rounded(self.field_accuracy(name)) for name in FIELDS},
            "due_unscored": self.due_unscored,
            "issues": {
                "expected": self.issues_expected,
                "found": self.issues_found,
                "recall": _rounded(self.issue_recall),
                "extra": self.issues_extra,
            },
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def pair_items(expected: list[dict], found: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (key index, output index), most alike first, ratio >= PAIR_CUTOFF."""
    if not expected or not found:
        return []
    keys = [normalise_text(item.get("action")) for item in expected]
    outs = [normalise_text(item.get("action")) for item in found]
    candidates = []
    for i, key_text in enumerate(keys):
        for j, out_text in enumerate(outs):
            ratio = fuzz.ratio(key_text, out_text, score_cutoff=PAIR_CUTOFF)
            if ratio:
                candidates.append((-ratio, i, j))
    candidates.sort()
    used_keys, used_outs, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_keys and j not in used_outs:
            used_keys.add(i)
            used_outs.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def score_document(key: dict, plan: dict | None) -> Score:
    """Score one output (None: the tool failed on the file) against its key."""
    expected = key.get("item", [])
    score = Score(documents=1, expected=len(expected))
    checked = set(key.get("document", {}).get("checked_codes", []))
    for item in expected:
        score.issues_expected += len(checked & set(item.get("issues", [])))
    if plan is None:
        score.failed = 1
        return score
    found = plan.get("items", [])
    score.found = len(found)
    raised: dict[str, set[str]] = {}
    for issue in plan.get("issues", []):
        if issue.get("item_id") and issue.get("code") in checked:
            raised.setdefault(issue["item_id"], set()).add(issue["code"])
    for i, j in pair_items(expected, found):
        score.paired += 1
        want, got = expected[i], found[j]
        _score_fields(score, want, got)
        wanted_codes = checked & set(want.get("issues", []))
        got_codes = raised.get(got.get("id"), set())
        score.issues_found += len(wanted_codes & got_codes)
        score.issues_extra += len(got_codes - wanted_codes)
    return score


def _score_fields(score: Score, want: dict, got: dict) -> None:
    timescale = got.get("timescale") or {}
    due_wanted = due_of(want.get("due"))
    due_found = timescale.get("due")
    due_found = date.fromisoformat(due_found) if isinstance(due_found, str) else due_found
    verdicts = {
        "leads": leads_match(want.get("leads", []), got.get("leads", [])),
        "timescale": timescale_matches(want.get("timescale"), timescale.get("raw")),
        "rag": rag_matches(want.get("rag"), got),
        "recommendation": text_matches(want.get("recommendation"), got.get("recommendation")),
        "section": text_matches(want.get("section"), got.get("section")),
    }
    if due_wanted == "relative":
        score.due_unscored += 1
    else:
        verdicts["due"] = due_wanted == due_found
    found_values = {
        "leads": [lead_names(lead) for lead in got.get("leads", [])],
        "timescale": timescale.get("raw"),
        "due": due_found,
        "rag": rag_of(got),
        "recommendation": got.get("recommendation"),
        "section": got.get("section"),
    }
    for name, right in verdicts.items():
        score.field_scored[name] += 1
        score.field_right[name] += int(right)
        if not right:
            score.misses.append((name, want.get(name), found_values[name], want.get("action", "")[:60]))
