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

The words this needs (post nouns, body nouns, titles, acronyms ...) are in leads.toml;
``load_vocabulary`` adds a user's file of the same shape.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..schema import Lead

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

VOCABULARY_FILE = Path(__file__).with_name("leads.toml")

_LIST_KEYS = (
    "roles", "bodies", "organisations", "organisation_acronym_endings", "acronyms", "service_words",
    "post_starts", "post_modifiers", "titles", "directorates",
)


@dataclass(frozen=True)
class Vocabulary:
    roles: frozenset[str]
    bodies: frozenset[str]
    organisations: frozenset[str]
    organisation_acronym_endings: tuple[str, ...]
    acronyms: frozenset[str]  # upper case
    service_words: frozenset[str]
    post_starts: frozenset[str]
    post_modifiers: frozenset[str]
    titles: frozenset[str]  # lower case, no full stop
    directorates: frozenset[str]

    @property
    def known_words(self) -> frozenset[str]:
        """Words that are never part of a person's name."""
        return self.roles | self.bodies | self.organisations | self.service_words

    def with_acronyms(self, acronyms) -> "Vocabulary":
        """This vocabulary knowing more team / body acronyms: those a document defines
        (``acronym_definitions``), so that "SVS" in its lead cells is a body, not initials."""
        return replace(self, acronyms=self.acronyms | {a.upper() for a in acronyms})


def load_vocabulary(path: Path = VOCABULARY_FILE, extra: Path | None = None) -> Vocabulary:
    """The shipped vocabulary, optionally extended by a user's TOML file of the same shape."""
    lists: dict[str, list[str]] = {key: [] for key in _LIST_KEYS}
    for source in (path, extra):
        if source is None:
            continue
        data = tomllib.loads(Path(source).read_text(encoding="utf-8"))
        for key in _LIST_KEYS:
            lists[key].extend(str(word) for word in data.get(key, []))
    lower = {key: frozenset(_plain(word) for word in words) for key, words in lists.items()}
    return Vocabulary(
        roles=lower["roles"],
        bodies=lower["bodies"],
        organisations=lower["organisations"],
        organisation_acronym_endings=tuple(sorted({w.upper() for w in lists["organisation_acronym_endings"]},
                                                  key=len, reverse=True)),
        acronyms=frozenset(word.upper() for word in lists["acronyms"]),
        service_words=lower["service_words"],
        post_starts=lower["post_starts"],
        post_modifiers=lower["post_modifiers"],
        titles=frozenset(word.rstrip(".") for word in lower["titles"]),
        directorates=frozenset(" ".join(w.split()) for w in lower["directorates"]),
    )


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    return load_vocabulary()


# ---------------------------------------------------------------------------- words

_INITIALS = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z](?:[A-Z]|Mc|Mac){1,3}\.?$")  # JH, SMcL, MG.
_CAPITALS = re.compile(r"^[A-Z][A-Z&]+$")  # LSCB, SMT, B&NES
_CONNECTORS = {"of", "for", "and", "&", "the", "to", "in", "with", "on", "at", "by", "from", "&amp;"}
_NAME_PARTICLES = {"de", "da", "van", "von", "der", "den", "le", "la", "du", "bin", "al", "el", "st", "st."}
_GROUP_STARTS = {"all", "relevant", "each", "every"}
_NAME_WORD = re.compile(r"^[A-Z][A-Za-z'’\-]*\.?$|^[A-Z]\.$")
_DASH = re.compile(r"\s*[–—]\s*|\s+-\s*|(?<=[A-Z])-\s+")
_COLON = re.compile(r"\s*:\s*")


def _plain(word: str) -> str:
    """A word as the vocabulary lists it: lower case, curly quotes straight, edge punctuation off."""
    return word.lower().replace("’", "'").strip(" ,;:.()[]\"")


def _words(text: str) -> list[str]:
    return [w for w in (_plain(word) for word in text.split()) if w]


