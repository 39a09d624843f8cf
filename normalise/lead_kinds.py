"""What a piece of a lead cell is: a person ("Dr Sandra Martin"), initials ("SMcL"), a post
("Head of Service"), a body ("Commissioning Team", "Wiltshire ICB") or an acronym; and the
small splits the reading relies on (a bracketed note, a dash, commas, an organisation
prefix, a title before a name)."""

from __future__ import annotations

import re
from functools import lru_cache

from .lead_vocabulary import Vocabulary, plain_word, plain_words

INITIALS = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z](?:[A-Z]|Mc|Mac){1,3}\.?$")  # JH, SMcL, MG.
CAPITALS = re.compile(r"^[A-Z][A-Z&]+$")  # LSCB, SMT, B&NES
NAME_WORD = re.compile(r"^[A-Z][A-Za-z'’\-]*\.?$|^[A-Z]\.$")
# A match starts only where spaces start ((?<!\s)): the same leftmost match, but a cell of
# thousands of spaces is read once, not once from each space (quadratic).
_DASH = re.compile(r"(?<!\s)(?:\s*[–—]\s*|\s+-\s*|(?<=[A-Z])-\s+)")
_COLON = re.compile(r"(?<!\s)\s*:\s*")


def bracket_depth(text: str) -> int:
    return text.count("(") - text.count(")")


@lru_cache(maxsize=4096)
def _kind_cached(text: str, vocab: Vocabulary) -> str | None:
    return _kind_of(text, vocab)


def piece_kind(text: str, vocab: Vocabulary) -> str | None:
    """"person", "noted person" (with a bracketed note), "initials", "post", "body",
    "acronym"; None for a piece that does not stand as a lead on its own (a service area,
    a loose word, part of a body's name)."""
    return _kind_cached(text.strip(" ,;:."), vocab)


def _kind_of(text: str, vocab: Vocabulary) -> str | None:
    if not text:
        return None
    prefixed = org_prefixed(text, vocab)
    if prefixed:
        kind = piece_kind(prefixed[1], vocab)
        return kind if kind in ("person", "noted person", "initials", "post") else None
    base, note = split_note(text)
    if note is not None:
        # Every trailing note at once ("X (a) (b)" reads as "X"): a recursion per note
        # overflows the stack on "(LSCB)" repeated thousands of times.
        base = _before_notes(base)
        kind = piece_kind(base, vocab) if base else None
        return "noted person" if kind in ("person", "initials") else kind
    dashed = split_dash(text)
    if dashed:
        left, right = (piece_kind(part, vocab) for part in dashed)
        if {left, right} == {"person", "post"}:
            return "person"
        return left if right is None or right == "acronym" else None
    parts = split_commas(text)
    if len(parts) > 1:
        kinds = [piece_kind(part, vocab) for part in parts]
        if kinds[0] == "person" and kinds[1] == "post" and all(k is None for k in kinds[2:]):
            return "person"  # "Ruth Baker, Team Manager"
        if kinds[0] in ("post", "body", "acronym") and all(k is None for k in kinds[1:]):
            return kinds[0]  # "Head of Service, Children's Social Care"
        if _ends_in_body(parts[-1], vocab) and not {"person", "noted person", "initials", "post"} & set(kinds):
            return "body"  # "NHS Bath and North East Somerset, Swindon and Wiltshire ICB"
        return None
    return _simple_kind(text, vocab)


def _simple_kind(text: str, vocab: Vocabulary) -> str | None:
    title, rest = untitled(text, vocab)
    words = rest.split()
    if len(words) == 1:
        word = words[0].rstrip(".")
        if word.upper() in vocab.acronyms and (CAPITALS.match(word) or word.upper() != word):
            return "acronym"
        if CAPITALS.match(word) and len(word) >= 4:
            return "acronym"  # four capitals or more: a body's acronym, not someone's initials
        if INITIALS.match(words[0]):
            return "initials"
        if CAPITALS.match(word):
            return "acronym"
        return "person" if title and word[:1].isupper() else None
    if is_person(rest, vocab):
        return "person"
    plain = plain_words(rest)
    head = re.split(r"\b(?:of|for|to|in|with)\b", " ".join(plain), maxsplit=1)[0].split()
    if any(word in vocab.roles for word in head) and (" of " in f" {' '.join(plain)} " or plain[-1] in vocab.roles):
        return "post"  # "Head of Service", "MASH Team Manager" (not "Lyndale Parent Carer Forum")
    if _ends_in_body(rest, vocab):
        return "body"
    if any(word in vocab.roles for word in plain):
        return "post"  # "Designated Nurse LAC", "Named Nurse Safeguarding Children"
    last = words[-1].rstrip(".")
    if CAPITALS.match(last) and (last in vocab.acronyms or organisation_acronym(last, vocab)):
        return "body"  # "Tracy Potts SMT" taken whole
    return None


