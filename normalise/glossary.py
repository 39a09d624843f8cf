"""Initials and acronyms a document defines, and lead cells read with them: a key line
("SMcL – Shaun McLurg (Head of Service)", "JH = Jo Hughes; KS: Kate Smith"), an acronym
spelt out once ("Local Safeguarding Children Board (LSCB)"), and initials in a lead cell
replaced by the people the glossary names."""

from __future__ import annotations

import re

from ..schema import Lead
from .lead_kinds import INITIALS, is_person
from .lead_vocabulary import Vocabulary, default_vocabulary
from .leads import parse_leads

_INITIALS_PART = r"[A-Z](?:[A-Z]|Mc|Mac|[a-z](?=[A-Z])){1,4}"
_DEFINITION_START = re.compile(
    rf"(?:^|(?<=[;,\n])|(?<=\s))\s*(?P<initials>{_INITIALS_PART})\.?\s*(?:=|:|[-–—]|\bis\b)\s*(?=\S)"
)


def glossary_entries(text: str, vocabulary: Vocabulary | None = None) -> list[tuple[str, str]]:
    """Every definition of initials in a line or paragraph of the document:
    "SMcL – Shaun McLurg (Head of Service)", "JH = Jo Hughes; KS: Kate Smith, Training
    Manager" (several run together, as a key below a table often is)."""
    vocab = vocabulary or default_vocabulary()
    text = text.strip()
    starts = []
    for found in _DEFINITION_START.finditer(text):
        if starts and found.start() < starts[-1].end():
            continue
        if not INITIALS.match(found["initials"]):
            continue
        after = text[found.end():]
        first_words = " ".join(re.split(r"[,;(\n]", after, maxsplit=1)[0].split()[:4])
        if not starts and found.start() != 0 and text[: found.start()].strip():
            continue  # the first definition opens the line
        if not (is_person(first_words, vocab) or is_person(" ".join(first_words.split()[:2]), vocab)
                or is_person(" ".join(first_words.split()[:3]), vocab)):
            continue
        starts.append(found)
    entries = []
    for found, following in zip(starts, [*starts[1:], None]):
        who = text[found.end(): following.start() if following else len(text)].strip(" ;,\n")
        if who:
            entries.append((found["initials"], " ".join(who.split())))
    return entries


def glossary_entry(text: str) -> tuple[str, str] | None:
    """The initials a line opens by defining, and the rest of the line:
    "SMcL – Shaun McLurg (Head of Service)" -> ("SMcL", "Shaun McLurg (Head of Service)").

    Where the line runs on into more definitions ("RB = Rajesh Brennan; SM = Shona
    Madden") they stay in the text returned, and ``resolve_initials`` reads each of them;
    ``glossary_entries`` gives them one by one."""
    entries = glossary_entries(text)
    if not entries:
        return None
    initials = entries[0][0]
    found = _DEFINITION_START.match(text.strip())
    rest = text.strip()[found.end():] if found else entries[0][1]
    return initials, " ".join(rest.split()).strip(" ;,")


def acronym_definitions(text: str, vocabulary: Vocabulary | None = None) -> dict[str, str]:
    """Acronyms a document defines: "Local Safeguarding Children Board (LSCB)" -> {"LSCB": ...}.

    A plan that spells out its own team or board once can be read for it, where a shipped
    list could only hold the acronyms every council shares."""
    vocab = vocabulary or default_vocabulary()
    found: dict[str, str] = {}
    for match in re.finditer(r"\(([A-Z][A-Za-z&]{1,9})\)", text):
        acronym = match.group(1)
        letters = [c for c in acronym if c.isupper()]
        # The words just before it (a name of at most ten capitals fits in far fewer than
        # 1,000 characters): splitting all the text before every match is quadratic.
        words = text[max(0, match.start() - 1000): match.start()].split()
        taken: list[str] = []
        for word in reversed(words):
            taken.insert(0, word)
            capitals = [w[0] for w in taken if w[:1].isupper()]
            if len(capitals) >= len(letters):
                break
        capitals = "".join(w[0] for w in taken if w[:1].isupper())
        expansion = " ".join(taken)
        if capitals == "".join(letters) and taken and taken[0][:1].isupper() and not is_person(expansion, vocab):
            found.setdefault(acronym, expansion)  # (a person's initials, "Jo Hughes (JH)", are a glossary's)
    return found


def is_initials(lead: Lead) -> bool:
    """A lead named only by initials ("JH", "SMcL"): readable only with a glossary."""
    return bool(lead.name) and lead.role is None and bool(INITIALS.match(lead.name))


def resolve_initials(leads: list[Lead], glossary: dict[str, str], vocabulary: Vocabulary | None = None) -> list[Lead]:
    """Leads with initials the glossary knows replaced by the people it names, with name,
    role and organisation apart ("KM" + "KM – Karen Moss, Head of Service" -> name "Karen
    Moss", role "Head of Service"). Initials the glossary gives a body or post for ("SVS"
    -> "Sunderland Virtual School") stay as written, as a body, not someone's initials."""
    if not glossary:
        return leads
    vocab = vocabulary or default_vocabulary()
    known = _expand_glossary(glossary, vocab)
    resolved: list[Lead] = []
    for lead in leads:
        if lead.name and lead.title is None and INITIALS.match(lead.name):
            meaning = known.get(lead.name)
        elif lead.name is None and lead.role and INITIALS.match(lead.role):  # "SSCB", read as a body
            meaning = known.get(lead.role)
            lead = lead.model_copy(update={"name": lead.role, "role": None}) if meaning else lead
        else:
            meaning = None
        people = parse_leads(meaning, vocab) if meaning else [lead]
        if meaning and not any(person.name for person in people):
            people = [lead.model_copy(update={"name": None, "role": lead.role or lead.name})]
        for person in people:
            if lead.organisation and not person.organisation:
                person = person.model_copy(update={"organisation": lead.organisation})
            if lead.role and person.name and not person.role:
                person = person.model_copy(update={"role": lead.role})  # "NF (Service Manager)"
            if person not in resolved:
                resolved.append(person)
    return resolved


def _expand_glossary(glossary: dict[str, str], vocab: Vocabulary) -> dict[str, str]:
    """A glossary whose values may hold more definitions run on ("Rajesh Brennan; SM =
    Shona Madden") as one entry per initials."""
    known: dict[str, str] = {}
    for initials, meaning in glossary.items():
        entries = glossary_entries(f"{initials} = {meaning}", vocab)
        if not entries or entries[0][0] != initials:
            entries = [(initials, meaning)]
        for key, value in entries:
            known.setdefault(key, value)
    return known
