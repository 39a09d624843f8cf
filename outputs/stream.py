"""Whole-batch outputs written as plans finish, in memory that does not grow with the
number of plans: a national archive is tens of thousands of documents.

Each finished file is written once to an anonymous temporary file (the spool, beside the
outputs: on disk, gone when the batch ends or dies) as two JSON lines, its ``Summary``
(the summary table's row) and its plan, and both are dropped; what stays in memory is
the report's counts (``ReportTally``), a few totals, and where each file sits in the
spool (8 bytes an input, in an array by the input's position in ``PlanFiles``). At the end the batch
outputs — items.jsonl, items.csv, the report as JSON, HTML or a workbook, the summary —
are written reading the spool back one file at a time, in input order, so they are the
same bytes whatever order the workers finished in (and whichever executor ran them)."""

from __future__ import annotations

import csv
import json
import os
import tempfile
import textwrap
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Iterable, Iterator

from ..errors import OutputError
from ..files import PlanFiles, atomic_target
from ..report import ATTENTION_CODES, Failure, PlanReport, Report, Stats, _plan_report, report_json
from ..report_tally import ReportTally
from ..schema import ActionPlan
from ..schema.codes import count_codes
from .tables import BOM, CSV_COLUMNS, EXTRA_PREFIX, csv_rows, jsonl_lines

if TYPE_CHECKING:
    from ..batch import Outcome

# Above this many actions the workbook is written row by row (XlsxWriter's constant_memory:
# inline strings, a file about 2.7 times larger); below it the smaller shared-string file.
XLSX_STREAMED_ACTIONS = 5000


@dataclass(frozen=True, slots=True)
class Summary:
    """What the summary table, ``--json`` and the exit code need of one file: no plan."""

    path: Path
    output: str
    status: str
    error: str | None
    detail: str | None
    items: int | None  # None: no plan (the file failed)
    codes: tuple[tuple[str, int], ...]  # issue code and count, sorted by code
    has_error: bool  # an error-severity issue (--strict)
    attention: int = 0  # actions with a code of ATTENTION_CODES (no lead, no timescale, invalid date, overdue)

    @classmethod
    def of(cls, outcome: Outcome) -> Summary:
        plan = outcome.plan
        codes = tuple(sorted(count_codes(plan.issues).items())) if plan else ()
        attention = {found.item_id for found in plan.issues if found.code in ATTENTION_CODES} if plan else set()
        return cls(outcome.path, outcome.output, outcome.status.value, outcome.error, outcome.detail,
                   len(plan.items) if plan else None, codes,
                   bool(plan) and any(found.severity == "error" for found in plan.issues), len(attention - {None}))

    def to_json(self) -> str:
        return json.dumps([str(self.path), self.output, self.status, self.error, self.detail, self.items,
                           self.codes, self.has_error, self.attention])

    @classmethod
    def from_json(cls, line: bytes) -> Summary:
        path, output, status, error, detail, items, codes, has_error, attention = json.loads(line)
        return cls(Path(path), output, status, error, detail, items, tuple(map(tuple, codes)), has_error, attention)


class PlanSpool:
    """Each file's summary and plan (absent: an empty line) as two JSON lines in an anonymous
    temporary file, read back one file at a time from the offset ``add`` gave."""

    def __init__(self, directory: Path | None) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(dir=directory, prefix=".actionplan-spool-")
        self.plans = 0

    def add(self, summary: Summary, plan: ActionPlan | None) -> int:
        offset = self._file.seek(0, os.SEEK_END)
        self._file.write(summary.to_json().encode() + b"\n")
        self._file.write((plan.model_dump_json().encode() if plan is not None else b"") + b"\n")
        self.plans += plan is not None
        return offset

    def summary(self, offset: int) -> Summary:
        self._file.seek(offset)
        return Summary.from_json(self._file.readline())

    def plan(self, offset: int) -> tuple[str, ActionPlan] | None:
        """(status, plan) of the file at ``offset``; None where it has no plan (failed)."""
        self._file.seek(offset)
        summary = Summary.from_json(self._file.readline())
        text = self._file.readline().rstrip(b"\n")
        return (summary.status, ActionPlan.model_validate_json(text)) if text else None

    def close(self) -> None:
        self._file.close()


class SpooledPlanReports:
    """``Report.plans`` for the HTML and workbook writers: a sized iterable that reads
    the spool again each time it is iterated (they go over the plans more than once)."""

    def __init__(self, outputs: BatchOutputs) -> None:
        self._outputs = outputs

    def __len__(self) -> int:
        return self._outputs.spooled_plans

    def __iter__(self) -> Iterator[PlanReport]:
        return (_plan_report(plan, status) for status, plan in self._outputs.spooled())


