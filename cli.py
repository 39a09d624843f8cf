"""The ``actionplan`` command: a thin layer over the library.

Exit codes (documented in the README):
  0  every file converted
  2  some files could not be read (the others were still converted)
  3  bad usage (no input files found, unknown option)
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import SUPPORTED_SUFFIXES, DocumentLoadError, Settings, extract
from .files import find_plans, write_atomic
from .schema import ActionPlan, json_schema_text

EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE = 0, 2, 3

app = typer.Typer(help="Turn inspection action plans (PDF, DOCX, text) into validated JSON.", no_args_is_help=True)
stdout = Console()
stderr = Console(stderr=True, soft_wrap=True)


@app.command("extract")
def extract_command(
    paths: List[Path] = typer.Argument(..., help="Plan files, or folders to search for them."),
    outdir: Path = typer.Option(Path("out"), "--outdir", "-o", help="Folder for the JSON files."),
    anchor_date: Optional[datetime] = typer.Option(
        None, "--anchor-date", formats=["%Y-%m-%d"],
        help="Inspection or report date (YYYY-MM-DD) that relative timescales count from.",
    ),
    glossary: Optional[Path] = typer.Option(
        None, "--glossary", exists=True, dir_okay=False, help="TOML table of initials: SMcL = \"Shaun McLurg (Head of Service)\"."
    ),
    headings: Optional[Path] = typer.Option(
        None, "--headings", exists=True, dir_okay=False, help="TOML file of extra heading synonyms, shaped as headings.toml."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback of a failing file."),
) -> None:
    """Convert plans to JSON, one OUTDIR/<stem>.json per input, and print a summary.

    Folders are searched recursively and their layout kept below OUTDIR.
    """
    try:
        settings = Settings.from_files(anchor_date.date() if anchor_date else None, glossary, headings)
    except (OSError, ValueError) as error:  # tomllib.TOMLDecodeError is a ValueError
        stderr.print(f"error: {glossary or headings}: {error}", markup=False, highlight=False)
        raise typer.Exit(EXIT_USAGE)
    names = find_plans(paths)
    if not names:
        stderr.print(f"error: no plan files found (supported: {', '.join(SUPPORTED_SUFFIXES)})")
        raise typer.Exit(EXIT_USAGE)
    summary = Table("file", "items", "no lead", "no timescale", "issues", title="actionplan extract")
    summary.columns[0].overflow = "fold"
    failed = 0
    for path in names:
        try:
            plan = extract(path, settings)
        except DocumentLoadError as error:
            failed += 1
            stderr.print(f"error: {error}", markup=False, highlight=False)
            summary.add_row(str(path), "-", "-", "-", "unreadable")
            continue
        except Exception as error:  # a defect in actionplan: say so, keep the batch going
            if debug:
                raise
            failed += 1
            stderr.print(f"error: {path}: internal error {type(error).__name__}: {error} (rerun with --debug)",
                         markup=False, highlight=False)
            summary.add_row(str(path), "-", "-", "-", "failed")
            continue
        write_atomic(outdir / names[path], plan.model_dump_json(indent=2) + "\n")
        summary.add_row(str(path), *map(str, _counts(plan)))
    stdout.print(summary)
    raise typer.Exit(EXIT_UNREADABLE if failed else EXIT_OK)


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the output (schema_version 1)."""
    typer.echo(json_schema_text(), nl=False)


def _counts(plan: ActionPlan) -> tuple[int, int, int, int]:
    codes = [issue.code for issue in plan.issues]
    return len(plan.items), codes.count("missing_lead"), codes.count("missing_timescale"), len(codes)


def main() -> None:
    """The console script: click's usage errors exit with EXIT_USAGE, not its own 2
    (which here means "some files could not be read")."""
    try:
        code = app(standalone_mode=False)
    except Exception as error:
        # Typer raises click's UsageError (from the click it vendors): exit code 2 and a show().
        if getattr(error, "exit_code", None) == 2 and hasattr(error, "show"):
            error.show()
            sys.exit(EXIT_USAGE)
        if type(error).__name__ == "Abort":  # Ctrl-C
            sys.exit(130)
        raise
    sys.exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    main()
