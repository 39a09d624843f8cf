"""The validation report as one self-contained HTML page: a dashboard first (RAG split,
actions due by month with the overdue in red, actions per lead, gaps per plan), then each
plan as a readable table, collapsible, with its issues on their rows and filters above.

Everything the page needs is inline (CSS and script from report.css / report.js beside
this module, charts as SVG): it opens offline and from an e-mail attachment. Every text
from a document goes through ``html.escape``."""

from __future__ import annotations

import html
import tempfile
from array import array
from importlib.resources import files
from itertools import groupby
from string import Formatter
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from ..report import PlanReport, Report, ReportAction

from ..months import MONTH_ABBREVIATIONS
from ..report import ATTENTION_CODES, NO_LEAD
from .flat import short_text

RAGS = ("red", "amber", "green", "none")
LEADS_SHOWN = 15  # leads listed before the rest fold away
OVERDUE_SHOWN = 25  # overdue actions listed before the rest fold away (the longest overdue first)
OVERDUE_TEXT = 110  # characters of an action's text in the overdue list; the row has it whole
OVERDUE_PLAN = 60  # characters of a plan's title there (the whole title on hover)
OPEN_PLANS = 3  # up to this many plans, every plan's table starts open


def e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def report_html(report: Report) -> str:
    return "".join(report_html_parts(report))


def report_html_parts(report: Report) -> Iterator[str]:
    """The page in pieces, a plan's row or section at a time: a batch writes it to disk as
    it goes without holding the page (``report.plans`` may be read back from a spool,
    outputs/stream.py), so only one plan is in memory at once."""
    asset = files(__package__)
    stats = report.stats
    values = dict(
        css=asset.joinpath("report.css").read_text(encoding="utf-8"),
        script=asset.joinpath("report.js").read_text(encoding="utf-8"),
        plans=stats.plans, items=stats.items, errors=stats.errors, warnings=stats.warnings, failed=stats.failed,
        overdue=report.dashboard.overdue, rag=_rag_bar(report), months=_month_chart(report),
        leads=_lead_table(report), codes=_code_rows(report),
    )
    streamed = {"plan_rows": lambda: _plan_rows(report), "filters": lambda: _filters(report),
                "overdue_list": lambda: _overdue_list(report),
                "sections": lambda: (_plan_section(report, index, plan) for index, plan in enumerate(report.plans))}
    for literal, field, _, _ in Formatter().parse(_PAGE):
        yield literal
        if field in streamed:
            yield from streamed[field]()
        elif field:
            yield str(values[field])


# -- dashboard -------------------------------------------------------------------

def _rag_bar(report: Report) -> str:
    """One stacked bar of every action's RAG rating, with the counts beside it."""
    split = report.dashboard.rag
    total = sum(split.values()) or 1
    x, bars = 0.0, []
    for rating in RAGS:
        width = 600 * split[rating] / total
        if width:
            bars.append(f'<rect class="rag-{rating}" x="{x:.1f}" y="0" width="{width:.1f}" height="28">'
                        f"<title>{rating}: {split[rating]}</title></rect>")
        x += width
    legend = "".join(f'<li><span class="swatch rag-{rating}"></span>{"no RAG" if rating == "none" else rating} '
                     f'<b id="rag-{rating}">{split[rating]}</b></li>' for rating in RAGS)
    return (f'<svg class="rag-bar" viewBox="0 0 600 28" preserveAspectRatio="none" role="img" '
            f'aria-label="actions by RAG rating">{"".join(bars)}</svg><ul class="legend">{legend}</ul>')


def _month_chart(report: Report) -> str:
    """Actions due per month as bars, the overdue part of each in red at its foot."""
    months = report.dashboard.due_by_month
    if not months:
        return '<p class="muted">No action has a due date.</p>'
    top, step, height = max(month.due for month in months), 30, 160
    bars = []
    for position, month in enumerate(months):
        x = 34 + position * step  # room on the left for the first slanted label
        due_h, overdue_h = height * month.due / top, height * month.overdue / top
        year, number = month.month.split("-")
        label = f"{MONTH_ABBREVIATIONS[int(number) - 1]} {year[2:]}"
        bars.append(
            f'<g class="month" data-month="{month.month}" data-due="{month.due}" data-overdue="{month.overdue}">'
            f"<title>{label}: {month.due} due, {month.overdue} overdue</title>"
            f'<rect class="due" x="{x}" y="{20 + height - due_h:.1f}" width="22" height="{due_h:.1f}"></rect>'
            f'<rect class="overdue" x="{x}" y="{20 + height - overdue_h:.1f}" width="22" height="{overdue_h:.1f}"></rect>'
            f'<text class="count" x="{x + 11}" y="{14 + height - due_h:.1f}">{month.due}</text>'
            f'<text class="label" transform="translate({x + 15},{height + 34}) rotate(-50)">{label}</text></g>'
        )
    width = 44 + step * len(months)
    return (f'<div class="scroll"><svg id="months" width="{width}" height="{height + 64}" role="img" '
            f'aria-label="actions due by month, overdue in red">{"".join(bars)}</svg></div>'
            '<ul class="legend"><li><span class="swatch due"></span>due</li>'
            '<li><span class="swatch overdue"></span>overdue (at the plan\'s progress date)</li></ul>')