# ------------------------------------------------------------------------- parsing


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
        for piece in _pieces(segment, vocab):
            lead = _lead(piece, vocab)
            if lead is None:
                continue
            if lead.organisation and lead.name and _org_prefixed(piece, vocab):
                carried = lead.organisation
            elif carried and not lead.organisation and (lead.name or _kind(piece, vocab) == "post"):
                lead = lead.model_copy(update={"organisation": carried})
            if lead not in leads:
                leads.append(lead)
    return leads


def _clean(raw: str) -> str:
    """Markdown escapes and line-end backslashes off, spaces tidied, one line per line."""
    text = raw.replace("\\|", "|").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"\s*\\\s*$", "", text, flags=re.M)  # a markdown hard line break
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
    if last in _CONNECTORS or above.endswith((",", "–", "-", "—", ":")) or _depth(above) > 0:
        return True
    if below[:1].islower() and not below.lower().startswith(tuple(f"{w} " for w in _GROUP_STARTS)):
        return True
    if _name_fragment(above, vocab, with_title=True) and _name_fragment(below.split(" (")[0].split(",")[0], vocab, max_words=3):
        return True  # "Harriet" / "Catterall (Head of Service)"
    if _name_fragment(below, vocab) and _is_person(above, vocab) and len(_untitled(above, vocab)[1].split()) < 3:
        return True  # "Mary Anne" / "Smith"
    return False


def _name_fragment(text: str, vocab: Vocabulary, with_title: bool = False, max_words: int = 1) -> bool:
    """One loose word of a name: "Harriet", "Dr Duncan" (not initials, an acronym or a post word)."""
    title, rest = _untitled(text, vocab) if with_title else (None, text)
    words = rest.split()
    if not 1 <= len(words) <= max_words:
        return False
    if max_words == 1:
        word = words[0]
        return (
            word[:1].isupper() and not _CAPITALS.match(word) and not _INITIALS.match(word)
            and _plain(word) not in vocab.known_words and word.isalpha()
        )
    return _is_person(rest, vocab) or _name_fragment(rest, vocab)


def _depth(text: str) -> int:
    return text.count("(") - text.count(")")


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


# ------------------------------------------------------------- cutting one segment


def _tokens(segment: str) -> list[str]:
    """Words, with a bracketed note (nested brackets, or one left open) kept as one token."""
    tokens: list[str] = []
    for word in segment.split():
        if tokens and _depth(tokens[-1]) > 0:
            tokens[-1] = f"{tokens[-1]} {word}"
        else:
            tokens.append(word)
    return tokens


@dataclass(frozen=True)
class _Cut:
    end: int  # the group before it ends at this token
    start: int  # the group after it starts at this token
    kind: str  # "comma" | "and" | "initials" | "note" | "post" | "acronym" | "person" | "names"


def _cuts(tokens: list[str], vocab: Vocabulary) -> list[_Cut]:
    """Every place a segment could divide between two leads."""
    cuts: list[_Cut] = []
    for i in range(1, len(tokens)):
        before, token = tokens[i - 1], tokens[i]
        if before.endswith(":") or {before, token} & {"–", "—", "-"}:
            continue  # "Northumbria Police: Head of ...", "HFT – Jane Bell" hold together
        word = _plain(token)
        following = _plain(tokens[i + 1]) if i + 1 < len(tokens) else ""
        if before.endswith(","):
            cuts.append(_Cut(i, i, "comma"))
        elif word in {"and", "&"} and 0 < i < len(tokens) - 1:
            cuts.append(_Cut(i, i + 1, "and"))
        elif _INITIALS.match(before) and _INITIALS.match(token):
            cuts.append(_Cut(i, i, "initials"))  # "JH SMcL"
        elif before.endswith(")") and token[:1].isupper():
            cuts.append(_Cut(i, i, "note"))  # "Sue Burns (LSCB Manager) Angela Glenn ..."
        elif token[:1].isupper() and _plain(before) not in _CONNECTORS | vocab.post_modifiers and (
            word in vocab.post_starts or (word in {"head", "director"} and following == "of")
            or word in _GROUP_STARTS
        ):
            cuts.append(_Cut(i, i, "post"))  # "Named Nurse Named Midwife", "DCI Head of Safeguarding"
        elif token.rstrip(".").upper() in vocab.acronyms and _CAPITALS.match(token.rstrip(".")) and i == len(tokens) - 1:
            cuts.append(_Cut(i, i, "acronym"))  # "Tracy Potts SMT"
        elif token[:1].isupper() and _plain(before) in (vocab.roles | vocab.bodies) - vocab.titles:
            cuts.append(_Cut(i, i, "person"))  # "SENCO network Claire Ibbotson (Head of Early Help)"
        elif _NAME_WORD.match(before) and _NAME_WORD.match(token) and not {_plain(before), word} & vocab.known_words:
            cuts.append(_Cut(i, i, "names"))  # "Harriet Catterall Bethan Bell": two names, line break lost
    return cuts


