import json

import pytest
from pydantic import ValidationError

from actionplan.schema import SCHEMA_FILE, ActionItem, ActionPlan, json_schema, json_schema_text


def test_committed_schema_is_current():
    """schema/actionplan.schema.json is what the models publish (`make schema` updates it)."""
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text()


def test_public_field_names():
    """The JSON field names are a contract other systems read: renaming one breaks them."""
    schema = json_schema()
    assert list(schema["properties"]) == ["schema_version", "source", "title", "as_of", "anchor_date", "items", "issues", "rows"]
    assert list(schema["$defs"]["ActionItem"]["properties"]) == [
        "id", "section", "recommendation_ref", "recommendation", "action_ref", "action", "outcome", "leads",
        "lead_raw", "timescale", "status", "progress", "monitoring", "report_refs", "extra", "source",
    ]
    assert schema["$defs"]["Timescale"]["properties"]["kind"]["enum"] == [
        "date", "month", "quarter", "relative", "immediate", "ongoing", "invalid", "unknown", "missing"
    ]
    assert list(schema["$defs"]["ValidationIssue"]["properties"]) == ["item_id", "field", "code", "severity", "message", "page", "table", "row", "value"]


def test_action_is_required_and_non_empty():
    with pytest.raises(ValidationError):
        ActionItem(id="x", action="", timescale={"kind": "missing"}, source={"table": 1, "row": 1})


def test_output_round_trips(tmp_path):
    import actionplan

    plan = actionplan.extract("samples/southend-2012.txt")
    again = ActionPlan.model_validate_json(plan.model_dump_json())
    assert again == plan
    assert json.loads(plan.model_dump_json())["schema_version"] == "1"
