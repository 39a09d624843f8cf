"""The output side (issue 17): outputs readable by colleagues, flushed before the rename,
never overwriting each other or an input, and a write error one line naming the fix."""

from __future__ import annotations

import errno
import json
import os
import pickle
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan import files
from actionplan.cli import EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, app
from actionplan.errors import OutputError
from actionplan.files import find_plans, write_atomic

runner = CliRunner()
SOUTHEND = Path("samples/southend-2012.txt")
STOCKTON = Path("samples/stockton-2013.txt")


@pytest.fixture
def umask_027():
    previous = os.umask(0o027)
    yield
    os.umask(previous)


def test_outputs_follow_the_umask_not_mkstemps_0600(tmp_path, umask_027):
    write_atomic(tmp_path / "plan.json", "{}\n")
    assert stat.S_IMODE((tmp_path / "plan.json").stat().st_mode) == 0o640


def test_outputs_are_flushed_to_disk_before_the_rename(tmp_path, monkeypatch):
    synced = []
    monkeypatch.setattr(files.os, "fsync", lambda fd: synced.append(os.readlink(f"/proc/self/fd/{fd}")))
    write_atomic(tmp_path / "plan.json", "{}\n")
    assert len(synced) == 1 and Path(synced[0]).name.startswith(".plan.json.")


@pytest.mark.parametrize("code,fix", [
    (errno.ENOSPC, "the disk is full: free some space, or give another folder with -o"),
    (errno.EACCES, "permission denied: give a folder you can write to with -o"),
    (errno.EROFS, "the file system is read-only: give another folder with -o"),
])
def test_a_failed_write_is_one_line_naming_the_path_and_the_fix_and_leaves_no_temporary(tmp_path, monkeypatch,
                                                                                         code, fix):
    def fail(fd):
        raise OSError(code, os.strerror(code))
    monkeypatch.setattr(files.os, "fsync", fail)
    with pytest.raises(OutputError) as raised:
        write_atomic(tmp_path / "plan.json", "{}\n")
    assert str(raised.value) == f"cannot write {tmp_path / 'plan.json'}: {fix}"
    assert list(tmp_path.iterdir()) == []


def test_outdir_naming_a_file_is_one_line_and_exit_2(tmp_path):
    not_a_folder = tmp_path / "out"
    not_a_folder.write_text("mine\n")
    result = runner.invoke(app, ["extract", str(SOUTHEND), "-o", str(not_a_folder)])
    assert result.exit_code == EXIT_UNREADABLE
    assert result.output == f"error: cannot write {not_a_folder}: it is a file; -o names the folder the outputs go to\n"
    assert not_a_folder.read_text() == "mine\n"


def test_a_batch_output_that_cannot_be_written_still_prints_the_summary(tmp_path):
    (tmp_path / "items.csv").mkdir()  # a folder where the CSV must go
    result = runner.invoke(app, ["extract", str(SOUTHEND), "-o", str(tmp_path), "-f", "csv", "--json"])
    assert result.exit_code == EXIT_UNREADABLE
    error, summary = result.output.split("\n", 1)
    assert error == (f"error: cannot write {tmp_path / 'items.csv'}: a folder has that name: remove it or give "
                     "another folder with -o")
    assert json.loads(summary)["files"][0]["status"] == "converted"


