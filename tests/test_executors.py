"""The executors (executors.py): a Dask cluster writes the same bytes as the local
workers; without Dask installed, one line naming the extra; resuming a batch."""

import json
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import EXIT_OK, EXIT_USAGE, app

runner = CliRunner()
SAMPLES = ["samples/southend-2012.txt", "samples/stockton-2013.txt", "samples/docx/rag-by-shading.docx",
           "samples/pdf/north-tyneside-2012.pdf", "samples/xlsx/southend-2012-lac.xlsx"]
# the batch files each run writes besides the per-plan JSON files
RUNS = [(["--report", "{out}/report.json"], ["report.json"]),
        (["-f", "csv", "--report", "{out}/report.html"], ["items.csv", "report.html"]),
        (["-f", "jsonl"], ["items.jsonl"])]


@pytest.fixture()
def plans(tmp_path) -> Path:
    folder = tmp_path / "plans"
    (folder / "sub").mkdir(parents=True)
    for position, sample in enumerate(SAMPLES):
        shutil.copy(sample, folder / ("sub" if position % 2 else ".") / Path(sample).name)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    return folder


def extract(plans: Path, out: Path, options: list[str], *more: str):
    arguments = [option.format(out=out) for option in options]
    return runner.invoke(app, ["extract", str(plans), "-o", str(out), "--workers", "2", *arguments, *more])


def files_below(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_dask_cluster_writes_what_the_local_workers_write(plans, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        for options, batch_files in RUNS:
            local, dask = tmp_path / "local", tmp_path / "dask"
            by_local = extract(plans, local, options, "--json")
            by_dask = extract(plans, dask, options, "--json", "--executor", "dask",
                              "--scheduler", cluster.scheduler_address)
            assert by_dask.exit_code == by_local.exit_code == 2, by_dask.output  # the broken file
            assert files_below(dask) == files_below(local)
            assert all(name in files_below(local) for name in batch_files)
            assert _summary(by_dask.stdout) == _summary(by_local.stdout)
            shutil.rmtree(local), shutil.rmtree(dask)


def test_dask_without_a_scheduler_starts_a_local_cluster(tmp_path):
    pytest.importorskip("distributed")
    result = runner.invoke(app, ["extract", "samples/southend-2012.txt", "-o", str(tmp_path), "--workers", "2",
                                 "--executor", "dask", "--quiet"])
    assert result.exit_code == EXIT_OK, result.output
    assert json.loads((tmp_path / "southend-2012.json").read_text())["items"][0]["id"]


def test_dask_missing_is_one_line_naming_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    result = runner.invoke(app, ["extract", "samples/southend-2012.txt", "-o", str(tmp_path), "--executor", "dask"])
    assert result.exit_code == EXIT_USAGE
    assert result.output == "error: --executor dask needs Dask distributed: pip install 'actionplan[dask]'\n"


def test_scheduler_without_the_dask_executor_is_bad_usage(tmp_path):
    result = runner.invoke(app, ["extract", "samples/southend-2012.txt", "-o", str(tmp_path),
                                 "--scheduler", "tcp://localhost:8786"])
    assert result.exit_code == EXIT_USAGE
    assert "add --executor dask" in result.output


@pytest.mark.parametrize("options, refused", [
    (["--timeout", "60"], "error: --timeout is not applied by --executor dask"),
    (["--timeout", "60", "--scheduler", "tcp://localhost:8786"], "error: --timeout is not applied by --executor dask"),
    (["--memory-limit", "512", "--scheduler", "tcp://localhost:8786"],
     "error: --memory-limit is not applied on a cluster given by --scheduler"),
])
def test_limits_a_dask_cluster_would_not_enforce_are_refused_in_one_line(tmp_path, options, refused):
    """Dask has no per-task time limit, and a cluster started elsewhere keeps its own
    memory limits: given on the command line, they are bad usage, never silently dropped
    (refused before any cluster is reached: the scheduler address is never dialled)."""
    result = runner.invoke(app, ["extract", "samples/southend-2012.txt", "-o", str(tmp_path), "--executor", "dask",
                                 *options])
    assert result.exit_code == EXIT_USAGE
    assert result.output.startswith(refused) and result.output.count("\n") == 1, result.output
    assert not list(tmp_path.iterdir())


def test_memory_limit_is_applied_by_a_local_dask_cluster(tmp_path):
    """Without --scheduler the LocalCluster's nanny enforces --memory-limit: accepted."""
    pytest.importorskip("distributed")
    result = runner.invoke(app, ["extract", "samples/southend-2012.txt", "-o", str(tmp_path), "--workers", "1",
                                 "--executor", "dask", "--memory-limit", "2048", "--quiet"])
    assert result.exit_code == EXIT_OK, result.output


def test_resumed_batch_converts_only_what_is_missing_and_reports_every_plan(plans, tmp_path):
    """A batch killed part way leaves some plans' JSON and no report (every output is
    renamed into place whole): the same command converts the rest and writes the whole
    report, the others read back from their JSON."""
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    extract(plans, whole, ["--report", "{out}/report.json"])
    extract(plans, resumed, ["--report", "{out}/report.json"])
    (resumed / "report.json").unlink()
    (resumed / "sub" / "stockton-2013.json").unlink()  # as if killed before these two were written
    (resumed / "sub" / "north-tyneside-2012.json").unlink()

    again = extract(plans, resumed, ["--report", "{out}/report.json"], "--json")
    statuses = {file["path"]: file["status"] for file in _summary(again.stdout)["files"]}
    assert sorted(path for path, status in statuses.items() if status == "converted") == [
        str(plans / "sub" / "north-tyneside-2012.pdf"), str(plans / "sub" / "stockton-2013.txt")]
    assert list(statuses.values()).count("skipped") == len(SAMPLES) - 2
    assert files_below(resumed).keys() == files_below(whole).keys()
    report, expected = (json.loads((folder / "report.json").read_text()) for folder in (resumed, whole))
    for plan in report["plans"]:  # the same report but for how each plan got there
        plan["status"] = "converted"
    assert report == expected


def _summary(stdout: str) -> dict:
    return json.loads(stdout)
