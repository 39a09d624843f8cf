"""The ``actionplan`` command: a thin layer over the library.

Exit codes: EXIT_CODES below, the one list the README's table and --help repeat.
"""

from __future__ import annotations

import json
import os
import sys
import textwrap
from collections.abc import Iterator
from datetime import datetime
from enum import Enum
from itertools import islice
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import SUPPORTED_SUFFIXES, Settings
from .batch import Outcome, OutcomeStatus, OutputFormat, convert_many, default_workers
from .errors import OutputError
from .executors import ExecutorError, convert_with
from .files import PlanFiles, find_plans
from .outputs.stream import BatchOutputs, report_json_parts
from .report import Report, write_report
from .schema import ActionPlan, json_schema_text
from .terminal import batch_totals, progress_bar, summary_table, validate_listing
from .workers import DEFAULT_MEMORY, DEFAULT_TIMEOUT, Limits

EXIT_OK, EXIT_STRICT, EXIT_UNREADABLE, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_CODES = {
    EXIT_OK: "every file converted (and with --strict, no error-severity issue)",
    EXIT_STRICT: "--strict and some plan has an error-severity issue",
    EXIT_UNREADABLE: "some files could not be read or their output could not be written (damaged, timed out, "
                     "out of memory; disk full, unwritable folder, -o naming a file); the rest were converted",
    EXIT_USAGE: "bad usage (no plan files found, unknown option, unreadable --glossary / --headings / --leads / "
                "--status / --timescales file, --report naming an input file)",
    EXIT_INTERNAL: "an internal error outside any one file (a defect: run again with --debug and report it)",
}

def _shown_type(param, ctx) -> str:
    """What help shows after an option: its metavar, nothing for a flag, never a Python type
    (Typer 0.2x prints <bool>, <list[Path]>, <path>, even for its own --help)."""
    if param.metavar is not None:
        return param.metavar
    return "" if getattr(param, "is_flag", False) else param.name.upper()


for _param_class in ("TyperOption", "TyperArgument"):
    if hasattr(getattr(typer.core, _param_class, None), "display_type_rich"):
        getattr(typer.core, _param_class).display_type_rich = _shown_type


SUMMARY_ROWS = 50  # files the summary table lists one by one; past that, failures and a total

app = typer.Typer(help="Turn inspection action plans (PDF, DOCX, text) into validated JSON.", no_args_is_help=True,
                  epilog="Exit codes: " + "; ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES.items()))
stdout = Console()
stderr = Console(stderr=True, soft_wrap=True)


ANCHOR = typer.Option(None, "--anchor-date", metavar="DATE", formats=["%Y-%m-%d", "%d/%m/%Y"],
                      help="Inspection or report date (2013-01-31 or 31/01/2013) that relative timescales count from.")
GLOSSARY = typer.Option(None, "--glossary", metavar="FILE", exists=True, dir_okay=False,
                        help='TOML table of initials: SMcL = "Shaun McLean (Head of Service)".')
HEADINGS = typer.Option(None, "--headings", metavar="FILE", exists=True, dir_okay=False,
                        help="TOML file of extra heading synonyms, shaped as headings.toml.")
class ExecutorName(str, Enum):
    local = "local"
    dask = "dask"


class OcrMode(str, Enum):
    auto = "auto"
    never = "never"
    always = "always"


OCR = typer.Option(OcrMode.auto, "--ocr", metavar="auto|never|always", help="Read PDF pages by OCR: auto (scans: no text layer, or a garbage one), "
                   "never, always. Needs pip install 'actionplan[ocr]' and Tesseract.")
OCR_DPI = typer.Option(300, "--ocr-dpi", metavar="DPI", min=72, max=600, help="Resolution scanned pages are rendered at for OCR.")
LEADS = typer.Option(None, "--leads", metavar="FILE", exists=True, dir_okay=False,
                     help="TOML file of extra lead vocabulary (posts, bodies, team acronyms), shaped as leads.toml.")
STATUS = typer.Option(None, "--status", metavar="FILE", exists=True, dir_okay=False,
                      help="TOML file of extra status vocabulary (rating words and letters, state phrases), "
                      "shaped as status.toml.")
TIMESCALES = typer.Option(None, "--timescales", metavar="FILE", exists=True, dir_okay=False,
                          help="TOML file of extra timescale vocabulary (number words, ongoing phrases), "
                          "shaped as timescales.toml.")
TIMEOUT = typer.Option(DEFAULT_TIMEOUT, "--timeout", metavar="SECONDS", min=0,
                       help="Seconds one file may take before it is stopped and reported as failed (0: no limit).")
MEMORY = typer.Option(DEFAULT_MEMORY >> 20, "--memory-limit", metavar="MIB", min=0,
                      help="MiB of memory one file's worker may use before it is stopped (0: no limit).")


def _version(shown: bool) -> None:
    if shown:
        from . import __version__
        typer.echo(f"actionplan {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _options(version: bool = typer.Option(False, "--version", metavar="", callback=_version, is_eager=True,
                                          help="Print the version and exit.")) -> None:
    """Turn inspection action plans (PDF, DOCX, text) into validated JSON."""


