"""Split a lead cell into people, posts and bodies.

"Sue Burns (LSCB Manager) Angela Glenn (Fieldwork Manager)" -> two people with roles;
"DBC – Mary Sweeney (Service manager)" and "ICB: Dr Eleanor Catterall" -> organisation,
title, name and role; "Meg Boustead / Ken Hall", "Principal Social Worker and
Commissioning Team", "X Council, NHS Y ICB" -> several leads; "Head of Service, Children's
Social Care" and "NHS Bath and North East Somerset, Swindon and Wiltshire ICB" -> one.

How a cell is read:

1. Lines a PDF cell wrapped mid-name or mid-phrase are joined ("Harriet" / "Catterall").
2. The cell is cut at the separators that never occur inside one lead: new lines, "; ",
   " / ", " | " (outside brackets).
3. Each piece is cut into the most leads it can be where every lead stands on its own
   (a person, initials, a post, a team or body): at ", ", " and ", " & ", after a
   bracketed note ("Jane Bell (Head of HR) Tom Price"), and where posts run on without a
   separator ("Named Nurse Named Midwife"). A service area after a post ("Head of
   Service, Children's Social Care") or a body's name with " and " in it stands only with
   what it belongs to, so it is never cut off. "Name, Post" is one person with a post.
4. Each lead is read for organisation ("ICB: ...", "HFT – ...", "Name (Org)"), title,
   name and role.

Step 3 is lead_cuts.py; what a piece is (person, initials, post, body) is lead_kinds.py.
The words this needs (post nouns, body nouns, titles, acronyms ...) are in leads.toml;
``lead_vocabulary.load_vocabulary`` adds a user's file of the same shape. Initials a
document's glossary defines are read by glossary.py.
"""

from __future__ import annotations

import re

from ..schema import Lead
from .lead_cuts import lead_pieces
from .lead_kinds import (
    CAPITALS, INITIALS, bracket_depth, is_person, org_prefixed, organisation_acronym,
    piece_kind, split_commas, split_dash, split_note, untitled,
)
from .lead_vocabulary import Vocabulary, default_vocabulary, plain_word, plain_words


def parse_leads(raw: str | None, vocabulary: Vocabulary | None = None) -> list[Lead]:
    """The people, posts and bodies named in a lead cell, in order, without repeats."""
    vocab = vocabulary or default_vocabulary()
    text = _clean(raw or "")
    if not text:
        return []
    leads: list[Lead] = []
    carried = None  # "CT – Mel Brown/Jenni Cooke": people after an organisation prefix belong to it
    for separator, segment in _segments(_join_wrapped_lines(text.split("\n"), vocab)):
        if separator != "/":
            carried = None
        for piece in lead_pieces(segment, vocab):
            lead = _lead(piece, vocab)
            if lead is None:
                continue
            if lead.organisation and lead.name and org_prefixed(piece, vocab):
                carried = lead.organisation
            elif carried and not lead.organisation and (lead.name or piece_kind(piece, vocab) == "post"):
                lead = lead.model_copy(update={"organisation": carried})
            if lead not in leads:
                leads.append(lead)
    return leads


def _clean(raw: str) -> str:
    """Markdown escapes and line-end backslashes off, spaces tidied, one line per line."""
    text = raw.replace("\\|", "|").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"(?<!\s)\s*\\\s*$", "", text, flags=re.M)  # a markdown hard line break (from where spaces start: linear)
    text = re.sub(r"(?<=\S)\(", " (", text)  # "Summers(Head" -> "Summers (Head"
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line.strip(" ,;/|"))


def _join_wrapped_lines(lines: list[str], vocab: Vocabulary) -> str:
    """Lines of a cell, with those a PDF wrapped mid-lead joined back with a space.

    A line break is a wrap where the line above ends on a connecting word or an open
    bracket, the line below starts in lower case, or either side is one loose word of a
    name ("Harriet" / "Catterall", "Dr Duncan" / "Nair")."""
    out: list[str] = []
    for line in lines:
        if out and _wrapped(out[-1], line, vocab):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def _wrapped(above: str, below: str, vocab: Vocabulary) -> bool:
    last = above.split()[-1].lower()
    if last in vocab.connectors or above.endswith((",", "–", "-", "—", ":")) or bracket_depth(above) > 0:
        return True
    if below[:1].islower() and not below.lower().startswith(tuple(f"{w} " for w in vocab.group_starts)):
        return True
    if _name_fragment(above, vocab, with_title=True) and _name_fragment(below.split(" (")[0].split(",")[0], vocab, max_words=3):
        return True  # "Harriet" / "Catterall (Head of Service)"
    if _name_fragment(below, vocab) and is_person(above, vocab) and len(untitled(above, vocab)[1].split()) < 3:
        return True  # "Mary Anne" / "Smith"
    return False


