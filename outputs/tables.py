"""Whole-batch item tables: ``items.jsonl`` (one item per line) and ``items.csv`` (one
flat row per item, for spreadsheet users)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..files import write_atomic
from ..schema import ActionItem, ActionPlan
from .flat import codes_by_item, leads_text

if TYPE_CHECKING:
    from ..batch import Outcome

# The README's table of CSV columns is checked against this list (tests/outputs/test_tables.py).
CSV_COLUMNS = [
    "plan_path", "plan_title", "id", "section", "recommendation_ref", "recommendation", "action_ref", "action",
    "outcome", "leads", "lead_raw", "timescale_raw", "timescale_kind", "timescale_due", "status_rag",
    "status_state", "progress", "monitoring", "report_refs", "page", "table", "row", "issues",
]
EXTRA_PREFIX = "extra: "  # then one column per heading that mapped to no field, in order of first use

# Excel takes a UTF-8 file for its ANSI code page unless it starts with a byte-order
# mark, and shows "•" as "â€¢"; every other reader skips the mark (utf-8-sig).
BOM = "\ufeff"


def write_jsonl(outcomes: list[Outcome], target: Path) -> None:
    """One item per line across all plans, each with its plan's path."""
    lines = [line for plan in _plans(outcomes) for line in jsonl_lines(plan)]
    write_atomic(target, "".join(lines))


def jsonl_lines(plan: ActionPlan) -> Iterator[str]:
    """The plan's items as items.jsonl lines, each ending in a newline."""
    for item in plan.items:
        record = {"plan_path": plan.source.path, **json.loads(item.model_dump_json())}
        yield json.dumps(record, ensure_ascii=False) + "\n"


def csv_header(outcomes: list[Outcome]) -> list[str]:
    extra = dict.fromkeys(heading for plan in _plans(outcomes) for item in plan.items for heading in item.extra)
    return CSV_COLUMNS + [EXTRA_PREFIX + heading for heading in extra]


def write_csv(outcomes: list[Outcome], target: Path) -> None:
    """One row per item, flat columns, leads joined, UTF-8 with a byte-order mark."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=csv_header(outcomes))
    writer.writeheader()
    for plan in _plans(outcomes):
        writer.writerows(csv_rows(plan))
    write_atomic(target, BOM + buffer.getvalue())


def csv_rows(plan: ActionPlan) -> Iterator[dict[str, object]]:
    """The plan's items as items.csv rows (a DictWriter's dicts)."""
    codes = codes_by_item(plan)
    for item in plan.items:
        yield _flat(plan, item, codes.get(item.id, []))


def _plans(outcomes: list[Outcome]) -> list[ActionPlan]:
    return [outcome.plan for outcome in outcomes if outcome.plan is not None]


def _flat(plan: ActionPlan, item: ActionItem, codes: list[str]) -> dict[str, object]:
    return {
        "plan_path": plan.source.path, "plan_title": plan.title, "id": item.id, "section": item.section,
        "recommendation_ref": item.recommendation_ref, "recommendation": item.recommendation,
        "action_ref": item.action_ref, "action": item.action, "outcome": item.outcome, "leads": leads_text(item),
        "lead_raw": item.lead_raw, "timescale_raw": item.timescale.raw, "timescale_kind": item.timescale.kind,
        "timescale_due": item.timescale.due.isoformat() if item.timescale.due else "",
        "status_rag": item.status.rag, "status_state": item.status.state, "progress": item.progress,
        "monitoring": item.monitoring, "report_refs": "; ".join(item.report_refs), "page": item.source.page,
        "table": item.source.table, "row": item.source.row, "issues": " ".join(codes),
        **{EXTRA_PREFIX + heading: text for heading, text in item.extra.items()},
    }