@app.command("extract")
def extract_command(
    context: typer.Context,
    paths: List[Path] = typer.Argument(..., metavar="PATH...", help="Plan files, folders to search, or glob patterns."),
    outdir: Path = typer.Option(Path("out"), "--outdir", "-o", metavar="FOLDER", help="Folder for the output files."),
    output_format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", metavar="json|jsonl|csv|xlsx",
                                         help="json: a file per plan; jsonl / csv / xlsx: items.jsonl / items.csv / "
                                              "actions.xlsx for all."),
    workers: int = typer.Option(default_workers(), "--workers", "-w", metavar="N", min=1, help="Files converted in parallel."),
    force: bool = typer.Option(False, "--force", metavar="", help="Convert again even where the output is up to date."),
    report: Optional[Path] = typer.Option(None, "--report", metavar="FILE", help="Write the validation report (.json or .html)."),
    strict: bool = typer.Option(False, "--strict", metavar="", help="Exit 1 when any plan has an error-severity issue."),
    quiet: bool = typer.Option(False, "--quiet", "-q", metavar="", help="No progress and no summary table."),
    as_json: bool = typer.Option(False, "--json", metavar="", help="Print a machine-readable summary on stdout."),
    anchor_date: Optional[datetime] = ANCHOR, glossary: Optional[Path] = GLOSSARY,
    headings: Optional[Path] = HEADINGS, leads: Optional[Path] = LEADS, ocr: OcrMode = OCR, ocr_dpi: int = OCR_DPI,
    status: Optional[Path] = STATUS, timescales: Optional[Path] = TIMESCALES,
    timeout: float = TIMEOUT, memory_limit: int = MEMORY,
    executor: ExecutorName = typer.Option(ExecutorName.local, "--executor", metavar="local|dask",
                                          help="local: worker processes here; dask: a Dask cluster (pip install "
                                               "'actionplan[dask]'), a LocalCluster of --workers without --scheduler."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS", help="The Dask scheduler's address (tcp://host:8786)."),
    debug: bool = typer.Option(False, "--debug", metavar="", help="Show the full traceback of an internal error."),
) -> None:
    """Convert plans, one OUTDIR/<stem>.json each (folders keep their layout), and summarise them."""
    settings = _settings(anchor_date, glossary, headings, leads, ocr, ocr_dpi, status, timescales)
    names = _inputs(paths)
    _check_outputs(outdir, report, names)
    if scheduler and executor is not ExecutorName.dask:
        stderr.print("error: --scheduler is the address of a Dask cluster: add --executor dask", markup=False)
        raise typer.Exit(EXIT_USAGE)
    if executor is ExecutorName.dask:
        _refuse_unenforced_limits(context, scheduler)
    outputs = BatchOutputs(names, jsonl=outdir / "items.jsonl" if output_format is OutputFormat.jsonl else None,
                           csv_file=outdir / "items.csv" if output_format is OutputFormat.csv else None,
                           reports=[report, outdir / "actions.xlsx" if output_format is OutputFormat.xlsx else None],
                           spool_directory=outdir)
    try:
        outcomes = convert_with(executor.value, names, outdir, settings, workers, output_format.value, force,
                                Limits(timeout, memory_limit << 20), debug, scheduler)
        _run(outcomes, outputs, len(names), quiet or as_json, debug)
    except ExecutorError as error:
        stderr.print(f"error: {error}", markup=False, highlight=False)
        raise typer.Exit(EXIT_USAGE) from error
    try:
        unwritten = [_error(message) for message in outputs.finish()]
        _finish(outputs, strict, quiet, as_json, unwritten[0] if unwritten else None,
                outdir if output_format is OutputFormat.json else None)
    finally:
        outputs.close()


