"""Which library writes the workbook: XlsxWriter (what outputs/xlsx.py uses, in
constant_memory mode) against openpyxl (ordinary and write-only mode) writing the same
three sheets with the same columns, date cells, RAG fills, frozen header, autofilter and
widths, for a report of 5,000+ actions (the five seed plans repeated).

    .venv/bin/python tests/benchmarks/xlsx_writers.py

Prints seconds (median of 3), file size and peak traced memory for each."""

from __future__ import annotations

import statistics
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]



def big_report(actions: int = 5000):
    import actionplan
    from actionplan.batch import Outcome
    from actionplan.report import build_report

    seeds = [actionplan.extract(path) for path in sorted((REPO / "samples").glob("*.txt"))]
    outcomes, total, copy = [], 0, 0
    while total < actions:
        for plan in seeds:
            copy += 1
            renamed = plan.model_copy(update={"source": plan.source.model_copy(update={"path": f"copy{copy}/{plan.source.path}"})})
            outcomes.append(Outcome(Path(renamed.source.path), "", "converted", renamed))
            total += len(plan.items)
    return build_report(outcomes)


def write_openpyxl(report, target: Path, write_only: bool) -> None:
    """The same workbook through openpyxl."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from actionplan.outputs.xlsx import ACTION_COLUMNS, DATE_FORMAT, ISSUE_COLUMNS, PLAN_COLUMNS, RAG_FILLS

    workbook = Workbook(write_only=write_only)
    if not write_only:
        workbook.remove(workbook.active)
    wrap = Alignment(wrap_text=True, vertical="top")
    fills = {rating: PatternFill("solid", fgColor=colour.lstrip("#")) for rating, colour in RAG_FILLS.items()}
    bold = Font(bold=True)

    def sheet(title, columns, rows):
        ws = workbook.create_sheet(title)
        for position, (_, width, _) in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(position)].width = width
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
        header = [heading for heading, _, _ in columns]
        all_rows = [(header, None)] + rows
        for number, (values, rag) in enumerate(all_rows, start=1):
            cells = []
            for position, value in enumerate(values, start=1):
                cell = WriteOnlyCell(ws, value) if write_only else ws.cell(number, position, value)
                cell.alignment = wrap
                if number == 1:
                    cell.font = bold
                if isinstance(value, date):
                    cell.number_format = DATE_FORMAT
                if rag and header[position - 1] == "RAG":
                    cell.fill = fills[rag]
                cells.append(cell)
            if write_only:
                ws.append(cells)

    sheet("Actions", ACTION_COLUMNS, [([value_of(plan, action) for _, _, value_of in ACTION_COLUMNS], action.rag)
                                      for plan in report.plans for action in plan.actions])
    sheet("Issues", ISSUE_COLUMNS, [([value_of(plan, found) for _, _, value_of in ISSUE_COLUMNS], None)
                                    for plan in report.plans for found in plan.issues])
    sheet("Plans", PLAN_COLUMNS, [([value_of(plan) for _, _, value_of in PLAN_COLUMNS], None) for plan in report.plans])
    workbook.save(target)


def measure(write, report, target: Path, runs: int = 3) -> tuple[float, int, float]:
    """Median seconds, file size, and peak Python memory of one more run (traced apart:
    tracing slows the writing down)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        write(report, target)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    write(report, target)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return statistics.median(times), target.stat().st_size, peak


def main() -> None:
    from actionplan.outputs.xlsx import write_xlsx

    report = big_report()
    actions = sum(len(plan.actions) for plan in report.plans)
    issues = sum(len(plan.issues) for plan in report.plans)
    print(f"{actions} actions, {issues} issues, {len(report.plans)} plans")
    with tempfile.TemporaryDirectory() as folder:
        for name, write in [
            ("XlsxWriter (as used)", write_xlsx),
            ("XlsxWriter constant_memory", lambda r, t: write_xlsx(r, t, constant_memory=True)),
            ("openpyxl", lambda r, t: write_openpyxl(r, t, write_only=False)),
            ("openpyxl write_only", lambda r, t: write_openpyxl(r, t, write_only=True)),
        ]:
            seconds, size, peak = measure(write, report, Path(folder) / f"{name.split()[0]}-{len(name)}.xlsx")
            print(f"{name:28} {seconds:6.2f} s  file {size / 1e6:5.2f} MB  peak memory {peak / 1e6:5.1f} MB")


if __name__ == "__main__":
    main()
