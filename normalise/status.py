"""RAG rating and state from the words of a progress or status cell.

The vocabulary (rating words and letters, state phrases) is data: ``status.toml``
beside this module, which a user's file of the same shape extends
(``load_vocabulary(extra=path)``).

Where a rating is read (of several, the last in the cell wins: progress cells append
their updates, so "GREEN Development underway ... AMBER Needs to be ratified" is amber):

- the cell or a line of it is a rating on its own: "G", "(A)", "Amber", "GREEN.";
- a rating word starts the cell, a line or a sentence and is not an adjective in prose
  ("Green – complete", "Amber. Training arranged", "Green on track"; not "Green space
  audit", "Red flag process");
- a rating ends the cell or a line, set off by a dash, bracket or punctuation ("On track –
  GREEN", "complete (G)", "Progress good. Green");
- a rating follows a label anywhere ("RAG: A", "rated amber");
- a rating word is written in capitals anywhere in a mixed-case cell ("... GREEN.
  Compliance").

A single letter counts only where it stands alone, in brackets or set off by a dash:
"A review is under way" is no rating, nor "N/A", nor "Appendix (B)", nor a cell lettering
its points "(A) ... (B) ...".

BRAG's BLUE (in words, a "B" or a blue fill) means complete: schema v1 has no blue rag,
so it gives state complete and no rag. A rating in the text wins over the cell's fill
(the fill may come from another cell of the row); ``text_rag`` gives the text's own
rating so a caller can flag a cell whose text and fill disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..schema import Status
from ..toml_files import read_toml

VOCABULARY_FILE = Path(__file__).with_name("status.toml")

_LEAD_IN = 60  # state words must come early: later prose mentions "completed" in passing
_STATE_NAMES = ("complete", "in_progress", "not_started")
# A completion word that is planned rather than reported: "to be completed by June".
_NOT_YET = re.compile(
    r"\b(?:not|never|to|will|would|should|must|shall|can|cannot|could|yet to|once|when|until|unless|if|"
    r"awaiting|await|being|be)\s+(?:be\s+)?(?:fully\s+)?$",
    re.I,
)
# Words before a bracketed letter that make it a reference, not a rating: "Appendix (B)".
_REFERENCE_WORDS = re.compile(
    r"\b(?:annex|appendix|section|part|paragraph|para|option|plan|table|figure|fig|schedule|phase|stage|"
    r"level|grade|type|category|tier|item|point|step|list|form|page|box|column|row|model)\s*$",
    re.I,
)
_DASH = r"[-–—]"


@dataclass(frozen=True, eq=False)  # hashed by identity: compiled patterns are cached per vocabulary
class Vocabulary:
    """Rating words and letters and state phrases, compiled."""

    words: dict[str, str]  # lower-case word -> red / amber / green / blue
    letters: dict[str, str]  # capital letter -> red / amber / green / blue
    labels: tuple[str, ...]
    states: tuple[tuple[str, re.Pattern], ...]  # (state, pattern of all its phrases)

    @property
    def word_pattern(self) -> str:
        return "|".join(sorted(map(re.escape, self.words), key=len, reverse=True)) or "(?!)"

    @property
    def letter_pattern(self) -> str:
        return "[" + "".join(sorted(map(re.escape, self.letters))) + "]" if self.letters else "(?!)"


def _phrase(words: str) -> str:
    return r"[\s\-–]*".join(re.escape(part) for part in words.split())


def load_vocabulary(path: Path = VOCABULARY_FILE, extra: Path | None = None) -> Vocabulary:
    """The shipped vocabulary, optionally extended by a user's TOML file of the same shape."""
    words: dict[str, str] = {}
    letters: dict[str, str] = {}
    labels: list[str] = []
    states: dict[str, list[str]] = {name: [] for name in _STATE_NAMES}
    for source in (path, extra):
        if source is None:
            continue
        data = read_toml(source)
        for rag, names in data.get("rag", {}).items():
            for name in names:
                words[" ".join(name.lower().split())] = rag
        for letter, rag in data.get("rag_letters", {}).items():
            if len(letter.strip()) != 1 or not letter.strip().isalpha():
                raise ValueError(f"{source}: a RAG letter is one letter, not {letter!r}")
            letters[letter.strip().upper()] = rag
        labels += [" ".join(label.lower().split()) for label in data.get("rag_labels", {}).get("labels", [])]
        for name, phrases in data.get("states", {}).items():
            if name not in states:
                raise ValueError(f"{source}: unknown state {name!r} (expected one of {', '.join(_STATE_NAMES)})")
            states[name] += [" ".join(phrase.lower().split()) for phrase in phrases]
    for rag in list(words.values()) + list(letters.values()):
        if rag not in ("red", "amber", "green", "blue"):
            raise ValueError(f"unknown rating {rag!r} (expected red, amber, green or blue)")
    compiled = tuple(
        (name, re.compile(r"\b(?:" + "|".join(_phrase(p) for p in sorted(set(phrases), key=len, reverse=True))
                          + r")\b", re.I))
        for name, phrases in states.items() if phrases
    )
    return Vocabulary(words, letters, tuple(dict.fromkeys(labels)), compiled)


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    return load_vocabulary()