@app.command("validate")
def validate_command(
    paths: List[Path] = typer.Argument(..., metavar="PATH...", help="Plans, or JSON files actionplan wrote."),
    report: Optional[Path] = typer.Option(None, "--report", metavar="FILE", help="Also write the report (.json or .html)."),
    strict: bool = typer.Option(False, "--strict", metavar="", help="Exit 1 when any plan has an error-severity issue."),
    as_json: bool = typer.Option(False, "--json", metavar="", help="Print the report as JSON instead of a table."),
    anchor_date: Optional[datetime] = ANCHOR, glossary: Optional[Path] = GLOSSARY,
    headings: Optional[Path] = HEADINGS, leads: Optional[Path] = LEADS, ocr: OcrMode = OCR, ocr_dpi: int = OCR_DPI,
    status: Optional[Path] = STATUS, timescales: Optional[Path] = TIMESCALES,
    workers: int = typer.Option(default_workers(), "--workers", "-w", metavar="N", min=1, help="Files read in parallel."),
    timeout: float = TIMEOUT, memory_limit: int = MEMORY,
) -> None:
    """List, per plan, the actions that need attention (no lead, no timescale, invalid date, overdue) and count
    the other issues; --json prints the whole report."""
    settings = _settings(anchor_date, glossary, headings, leads, ocr, ocr_dpi, status, timescales)
    names = _inputs(paths, extra_suffixes=(".json",))
    _check_outputs(None, report, names)
    plans = PlanFiles((path, name) for path, name in names.items() if path.suffix.lower() != ".json")
    outputs = BatchOutputs(names, reports=[report], keep_plans=True)
    try:
        for outcome in _validated(names, plans, settings, workers, Limits(timeout, memory_limit << 20)):
            if outcome.error:
                _error(outcome.error)
            outputs.add(outcome)  # the plan is spooled and dropped: an archive is never all in memory
        unwritten = [_error(message) for message in outputs.finish()]
        result = outputs.report()
        if as_json:
            for piece in report_json_parts(result.model_copy(update={"plans": []}), result.plans):
                typer.echo(piece, nl=False)
        else:
            for part in validate_listing(result, stdout.width):
                stdout.print(part, highlight=False)
        code = unwritten[0] if unwritten else _exit_code(outputs, strict)
    finally:
        outputs.close()
    raise typer.Exit(code)


