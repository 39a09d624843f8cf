"""What the commands print on a terminal: the progress bar, the batch summary with its
totals and where the outputs went, and validate's actions that need attention.

Renderables only (rich tables and text): the CLI prints them, so the same console rules
apply everywhere (colour on a terminal, none when piped or with NO_COLOR)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from rich import box
from rich.console import Console, Group, RenderableType
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from .batch import OutcomeStatus
from .outputs.flat import short_text
from .outputs.stream import Summary
from .report import ATTENTION_CODES, PlanReport, Report, ReportAction, Stats, attention

ACTION_WIDTH = 56  # characters of an action's text on validate's one line per action
LEAD_WIDTH = 28
REASONS = {"missing_lead": "no lead", "missing_timescale": "no timescale", "invalid_date": "invalid date",
           "overdue": "overdue"}  # ATTENTION_CODES as a person says them


def progress_bar(console: Console, disabled: bool) -> Progress:
    """n/N files and the file that just finished (workers finish in any order)."""
    return Progress(TextColumn("converting"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[file]}", style="dim"),
                    console=console, transient=True, disable=disabled)


# -- extract ------------------------------------------------------------------------

def summary_table(summaries: Iterable[Summary], title: str = "actionplan extract", total: Stats | None = None) -> Table:
    """A row per file (failed rows red); ``total``: a last row of the batch's totals, where
    the rows shown are not every file."""
    table = Table("file", title=title)
    for heading in ("items", "attention", "no lead", "no timescale", "issues"):
        table.add_column(heading, justify="right")
    table.add_column("status")
    table.columns[0].overflow = "fold"
    for summary in summaries:
        if summary.items is None:
            table.add_row(str(summary.path), "-", "-", "-", "-", "-", OutcomeStatus.FAILED.value, style="red")
            continue
        codes = dict(summary.codes)
        table.add_row(str(summary.path), str(summary.items), str(summary.attention),
                      str(codes.get("missing_lead", 0)), str(codes.get("missing_timescale", 0)),
                      str(sum(codes.values())), summary.status,
                      style="yellow" if summary.status == OutcomeStatus.CONVERTED_WITH_WARNINGS else None)
    if total is not None:
        table.add_row(f"total: {total.plans} plans", str(total.items), "",
                      str(total.by_code.get("missing_lead", 0)), str(total.by_code.get("missing_timescale", 0)),
                      str(sum(total.by_code.values())), f"{total.failed} failed", style="bold")
    return table


def batch_totals(summaries: Iterable[Summary], json_folder: Path | None, written: list[Path]) -> Text:
    """The lines under the summary table: files by outcome, items, actions needing
    attention; then where each output went."""
    status: Counter = Counter()
    items = needing = 0
    for summary in summaries:  # once: they may be read back from the batch's spool
        status[summary.status] += 1
        items += summary.items or 0
        needing += summary.attention
    converted = status[OutcomeStatus.CONVERTED] + status[OutcomeStatus.SKIPPED]
    up_to_date = f" ({status[OutcomeStatus.SKIPPED]} up to date)" if status[OutcomeStatus.SKIPPED] else ""
    failed = status[OutcomeStatus.FAILED]
    text = Text(f"{_plural(sum(status.values()), 'file')}: {converted} converted{up_to_date}, "
                f"{status[OutcomeStatus.CONVERTED_WITH_WARNINGS]} with warnings, ")
    text.append(f"{failed} failed", style="bold red" if failed else None)
    text.append(f"\n{_plural(items, 'item')}, {needing} need{'s' if needing == 1 else ''} attention "
                "(no lead, no timescale, invalid date or overdue: actionplan validate lists them)")
    if json_folder is not None:
        text.append(f"\nJSON, a file per plan: {json_folder}{'/' if not str(json_folder).endswith('/') else ''}")
    for target in written:
        text.append(f"\n{_kind(target)}: {target}")
    return text


def _kind(target: Path) -> str:
    suffix = target.suffix.lower()
    if target.name in ("items.jsonl", "items.csv", "actions.xlsx"):
        return {"jsonl": "items (JSON lines)", "csv": "items (CSV)", "xlsx": "workbook"}[suffix[1:]]
    return {".html": "report", ".htm": "report", ".xlsx": "report workbook"}.get(suffix, "report (JSON)")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


# -- validate -----------------------------------------------------------------------

def validate_listing(report: Report, width: int = 100) -> Iterator[RenderableType]:
    """Per plan, a line per action that needs attention (ref, the action cut short, the
    reasons, the lead, the due date) fitted to ``width`` columns; the plan's other issues
    as counts; then a table of every plan's figures and the totals."""
    for plan in report.plans:
        yield _plan_listing(plan, width)
    for failure in report.failures:
        yield Text(f"unreadable: {failure.error}\n", style="red")  # the error names the file
    yield _plans_table(report)
    stats = report.stats
    needing = sum(bool(attention(action.codes)) for plan in report.plans for action in plan.actions)
    yield Text(f"{_plural(stats.plans, 'plan')}, {_plural(stats.items, 'item')}: {_plural(stats.errors, 'error')}, "
               f"{_plural(stats.warnings, 'warning')}, {_plural(stats.failed, 'unreadable file')}; "
               f"{needing} need{'s' if needing == 1 else ''} attention")


