"""Whole-plan outputs for the five seed plans, compared with reviewed golden JSON.

Regenerate with ``make golden`` (ACTIONPLAN_UPDATE_GOLDEN=1) and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest


import actionplan
from actionplan.extract.ocr import HOW_TO_ENABLE, unavailable
from conftest import SEEDS, update_golden

GOLDEN = Path(__file__).parent / "golden"


SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_FILES = [f"{seed}.txt" for seed in SEEDS] + sorted(
    path.relative_to(SAMPLES).as_posix()
    for pattern in ("docx/*.docx", "pdf/*.pdf", "html/*.html", "xlsx/*.xlsx") for path in SAMPLES.glob(pattern)
)


def _golden_name(sample: str) -> str:
    return sample.replace("/", "-").rsplit(".", 1)[0] + ".json"


@pytest.mark.parametrize("sample", SAMPLE_FILES)
def test_sample_matches_golden(sample):
    if sample == "pdf/scanned-plan.pdf" and unavailable():  # read by OCR: its golden is Tesseract's reading
        pytest.skip(f"OCR not installed here ({HOW_TO_ENABLE}); CI installs it")
    plan = actionplan.extract(f"samples/{sample}")
    produced = json.loads(plan.model_dump_json())
    golden_file = GOLDEN / _golden_name(sample)
    if update_golden():
        golden_file.write_text(json.dumps(produced, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(golden_file.read_text(encoding="utf-8"))
    assert produced["items"] == expected["items"]
    assert produced == expected


def test_golden_update_is_off_in_ci():
    """CI compares against the golden files; it must never rewrite them."""
    if os.environ.get("CI"):
        assert not update_golden()
