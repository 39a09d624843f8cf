"""Converting many plans: in parallel processes, skipping what is already done, and
writing each result atomically. Nothing here prints; the CLI renders the outcomes."""

from __future__ import annotations

import csv
import io
import json
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Literal

from . import extract
from .errors import DocumentLoadError
from .files import sha256_of, write_atomic
from .normalise.settings import Settings
from .schema import ActionItem, ActionPlan

OutputFormat = Literal["json", "jsonl", "csv"]


@dataclass
class Outcome:
    """What became of one input file."""

    path: Path
    output: str  # the JSON file's name below OUTDIR (json format)
    # "converted with warnings": read by OCR (a scan), so its text is the OCR's best reading.
    status: Literal["converted", "converted with warnings", "skipped", "failed"]
    plan: ActionPlan | None = None
    error: str | None = None


def convert_one(path: Path, output: Path | None, settings: Settings, force: bool = False) -> Outcome:
    """Convert one file (writing ``output`` when given); never raises for a bad file."""
    name = output.name if output else ""
    try:
        if output is not None and not force:
            done = _up_to_date(path, output)
            if done is not None:
                return Outcome(path, name, "skipped", done)
        plan = extract(path, settings)
    except DocumentLoadError as error:
        return Outcome(path, name, "failed", error=str(error))
    except Exception as error:  # a defect of ours: reported for this file, the batch goes on
        return Outcome(path, name, "failed", error=f"{path}: internal error {type(error).__name__}: {error}")
    if output is not None:
        write_atomic(output, plan.model_dump_json(indent=2) + "\n")
    return Outcome(path, name, "converted with warnings" if plan.source.ocr_pages else "converted", plan)


def _up_to_date(path: Path, output: Path) -> ActionPlan | None:
    """The plan already written for ``path``, if it is newer than the input and of the same bytes."""
    if not output.exists() or output.stat().st_mtime < path.stat().st_mtime:
        return None
    try:
        plan = ActionPlan.model_validate_json(output.read_text(encoding="utf-8"))
    except ValueError:
        return None
    return plan if plan.source.sha256 == sha256_of(path) else None


def convert_many(
    names: dict[Path, str], outdir: Path, settings: Settings, workers: int = 1,
    output_format: OutputFormat = "json", force: bool = False,
) -> Iterator[Outcome]:
    """Convert every input, yielding outcomes as they finish (in any order)."""
    jobs = [(path, outdir / name if output_format == "json" else None) for path, name in names.items()]
    if workers <= 1 or len(jobs) <= 1:
        for path, output in jobs:
            yield convert_one(path, output, settings, force)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(convert_one, path, output, settings, force) for path, output in jobs]
        for future in as_completed(futures):
            yield future.result()


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


# -- whole-batch outputs --------------------------------------------------------

CSV_COLUMNS = [
    "plan_path", "id", "section", "recommendation_ref", "recommendation", "action_ref", "action", "outcome",
    "leads", "lead_raw", "timescale_raw", "timescale_kind", "timescale_due", "status_rag", "status_state",
    "progress", "monitoring", "report_refs", "page", "table", "row", "issues",
]


def write_jsonl(outcomes: list[Outcome], target: Path) -> None:
    """One item per line across all plans, each with its plan's path."""
    lines = []
    for outcome in outcomes:
        if outcome.plan is None:
            continue
        for item in outcome.plan.items:
            record = {"plan_path": outcome.plan.source.path, **json.loads(item.model_dump_json())}
            lines.append(json.dumps(record, ensure_ascii=False))
    write_atomic(target, "\n".join(lines) + ("\n" if lines else ""))


def write_csv(outcomes: list[Outcome], target: Path) -> None:
    """One row per item, flat columns, leads joined: for spreadsheet users."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for outcome in outcomes:
        if outcome.plan is None:
            continue
        codes: dict[str, list[str]] = {}
        for found in outcome.plan.issues:
            if found.item_id:
                codes.setdefault(found.item_id, []).append(found.code)
        for item in outcome.plan.items:
            writer.writerow(_flat(outcome.plan.source.path, item, codes.get(item.id, [])))
    write_atomic(target, buffer.getvalue())


def _flat(plan_path: str, item: ActionItem, codes: list[str]) -> dict[str, object]:
    leads = "; ".join(
        " ".join(filter(None, [lead.name, f"({', '.join(filter(None, [lead.role, lead.organisation]))})"
                               if lead.role or lead.organisation else None]))
        for lead in item.leads
    )
    return {
        "plan_path": plan_path, "id": item.id, "section": item.section, "recommendation_ref": item.recommendation_ref,
        "recommendation": item.recommendation, "action_ref": item.action_ref, "action": item.action,
        "outcome": item.outcome, "leads": leads, "lead_raw": item.lead_raw, "timescale_raw": item.timescale.raw,
        "timescale_kind": item.timescale.kind, "timescale_due": item.timescale.due.isoformat() if item.timescale.due else "",
        "status_rag": item.status.rag, "status_state": item.status.state, "progress": item.progress,
        "monitoring": item.monitoring, "report_refs": "; ".join(item.report_refs), "page": item.source.page,
        "table": item.source.table, "row": item.source.row, "issues": " ".join(codes),
    }