_MAX_TOKENS = 80


def _pieces(segment: str, vocab: Vocabulary) -> list[str]:
    """A segment cut into the most leads that each stand on their own (see the module doc)."""
    tokens = _tokens(segment)
    cuts = _cuts(tokens, vocab) if len(tokens) <= _MAX_TOKENS else []
    if not cuts:
        return [segment]
    by_end: dict[int, list[_Cut]] = {}
    for cut in cuts:
        by_end.setdefault(cut.end, []).append(cut)

    def text(start: int, end: int) -> str:
        return " ".join(tokens[start:end]).strip(" ,;")

    @lru_cache(maxsize=None)
    def best(start: int, previous: tuple[int, int, str] | None) -> tuple[str, ...] | None:
        """The longest valid division of tokens[start:], given the group before and the cut between."""
        options: list[tuple[str, ...]] = []
        ends = sorted({cut.end for cut in cuts if cut.end > start}) + [len(tokens)]
        for end in ends:
            group = text(start, end)
            if not group:
                continue
            if previous and not _cut_holds(text(previous[0], previous[1]), group, previous[2], vocab):
                continue
            if end == len(tokens):
                options.append((group,))
                continue
            for cut in by_end.get(end, []):
                rest = best(cut.start, (start, end, cut.kind))
                if rest:
                    options.append((group, *rest))
        return max(options, key=lambda groups: (len(groups), -sum(_loose_start(g, vocab) for g in groups))) if options else None

    return list(best(0, None) or (segment,))


def _loose_start(group: str, vocab: Vocabulary) -> bool:
    """A group that opens on a service-area word ("Leaving Care and Head of ...") most
    likely belongs to the group before it: of two divisions into as many leads, the one
    with fewer such openings wins."""
    first = _plain(group.split()[0])
    return first in vocab.service_words - _GROUP_STARTS - vocab.post_starts or group[:1].islower()


def _cut_holds(left: str, right: str, how: str, vocab: Vocabulary) -> bool:
    """Whether two neighbouring groups may be separate leads, cut as ``how``."""
    left_kind, right_kind = _kind(left, vocab), _kind(right, vocab)
    if left_kind is None or right_kind is None:
        return False
    if how == "acronym":
        return left_kind == "person" and right_kind == "acronym"
    if how in ("person", "names") and (_org_prefixed(right, vocab) or _split_dash(right)):
        return False
    if how == "person":
        return left_kind in ("body", "post") and right_kind in ("person", "noted person")
    if how == "names":  # each a name of two words or more: "Dr Duncan" / "Nair Harriet Bell" is no division
        whole_names = all(len(_untitled(_split_note(side)[0], vocab)[1].split()) >= 2 for side in (left, right))
        return whole_names and left_kind == "person" and right_kind in ("person", "noted person")
    if how == "comma" and left_kind == "person" and right_kind == "post":
        return _plain(right.split()[0]) in _GROUP_STARTS  # "Ruth Baker, Team Manager" is one person
    return True