class BatchOutputs:
    """Takes outcomes in any order (``add``); writes the batch files at ``finish``."""

    def __init__(self, order: Iterable[Path], jsonl: Path | None = None, csv_file: Path | None = None,
                 reports: Iterable[Path] = (), spool_directory: Path | None = None, keep_plans: bool = False) -> None:
        # the inputs (on disk), and by each one's position its offset in the spool (-1: not finished)
        self._inputs = order if isinstance(order, PlanFiles) else PlanFiles((path, "") for path in order)
        self._at = array("q", [-1]) * len(self._inputs)
        self._jsonl, self._csv, self._reports = jsonl, csv_file, [target for target in reports if target]
        self._keep_plans = keep_plans or bool(jsonl or csv_file or self._reports)  # keep_plans: for report()
        self._spool = PlanSpool(_usable(spool_directory))
        self._tally = ReportTally()
        self.finished = self.failed = 0
        self.any_error = False  # an error-severity issue in some plan (--strict)
        self._headings_of: dict[int, tuple[str, ...]] = {}  # by input position, plans that have any: few
        self._unwritten: set[Path] = set()  # batch files finish could not write

    def add(self, outcome: Outcome) -> Summary:
        summary = Summary.of(outcome)
        position = self._inputs.index(outcome.path)
        plan = outcome.plan
        if plan is not None:
            self._tally.add(_plan_report(plan, outcome.status))
            headings = tuple(dict.fromkeys(heading for item in plan.items for heading in item.extra))
            if headings and self._csv is not None:
                self._headings_of[position] = headings
        self._at[position] = self._spool.add(summary, plan if self._keep_plans else None)
        self.finished += 1
        self.failed += summary.items is None
        self.any_error = self.any_error or summary.has_error
        return summary

    def summaries(self) -> Iterator[Summary]:
        """Each finished file's summary, in input order, read back from the spool."""
        return (self._spool.summary(offset) for offset in self._at if offset >= 0)

    def failures(self) -> Iterator[Summary]:
        return (summary for summary in self.summaries() if summary.items is None)

    @property
    def spooled_plans(self) -> int:
        return self._spool.plans

    def spooled(self) -> Iterator[tuple[str, ActionPlan]]:
        """(status, plan) of each file with a plan, in input order."""
        for offset in self._at:
            found = self._spool.plan(offset) if offset >= 0 else None
            if found is not None:
                yield found

    def stats(self) -> Stats:
        return self._tally.stats(self.failed)

    def finish(self) -> list[str]:
        """Write the batch files; the one-line errors of those that could not be written."""
        writes = [(self._write_jsonl, self._jsonl), (self._write_csv, self._csv)]
        writes += [(self._write_report, target) for target in self._reports]
        errors = []
        for write, target in writes:
            if target is None:
                continue
            try:
                write(target)
            except OutputError as error:
                self._unwritten.add(target)
                errors.append(str(error))
        return errors

    def written(self) -> list[Path]:
        """The batch files ``finish`` wrote (items.jsonl / items.csv, the reports), in that order."""
        return [target for target in [self._jsonl, self._csv, *self._reports]
                if target is not None and target not in self._unwritten]

    def close(self) -> None:
        """Drop the spool (the summaries cannot be read after)."""
        self._spool.close()

    def _plans(self) -> Iterator[ActionPlan]:
        return (plan for _, plan in self.spooled())

    def _write_jsonl(self, target: Path) -> None:
        _write_text(target, (line for plan in self._plans() for line in jsonl_lines(plan)))

    def _write_csv(self, target: Path) -> None:
        extra = dict.fromkeys(heading for position in sorted(self._headings_of)
                              for heading in self._headings_of[position])
        with atomic_target(target) as temporary, temporary.open("w", encoding="utf-8", newline="") as stream:
            stream.write(BOM)
            writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS + [EXTRA_PREFIX + heading for heading in extra])
            writer.writeheader()
            for plan in self._plans():
                writer.writerows(csv_rows(plan))
            _sync(stream)

    def report(self) -> Report:
        """The report, its ``plans`` read back from the spool each time they are iterated
        (a ``SpooledPlanReports``, not a list: ``report_json_parts`` writes it as JSON)."""
        failures = [Failure(path=str(s.path), error=s.error) for s in self.failures()]
        return self._tally.skeleton(failures).model_copy(update={"plans": SpooledPlanReports(self)})

    def _write_report(self, target: Path) -> None:
        """As ``report.write_report``: ``.html`` the page, ``.xlsx`` the workbook, else JSON."""
        report = self.report()
        skeleton, plans = report.model_copy(update={"plans": []}), report.plans
        suffix = target.suffix.lower()
        if suffix in (".html", ".htm"):
            from .html import report_html_parts

            _write_text(target, report_html_parts(report))
        elif suffix == ".xlsx":
            from .xlsx import write_xlsx

            write_xlsx(report, target, constant_memory=self._tally.items > XLSX_STREAMED_ACTIONS)
        else:
            _write_text(target, report_json_parts(skeleton, plans))


def report_json_parts(skeleton: Report, plans: Iterable[PlanReport]) -> Iterator[str]:
    """``report.report_json`` of the skeleton with ``plans`` written into its empty list,
    one plan at a time, indented as pydantic indents a nested list."""
    head, tail = report_json(skeleton).split('"plans": []', 1)
    yield head + '"plans": ['
    first = True
    for plan in plans:
        yield ("\n" if first else ",\n") + textwrap.indent(plan.model_dump_json(indent=2), "    ")
        first = False
    yield ("]" if first else "\n  ]") + tail


def _write_text(target: Path, pieces: Iterable[str]) -> None:
    with atomic_target(target) as temporary, temporary.open("w", encoding="utf-8") as stream:
        for piece in pieces:
            stream.write(piece)
        _sync(stream)


def _sync(stream) -> None:
    stream.flush()
    os.fsync(stream.fileno())


def _usable(directory: Path | None) -> Path | None:
    """The output folder for the spool (the disk the outputs go to; /tmp may be memory),
    else the system's temporary folder."""
    if directory is None:
        return None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        return directory if os.access(directory, os.W_OK | os.X_OK) else None
    except OSError:
        return None