@lru_cache(maxsize=8)
def _patterns(vocabulary: Vocabulary) -> dict[str, re.Pattern]:
    word, letter = vocabulary.word_pattern, vocabulary.letter_pattern
    labels = "|".join(_phrase(label) for label in sorted(vocabulary.labels, key=len, reverse=True)) or "(?!)"
    return {
        # the whole line is a rating: "G", "(A)", "[R]", "Amber.", "GREEN –"
        "line": re.compile(rf"^\W*?[(\[]?\s*(?:(?P<word>{word})|(?P<letter>{letter}))\s*[)\]]?\W*$", re.I),
        # a word at the start of a line or sentence, and what follows it
        "lead_word": re.compile(rf"(?:^|(?<=[.;:!?|])\s+|^\W+)(?P<word>{word})\b(?P<after>\W*)(?P<next>\w*)", re.I | re.M),
        # a capital letter at the start of a line, bracketed or dashed: "(A) On track", "G – complete"
        "lead_letter": re.compile(rf"^\W*?(?:[(\[]\s*(?P<letter>{letter})\s*[)\]]|(?P<letter2>{letter})\s*{_DASH}\s)", re.M),
        # a word at the end of a line, set off: "On track – GREEN", "Progress good. Green"
        "trail_word": re.compile(rf"(?:[-–—:;,.(\[/|]|^)\s*[(\[]?\s*(?P<word>{word})\s*[)\]]?\W*$", re.I | re.M),
        # a capital letter at the end of a line, bracketed or dashed: "complete (G)", "On track – A"
        "trail_letter": re.compile(rf"(?:[(\[]\s*(?P<letter>{letter})\s*[)\]]|\s{_DASH}\s*(?P<letter2>{letter}))\W*$", re.M),
        # after a label anywhere: "RAG: A", "rated amber", "BRAG status - G"
        "labelled": re.compile(rf"\b(?:{labels})\s*(?:[:=]|{_DASH})?\s*[(\[]?\s*(?:(?P<word>{word})\b|(?P<letter>{letter})(?=\s*(?:$|[)\].,;:|/–—-])))", re.I | re.M),
        # a rating word in capitals anywhere
        "caps": re.compile(rf"\b(?P<word>{word.upper()})\b"),
        # letters used to number points: "(A) ... (B) ..."
        "lettered": re.compile(r"(?:^|\s)[(\[]\s*[A-Z]\s*[)\]]|(?:^|\n)\s*[A-Z]\s*[).]\s"),
    }


