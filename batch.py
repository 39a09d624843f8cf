"""Converting many plans: in worker processes bounded in time and memory (workers.py),
skipping what is already done, and writing each result atomically. Nothing here prints;
the CLI renders the outcomes. Whole-batch outputs (jsonl, csv, xlsx, the report) are
written by ``outputs/``."""

from __future__ import annotations

import os
import traceback
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Iterator

from . import __version__, extract
from .errors import DocumentLoadError, OutputError
from .extract import require_regular_file
from .files import sha256_of, write_atomic
from .normalise.settings import Settings
from .schema import ActionPlan, Conversion
from .workers import Failed, Limits, supervise

class OutputFormat(str, Enum):
    """What ``extract`` writes (``--format``): json a file per plan; the others one file for
    the batch (written by outputs/). The input's format is ``schema.Format``."""

    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


class OutcomeStatus(str, Enum):
    """What became of one input file: the same words in the JSON summary, the report and
    the terminal (docling's SUCCESS / PARTIAL_SUCCESS / FAILURE, with skipped for a re-run)."""

    CONVERTED = "converted"
    # Converted, but its text is a best reading to check: read by OCR (a scan).
    CONVERTED_WITH_WARNINGS = "converted with warnings"
    SKIPPED = "skipped"  # its JSON is up to date from an earlier run
    FAILED = "failed"

    def __str__(self) -> str:  # the words themselves in tables and messages
        return self.value


@dataclass
class Outcome:
    """What became of one input file."""

    path: Path
    output: str  # the JSON file's name below OUTDIR (json format)
    status: OutcomeStatus
    plan: ActionPlan | None = None
    error: str | None = None
    detail: str | None = None  # the traceback of an internal error, shown with --debug
    internal: bool = False  # the failure is a defect of ours, not a bad file

    def __post_init__(self) -> None:
        self.status = OutcomeStatus(self.status)  # the words are accepted too; a word not a status is a defect


def convert_one(path: Path, output: Path | None, settings: Settings, force: bool = False) -> Outcome:
    """Convert one file (writing ``output`` when given); never raises for a bad file."""
    name = output.name if output else ""
    try:
        require_regular_file(path)  # before anything opens it: a FIFO would block the hash
        previous = _previous(output)
        conversion = _conversion(path, settings) if output is not None else None
        if previous is not None and not force:
            same_input = previous.source.sha256 == sha256_of(path)
            # Skipped only when nothing that shapes the JSON changed: the input's bytes, every
            # setting and the tool. A plan from before this record, or from other settings, is redone.
            if same_input and previous.conversion == conversion and previous.source.path == str(path):
                return Outcome(path, name, OutcomeStatus.SKIPPED, previous)
            if not same_input and previous.source.path != str(path):  # never overwrite another file's plan
                return Outcome(path, name, OutcomeStatus.FAILED, error=f"{path}: {output} holds the plan of another file "
                               f"({previous.source.path}): give another folder with -o, or --force to replace it")
        plan = extract(path, settings)
        if output is not None:
            plan.conversion = conversion
            write_atomic(output, plan.model_dump_json(indent=2) + "\n")
    except (DocumentLoadError, OutputError) as error:
        return Outcome(path, name, OutcomeStatus.FAILED, error=str(error))
    except MemoryError:
        return Outcome(path, name, OutcomeStatus.FAILED, error=f"{path}: out of memory (raise --memory-limit)")
    except Exception as error:  # a defect of ours: reported for this file, the batch goes on
        return Outcome(path, name, OutcomeStatus.FAILED, error=f"{path}: internal error {type(error).__name__}: {error}",
                       detail=traceback.format_exc(), internal=True)
    status = OutcomeStatus.CONVERTED_WITH_WARNINGS if plan.source.ocr_pages else OutcomeStatus.CONVERTED
    return Outcome(path, name, status, plan)


def _conversion(path: Path, settings: Settings) -> Conversion:
    """What a later run compares before skipping ``path`` (the input's SHA-256 is the plan's own)."""
    try:
        digest = settings.digest()
    except OSError as error:  # a --headings / --leads file removed since the batch began
        raise DocumentLoadError(path, f"cannot read a settings file ({error.strerror or error})") from error
    return Conversion(tool_version=__version__, settings=digest, input_size=path.stat().st_size)


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
    output_format: OutputFormat = OutputFormat.json, force: bool = False, limits: Limits = Limits(), debug: bool = False,
) -> Iterator[Outcome]:
    """Convert every input, yielding outcomes as they finish (in any order); with ``outdir``
    None nothing is written. Always in worker processes, even one: only there can a file
    that runs past ``limits`` be stopped (a regex or a C library cannot be interrupted)."""
    jobs = convert_jobs(names, outdir, settings, output_format, force)
    for path, result in supervise(convert_one, jobs, workers, limits, log_warnings=debug):
        if isinstance(result, Failed):  # the worker gave no outcome: timed out, out of memory, died
            result = lost(path, jobs_output(names, outdir, output_format, path), result.reason, result.detail)
        yield result


def convert_jobs(names: dict[Path, str], outdir: Path | None, settings: Settings, output_format: OutputFormat,
                 force: bool) -> Iterator[tuple[Path, tuple]]:
    """``(path, convert_one's arguments)`` for each input, made as the executor takes them
    (a list of ten thousand jobs, each with its output path, would grow with the batch)."""
    return ((path, (path, outdir / name if outdir is not None and output_format == "json" else None, settings, force))
            for path, name in names.items())


def jobs_output(names: dict[Path, str], outdir: Path | None, output_format: OutputFormat, path: Path) -> Path | None:
    """The per-plan JSON a job writes (json format only)."""
    return outdir / names[path] if outdir is not None and output_format == "json" else None


def lost(path: Path, output: Path | None, reason: str, detail: str | None = None) -> Outcome:
    """The outcome of a job whose worker gave none (timed out, out of memory, died)."""
    return Outcome(path, output.name if output else "", OutcomeStatus.FAILED, error=f"{path}: {reason}", detail=detail)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