def _lead_table(report: Report) -> str:
    loads = report.dashboard.leads
    if not loads:
        return '<p class="muted">No actions.</p>'

    def row(load) -> str:
        kind = ' class="no-lead"' if load.lead == NO_LEAD else ""
        return (f'<tr{kind} data-lead="{e(load.lead)}"><td>{e(load.lead)}</td><td class="n">{load.actions}</td>'
                f'<td class="n">{load.overdue or ""}</td></tr>')

    # the no-lead row is always in sight: it is the gap a performance officer chases first
    shown = [load for load in loads[:LEADS_SHOWN]] + [load for load in loads[LEADS_SHOWN:] if load.lead == NO_LEAD]
    rest = [load for load in loads[LEADS_SHOWN:] if load.lead != NO_LEAD]
    head = "<tr><th>lead</th><th>actions</th><th>overdue</th></tr>"
    table = f'<table id="leads">{head}{"".join(map(row, shown))}</table>'
    if rest:
        table += (f'<details class="more"><summary>{len(rest)} more leads</summary>'
                  f'<table id="leads-more">{head}{"".join(map(row, rest))}</table></details>')
    return table


def _overdue_list(report: Report) -> Iterator[str]:
    """Every overdue action, the longest overdue first, with its lead and plan (title and
    file: one plan may come in several formats), each linking to its row: who owns what is
    late, without reading the plans. An archive has tens of thousands of overdue actions:
    each row is written to a temporary file as the plans are read (they may come from a
    spool), and only a packed sort key stays in memory, 8 bytes a row."""
    with tempfile.TemporaryFile(prefix=".actionplan-overdue-") as rows:
        keys, starts = array("Q"), array("q", [0])
        for index, plan in enumerate(report.plans):
            for action in plan.actions:
                if action.overdue and action.due:
                    text = _overdue_row(index, plan, action).encode("utf-8")
                    rows.write(text)
                    # the due day above the row's number: the plans come in (index, position)
                    # order, so sorting the keys orders by (due, index, position)
                    keys.append(action.due.toordinal() << _ROW_BITS | len(keys))
                    starts.append(starts[-1] + len(text))
        if not keys:
            yield ('<p class="muted" id="no-overdue">No action is overdue at its plan\'s progress date (a plan that '
                   'states none has no overdue actions).</p>')
            return
        head = "<tr><th>due</th><th>days late</th><th>lead</th><th>action</th><th>plan</th></tr>"
        yield f'<div class="scroll"><table id="overdue-list">{head}'
        for shown, key in enumerate(sorted(keys)):
            if shown == OVERDUE_SHOWN:
                yield (f'</table><details class="more"><summary>{len(keys) - OVERDUE_SHOWN} more overdue actions'
                       f'</summary><table id="overdue-more">{head}')
            number = key & ((1 << _ROW_BITS) - 1)
            rows.seek(starts[number])
            yield rows.read(starts[number + 1] - starts[number]).decode("utf-8")
        yield "</table></details>" if len(keys) > OVERDUE_SHOWN else "</table>"
        yield ('</div><p class="muted">Days late at the plan\'s progress date; the '
               "reference opens the action in its plan.</p>")


_ROW_BITS = 40  # overdue rows numbered below the due day in a sort key: a trillion rows


def _overdue_row(index: int, plan: PlanReport, action: ReportAction) -> str:
    due, title = action.due, plan.title or plan.path
    owner = e(action.lead_raw) if action.lead_raw else '<span class="missing">no lead</span>'
    return (f'<tr class="late" data-plan="{index}"><td class="n"><time datetime="{due}">{due:%-d %b %Y}</time></td>'
            f'<td class="n">{(plan.as_of - due).days}</td><td>{owner}</td>'
            f'<td><a href="#a{index}-{e(action.id)}">{e(action.action_ref or action.id)}</a> '
            f'{e(short_text(action.action, OVERDUE_TEXT))}</td>'
            f'<td title="{e(title)}">{e(short_text(title, OVERDUE_PLAN))}<div class="path">{e(plan.path)}</div></td></tr>')


