"""actionplan: turn inspection action plans (PDF, DOCX, text) into validated data.

    >>> import actionplan
    >>> plan = actionplan.extract("samples/southend-2012.txt")
    >>> plan.items[0].leads[0].name
    'Heather Flinders'
"""

from __future__ import annotations

from pathlib import Path

# Absolute imports here, relative ones everywhere else: the checkout's root folder is this
# package, and pytest imports this file under the folder's own name ("actionplan-main"),
# where a relative import has no parent package to resolve against.
from actionplan.errors import ActionPlanError, DocumentLoadError, UnsupportedFormat
from actionplan.extract import SUPPORTED_SUFFIXES, OcrOptions, load
from actionplan.files import sha256_of
from actionplan.normalise import build_plan
from actionplan.normalise.records import labelled_records
from actionplan.normalise.settings import Settings
from actionplan.schema import SCHEMA_VERSION, ActionItem, ActionPlan, ValidationIssue

__version__ = "0.1.0"


def extract(path: str | Path, settings: Settings | dict | None = None) -> ActionPlan:
    """Read one plan file and return it as a validated ``ActionPlan``.

    ``settings`` (a ``Settings``, a dict of its fields, or None for the defaults)
    gives an anchor date for relative timescales, a glossary of initials, extra
    heading synonyms and which PDF pages to read by OCR (``ocr``: auto / never / always).

    Raises ``DocumentLoadError`` (or its subclass ``UnsupportedFormat``) when the
    file cannot be read; problems in the plan's content are in ``plan.issues``.
    """
    path = Path(path)
    settings = Settings.resolve(settings)
    document = labelled_records(load(path, OcrOptions(settings.ocr, settings.ocr_dpi)), settings.headings())
    if not document.tables and not document.pages_without_text:
        raise DocumentLoadError(path, "no table found: an action plan is a table of actions")
    return build_plan(document, sha256_of(path), settings)


__all__ = [
    "SCHEMA_VERSION", "SUPPORTED_SUFFIXES", "ActionItem", "ActionPlan", "ActionPlanError",
    "DocumentLoadError", "Settings", "UnsupportedFormat", "ValidationIssue", "extract",
]
