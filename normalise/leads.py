"""Split a lead cell into people and posts.

"Sue Burns (LSCB Manager) Angela Glenn (Fieldwork Manager)" -> two leads with
roles; "DBC – Mary Sweeney (Service manager)" -> organisation DBC;
"Meg Boustead / Ken Hall" -> two names; "All managers" -> a role with no name.
"""

from __future__ import annotations

import re

from ..schema import Lead

# Words that make a segment a post or team rather than a person's name.
_ROLE_WORDS = re.compile(
    r"\b(manager|managers|director|head|heads|lead|officer|officers|nurse|nurses|doctor|"
    r"team|service|services|all|relevant|chair|group|board|auditors?|commissioners?|"
    r"midwife|co-?ordinator|coordinator|rep|representative|practitioners?|staff|"
    r"designated|named|assistant|executive|principal|hos|dcs|smt|cmt|panel|partnership|"
    r"trust|council|committee|unit|adviser|advisor|safeguarding|lscb|sscb|manager:)\b",
    re.I,
)
_ORG_WORDS = re.compile(
    r"\b(police|nhs|trust|council|foundation|pct|ccg|university|hospital|partnership|"
    r"authority|constabulary)\b",
    re.I,
)
_ORG_PREFIX = re.compile(r"^(?P<org>[A-Z][A-Z&]{1,7})\s*[–—-]\s*(?P<rest>.+)$")
_PERSON_WITH_NOTE = re.compile(r"(?P<who>[^()]+?)\s*\((?P<note>[^()]*)\)")
_INITIALS = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z](?:[A-Z]|Mc|Mac){1,3}\.?$")  # JH, SMcL, MG.
# Teams, boards and services that plans name by acronym: a team as lead, not a person's initials.
_BODIES = {
    "SMT", "CMT", "SLT", "DMT", "CSLT", "LSCB", "SSCB", "SLSCB", "NHS", "CCG", "PCT", "MASH", "YOS", "CAMHS",
    "LADO", "IRO", "IROS", "HR", "ICT", "QA", "CYPMT", "MALAP", "SVS", "CDOP", "MARAC", "DCS", "HOS",
}
_NAME_THEN_POST = re.compile(r"^(?P<name>[^,–—-]+?)\s*(?:,|\s[–—-])\s*(?P<post>.+)$")
_TITLES = r"(?:Dr|Mr|Mrs|Ms|Miss|Cllr|Councillor|Prof)\.?"
_TRAILING_TEAM = re.compile(r"^(?P<name>.+?)\s+(?P<team>[A-Z]{2,6})$")  # "Tracy Potts SMT"
_SPLIT = re.compile(r"\s*(?:/|;|\n|,|&|\band\b)\s*")


def parse_leads(raw: str | None) -> list[Lead]:
    """The people and posts named in a lead cell, in order, without repeats."""
    text = " ".join((raw or "").replace("\n", " / ").split())
    if not text:
        return []
    organisation = None
    prefixed = _ORG_PREFIX.match(text)
    if prefixed:
        organisation, text = prefixed["org"], prefixed["rest"]
    leads: list[Lead] = []
    for segment in _segments(text):
        lead = _lead(segment, organisation)
        if lead and lead not in leads:
            leads.append(lead)
    return leads


def _segments(text: str) -> list[str]:
    """Pieces of a cell that each name one person or post."""
    if text.count("(") >= 2 and _PERSON_WITH_NOTE.fullmatch(text) is None:
        # "Sue Burns (LSCB Manager) Angela Glenn (Fieldwork Manager)"
        pieces = [m.group(0) for m in _PERSON_WITH_NOTE.finditer(text)]
        rest = _PERSON_WITH_NOTE.sub(" ", text).strip(" /,;")
        return [p.strip(" /,;") for p in pieces] + ([rest] if rest else [])
    pieces: list[str] = []
    for piece in re.split(r"\s*(?:/|;)\s*", text):
        pieces.extend(_split_joined(piece))
    return [p for p in (piece.strip(" ,.;") for piece in pieces) if p]


