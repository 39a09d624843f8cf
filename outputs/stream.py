"""Whole-batch outputs written as plans finish, in memory that does not grow with the
number of plans: a national archive is tens of thousands of documents.

Each finished plan is written once, as a JSON line, to an anonymous temporary file (the
spool, beside the outputs: on disk, gone when the batch ends or dies) and dropped; what
stays in memory is a ``Summary`` per file (the summary table's row), the report's
counts (``ReportTally``) and where each plan sits in the spool. At the end the batch
outputs — items.jsonl, items.csv, the report as JSON, HTML or a workbook — are written
reading the spool back one plan at a time, in input order, so they are the same bytes
whatever order the workers finished in (and whichever executor ran them)."""

from __future__ import annotations

import csv
import os
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Iterable, Iterator

from ..errors import OutputError
from ..files import atomic_target
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


class PlanSpool:
    """Plans as JSON lines in an anonymous temporary file, read back one at a time."""

    def __init__(self, directory: Path | None) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(dir=directory, prefix=".actionplan-spool-")
        self._where: dict[Path, tuple[int, int]] = {}  # path -> (offset, length)

    def add(self, key: Path, status: str, plan: ActionPlan) -> None:
        record = f"{status}\t".encode() + plan.model_dump_json().encode()
        offset = self._file.seek(0, os.SEEK_END)
        self._file.write(record)
        self._where[key] = (offset, len(record))

    def __len__(self) -> int:
        return len(self._where)

    def read(self, order: Iterable[Path]) -> Iterator[tuple[str, ActionPlan]]:
        """(status, plan) of each spooled path, in ``order``."""
        for key in order:
            if key in self._where:
                offset, length = self._where[key]
                self._file.seek(offset)
                status, _, text = self._file.read(length).partition(b"\t")
                yield status.decode(), ActionPlan.model_validate_json(text)

    def close(self) -> None:
        self._file.close()


class SpooledPlanReports:
    """``Report.plans`` for the HTML and workbook writers: a sized iterable that reads
    the spool again each time it is iterated (they go over the plans more than once)."""

    def __init__(self, spool: PlanSpool, order: list[Path]) -> None:
        self._spool, self._order = spool, order

    def __len__(self) -> int:
        return len(self._spool)

    def __iter__(self) -> Iterator[PlanReport]:
        return (_plan_report(plan, status) for status, plan in self._spool.read(self._order))


class BatchOutputs:
    """Takes outcomes in any order (``add``); writes the batch files at ``finish``."""

    def __init__(self, order: Iterable[Path], jsonl: Path | None = None, csv_file: Path | None = None,
                 reports: Iterable[Path] = (), spool_directory: Path | None = None) -> None:
        self._order = list(order)
        self._jsonl, self._csv, self._reports = jsonl, csv_file, [target for target in reports if target]
        needed = bool(jsonl or csv_file or self._reports)
        self._spool = PlanSpool(_usable(spool_directory)) if needed else None
        self._tally = ReportTally()
        self._summaries: dict[Path, Summary] = {}
        self._headings: dict[Path, tuple[str, ...]] = {}  # the csv's extra columns, plans that have any
        self._unwritten: set[Path] = set()

    def add(self, outcome: Outcome) -> Summary:
        summary = self._summaries[outcome.path] = Summary.of(outcome)
        plan = outcome.plan
        if plan is not None:
            report = _plan_report(plan, outcome.status)
            self._tally.add(report)
            if self._spool is not None:
                self._spool.add(outcome.path, outcome.status.value, plan)
            headings = tuple(dict.fromkeys(heading for item in plan.items for heading in item.extra))
            if headings:
                self._headings[outcome.path] = headings
        return summary

    def summaries(self) -> list[Summary]:
        return [self._summaries[path] for path in self._order if path in self._summaries]

    def stats(self) -> Stats:
        return self._tally.stats(sum(summary.items is None for summary in self._summaries.values()))

    def finish(self) -> list[str]:
        """Write the batch files; the one-line errors of those that could not be written."""
        writes = [(self._write_jsonl, self._jsonl), (self._write_csv, self._csv)]
        writes += [(self._write_report, target) for target in self._reports]
        errors = []
        try:
            for write, target in writes:
                if target is None:
                    continue
                try:
                    write(target)
                except OutputError as error:
                    self._unwritten.add(target)
                    errors.append(str(error))
        finally:
            if self._spool is not None:
                self._spool.close()
        return errors

    def written(self) -> list[Path]:
        """The batch files ``finish`` wrote (items.jsonl / items.csv, the reports), in that order."""
        return [target for target in [self._jsonl, self._csv, *self._reports]
                if target is not None and target not in self._unwritten]

    def _plans(self) -> Iterator[ActionPlan]:
        return (plan for _, plan in self._spool.read(self._order))

    def _write_jsonl(self, target: Path) -> None:
        _write_text(target, (line for plan in self._plans() for line in jsonl_lines(plan)))

    def _write_csv(self, target: Path) -> None:
        extra = dict.fromkeys(heading for path in self._order for heading in self._headings.get(path, ()))
        with atomic_target(target) as temporary, temporary.open("w", encoding="utf-8", newline="") as stream:
            stream.write(BOM)
            writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS + [EXTRA_PREFIX + heading for heading in extra])
            writer.writeheader()
            for plan in self._plans():
                writer.writerows(csv_rows(plan))
            _sync(stream)

    def _write_report(self, target: Path) -> None:
        """As ``report.write_report``: ``.html`` the page, ``.xlsx`` the workbook, else JSON."""
        failures = [Failure(path=str(s.path), error=s.error) for s in self.summaries() if s.items is None]
        skeleton = self._tally.skeleton(failures)
        plans = SpooledPlanReports(self._spool, self._order)
        report = skeleton.model_copy(update={"plans": plans})
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
