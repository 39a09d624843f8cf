"""Case of OCR words told by their height (extract/ocr_case.py).

Regression (scans of generated plans, seeds 4/5: pdf-rec-headings, word-landscape-initials-lo,
pdf-unruled-initials): initials alone in a lead cell, "WC", "CS", "SS", came back from
Tesseract as "wc", "cs", "ss" and were no longer initials the plan's key defines. The heights
below are as measured on those scans (pixels; the page's small letters 20 px high)."""

import pytest

from actionplan.extract.ocr_case import capitals_by_height, small_letter_height


@pytest.mark.parametrize("text, ink_height, expected", [
    ("wc", 27, "WC"),  # 1.35 of the small letters: capitals
    ("ss", 25, "SS"),
    ("cs,", 28, "CS,"),  # punctuation after it kept
    ("Wc", 27, "WC"),
    ("so", 20, "so"),  # the word "so", as tall as small letters
    ("so", 22, "so"),  # 1.1: still small letters
    ("sox", 20, "sox"),
    ("was", 27, "was"),  # "a" has no capital of the same shape: Tesseract can tell
    ("wc", 27, "WC"),
    ("s", 27, "s"),  # one letter: a RAG mark or a word's tail, not initials
    ("scows", 27, "scows"),  # five letters: a word, not initials
    ("WC", 20, "WC"),  # read as capitals: left as read
])
def test_case_by_height(text, ink_height, expected):
    assert capitals_by_height(text, ink_height, 20) == expected


def _word(text, height):
    return {"text": text, "box": (0, 100, 50, 100 + height)}


@pytest.mark.parametrize("words, expected", [
    ([_word("are", 20)] * 5 + [_word("on", 22)] * 4, 20),
    ([_word("are", 20)] * 7, None),  # too few to measure
    ([_word("the", 30)] * 9, None),  # ascenders: not small letters
    ([_word("SO", 28)] * 9, None),  # capitals
    ([_word("are", 20)] * 8 + [_word("Are", 28)] * 5 + [_word("ay,", 26)] * 5, 20),
])
def test_small_letter_height(words, expected):
    assert small_letter_height(words) == expected
