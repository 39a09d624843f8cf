"""Upper or lower case of an OCR word from its height on the page: for letters whose
small form is the capital's shape made smaller, Tesseract's reading of the shape cannot
tell "WC" from "wc"; the ink's height against the page's small letters can."""

from __future__ import annotations

import statistics

SAME_SHAPE = set("cosvwxz")  # small form = the capital made smaller
X_HEIGHT_LETTERS = set("acemnorsuvwxz")  # neither ascender nor descender
# Capitals stand ~1.4 small letters' height (1.38 in Arial, 1.48 in Times); measured on
# scans at 150-300 dpi after JPEG, "so" stands 0.95-1.1 of the page's small letters and
# initials "WC", "SS", "CS" 1.24-1.42.
_CAPITAL_HEIGHT = 1.2
_X_HEIGHT_WORDS = 8  # a median of fewer words is too easily one speck's


def small_letter_height(words: list[dict]) -> float | None:
    """The height of the page's small letters: the median ink height of its words in
    small letters with neither ascender nor descender ("are", "on", "a"); None where
    fewer than ``_X_HEIGHT_WORDS`` say."""
    small = [w["box"][3] - w["box"][1] for w in words
             if w["text"].isalpha() and w["text"].islower() and set(w["text"]) <= X_HEIGHT_LETTERS]
    return statistics.median(small) if len(small) >= _X_HEIGHT_WORDS else None


def capitals_by_height(text: str, ink_height: float, x_height: float) -> str:
    """A short word of letters whose small form is the capital's shape made smaller (c o s
    v w x z) in capitals where its ink stands as tall as capitals: Tesseract reads initials
    "WC", "CS", "SS" alone in a cell as "wc", "cs", "ss" (no other letter shows the size).
    Measured against the page's own small letters: at 150-300 dpi after JPEG, "so" stands
    0.95-1.1 of their height, initials 1.24-1.42."""
    core = text.rstrip(".,;:")
    if 2 <= len(core) <= 4 and core.isalpha() and set(core.lower()) <= SAME_SHAPE and not core.isupper():
        if ink_height >= _CAPITAL_HEIGHT * x_height:
            return core.upper() + text[len(core):]
    return text
