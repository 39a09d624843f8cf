"""The words the lead parser reads a lead cell with: post nouns, body nouns, titles,
acronyms ... from leads.toml, optionally extended by a user's file of the same shape."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..toml_files import read_overlaid

VOCABULARY_FILE = Path(__file__).with_name("leads.toml")

_LIST_KEYS = (
    "roles", "bodies", "organisations", "organisation_acronym_endings", "acronyms", "service_words",
    "post_starts", "post_modifiers", "titles", "directorates", "connectors", "name_particles", "group_starts",
    "posts_before_of", "forenames",
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
    connectors: frozenset[str]  # lower case, kept as written ("&amp;")
    name_particles: frozenset[str]
    group_starts: frozenset[str]
    posts_before_of: frozenset[str]
    forenames: frozenset[str]  # lower case

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
    data = read_overlaid(path, extra)
    lists = {key: [str(word) for word in data.get(key, [])] for key in _LIST_KEYS}
    lower = {key: frozenset(plain_word(word) for word in words) for key, words in lists.items()}
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
        # compared with a cell's word as written (lower case) as well as plain: "&amp;" keeps its ";"
        connectors=frozenset(word.lower() for word in lists["connectors"]),
        name_particles=lower["name_particles"],
        group_starts=lower["group_starts"],
        posts_before_of=lower["posts_before_of"],
        forenames=lower["forenames"],
    )


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    return load_vocabulary()


def plain_word(word: str) -> str:
    """A word as the vocabulary lists it: lower case, curly quotes straight, edge punctuation off."""
    return word.lower().replace("’", "'").strip(" ,;:.()[]\"")


def plain_words(text: str) -> list[str]:
    return [w for w in (plain_word(word) for word in text.split()) if w]
