"""Converting many plans: in parallel processes, skipping what is already done, and
writing each result atomically. Nothing here prints; the CLI renders the outcomes.
Whole-batch outputs (jsonl, csv, xlsx, the report) are written by ``outputs/``."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Literal

from . import extract
from .errors import DocumentLoadError
from .files import sha256_of, write_atomic
from .normalise.settings import Settings
from .schema import ActionPlan

# json: a file per plan; the others one file for the batch (written by outputs/)
OutputFormat = Literal["json", "jsonl", "csv", "xlsx"]


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
