"""Cutting one segment of a lead cell into the most leads that each stand on their own:
at ", ", " and ", " & ", after a bracketed note, where posts run on without a separator
(see the docstring of leads.py)."""

from __future__ import annotations

from dataclasses import dataclass

from .lead_kinds import (
    CAPITALS, INITIALS, NAME_WORD, bracket_depth, org_prefixed, piece_kind, split_commas, split_dash,
    split_note, untitled,
)
from .lead_vocabulary import Vocabulary, plain_word


def _tokens(segment: str) -> list[str]:
    """Words, with a bracketed note (nested brackets, or one left open) kept as one token."""
    tokens: list[list[str]] = []
    depth = 0  # of the last token, kept as it grows: recounting it per word is quadratic on "((((..."
    for word in segment.split():
        if tokens and depth > 0:
            tokens[-1].append(word)
        else:
            tokens.append([word])
            depth = 0
        depth += bracket_depth(word)
    return [" ".join(words) for words in tokens]


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
        word = plain_word(token)
        following = plain_word(tokens[i + 1]) if i + 1 < len(tokens) else ""
        if before.endswith(","):
            cuts.append(_Cut(i, i, "comma"))
        elif word in {"and", "&"} and 0 < i < len(tokens) - 1:
            cuts.append(_Cut(i, i + 1, "and"))
        elif INITIALS.match(before) and INITIALS.match(token):
            cuts.append(_Cut(i, i, "initials"))  # "JH SMcL"
        elif before.endswith(")") and token[:1].isupper():
            cuts.append(_Cut(i, i, "note"))  # "Sue Burns (LSCB Manager) Angela Glenn ..."
        elif token[:1].isupper() and plain_word(before) not in vocab.connectors | vocab.post_modifiers and (
            word in vocab.post_starts or (word in vocab.posts_before_of and following == "of")
            or word in vocab.group_starts
        ):
            cuts.append(_Cut(i, i, "post"))  # "Named Nurse Named Midwife", "DCI Head of Safeguarding"
        elif token.rstrip(".").upper() in vocab.acronyms and CAPITALS.match(token.rstrip(".")) and i == len(tokens) - 1:
            cuts.append(_Cut(i, i, "acronym"))  # "Tracy Potts SMT"
        elif token[:1].isupper() and plain_word(before) in (vocab.roles | vocab.bodies) - vocab.titles:
            cuts.append(_Cut(i, i, "person"))  # "SENCO network Claire Ibbotson (Head of Early Help)"
        elif NAME_WORD.match(before) and NAME_WORD.match(token) and not {plain_word(before), word} & vocab.known_words:
            cuts.append(_Cut(i, i, "names"))  # "Harriet Catterall Bethan Bell": two names, line break lost
        elif NAME_WORD.match(before) and plain_word(before) not in vocab.known_words and token[:1].isupper():
            cuts.append(_Cut(i, i, "names"))  # a name, then a team or a body: "<Forename Surname> Commissioning Team"
    return cuts


_MAX_TOKENS = 80


def lead_pieces(segment: str, vocab: Vocabulary) -> list[str]:
    """A segment cut into the most leads that each stand on their own (see the module doc)."""
    tokens = _tokens(segment)
    cuts = _cuts(tokens, vocab) if len(tokens) <= _MAX_TOKENS else []
    if not cuts:
        return [segment]
    return list(_Division(tokens, cuts, vocab).best(0, None) or (segment,))


class _Division:
    """The search for the best division of one segment's tokens at its candidate cuts,
    memoised per (start, group before). A class, not a recursive closure under
    ``lru_cache``: that closure refers to itself, so every segment left a reference cycle
    that only the cyclic collector frees, long after the segment is read."""

    def __init__(self, tokens: list[str], cuts: list[_Cut], vocab: Vocabulary) -> None:
        self.tokens, self.cuts, self.vocab = tokens, cuts, vocab
        self.by_end: dict[int, list[_Cut]] = {}
        for cut in cuts:
            self.by_end.setdefault(cut.end, []).append(cut)
        self.memo: dict[tuple, tuple[str, ...] | None] = {}

    def text(self, start: int, end: int) -> str:
        return " ".join(self.tokens[start:end]).strip(" ,;")

    def best(self, start: int, previous: tuple[int, int, str] | None) -> tuple[str, ...] | None:
        """The longest valid division of tokens[start:], given the group before and the cut between."""
        key = (start, previous)
        if key not in self.memo:
            self.memo[key] = self._best(start, previous)
        return self.memo[key]

    def _best(self, start: int, previous: tuple[int, int, str] | None) -> tuple[str, ...] | None:
        tokens, vocab = self.tokens, self.vocab
        options: list[tuple[str, ...]] = []
        ends = sorted({cut.end for cut in self.cuts if cut.end > start}) + [len(tokens)]
        for end in ends:
            group = self.text(start, end)
            if not group:
                continue
            if previous and not _cut_holds(self.text(previous[0], previous[1]), group, previous[2], vocab):
                continue
            if end == len(tokens):
                options.append((group,))
                continue
            for cut in self.by_end.get(end, []):
                rest = self.best(cut.start, (start, end, cut.kind))
                if rest:
                    options.append((group, *rest))
        return max(options, key=lambda groups: (len(groups), -sum(_loose_start(g, vocab) for g in groups))) if options else None