def _split_joined(piece: str) -> list[str]:
    """Split "Kath Vasey and Anne Holt" or "JH SMcL", but not "Director of Nursing and Transformation"."""
    words = piece.split()
    if len(words) > 1 and all(_INITIALS.match(word) for word in words):
        return words
    parts = re.split(r"\s+(?:and|&)\s+|\s*,\s*", piece)
    if len(parts) > 1 and all(_looks_like_name(part) for part in parts):
        return parts
    return [piece]


def _looks_like_name(text: str) -> bool:
    """"Heather Flinders", "Dr Sandra Martin", "J. Smith": capitalised words, no post words."""
    words = re.sub(rf"^{_TITLES}\s+", "", text.strip()).split()
    return (
        1 <= len(words) <= 4
        and not _ROLE_WORDS.search(text)
        and all(word[:1].isupper() for word in words)
    )


def _lead(segment: str, organisation: str | None) -> Lead | None:
    segment = segment.strip(" ,;:-–")
    if not segment:
        return None
    prefixed = _ORG_PREFIX.match(segment)
    if prefixed:
        organisation, segment = prefixed["org"], prefixed["rest"].strip()
    role = None
    noted = _PERSON_WITH_NOTE.fullmatch(segment)
    if noted:
        segment, note = noted["who"].strip(), noted["note"].strip()
        if _is_organisation(note):
            organisation = note
        else:
            role = note or None
    if not segment:
        return Lead(role=role, organisation=organisation)
    titled = _NAME_THEN_POST.match(segment)
    if role is None and titled and _looks_like_name(titled["name"]) and _ROLE_WORDS.search(titled["post"]):
        return Lead(name=titled["name"], role=titled["post"], organisation=organisation)  # "Ruth Baker, Team Manager"
    team = _TRAILING_TEAM.match(segment)
    if role is None and team and _looks_like_name(team["name"]):
        segment, role = team["name"], team["team"]
    if segment.rstrip(".").upper() in _BODIES:
        return Lead(role=segment.rstrip("."), organisation=organisation)
    if _INITIALS.match(segment) or _looks_like_name(segment):
        return Lead(name=segment.rstrip("."), role=role, organisation=organisation)
    if role is None:
        return Lead(role=segment, organisation=organisation)
    return Lead(name=segment, role=role, organisation=organisation)


def _is_organisation(note: str) -> bool:
    return bool(_ORG_WORDS.search(note)) or note.isupper() and " " not in note


_DEFINITION = re.compile(
    r"^(?P<initials>[A-Z][A-Za-z]{1,4})\s*(?:[-–—=:]|\bis\b)\s*(?P<who>[A-Z][a-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+)+.*)$"
)


def glossary_entry(text: str) -> tuple[str, str] | None:
    """A line that defines initials: "SMcL – Shaun McLurg (Head of Service)"."""
    found = _DEFINITION.match(text.strip())
    if found and _INITIALS.match(found["initials"]):
        return found["initials"], found["who"].strip()
    return None


def is_initials(lead: Lead) -> bool:
    """A lead named only by initials ("JH", "SMcL"): readable only with a glossary."""
    return bool(lead.name) and lead.role is None and bool(_INITIALS.match(lead.name))


def resolve_initials(leads: list[Lead], glossary: dict[str, str]) -> list[Lead]:
    """Leads with initials the glossary knows replaced by the people it names."""
    if not glossary:
        return leads
    resolved: list[Lead] = []
    for lead in leads:
        known = glossary.get(lead.name or "") if is_initials(lead) else None
        people = parse_leads(known) if known else [lead]
        for person in people:
            if lead.organisation and not person.organisation:
                person = person.model_copy(update={"organisation": lead.organisation})
            if person not in resolved:
                resolved.append(person)
    return resolved
