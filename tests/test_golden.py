"""Whole-plan outputs for the five seed plans, compared with reviewed golden JSON.

Regenerate with ``make golden`` (ACTIONPLAN_UPDATE_GOLDEN=1) and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest


import actionplan
from conftest import SEEDS, update_golden

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_matches_golden(seed):
    plan = actionplan.extract(f"samples/{seed}.txt")
    produced = json.loads(plan.model_dump_json())
    golden_file = GOLDEN / f"{seed}.json"
    if update_golden():
        golden_file.write_text(json.dumps(produced, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(golden_file.read_text(encoding="utf-8"))
    assert produced["items"] == expected["items"]
    assert produced == expected


def test_golden_update_is_off_in_ci():
    """CI compares against the golden files; it must never rewrite them."""
    if os.environ.get("CI"):
        assert not update_golden()
