"""The report's totals kept as plans finish, one plan at a time: what ``report.build_report``
computes from every plan at once, for a batch that cannot hold every plan
(outputs/stream.py). A test checks the two agree byte for byte."""

from __future__ import annotations

from collections import Counter

from .schema.codes import CODES
from .report import NO_LEAD, CodeInfo, Dashboard, Failure, LeadLoad, MonthDue, PlanReport, Report, Stats


class ReportTally:
    """Counts, not plans: memory grows with the distinct leads and months, not the plans."""

    def __init__(self) -> None:
        self.plans = self.items = self.errors = self.warnings = self.overdue = 0
        self.all_valid = True
        self.by_code: Counter[str] = Counter()
        self.rag: Counter[str] = Counter()
        self.due: Counter[str] = Counter()
        self.overdue_in: Counter[str] = Counter()
        self.per_lead: Counter[str] = Counter()
        self.overdue_of: Counter[str] = Counter()

    def add(self, plan: PlanReport) -> None:
        self.plans += 1
        self.items += plan.items
        self.errors += plan.errors
        self.warnings += plan.warnings
        self.all_valid = self.all_valid and plan.valid
        self.by_code.update(plan.counts)
        for action in plan.actions:  # as report._dashboard counts them
            self.rag[action.rag or "none"] += 1
            self.overdue += action.overdue
            if action.due:
                month = action.due.strftime("%Y-%m")
                self.due[month] += 1
                self.overdue_in[month] += action.overdue
            for lead in action.leads or [NO_LEAD]:
                self.per_lead[lead] += 1
                self.overdue_of[lead] += action.overdue

    def stats(self, failed: int) -> Stats:
        return Stats(plans=self.plans, failed=failed, items=self.items, errors=self.errors, warnings=self.warnings,
                     by_code=dict(sorted(self.by_code.items())))

    def skeleton(self, failures: list[Failure]) -> Report:
        """The report with an empty ``plans`` list: the plans are written into it from the spool."""
        leads = sorted(self.per_lead.items(), key=lambda pair: (-pair[1], -self.overdue_of[pair[0]], pair[0]))
        dashboard = Dashboard(
            rag={rating: self.rag.get(rating, 0) for rating in ("red", "amber", "green", "none")},
            due_by_month=[MonthDue(month=month, due=self.due[month], overdue=self.overdue_in[month])
                          for month in sorted(self.due)],
            leads=[LeadLoad(lead=lead, actions=count, overdue=self.overdue_of[lead]) for lead, count in leads],
            overdue=self.overdue,
        )
        return Report(
            valid=not failures and self.all_valid, stats=self.stats(len(failures)), plans=[], failures=failures,
            codes={code: CodeInfo(severity=found.severity, meaning=found.meaning) for code, found in CODES.items()},
            dashboard=dashboard,
        )