def _ends_in_body(text: str, vocab: Vocabulary) -> bool:
    """"Commissioning Team", "Wiltshire ICB", "Northumbria Police" (not a directorate)."""
    plain = plain_words(text)
    if not plain:
        return False
    if " ".join(plain) in vocab.directorates:
        return False
    last = plain[-1]
    if last == "services" and len(plain) <= 3 and all(w in vocab.service_words for w in plain[:-1]):
        return False  # "Children's Services", "Legal Services": a directorate
    if last in vocab.bodies or last in vocab.organisations:
        return True
    word = text.split()[-1].strip(",.;:()")
    return bool(CAPITALS.match(word)) and (word in vocab.acronyms or organisation_acronym(word, vocab))


def is_person(text: str, vocab: Vocabulary) -> bool:
    """"Heather Flinders", "Dr Sandra Martin", "J. Smith", "Sarah St Pierre", "Amir O'Neill"."""
    title, rest = untitled(text, vocab)
    words = rest.split()
    if not 1 <= len(words) <= 4 or (len(words) == 1 and not title):
        return False
    for index, word in enumerate(words):
        plain = plain_word(word)
        if 0 < index < len(words) - 1 and plain in vocab.name_particles:
            continue
        if not word[:1].isupper() or plain in vocab.known_words or plain in vocab.connectors:
            return False
        if not NAME_WORD.match(word):
            return False
        if any(ch.isdigit() for ch in word) or plain.endswith("'s") or "(" in word or ")" in word:
            return False
        if len(word.rstrip(".")) > 1 and word.rstrip(".").isupper():
            return False  # an acronym
    return True


def untitled(text: str, vocab: Vocabulary) -> tuple[str | None, str]:
    """("Dr", "Sandra Martin") from "Dr Sandra Martin"; titles only before a name."""
    words = text.split()
    count = 0
    while count < len(words) and words[count].rstrip(".").lower() in vocab.titles:
        count += 1
    if not count or count == len(words):
        return None, text  # "DR" alone is someone's initials, not a title
    rest = words[count:]
    if rest and (rest[0][:1].islower() or plain_word(rest[0]) in vocab.known_words):
        return None, text  # "DC Head of Service" is no title: not followed by a name
    return " ".join(w.rstrip(".") for w in words[:count]), " ".join(rest)


def split_note(text: str) -> tuple[str, str | None]:
    """("Jane Bell", "Head of HR") from "Jane Bell (Head of HR)"; a bracket left open is no note."""
    if not text.endswith(")") or bracket_depth(text) != 0:
        return text, None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        depth += (text[index] == ")") - (text[index] == "(")
        if depth == 0:
            return text[:index].strip(" ,"), text[index + 1:-1].strip()
    return text, None


def _before_notes(text: str) -> str:
    """``text`` without its trailing bracketed notes, read once from the end."""
    end = len(text.rstrip(" ,;:."))
    while end and text[end - 1] == ")":
        depth = 0
        for index in range(end - 1, -1, -1):
            depth += (text[index] == ")") - (text[index] == "(")
            if depth == 0:
                break
        if depth:
            break  # a bracket left open: no note
        end = len(text[:index].rstrip(" ,;:."))
    return text[:end]


def split_dash(text: str) -> tuple[str, str] | None:
    if bracket_depth(text) != 0:
        return None
    found = _DASH.search(text)
    if not found or "(" in text[: found.start()]:
        return None
    left, right = text[: found.start()].strip(), text[found.end():].strip()
    return (left, right) if left and right else None


def split_commas(text: str) -> list[str]:
    parts, current, depth = [], [], 0
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def org_prefixed(text: str, vocab: Vocabulary) -> tuple[str, str] | None:
    """("ICB", "Dr Eleanor Catterall") from "ICB: Dr Eleanor Catterall"; also "HFT – Jane
    Bell", "Northgate Hospitals NHS Trust – Amir Khan (Named Nurse)"."""
    for pattern in (_COLON, _DASH):
        found = pattern.search(text)
        if not found:
            continue
        org, rest = text[: found.start()].strip(), text[found.end():].strip()
        if not org or not rest or "(" in org:
            continue
        if CAPITALS.match(org) and not INITIALS.match(org) or CAPITALS.match(org) and len(org) <= 3:
            looks_like_org = org.lower() not in vocab.titles
        else:
            # "Northumbria Police: ...", or an agency named by one word ("Police: ...").
            looks_like_org = piece_kind(org, vocab) == "body" or (
                len(org.split()) == 1 and org[:1].isupper() and plain_word(org) in vocab.organisations)
        if looks_like_org and piece_kind(rest, vocab) in ("person", "noted person", "initials", "post"):
            return org, rest
    return None


def organisation_acronym(word: str, vocab: Vocabulary) -> bool:
    return bool(CAPITALS.match(word)) and len(word) >= 3 and word.endswith(vocab.organisation_acronym_endings)
