from __future__ import annotations

import os
import shutil
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


def required_program(*names: str, package: str) -> str:
    """The first of ``names`` found on PATH. Missing, the test is skipped on a developer's
    machine, but fails where the CI environment variable is set: CI installs these
    programs (.ci/run), so a missing one there is a broken set-up, not a reason to skip."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    message = f"{names[0]} is not installed (Debian: apt-get install {package})"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must run these tests (.ci/run installs it)")
    pytest.skip(message)


@pytest.fixture
def soffice() -> str:
    """LibreOffice's executable, for the tests that convert .odt / .doc / .rtf / .ods."""
    return required_program("soffice", "libreoffice", package="libreoffice-writer-nogui libreoffice-calc-nogui")