def _plan_rows(report: Report) -> Iterator[str]:
    for index, plan in enumerate(report.plans):
        gaps = "".join(f'<td class="n{" bad" if plan.counts.get(code) else ""}" data-code="{code}">'
                       f'{plan.counts.get(code, 0)}</td>' for code in ATTENTION_CODES)
        yield (f'<tr data-plan="{index}"><td><a href="#plan-{index}">{e(plan.title or plan.path)}</a>'
               f'<div class="path">{e(plan.path)}</div></td><td>{e(plan.as_of or "not stated")}</td>'
               f'<td class="n" data-code="items">{plan.items}</td>{gaps}'
               f'<td class="n">{plan.errors}</td><td class="n">{plan.warnings}</td></tr>')
    for failure in report.failures:
        yield f'<tr class="failed"><td>{e(failure.path)}</td><td colspan="8">{e(failure.error)}</td></tr>'


def _code_rows(report: Report) -> str:
    counts = sorted(report.stats.by_code.items(), key=lambda pair: (-pair[1], pair[0]))
    return "".join(
        f'<tr class="{report.codes[code].severity}" data-code="{e(code)}"><td>{e(code)}</td>'
        f'<td>{report.codes[code].severity}</td><td class="n">{count}</td><td>{e(report.codes[code].meaning)}</td></tr>'
        for code, count in counts if code in report.codes
    )


def _filters(report: Report) -> Iterator[str]:
    def select(name: str, label: str, options: list[tuple[str, str]]) -> str:
        choices = "".join(f'<option value="{e(value)}">{e(text)}</option>' for value, text in options)
        return f'<label>{label} <select id="f-{name}"><option value="">all</option>{choices}</select></label>'

    # an option a plan, written as the plans are read: an archive's list is megabytes
    yield '<label>plan <select id="f-plan"><option value="">all</option>'
    yield from (f'<option value="{index}">{e(plan.title or plan.path)}</option>' for index, plan in enumerate(report.plans))
    yield "</select></label>"
    codes = sorted({code for plan in report.plans for action in plan.actions for code in action.codes})
    leads = [(load.lead, f"{load.lead} ({load.actions})") for load in report.dashboard.leads]
    yield from [
        select("code", "issue", [(code, code) for code in codes]),
        select("severity", "severity", [("error", "error"), ("warning", "warning")]),
        select("lead", "lead", leads),
        select("rag", "RAG", [("red", "red"), ("amber", "amber"), ("green", "green"), ("none", "no RAG")]),
        '<label><input type="checkbox" id="f-overdue"> overdue only</label>',
        '<label>text <input type="search" id="f-text"></label>',
    ]


# -- a plan ------------------------------------------------------------------------

def _plan_section(report: Report, index: int, plan: PlanReport) -> str:
    item_issues: dict[str, list] = {}
    for found in plan.issues:
        if found.item_id:
            item_issues.setdefault(found.item_id, []).append(found)
    rows, section, recommendation = [], None, None
    for action in plan.actions:
        if action.section and action.section != section:
            rows.append(f'<tr class="group section"><th colspan="7">{e(action.section)}</th></tr>')
            recommendation = None
        section = action.section or section
        heading = (action.recommendation_ref, action.recommendation)
        if any(heading) and heading != recommendation:
            ref = f'<span class="ref">{e(action.recommendation_ref)}</span> ' if action.recommendation_ref else ""
            rows.append(f'<tr class="group recommendation"><td colspan="7">{ref}{e(action.recommendation)}</td></tr>')
        recommendation = heading
        rows.append(_action_row(index, action, item_issues.get(action.id, [])))
    opened = " open" if len(report.plans) <= OPEN_PLANS else ""
    as_of = f"progress at {e(plan.as_of)}" if plan.as_of else "no progress date stated (nothing counts as overdue)"
    table = (f'<table class="actions"><thead><tr><th>ref</th><th>action</th><th>leads</th><th>due</th><th>RAG</th>'
             f'<th>state / progress</th><th>issues</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
             if plan.actions else '<p class="muted">No actions were read from this document.</p>')
    return (f'<details class="plan" id="plan-{index}" data-plan="{index}"{opened}><summary><h2>{e(plan.title or plan.path)}</h2>'
            f'<span class="path">{e(plan.path)}</span> · {plan.items} actions · {as_of} · '
            f'<span class="errors">{plan.errors} errors</span>, {plan.warnings} warnings</summary>'
            f"{_plan_notes(plan)}{table}</details>")


