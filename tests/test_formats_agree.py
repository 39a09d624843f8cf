"""The same plan read from its text conversion, its Word version and its PDF gives
the same items, field by field (only where each came from differs; PDF text is
compared without whitespace, since line breaks inside a printed cell are layout)."""

import re

import pytest

import actionplan
from conftest import SEEDS

CONTENT_FIELDS = [
    "section", "recommendation_ref", "recommendation", "action_ref", "action", "outcome", "leads",
    "lead_raw", "timescale", "status", "progress", "monitoring", "report_refs", "extra",
]


@pytest.mark.parametrize("seed", SEEDS)
def test_docx_version_gives_the_text_items(seed):
    from_text = actionplan.extract(f"samples/{seed}.txt")
    from_word = actionplan.extract(f"samples/docx/{seed}.docx")
    assert (from_word.title, from_word.as_of) == (from_text.title, from_text.as_of)
    assert len(from_word.items) == len(from_text.items)
    for text_item, word_item in zip(from_text.items, from_word.items):
        for field in CONTENT_FIELDS:
            assert getattr(word_item, field) == getattr(text_item, field), (text_item.id, field)
    word_codes = sorted((i.code for i in from_word.issues if i.item_id))
    text_codes = sorted((i.code for i in from_text.issues if i.item_id))
    assert word_codes == text_codes


def _without_whitespace(value):
    if isinstance(value, str):
        return re.sub(r"\s+", "", value)
    if hasattr(value, "model_dump"):
        value = value.model_dump()
    if isinstance(value, dict):
        return {key: _without_whitespace(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_without_whitespace(inner) for inner in value]
    return value


@pytest.mark.parametrize("seed", SEEDS)
def test_pdf_version_gives_the_text_items(seed):
    from_text = actionplan.extract(f"samples/{seed}.txt")
    from_pdf = actionplan.extract(f"samples/pdf/{seed}.pdf")
    assert from_pdf.as_of == from_text.as_of
    assert len(from_pdf.items) == len(from_text.items)
    for text_item, pdf_item in zip(from_text.items, from_pdf.items):
        for field in CONTENT_FIELDS:
            expected = _without_whitespace(getattr(text_item, field))
            assert _without_whitespace(getattr(pdf_item, field)) == expected, (text_item.id, pdf_item.id, field)
