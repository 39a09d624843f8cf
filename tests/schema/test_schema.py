import json

import pytest
from pydantic import ValidationError

from actionplan.schema import SCHEMA_FILE, ActionItem, ActionPlan, json_schema, json_schema_text


def test_committed_schema_is_current():
    """schema/actionplan.schema.json is what the models publish (`make schema` updates it)."""
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text()


# Field names as first published: later versions may add fields after them, never rename,
# reorder or drop one (other systems read them).
PUBLISHED = {
    "ActionPlan": ["schema_version", "source", "title", "as_of", "anchor_date", "items", "issues", "rows"],
    "ActionItem": [
        "id", "section", "recommendation_ref", "recommendation", "action_ref", "action", "outcome", "leads",
        "lead_raw", "timescale", "status", "progress", "monitoring", "report_refs", "extra", "source",
    ],
    "Lead": ["name", "role", "organisation"],
    "ValidationIssue": ["item_id", "field", "code", "severity", "message", "page", "table", "row", "value"],
}


@pytest.mark.parametrize("model", sorted(PUBLISHED))
def test_published_field_names_are_kept(model):
    schema = json_schema()
    properties = list((schema if model == "ActionPlan" else schema["$defs"][model])["properties"])
    assert properties[:len(PUBLISHED[model])] == PUBLISHED[model]


def test_timescale_kinds():
    assert json_schema()["$defs"]["Timescale"]["properties"]["kind"]["enum"] == [
        "date", "month", "quarter", "relative", "immediate", "ongoing", "invalid", "unknown", "missing"
    ]


def test_action_is_required_and_non_empty():
    with pytest.raises(ValidationError):
        ActionItem(id="x", action="", timescale={"kind": "missing"}, source={"table": 1, "row": 1})


def test_output_round_trips(tmp_path):
    import actionplan

    plan = actionplan.extract("samples/southend-2012.txt")
    again = ActionPlan.model_validate_json(plan.model_dump_json())
    assert again == plan
    assert json.loads(plan.model_dump_json())["schema_version"] == "1"


def test_issue_codes_are_published_as_an_enum_of_the_records():
    """Callers can check a code against the schema; the enum is the code records' values."""
    from actionplan.schema.codes import CODES

    schema = json_schema()
    assert schema["$defs"]["ValidationIssue"]["properties"]["code"]["$ref"] == "#/$defs/IssueCode"
    assert schema["$defs"]["IssueCode"]["enum"] == list(CODES)


def test_an_issue_holds_its_code_as_the_string_the_json_holds():
    from actionplan.schema import ValidationIssue

    found = ValidationIssue(code="missing_lead", severity="error", message="m")
    assert type(found.code) is str and found.code == "missing_lead"
    with pytest.raises(ValidationError):
        ValidationIssue(code="no_such_code", severity="error", message="m")