def _validated(names: dict[Path, str], plans: dict[Path, str], settings: Settings, workers: int,
               limits: Limits) -> Iterator[Outcome]:
    """Each input's outcome, one at a time: the plans read in workers as they finish, then
    the JSON files actionplan wrote, each loaded when its turn comes."""
    yield from convert_many(plans, None, settings, workers, limits=limits)
    yield from (_load_converted(path) for path in names if path not in plans)


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the output (schema_version 1)."""
    typer.echo(json_schema_text(), nl=False)


# -- helpers -------------------------------------------------------------------

def _settings(anchor_date, glossary, headings, leads, ocr: OcrMode = OcrMode.auto, ocr_dpi: int = 300,
              status: Path | None = None, timescales: Path | None = None) -> Settings:
    try:
        return Settings.from_files(anchor_date.date() if anchor_date else None, glossary, headings, leads,
                                   ocr.value, ocr_dpi, status, timescales)
    except (OSError, ValueError) as error:  # a file's own error names it (toml_files.read_toml)
        message = str(error)
        named = next((str(p) for p in (glossary, headings, leads, status, timescales) if p and str(p) in message), None)
        shown = message if named else f"{glossary or headings or leads or status or timescales}: {message}"
        stderr.print(f"error: {shown}", markup=False, highlight=False)
        raise typer.Exit(EXIT_USAGE) from error


def _inputs(paths: list[Path], extra_suffixes: tuple[str, ...] = ()) -> dict[Path, str]:
    names = find_plans(paths, extra_suffixes)
    if not names:
        stderr.print(f"error: no plan files found (supported: {', '.join(SUPPORTED_SUFFIXES + extra_suffixes)})")
        raise typer.Exit(EXIT_USAGE)
    return names


def _refuse_unenforced_limits(context: typer.Context, scheduler: str | None) -> None:
    """A limit given on the command line that a Dask cluster would not enforce is bad usage,
    not silently dropped: Dask has no per-task time limit, and a cluster started elsewhere
    (--scheduler) keeps its own workers' memory limits. The defaults are not refused: they
    are the local workers' safety net, not a request."""
    # by name: Typer vendors its own click, whose ParameterSource is not click's
    given = {name for name in ("timeout", "memory_limit")
             if getattr(context.get_parameter_source(name), "name", "DEFAULT") != "DEFAULT"}
    if "timeout" in given:
        message = ("--timeout is not applied by --executor dask (Dask has no per-task time limit): leave it out, "
                   "or use --executor local")
    elif "memory_limit" in given and scheduler:
        message = ("--memory-limit is not applied on a cluster given by --scheduler (its workers keep their own "
                   "--memory-limit): set it where the workers start (dask worker --memory-limit), or leave it out")
    else:
        return
    stderr.print(f"error: {message}", markup=False, highlight=False)
    raise typer.Exit(EXIT_USAGE)


def _error(message: str) -> int:
    stderr.print(f"error: {message}", markup=False, highlight=False)
    return EXIT_UNREADABLE


def _check_outputs(outdir: Path | None, report: Path | None, names: dict[Path, str]) -> None:
    """Refuse, before converting anything, outputs that cannot be written or would overwrite an input."""
    if outdir is not None and outdir.exists() and not outdir.is_dir():
        raise typer.Exit(_error(f"cannot write {outdir}: it is a file; -o names the folder the outputs go to"))
    if outdir is not None and outdir.is_dir() and not os.access(outdir, os.W_OK | os.X_OK):
        raise typer.Exit(_error(f"cannot write {outdir}: permission denied: give a folder you can write to with -o"))
    if report is not None and any(_same_file(report, path) for path in names):
        stderr.print(f"error: --report {report} is one of the input files: give a new file name for the report",
                     markup=False, highlight=False)
        raise typer.Exit(EXIT_USAGE)


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.exists() and os.path.samefile(one, other)
    except OSError:
        return False


def _run(outcomes, outputs: BatchOutputs, total: int, silent: bool, debug: bool) -> None:
    """Hand each outcome to the batch outputs as it finishes (the plan is dropped there),
    with a progress bar on a terminal, a line per file otherwise."""
    interactive = stderr.is_terminal and not silent
    with progress_bar(stderr, disabled=not interactive) as progress:
        task = progress.add_task("converting", total=total, file="")
        for outcome in outcomes:
            summary = outputs.add(outcome)
            progress.update(task, advance=1, file=str(summary.path))
            if summary.error:
                _error(summary.error)
                if debug and summary.detail:
                    stderr.print(summary.detail, markup=False, highlight=False)
            elif not interactive and not silent:
                stderr.print(f"{summary.status} {summary.path} ({summary.items} items)", markup=False, highlight=False)