def text_rag(text: str | None, vocabulary: Vocabulary | None = None) -> tuple[str, str] | None:
    """The rating a cell's words give ('red' / 'amber' / 'green' / 'blue') and the words
    it was read from, or None."""
    vocabulary = vocabulary or default_vocabulary()
    text = (text or "").strip()
    if not text:
        return None
    patterns = _patterns(vocabulary)
    lettered = len(set(re.findall(r"[A-Z]", " ".join(m.group(0) for m in patterns["lettered"].finditer(text))))) >= 2
    found: list[tuple[int, str, str]] = []  # (position, rating, words)

    def add(position: int, word: str | None, letter: str | None) -> None:
        if word:
            found.append((position, vocabulary.words[" ".join(word.lower().split())], word))
        elif letter and not lettered:
            found.append((position, vocabulary.letters[letter.upper()], letter))

    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        whole = patterns["line"].match(stripped)
        if whole and (whole["word"] or (whole["letter"] and whole["letter"].isupper())):
            add(offset + line.find(stripped), whole["word"], whole["letter"])
        offset += len(line) + 1
    for match in patterns["lead_word"].finditer(text):
        if not _prose_after(match, text, vocabulary):
            add(match.start("word"), match["word"], None)
    for match in patterns["lead_letter"].finditer(text):
        add(match.start(), None, match["letter"] or match["letter2"])
    for match in patterns["trail_word"].finditer(text):
        add(match.start("word"), match["word"], None)
    for match in patterns["trail_letter"].finditer(text):
        if match["letter"] and _REFERENCE_WORDS.search(text[:match.start()]):
            continue
        add(match.start(), None, match["letter"] or match["letter2"])
    for match in patterns["labelled"].finditer(text):
        if match["letter"] and not match["letter"].isupper():
            continue
        add(match.start(), match["word"], match["letter"])
    if not _shouting(text):
        for match in patterns["caps"].finditer(text):
            add(match.start(), match["word"], None)
    if not found:
        return None
    _, rag, words = max(found, key=lambda item: item[0])  # the latest written: updates are appended
    return rag, words


def _prose_after(match: re.Match, text: str, vocabulary: Vocabulary) -> bool:
    """A colour word followed by a word of prose is an adjective ("Green space audit"),
    unless that word reports progress ("Green on track") or the colour is written in
    capitals in a mixed-case cell ("AMBER Needs to be ratified")."""
    if match["after"].strip() or not match["next"]:
        return False  # punctuation, a dash or the end follows: a rating
    word = match["word"]
    if word.isupper() and len(word) > 1 and not _shouting(text):
        return False
    rest = text[match.start("next"):]
    if rest.lower().startswith(tuple(vocabulary.words)):
        return False  # "Red Amber", "Green/Amber"
    for _, pattern in vocabulary.states:
        hit = pattern.match(rest)
        if hit:
            return False
    if re.match(r"(?:on|in|off|not|at|now|and|but|with|as|overall|rating|rated|status)\b", rest, re.I):
        return False
    return True


def _shouting(text: str) -> bool:
    """A cell written all in capitals: a capitalised colour there is no emphasis."""
    letters = [c for c in text if c.isalpha()]
    words = text.split()
    return len(words) >= 2 and sum(c.isupper() for c in letters) > 0.7 * len(letters)


def _state(head: str, vocabulary: Vocabulary) -> tuple[str, str] | None:
    """The earliest state phrase in the head of the cell (the longer of two at one place)."""
    matches = []
    for name, pattern in vocabulary.states:
        for found in pattern.finditer(head):
            if name == "complete" and _NOT_YET.search(head[:found.start()]):
                continue
            matches.append((found.start(), -len(found.group(0)), name, found.group(0)))
            break
    if not matches:
        return None
    _, _, name, words = min(matches)
    return name, words


def parse_status(text: str | None, fill_rag: str | None = None, vocabulary: Vocabulary | None = None,
                 commentary: bool = False) -> Status:
    """Status of an item from its progress / status text and a cell colour's rating
    ('red' / 'amber' / 'green' / 'blue', as ``colours.rag_from_fill`` gives).
    ``commentary``: the text is a progress note, not the status cell's own: a blue (BRAG
    "complete") fill then decides the state over the note's words ("On track")."""
    vocabulary = vocabulary or default_vocabulary()
    text = (text or "").strip()
    flat = " ".join(text.split())
    if not flat and fill_rag is None:
        return Status()
    raw_parts: list[str] = []
    from_text = text_rag(text, vocabulary)
    rating = None
    if from_text:
        rating = from_text[0]
        raw_parts.append(from_text[1])
    state_found = _state(flat[:_LEAD_IN], vocabulary)
    if state_found:
        raw_parts.append(state_found[1])
    if rating is None:
        rating = fill_rag
    state = state_found[0] if state_found else None
    if rating == "blue":  # BRAG's fourth colour: done, with no rag in schema v1
        if from_text or state is None or (commentary and fill_rag == "blue"):
            state = "complete"
        rating = None
    if state is None and flat:
        state = "complete" if rating == "green" and re.search(r"complet|achiev", flat, re.I) else "unknown"
    raw = " ".join(dict.fromkeys(raw_parts)) or None
    return Status(raw=raw, rag=rating, state=state)