# ------------------------------------------------------------- what a piece is


@lru_cache(maxsize=4096)
def _kind_cached(text: str, vocab: Vocabulary) -> str | None:
    return _kind_of(text, vocab)


def _kind(text: str, vocab: Vocabulary) -> str | None:
    """"person", "noted person" (with a bracketed note), "initials", "post", "body",
    "acronym"; None for a piece that does not stand as a lead on its own (a service area,
    a loose word, part of a body's name)."""
    return _kind_cached(text.strip(" ,;:."), vocab)


def _kind_of(text: str, vocab: Vocabulary) -> str | None:
    if not text:
        return None
    prefixed = _org_prefixed(text, vocab)
    if prefixed:
        kind = _kind(prefixed[1], vocab)
        return kind if kind in ("person", "noted person", "initials", "post") else None
    base, note = _split_note(text)
    if note is not None:
        kind = _kind(base, vocab) if base else None
        return "noted person" if kind in ("person", "initials") else kind
    dashed = _split_dash(text)
    if dashed:
        left, right = (_kind(part, vocab) for part in dashed)
        if {left, right} == {"person", "post"}:
            return "person"
        return left if right is None or right == "acronym" else None
    parts = _split_commas(text)
    if len(parts) > 1:
        kinds = [_kind(part, vocab) for part in parts]
        if kinds[0] == "person" and kinds[1] == "post" and all(k is None for k in kinds[2:]):
            return "person"  # "Ruth Baker, Team Manager"
        if kinds[0] in ("post", "body", "acronym") and all(k is None for k in kinds[1:]):
            return kinds[0]  # "Head of Service, Children's Social Care"
        if _ends_in_body(parts[-1], vocab) and not {"person", "noted person", "initials", "post"} & set(kinds):
            return "body"  # "NHS Bath and North East Somerset, Swindon and Wiltshire ICB"
        return None
    return _simple_kind(text, vocab)


def _simple_kind(text: str, vocab: Vocabulary) -> str | None:
    title, rest = _untitled(text, vocab)
    words = rest.split()
    if len(words) == 1:
        word = words[0].rstrip(".")
        if word.upper() in vocab.acronyms and (_CAPITALS.match(word) or word.upper() != word):
            return "acronym"
        if _CAPITALS.match(word) and len(word) >= 4:
            return "acronym"  # four capitals or more: a body's acronym, not someone's initials
        if _INITIALS.match(words[0]):
            return "initials"
        if _CAPITALS.match(word):
            return "acronym"
        return "person" if title and word[:1].isupper() else None
    if _is_person(rest, vocab):
        return "person"
    plain = _words(rest)
    head = re.split(r"\b(?:of|for|to|in|with)\b", " ".join(plain), maxsplit=1)[0].split()
    if any(word in vocab.roles for word in head) and (" of " in f" {' '.join(plain)} " or plain[-1] in vocab.roles):
        return "post"  # "Head of Service", "MASH Team Manager" (not "Lyndale Parent Carer Forum")
    if _ends_in_body(rest, vocab):
        return "body"
    if any(word in vocab.roles for word in plain):
        return "post"  # "Designated Nurse LAC", "Named Nurse Safeguarding Children"
    last = words[-1].rstrip(".")
    if _CAPITALS.match(last) and (last in vocab.acronyms or _organisation_acronym(last, vocab)):
        return "body"  # "Tracy Potts SMT" taken whole
    return None


def _ends_in_body(text: str, vocab: Vocabulary) -> bool:
    """"Commissioning Team", "Wiltshire ICB", "Northumbria Police" (not a directorate)."""
    plain = _words(text)
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
    return bool(_CAPITALS.match(word)) and (word in vocab.acronyms or _organisation_acronym(word, vocab))