def _loose_start(group: str, vocab: Vocabulary) -> bool:
    """A group that opens on a service-area word ("Leaving Care and Head of ...") most
    likely belongs to the group before it: of two divisions into as many leads, the one
    with fewer such openings wins."""
    first = plain_word(group.split()[0])
    return first in vocab.service_words - vocab.group_starts - vocab.post_starts or group[:1].islower()


def _cut_holds(left: str, right: str, how: str, vocab: Vocabulary) -> bool:
    """Whether two neighbouring groups may be separate leads, cut as ``how``."""
    left_kind, right_kind = piece_kind(left, vocab), piece_kind(right, vocab)
    if left_kind is None or right_kind is None:
        return False
    if how == "acronym":
        return left_kind == "person" and right_kind == "acronym"
    if how in ("person", "names") and (org_prefixed(right, vocab) or split_dash(right)):
        return False
    if how == "person":
        if (left_kind == "body" or _group_post(left, left_kind)) and right_kind in ("body", "initials"):
            # a body, then another body or initials ("... Board <Place> ICB", "MASH partners <Place> ...",
            # "... Partnership GO"); not where the second opens on a service-area word ("Youth Offending
            # Service ... Board" is one body): that word goes with the body before
            return not _loose_start(right, vocab) and _opens_whole(right, vocab)
        return left_kind in ("body", "post") and right_kind in ("person", "noted person")
    if how == "names":  # each a name of two words or more: "Dr Duncan" / "Nair Harriet Bell" is no division
        if _forename_first(left, left_kind, vocab) and _stands_apart(right, right_kind, vocab):
            return True  # "Stuart Bell Marshford Parent Carer Forum": a name, then a body on a lost line
        whole_names = all(_whole_name(side, vocab) for side in (left, right))
        return whole_names and left_kind == "person" and right_kind in ("person", "noted person")
    if how == "comma" and left_kind == "person" and right_kind == "post":
        return plain_word(right.split()[0]) in vocab.group_starts  # "Ruth Baker, Team Manager" is one person
    return True


def _whole_name(text: str, vocab: Vocabulary) -> bool:
    """A name of two words or more, after any organisation prefix and title ("LA: Dr Jo Bell")."""
    prefixed = org_prefixed(text, vocab)
    name = prefixed[1] if prefixed else text
    return len(untitled(split_note(name)[0], vocab)[1].split()) >= 2


def _forename_first(text: str, kind: str | None, vocab: Vocabulary) -> bool:
    """A person's whole name opening on a known forename: "Stuart Bell", "LA: Dr Jo Bell"
    (not "Haldon Vale", a place read as a name)."""
    if kind != "person" or not _whole_name(text, vocab):
        return False
    prefixed = org_prefixed(text, vocab)
    name = untitled(prefixed[1] if prefixed else text, vocab)[1]
    return plain_word(name.split()[0]) in vocab.forenames


def _stands_apart(text: str, kind: str | None, vocab: Vocabulary) -> bool:
    """A body, or a post held by a group ("MASH partners", "All managers"), after a name
    with no separator: a lead of its own (a team is nobody's post), where a person's own
    post would read as their role ("Ruth Baker Team Manager" is left whole)."""
    if not _opens_whole(text, vocab):
        return False
    return kind == "body" or _group_post(text, kind) and not _loose_start(text, vocab)


def _opens_whole(text: str, vocab: Vocabulary) -> bool:
    """The lead's first part (to a comma) stands on its own: "Manager, Corporate Parenting
    Board" after "MASH Team" is the rest of a post, not a body ("MASH Team Manager, ...")."""
    return piece_kind(split_commas(text)[0], vocab) in ("body", "initials", "post")


def _group_post(text: str, kind: str | None) -> bool:
    """A post held by a group: its last word a plural ("MASH partners", "All managers")."""
    last = plain_word(text.split()[-1]) if text.split() else ""
    return kind == "post" and len(last) > 3 and last.endswith("s") and not last.endswith("ss")
