"""The library's exceptions.

Only problems that stop a file from being read at all are exceptions; problems in
the data (a missing lead, an unparsed date, a dropped row) are ``ValidationIssue``
records in the plan. The CLI is the only place that turns these into messages.
"""

from __future__ import annotations

from pathlib import Path


class ActionPlanError(Exception):
    """Base class for every error the library raises on purpose."""


class DocumentLoadError(ActionPlanError):
    """The file exists but cannot be read as a plan (corrupt, encrypted, empty...)."""

    def __init__(self, path: Path | str, cause: str):
        self.path = Path(path)
        self.cause = cause
        super().__init__(f"{self.path}: {cause}")


class UnsupportedFormat(DocumentLoadError):
    """The file's type is not one the extractors read."""


class OutputError(ActionPlanError):
    """An output cannot be written (no space, no permission, a file where a folder must be)."""

    def __init__(self, path: Path | str, cause: str):
        self.path = Path(path)
        self.cause = cause
        super().__init__(f"cannot write {self.path}: {cause}")
