"""Pydantic models of the JSON actionplan writes, and the JSON Schema made from them."""

from __future__ import annotations

import json
from pathlib import Path

from .models import (
    SCHEMA_VERSION,
    ActionItem,
    ActionPlan,
    ColumnMapping,
    Conversion,
    Format,
    InspectionDetails,
    Lead,
    RowCounts,
    SourceDocument,
    SourceLocation,
    Status,
    Timescale,
    TimescalePart,
    ValidationIssue,
)

SCHEMA_FILE = Path(__file__).with_name("actionplan.schema.json")


def json_schema() -> dict:
    """The JSON Schema of an ActionPlan document, as published in ``actionplan.schema.json``."""
    schema = ActionPlan.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://actionplan.invalid/schema/v{SCHEMA_VERSION}/actionplan.schema.json"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


__all__ = [
    "SCHEMA_VERSION", "SCHEMA_FILE", "ActionItem", "ActionPlan", "ColumnMapping", "Conversion", "Format", "InspectionDetails", "Lead", "RowCounts",
    "SourceDocument", "SourceLocation", "Status", "Timescale", "TimescalePart", "ValidationIssue",
    "json_schema", "json_schema_text",
]
