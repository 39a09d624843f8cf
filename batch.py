"""Converting many plans: in worker processes bounded in time and memory (workers.py),
skipping what is already done, and writing each result atomically. Nothing here prints;
the CLI renders the outcomes."""

from __future__ import annotations

import csv
import io
import json
import os
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Literal

from . import extract
from .errors import DocumentLoadError, OutputError
from .extract import require_regular_file
from .files import sha256_of, write_atomic
from .normalise.settings import Settings
from .schema import ActionItem, ActionPlan
from .workers import Failed, Limits, supervise

OutputFormat = Literal["json", "jsonl", "csv"]


@dataclass
class Outcome:
    """What became of one input file."""

    path: Path
    output: str  # the JSON file's name below OUTDIR (json format)
    status: Literal["converted", "skipped", "failed"]
    plan: ActionPlan | None = None
    error: str | None = None
    detail: str | None = None  # the traceback of an internal error, shown with --debug
    internal: bool = False  # the failure is a defect of ours, not a bad file


def convert_one(path: Path, output: Path | None, settings: Settings, force: bool = False) -> Outcome:
    """Convert one file (writing ``output`` when given); never raises for a bad file."""
    name = output.name if output else ""
    try:
        require_regular_file(path)  # before anything opens it: a FIFO would block the hash
        previous = _previous(output)
        if previous is not None and not force:
            same_input = previous.source.sha256 == sha256_of(path)
            if same_input and output.stat().st_mtime >= path.stat().st_mtime:
                return Outcome(path, name, "skipped", previous)
            if not same_input and previous.source.path != str(path):  # never overwrite another file's plan
                return Outcome(path, name, "failed", error=f"{path}: {output} holds the plan of another file "
                               f"({previous.source.path}): give another folder with -o, or --force to replace it")
        plan = extract(path, settings)
        if output is not None:
            write_atomic(output, plan.model_dump_json(indent=2) + "\n")
    except (DocumentLoadError, OutputError) as error:
        return Outcome(path, name, "failed", error=str(error))
    except MemoryError:
        return Outcome(path, name, "failed", error=f"{path}: out of memory (raise --memory-limit)")
    except Exception as error:  # a defect of ours: reported for this file, the batch goes on
        return Outcome(path, name, "failed", error=f"{path}: internal error {type(error).__name__}: {error}",
                       detail=traceback.format_exc(), internal=True)
    return Outcome(path, name, "converted", plan)


def _previous(output: Path | None) -> ActionPlan | None:
    """The plan an earlier run wrote to ``output``, if there is one actionplan can read."""
    if output is None or not output.is_file():
        return None
    try:
        return ActionPlan.model_validate_json(output.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def convert_many(
    names: dict[Path, str], outdir: Path | None, settings: Settings, workers: int = 1,
    output_format: OutputFormat = "json", force: bool = False, limits: Limits = Limits(), debug: bool = False,
) -> Iterator[Outcome]:
    """Convert every input, yielding outcomes as they finish (in any order); with ``outdir``
    None nothing is written. Always in worker processes, even one: only there can a file
    that runs past ``limits`` be stopped (a regex or a C library cannot be interrupted)."""
    writes = outdir is not None and output_format == "json"
    jobs = [(path, (path, outdir / name if writes else None, settings, force)) for path, name in names.items()]
    for path, result in supervise(convert_one, jobs, workers, limits, log_warnings=debug):
        if isinstance(result, Failed):  # the worker gave no outcome: timed out, out of memory, died
            name = Path(names[path]).name if writes else ""
            result = Outcome(path, name, "failed", error=f"{path}: {result.reason}", detail=result.detail)
        yield result


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