def _plan_notes(plan: PlanReport) -> str:
    """Plan-level issues (skipped tables, dropped rows ...) once, as counts; the detail folded."""
    notes = [found for found in plan.issues if not found.item_id]
    if not notes:
        return ""
    ordered = sorted(notes, key=lambda found: (found.severity != "error", found.code))
    summary = ", ".join(f"{e(code)} × {len(list(group))}" for code, group in groupby(ordered, key=lambda found: found.code))
    listed = "".join(
        f'<li class="{found.severity}"><b>{e(found.code)}</b> {e(found.message)}'
        f'{_where(found.page, found.table, found.row)}'
        f'{f"<div class=value>{e(found.value)}</div>" if found.value else ""}</li>'
        for found in ordered
    )
    return (f'<details class="notes"><summary>About this document: {summary}</summary>'
            f"<ul>{listed}</ul></details>")


def _action_row(plan_index: int, action: ReportAction, issues: list) -> str:
    severities = sorted({found.severity for found in issues})
    classes = " ".join(filter(None, ["action", "overdue" if action.overdue else "",
                                     "has-error" if "error" in severities else ""]))
    leads = "|".join(action.leads) if action.leads else NO_LEAD
    attributes = (f'data-plan="{plan_index}" data-codes=" {e(" ".join(action.codes))} " '
                  f'data-severity=" {" ".join(severities)} " data-leads="|{e(leads)}|" '
                  f'data-rag="{action.rag or "none"}" data-overdue="{int(action.overdue)}"')
    due = f'<time datetime="{action.due}">{action.due:%-d %b %Y}</time>' if action.due else ""
    timescale = f'<div class="raw">{e(action.timescale)}</div>' if action.timescale else ""
    issue_list = "".join(f'<li class="{found.severity}"><b>{e(found.code)}</b> {e(found.message)}</li>'
                         for found in issues)
    progress = " ".join(filter(None, [e(action.state.replace("_", " ")) if action.state else "",
                                      f'<div class="progress">{e(action.progress)}</div>' if action.progress else ""]))
    extra = "".join(f'<div class="extra"><b>{e(heading)}:</b> {e(text)}</div>' for heading, text in action.extra.items())
    return (
        f'<tr class="{classes}" id="a{plan_index}-{e(action.id)}" {attributes}>'
        f'<td data-label="ref">{e(action.action_ref)}{_where(action.page, action.table, action.row)}</td>'
        f'<td data-label="action" class="text">{e(action.action)}{extra}</td>'
        f'<td data-label="leads">{e(action.lead_raw) if action.lead_raw else "<span class=missing>no lead</span>"}</td>'
        f'<td data-label="due">{due}{timescale}{"<div class=flag>overdue</div>" if action.overdue else ""}</td>'
        f'<td data-label="RAG" class="rag rag-{action.rag or "none"}">{action.rag or ""}</td>'
        f'<td data-label="progress" class="text">{progress}</td>'
        f'<td data-label="issues"><ul class="issues">{issue_list}</ul></td></tr>'
    )


def _where(page: int | None, table: int | None, row: int | None) -> str:
    """Where in the source document: page (PDF), table and row."""
    parts = [f"p. {page}" if page else "", f"table {table}" if table else "", f"row {row}" if row else ""]
    return f'<div class="where">{" · ".join(filter(None, parts))}</div>'


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Action plan report</title>
<style>{css}</style></head><body>
<header><h1>Action plan report</h1>
<p class="totals"><span>plans <b id="plans">{plans}</b></span><span>actions <b id="items">{items}</b></span>
<span>overdue <b id="overdue">{overdue}</b></span><span>errors <b id="errors">{errors}</b></span>
<span>warnings <b id="warnings">{warnings}</b></span><span>unreadable files <b id="failed">{failed}</b></span></p></header>
<section id="dashboard">
<div class="panel"><h2>RAG rating</h2>{rag}</div>
<div class="panel wide"><h2>Actions due by month</h2>{months}</div>
<div class="panel wide" id="overdue-panel"><h2>Overdue actions and who owns them</h2>{overdue_list}</div>
<div class="panel"><h2>Actions per lead</h2>{leads}</div>
<div class="panel wide"><h2>Plans</h2><div class="scroll"><table id="plan-table"><tr><th>plan</th><th>progress date</th>
<th>actions</th><th>no lead</th><th>no timescale</th><th>invalid date</th><th>overdue</th><th>errors</th><th>warnings</th></tr>
{plan_rows}</table></div></div>
<div class="panel wide"><h2>Issues by code</h2><div class="scroll"><table id="codes"><tr><th>code</th><th>severity</th>
<th>count</th><th>meaning</th></tr>{codes}</table></div></div>
</section>
<section id="filters" class="filters"><h2>The plans</h2>
<p>{filters} <span class="shown">showing <b id="shown">{items}</b> of {items} actions</span></p></section>
<main id="plans-list">{sections}</main>
<script>{script}</script>
</body></html>
"""