def _is_person(text: str, vocab: Vocabulary) -> bool:
    """"Heather Flinders", "Dr Sandra Martin", "J. Smith", "Sarah St Pierre", "Amir O'Neill"."""
    title, rest = _untitled(text, vocab)
    words = rest.split()
    if not 1 <= len(words) <= 4 or (len(words) == 1 and not title):
        return False
    for index, word in enumerate(words):
        plain = _plain(word)
        if 0 < index < len(words) - 1 and plain in _NAME_PARTICLES:
            continue
        if not word[:1].isupper() or plain in vocab.known_words or plain in _CONNECTORS:
            return False
        if not _NAME_WORD.match(word):
            return False
        if any(ch.isdigit() for ch in word) or plain.endswith("'s") or "(" in word or ")" in word:
            return False
        if len(word.rstrip(".")) > 1 and word.rstrip(".").isupper():
            return False  # an acronym
    return True


def _untitled(text: str, vocab: Vocabulary) -> tuple[str | None, str]:
    """("Dr", "Sandra Martin") from "Dr Sandra Martin"; titles only before a name."""
    words = text.split()
    count = 0
    while count < len(words) and words[count].rstrip(".").lower() in vocab.titles:
        count += 1
    if not count or count == len(words):
        return None, text  # "DR" alone is someone's initials, not a title
    rest = words[count:]
    if rest and (rest[0][:1].islower() or _plain(rest[0]) in vocab.known_words):
        return None, text  # "DC Head of Service" is no title: not followed by a name
    return " ".join(w.rstrip(".") for w in words[:count]), " ".join(rest)


def _split_note(text: str) -> tuple[str, str | None]:
    """("Jane Bell", "Head of HR") from "Jane Bell (Head of HR)"; a bracket left open is no note."""
    if not text.endswith(")") or _depth(text) != 0:
        return text, None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        depth += (text[index] == ")") - (text[index] == "(")
        if depth == 0:
            return text[:index].strip(" ,"), text[index + 1:-1].strip()
    return text, None


def _split_dash(text: str) -> tuple[str, str] | None:
    if _depth(text) != 0:
        return None
    found = _DASH.search(text)
    if not found or "(" in text[: found.start()]:
        return None
    left, right = text[: found.start()].strip(), text[found.end():].strip()
    return (left, right) if left and right else None


def _split_commas(text: str) -> list[str]:
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


def _org_prefixed(text: str, vocab: Vocabulary) -> tuple[str, str] | None:
    """("ICB", "Dr Eleanor Catterall") from "ICB: Dr Eleanor Catterall"; also "HFT – Jane
    Bell", "Northgate Hospitals NHS Trust – Amir Khan (Named Nurse)"."""
    for pattern in (_COLON, _DASH):
        found = pattern.search(text)
        if not found:
            continue
        org, rest = text[: found.start()].strip(), text[found.end():].strip()
        if not org or not rest or "(" in org:
            continue
        if _CAPITALS.match(org) and not _INITIALS.match(org) or _CAPITALS.match(org) and len(org) <= 3:
            looks_like_org = org.lower() not in vocab.titles
        else:
            looks_like_org = _kind(org, vocab) == "body"
        if looks_like_org and _kind(rest, vocab) in ("person", "noted person", "initials", "post"):
            return org, rest
    return None


def _organisation_acronym(word: str, vocab: Vocabulary) -> bool:
    return bool(_CAPITALS.match(word)) and len(word) >= 3 and word.endswith(vocab.organisation_acronym_endings)


def _is_organisation(note: str, vocab: Vocabulary, after_person: bool) -> bool:
    """A bracketed note naming an organisation: "(Northumbria Police)", "(NHCFT)"."""
    plain = _words(note)
    if any(word in vocab.organisations for word in plain) and not any(word in vocab.roles for word in plain):
        return True
    word = note.strip()
    if _CAPITALS.match(word):
        return after_person or _organisation_acronym(word, vocab)
    return False


# ------------------------------------------------------------------ one lead


