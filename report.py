"""The validation report as data: every issue of every plan, each plan's actions as flat
rows, and the dashboard figures (RAG split, due dates by month, actions per lead).

The JSON is a public interface (``report_version``): fields are added, never renamed.
Rendering lives in ``outputs/``: the HTML page in ``outputs/html.py``, the workbook in
``outputs/xlsx.py``.

"Overdue" is the plan's own ``overdue`` issue: due before the progress date the plan
states (``as_of``) and not reported complete. It never depends on today's date, so a
plan that states no progress date has no overdue actions."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, Field

from .batch import Outcome, OutcomeStatus
from .files import write_atomic
from .outputs.flat import codes_by_item, lead_labels
from .schema import ActionPlan, ValidationIssue
from .schema.codes import CODES, count_codes
from .schema.models import Rag, Severity, State, TimescaleKind

REPORT_VERSION = "1"
NO_LEAD = "(no lead)"  # the dashboard's name for actions whose lead cell is empty
# The gaps a performance officer chases, in the order they are named: an action with any of
# these codes "needs attention" (the validate listing, the dashboard's plan table, the totals).
ATTENTION_CODES = ("missing_lead", "missing_timescale", "invalid_date", "overdue")


class ReportIssue(ValidationIssue):
    action: str = Field("", description="The action's full text ('' for a plan-level issue).")


class ReportAction(BaseModel):
    """One action as the report's plan table and the workbook show it."""

    id: str
    section: Optional[str] = None
    recommendation_ref: Optional[str] = None
    recommendation: Optional[str] = None
    action_ref: Optional[str] = None
    action: str
    leads: list[str] = Field(default_factory=list, description="Each lead's person, else post, else body.")
    lead_raw: Optional[str] = None
    timescale: Optional[str] = Field(None, description="The timescale as written.")
    timescale_kind: TimescaleKind
    due: Optional[date] = None
    rag: Optional[Rag] = None
    state: Optional[State] = None
    progress: Optional[str] = None
    extra: dict[str, str] = Field(default_factory=dict)
    page: Optional[int] = None
    table: int
    row: int
    codes: list[str] = Field(default_factory=list, description="The item's issue codes.")
    overdue: bool = False


def attention(codes: list[str]) -> list[str]:
    """The codes of ``codes`` that make an action need attention, in ATTENTION_CODES' order."""
    return [code for code in ATTENTION_CODES if code in codes]


class PlanReport(BaseModel):
    path: str
    title: Optional[str] = None
    items: int
    status: OutcomeStatus
    valid: bool
    errors: int
    warnings: int
    counts: dict[str, int]
    issues: list[ReportIssue]
    as_of: Optional[date] = Field(None, description="The plan's progress date: what 'overdue' counts from.")
    rag: dict[str, int] = Field(default_factory=dict, description="Actions by RAG rating: red, amber, green, none.")
    actions: list[ReportAction] = Field(default_factory=list)


class Failure(BaseModel):
    path: str
    error: Optional[str] = None


class Stats(BaseModel):
    plans: int
    failed: int
    items: int
    errors: int
    warnings: int
    by_code: dict[str, int]


class CodeInfo(BaseModel):
    severity: Severity
    meaning: str


class MonthDue(BaseModel):
    month: str = Field(description="YYYY-MM")
    due: int = Field(description="Actions due that month, overdue ones included.")
    overdue: int


class LeadLoad(BaseModel):
    lead: str = Field(description=f"A lead's name, post or body; {NO_LEAD!r} for actions naming none.")
    actions: int
    overdue: int


class Dashboard(BaseModel):
    rag: dict[str, int] = Field(description="Actions by RAG rating across the plans: red, amber, green, none.")
    due_by_month: list[MonthDue] = Field(description="Months with a due action, in order.")
    leads: list[LeadLoad] = Field(description="Actions per lead, most first; an action with two leads counts for both.")
    overdue: int


class Report(BaseModel):
    report_version: str = REPORT_VERSION
    valid: bool
    stats: Stats
    plans: list[PlanReport]
    failures: list[Failure]
    codes: dict[str, CodeInfo]
    dashboard: Dashboard