def _plan_listing(plan: PlanReport, width: int) -> RenderableType:
    flagged = [action for action in plan.actions if attention(action.codes)]
    as_of = (f"overdue as at the plan's progress date, {plan.as_of:%-d %b %Y}" if plan.as_of
             else "no progress date stated, so nothing counts as overdue")
    head = Text.assemble((plan.path, "bold"), f" — {plan.title}" if plan.title else "",
                         f"\n{_plural(plan.items, 'action')}, {len(flagged)} need{'s' if len(flagged) == 1 else ''} "
                         f"attention; {_plural(plan.errors, 'error')}, {_plural(plan.warnings, 'warning')}\n{as_of}")
    parts: list[RenderableType] = [head]
    if flagged:
        rows = [(action.action_ref or action.id, action.action,
                 ", ".join(REASONS[code] for code in attention(action.codes)),
                 ", ".join(action.leads) or action.lead_raw or "-", _due(action)) for action in flagged]
        # the short columns at their widest, the lead up to LEAD_WIDTH; the action text gets
        # the rest of the line, so every action stays on one line, cut at a word
        refs, reasons, dues = (max(len(row[column]) for row in rows) for column in (0, 2, 4))
        refs = max(refs, len("ref"))
        lead = min(LEAD_WIDTH, max(len("lead"), *(len(row[3]) for row in rows)))
        text = max(20, min(ACTION_WIDTH + 24, width - refs - reasons - lead - dues - 4))
        table = Table(box=None, padding=(0, 1, 0, 0), pad_edge=False, show_edge=False)
        table.add_column("ref", justify="right", no_wrap=True, min_width=refs)
        table.add_column("action", no_wrap=True, min_width=text // 2)
        table.add_column("needs", style="red", no_wrap=True)
        table.add_column("lead", no_wrap=True)
        table.add_column("due", justify="right", no_wrap=True)
        for ref, action, reason, leads, due in rows:
            table.add_row(ref, short_text(action, text), reason, short_text(leads, lead), due)
        parts.append(table)
    others = Counter(found.code for found in plan.issues if found.code not in ATTENTION_CODES)
    if others:
        parts.append(Text("other issues: " + ", ".join(f"{code} × {count}" for code, count in sorted(others.items()))
                          + " (--json or --report for each)", style="dim"))
    return Group(*parts, Text(""))


def _due(action: ReportAction) -> str:
    """The due date, or the timescale as written where it gives none (an invalid date)."""
    if action.due:
        return f"{action.due:%-d %b %Y}"
    return short_text(action.timescale, 20) if action.timescale else "-"


def _plans_table(report: Report) -> Table:
    table = Table("plan", box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, show_edge=False)
    for heading in ("actions", "need\nattention", "no\nlead", "no\ntimescale", "invalid\ndate", "overdue"):
        table.add_column(heading, justify="right")
    table.columns[0].overflow = "fold"
    for plan in report.plans:
        needing = sum(bool(attention(action.codes)) for action in plan.actions)
        table.add_row(plan.path, str(plan.items), str(needing), *(str(plan.counts.get(code, 0)) for code in ATTENTION_CODES))
    for failure in report.failures:
        table.add_row(failure.path, *["-"] * 6, style="red")
    return table