def _lead(piece: str, vocab: Vocabulary) -> Lead | None:
    piece = piece.strip(" ,;:-–—")
    if not piece:
        return None
    organisation = None
    prefixed = _org_prefixed(piece, vocab)
    if prefixed:
        organisation, piece = prefixed
    role = None
    base, note = _split_note(piece)
    if note is not None and base:
        if _kind(base, vocab) in ("person", "initials"):
            parts = _split_commas(note)
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
    dashed = _split_dash(piece) if role is None else None
    if dashed:
        left, right = dashed
        if _kind(left, vocab) == "person" and _kind(right, vocab) == "post":
            return _person(left, right, organisation, vocab)  # "Mary Sweeney – Service Manager"
        if _kind(left, vocab) == "post" and _kind(right, vocab) == "person":
            return _person(right, left, organisation, vocab)  # "Head of Service – Jane Bell"
    parts = _split_commas(piece) if role is None else [piece]
    if len(parts) > 1 and _kind(parts[0], vocab) == "person" and _kind(parts[1], vocab) == "post":
        return _person(parts[0], ", ".join(parts[1:]), organisation, vocab)  # "Ruth Baker, Team Manager"
    kind = _kind(piece, vocab)
    if kind == "person":
        return _person(piece, role, organisation, vocab)
    if kind == "initials":
        return Lead(name=piece.rstrip("."), role=role, organisation=organisation)
    trailing = re.fullmatch(r"(?P<name>.+?)\s+(?P<acronym>[A-Z][A-Z&]{1,7})", piece)
    if role is None and trailing and _kind(trailing["name"], vocab) == "person":
        return _person(trailing["name"], None, organisation or trailing["acronym"], vocab)  # "Jane Bell NHCFT"
    if role is not None:
        return Lead(name=piece, role=role, organisation=organisation)
    if kind == "acronym":
        piece = piece.rstrip(".")
    return Lead(role=piece, organisation=organisation)


def _person(name: str, role: str | None, organisation: str | None, vocab: Vocabulary) -> Lead:
    title, name = _untitled(name.strip(), vocab)
    return Lead(name=name.rstrip(".,") if len(name.rstrip(".")) > 1 else name, role=role or None,
                organisation=organisation, title=title)


def _abbreviates(acronym: str, words: str) -> bool:
    """"LSCB" abbreviates "Local Safeguarding Children Board"."""
    capitals = "".join(w[0] for w in words.split() if w[:1].isupper())
    return acronym.replace("&", "").upper() == capitals.upper() and len(capitals) >= 2


# ------------------------------------------------------------------ glossaries

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
        if not _INITIALS.match(found["initials"]):
            continue
        after = text[found.end():]
        first_words = " ".join(re.split(r"[,;(\n]", after, maxsplit=1)[0].split()[:4])
        if not starts and found.start() != 0 and text[: found.start()].strip():
            continue  # the first definition opens the line
        if not (_is_person(first_words, vocab) or _is_person(" ".join(first_words.split()[:2]), vocab)
                or _is_person(" ".join(first_words.split()[:3]), vocab)):
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
        words = text[: match.start()].split()
        taken: list[str] = []
        for word in reversed(words):
            taken.insert(0, word)
            capitals = [w[0] for w in taken if w[:1].isupper()]
            if len(capitals) >= len(letters):
                break
        capitals = "".join(w[0] for w in taken if w[:1].isupper())
        expansion = " ".join(taken)
        if capitals == "".join(letters) and taken and taken[0][:1].isupper() and not _is_person(expansion, vocab):
            found.setdefault(acronym, expansion)  # (a person's initials, "Jo Hughes (JH)", are a glossary's)
    return found


def is_initials(lead: Lead) -> bool:
    """A lead named only by initials ("JH", "SMcL"): readable only with a glossary."""
    return bool(lead.name) and lead.role is None and bool(_INITIALS.match(lead.name))


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
        if lead.name and lead.title is None and _INITIALS.match(lead.name):
            meaning = known.get(lead.name)
        elif lead.name is None and lead.role and _INITIALS.match(lead.role):  # "SSCB", read as a body
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