def _write_report(result: Report, report: Path) -> int | None:
    try:
        write_report(result, report)
    except OutputError as error:
        return _error(str(error))
    return None


def _finish(outputs: BatchOutputs, strict: bool, quiet: bool, as_json: bool, unwritten: int | None,
            json_folder: Path | None = None) -> None:
    code = unwritten or _exit_code(outputs, strict)
    if as_json:
        for piece in _json_summary(code, outputs):
            typer.echo(piece, nl=False)
    elif not quiet:
        stdout.print(_summary_table(outputs))
        stdout.print(batch_totals(outputs.summaries(), json_folder, outputs.written()), highlight=False)
    raise typer.Exit(code)


def _json_summary(code: int, outputs: BatchOutputs) -> Iterator[str]:
    """``--json``: json.dumps(indent=2) of the summary, a file at a time (the files are
    read back from the spool: never all in memory)."""
    head, tail = json.dumps({"exit_code": code, "stats": outputs.stats().model_dump(), "files": []},
                            indent=2).split('"files": []', 1)
    yield head + '"files": ['
    first = True
    for s in outputs.summaries():
        entry = {"path": str(s.path), "output": s.output or None, "status": s.status, "error": s.error,
                 "items": s.items, "issues": dict(s.codes) if s.items is not None else None}
        yield ("\n" if first else ",\n") + textwrap.indent(json.dumps(entry, indent=2), "    ")
        first = False
    yield ("]" if first else "\n  ]") + tail + "\n"


def _exit_code(outputs: BatchOutputs, strict: bool) -> int:
    """From the batch's running counts: no summary is read back from the spool."""
    if outputs.failed:
        return EXIT_UNREADABLE
    if strict and outputs.any_error:
        return EXIT_STRICT
    return EXIT_OK


def _summary_table(outputs: BatchOutputs) -> Table:
    """A row per file up to SUMMARY_ROWS files; past that the first SUMMARY_ROWS failures
    and a total (a terminal cannot show ten thousand rows; --json lists every file)."""
    if outputs.finished <= SUMMARY_ROWS:
        return summary_table(outputs.summaries())
    title = (f"actionplan extract: {outputs.finished} files, {outputs.failed} failed"
             + (f" (the first {SUMMARY_ROWS} shown)" if outputs.failed > SUMMARY_ROWS else "")
             + "; --json lists every file")
    return summary_table(islice(outputs.failures(), SUMMARY_ROWS), title=title, total=outputs.stats())


def _load_converted(path: Path) -> Outcome:
    try:
        return Outcome(path, path.name, OutcomeStatus.SKIPPED, ActionPlan.model_validate_json(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        return Outcome(path, path.name, OutcomeStatus.FAILED, error=f"{path}: not an actionplan JSON file ({first_line})")


def main() -> None:
    """The console script: click's usage errors exit with EXIT_USAGE, not its own 2
    (which here means "some files could not be read"); a defect outside any one file is
    one line and EXIT_INTERNAL, never the --strict code a traceback's exit 1 would be."""
    try:
        code = app(standalone_mode=False)
    except Exception as error:
        # Typer raises click's UsageError (from the click it vendors): exit code 2 and a show().
        if getattr(error, "exit_code", None) == 2 and hasattr(error, "show"):
            error.show()
            sys.exit(EXIT_USAGE)
        if type(error).__name__ == "Abort":  # Ctrl-C
            sys.exit(130)
        if "--debug" in sys.argv:
            raise
        stderr.print(f"error: internal error {type(error).__name__}: {error} (run again with --debug for the "
                     "traceback, and report it)", markup=False, highlight=False)
        sys.exit(EXIT_INTERNAL)
    sys.exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    main()