def build_report(outcomes: list[Outcome]) -> Report:
    """A plan is valid with no error-severity issue; the report, when every plan is and no file failed."""
    plans = [_plan_report(outcome.plan, outcome.status) for outcome in outcomes if outcome.plan is not None]
    failures = [Failure(path=str(outcome.path), error=outcome.error) for outcome in outcomes if outcome.plan is None]
    stats = Stats(plans=len(plans), failed=len(failures), items=sum(p.items for p in plans),
                  errors=sum(p.errors for p in plans), warnings=sum(p.warnings for p in plans),
                  by_code=count_codes(found for plan in plans for found in plan.issues))
    return Report(
        valid=not failures and all(p.valid for p in plans), stats=stats, plans=plans, failures=failures,
        codes={code: CodeInfo(severity=found.severity, meaning=found.meaning) for code, found in CODES.items()},
        dashboard=_dashboard(plans),
    )


def _plan_report(plan: ActionPlan, status: OutcomeStatus) -> PlanReport:
    texts = {item.id: item.action for item in plan.items}
    codes = codes_by_item(plan)
    actions = [
        ReportAction(
            id=item.id, section=item.section, recommendation_ref=item.recommendation_ref,
            recommendation=item.recommendation, action_ref=item.action_ref, action=item.action,
            leads=lead_labels(item), lead_raw=item.lead_raw, timescale=item.timescale.raw,
            timescale_kind=item.timescale.kind, due=item.timescale.due, rag=item.status.rag, state=item.status.state,
            progress=item.progress, extra=item.extra, page=item.source.page, table=item.source.table,
            row=item.source.row, codes=codes.get(item.id, []), overdue="overdue" in codes.get(item.id, []),
        )
        for item in plan.items
    ]
    return PlanReport(
        path=plan.source.path, title=plan.title, items=len(plan.items), status=status,
        valid=not any(found.severity == "error" for found in plan.issues),
        errors=sum(found.severity == "error" for found in plan.issues),
        warnings=sum(found.severity == "warning" for found in plan.issues),
        counts=count_codes(plan.issues),
        issues=[ReportIssue(**found.model_dump(), action=texts.get(found.item_id, "")) for found in plan.issues],
        as_of=plan.as_of, rag=_rag_split(actions), actions=actions,
    )


def _rag_split(actions: list[ReportAction]) -> dict[str, int]:
    split = Counter(action.rag or "none" for action in actions)
    return {rating: split.get(rating, 0) for rating in ("red", "amber", "green", "none")}


def _dashboard(plans: list[PlanReport]) -> Dashboard:
    actions = [action for plan in plans for action in plan.actions]
    due: Counter[str] = Counter()
    overdue_in: Counter[str] = Counter()
    per_lead: Counter[str] = Counter()
    overdue_of: Counter[str] = Counter()
    for action in actions:
        if action.due:
            month = action.due.strftime("%Y-%m")
            due[month] += 1
            overdue_in[month] += action.overdue
        for lead in action.leads or [NO_LEAD]:
            per_lead[lead] += 1
            overdue_of[lead] += action.overdue
    return Dashboard(
        rag=_rag_split(actions),
        due_by_month=[MonthDue(month=month, due=due[month], overdue=overdue_in[month]) for month in sorted(due)],
        # most actions first; ties by most overdue, then by name so the order is stable
        leads=[LeadLoad(lead=lead, actions=count, overdue=overdue_of[lead])
               for lead, count in sorted(per_lead.items(), key=lambda pair: (-pair[1], -overdue_of[pair[0]], pair[0]))],
        overdue=sum(action.overdue for action in actions),
    )


def report_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


def write_report(report: Report, target: Path) -> None:
    """``.html`` writes the page, ``.xlsx`` the workbook, anything else the JSON."""
    suffix = target.suffix.lower()
    if suffix in (".html", ".htm"):
        from .outputs.html import report_html

        write_atomic(target, report_html(report))
    elif suffix == ".xlsx":
        from .outputs.xlsx import write_xlsx

        write_xlsx(report, target)
    else:
        write_atomic(target, report_json(report))
