from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SEEDS = ["darlington-2012", "north-tyneside-2012", "southend-2012", "stockton-2013", "sunderland-2013"]


@pytest.fixture(autouse=True)
def _repo_cwd(monkeypatch):
    """Run from the repo root so plans record stable relative paths (samples/x.txt)."""
    monkeypatch.chdir(REPO)


def update_golden() -> bool:
    return os.environ.get("ACTIONPLAN_UPDATE_GOLDEN") == "1"