def _name_fragment(text: str, vocab: Vocabulary, with_title: bool = False, max_words: int = 1) -> bool:
    """One loose word of a name: "Harriet", "Dr Duncan" (not initials, an acronym or a post word)."""
    title, rest = untitled(text, vocab) if with_title else (None, text)
    words = rest.split()
    if not 1 <= len(words) <= max_words:
        return False
    if max_words == 1:
        word = words[0]
        return (
            word[:1].isupper() and not CAPITALS.match(word) and not INITIALS.match(word)
            and plain_word(word) not in vocab.known_words and word.isalpha()
        )
    return is_person(rest, vocab) or _name_fragment(rest, vocab)


def _segments(text: str) -> list[tuple[str, str]]:
    """Cut at new lines, ';', '/' and '|' outside brackets: (the separator before, the segment)."""
    segments, current, depth, separator = [], [], 0, ""
    for char in text:
        depth += (char == "(") - (char == ")")
        if depth <= 0 and char in "\n;/|":
            segments.append((separator, "".join(current)))
            current, depth, separator = [], 0, char
        else:
            current.append(char)
    segments.append((separator, "".join(current)))
    return [(sep, s) for sep, s in ((sep, segment.strip(" ,.;")) for sep, segment in segments) if s]


# ------------------------------------------------------------------ one lead


def _lead(piece: str, vocab: Vocabulary) -> Lead | None:
    piece = piece.strip(" ,;:-–—")
    if not piece:
        return None
    organisation = None
    prefixed = org_prefixed(piece, vocab)
    if prefixed:
        organisation, piece = prefixed
    role = None
    base, note = split_note(piece)
    if note is not None and base:
        if piece_kind(base, vocab) in ("person", "initials"):
            parts = split_commas(note)
            if _is_organisation(note, vocab, after_person=True):
                organisation = organisation or note
            elif len(parts) > 1 and _is_organisation(parts[-1], vocab, after_person=True):
                role, organisation = ", ".join(parts[:-1]), organisation or parts[-1]  # "(Named Nurse, X NHS Trust)"
            else:
                role = note or None
            piece = base
        elif _is_organisation(note, vocab, after_person=False) and not _abbreviates(note, base):
            return Lead(role=base, organisation=organisation or note)  # "Strategic Safeguarding Lead (STNHSFT)"
        else:
            return Lead(role=piece, organisation=organisation)  # "Designated Clinical Officer (SEND)"
    dashed = split_dash(piece) if role is None else None
    if dashed:
        left, right = dashed
        if piece_kind(left, vocab) == "person" and piece_kind(right, vocab) == "post":
            return _person(left, right, organisation, vocab)  # "Mary Sweeney – Service Manager"
        if piece_kind(left, vocab) == "post" and piece_kind(right, vocab) == "person":
            return _person(right, left, organisation, vocab)  # "Head of Service – Jane Bell"
    parts = split_commas(piece) if role is None else [piece]
    if len(parts) > 1 and piece_kind(parts[0], vocab) == "person" and piece_kind(parts[1], vocab) == "post":
        return _person(parts[0], ", ".join(parts[1:]), organisation, vocab)  # "Ruth Baker, Team Manager"
    kind = piece_kind(piece, vocab)
    if kind == "person":
        return _person(piece, role, organisation, vocab)
    if kind == "initials":
        return Lead(name=piece.rstrip("."), role=role, organisation=organisation)
    trailing = re.fullmatch(r"(?P<name>.+?)\s+(?P<acronym>[A-Z][A-Z&]{1,7})", piece)
    if role is None and trailing and piece_kind(trailing["name"], vocab) == "person":
        return _person(trailing["name"], None, organisation or trailing["acronym"], vocab)  # "Jane Bell NHCFT"
    if role is not None:
        return Lead(name=piece, role=role, organisation=organisation)
    if kind == "acronym":
        piece = piece.rstrip(".")
    return Lead(role=piece, organisation=organisation)


def _person(name: str, role: str | None, organisation: str | None, vocab: Vocabulary) -> Lead:
    title, name = untitled(name.strip(), vocab)
    return Lead(name=name.rstrip(".,") if len(name.rstrip(".")) > 1 else name, role=role or None,
                organisation=organisation, title=title)


def _abbreviates(acronym: str, words: str) -> bool:
    """"LSCB" abbreviates "Local Safeguarding Children Board"."""
    capitals = "".join(w[0] for w in words.split() if w[:1].isupper())
    return acronym.replace("&", "").upper() == capitals.upper() and len(capitals) >= 2


def _is_organisation(note: str, vocab: Vocabulary, after_person: bool) -> bool:
    """A bracketed note naming an organisation: "(Northumbria Police)", "(NHCFT)"."""
    plain = plain_words(note)
    if any(word in vocab.organisations for word in plain) and not any(word in vocab.roles for word in plain):
        return True
    word = note.strip()
    if CAPITALS.match(word):
        return after_person or organisation_acronym(word, vocab)
    return False