def test_report_naming_an_input_is_refused(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(SOUTHEND.read_bytes())
    result = runner.invoke(app, ["extract", str(plan), "-o", str(tmp_path / "out"), "--report", str(plan)])
    assert result.exit_code == EXIT_USAGE
    assert plan.read_bytes() == SOUTHEND.read_bytes()


def test_names_differing_only_in_case_do_not_share_an_output(tmp_path):
    """Plan.txt and plan.md write one file on a case-blind disk (Windows, macOS)."""
    (tmp_path / "Plan.txt").write_bytes(SOUTHEND.read_bytes())
    (tmp_path / "plan.md").write_bytes(STOCKTON.read_bytes())
    assert sorted(find_plans([tmp_path]).values()) == ["Plan.txt.json", "plan.md.json"]


def test_the_same_name_in_two_folders_given_one_by_one_keeps_both(tmp_path):
    for folder, source in (("a", SOUTHEND), ("b", STOCKTON)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "plan.txt").write_bytes(source.read_bytes())
    names = find_plans([tmp_path / "a" / "plan.txt", tmp_path / "b" / "plan.txt"])
    assert list(names.values()) == ["plan.txt.json", "plan.txt-2.json"]
    result = runner.invoke(app, ["extract", str(tmp_path / "a" / "plan.txt"), str(tmp_path / "b" / "plan.txt"),
                                 "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == EXIT_OK, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["plan.txt-2.json", "plan.txt.json"]


def test_a_later_run_never_overwrites_the_plan_of_another_input(tmp_path):
    for folder, source in (("a", SOUTHEND), ("b", STOCKTON)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "plan.txt").write_bytes(source.read_bytes())
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", str(tmp_path / "a" / "plan.txt"), "-o", str(out), "-q"]).exit_code == 0
    first = (out / "plan.json").read_text(encoding="utf-8")
    second = runner.invoke(app, ["extract", str(tmp_path / "b" / "plan.txt"), "-o", str(out), "-q"])
    assert second.exit_code == EXIT_UNREADABLE
    assert second.output == (f"error: {tmp_path / 'b' / 'plan.txt'}: {out / 'plan.json'} holds the plan of another "
                             f"file ({tmp_path / 'a' / 'plan.txt'}): give another folder with -o, or --force to "
                             "replace it\n")
    assert (out / "plan.json").read_text(encoding="utf-8") == first
    forced = runner.invoke(app, ["extract", str(tmp_path / "b" / "plan.txt"), "-o", str(out), "-q", "--force"])
    assert forced.exit_code == EXIT_OK
    assert json.loads((out / "plan.json").read_text(encoding="utf-8"))["source"]["path"] == str(tmp_path / "b" / "plan.txt")


PAIRS = [  # (path, name) given to PlanFiles, and the {path: name} it must read back
    ([], {}),
    ([(Path("a.txt"), "a.json")], {Path("a.txt"): "a.json"}),
    ([(Path("a.txt"), "a.json"), (Path("a.txt"), "other.json")], {Path("a.txt"): "a.json"}),  # the first name stands
    ([(Path("d/Plan ü.txt"), "Plan ü.json"), (Path(os.fsdecode(b"bad\xff.txt")), "bad.json")],
     {Path("d/Plan ü.txt"): "Plan ü.json", Path(os.fsdecode(b"bad\xff.txt")): "bad.json"}),  # not UTF-8 on disk
    ([(Path(f"p{n}.txt"), f"p{n}.json") for n in range(40)], {Path(f"p{n}.txt"): f"p{n}.json" for n in range(40)}),
]


@pytest.mark.parametrize("pairs, expected", PAIRS)
def test_plan_files_read_back_as_the_dict_they_were_given(pairs, expected):
    """The inputs of a batch live on disk (an archive's ten thousand Path objects were
    megabytes of the parent's peak): read back, they are the dict, in input order."""
    found = files.PlanFiles(pairs)
    assert list(found.items()) == list(expected.items()) and list(found) == list(expected) and len(found) == len(expected)
    assert all(found[path] == name and found.index(path) == position
               for position, (path, name) in enumerate(expected.items()))
    assert Path("missing.txt") not in found and found == expected
    with pytest.raises(KeyError):
        found.index(Path("missing.txt"))


def test_plan_files_survive_pickling_to_a_worker():
    found = files.PlanFiles([(Path("b.txt"), "b.json"), (Path("a.txt"), "a.json")])
    assert list(pickle.loads(pickle.dumps(found)).items()) == [(Path("b.txt"), "b.json"), (Path("a.txt"), "a.json")]


def test_a_folder_is_listed_as_sorted_rglob_listed_it(tmp_path):
    """Input order (and so the combined outputs' order) as before the walk replaced rglob:
    a folder's files where the folder's name sorts, capitals first, no symlinked folder
    followed, a FIFO named like a plan kept (to be reported), other suffixes left out."""
    for name in ("B.txt", "a/b.txt", "a-c.txt", "a.txt", "sub/x.pdf", "sub/notes.zip"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("Action plan\n", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "sub", target_is_directory=True)
    os.mkfifo(tmp_path / "pipe.txt")
    assert list(find_plans([tmp_path]).items()) == [
        (tmp_path / "B.txt", "B.json"), (tmp_path / "a" / "b.txt", "a/b.json"), (tmp_path / "a-c.txt", "a-c.json"),
        (tmp_path / "a.txt", "a.json"), (tmp_path / "pipe.txt", "pipe.json"), (tmp_path / "sub" / "x.pdf", "sub/x.json")]
