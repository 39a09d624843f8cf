"""The README documents what the code does: every issue code, both set-up commands."""

from pathlib import Path

from actionplan.schema.codes import CODES

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_the_issue_code_table_is_the_code_records():
    """Every code's row, in the records' order, and no row for a code that does not exist."""
    section = README.split("### Issue codes", 1)[1].split("\n### ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    assert rows == [f"| `{code}` | {found.severity} | {found.title} | {found.meaning} |" for code, found in CODES.items()]


def test_readme_set_up_commands_are_what_ci_runs():
    """The two set-up commands (venv + install + convert; the tests) are the ones CI runs."""
    block = README.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#", 1)[0].strip() for line in block.strip().splitlines()]
    assert len(commands) == 2 and commands[0].startswith("python3 -m venv .venv")
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    for command in commands:
        assert command in ci


def test_the_example_item_is_what_the_code_writes():
    import json

    import actionplan

    block = README.split("An item as written:", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    written = actionplan.extract("samples/southend-2012.txt").items[0].model_dump(mode="json")
    assert json.loads(block) == written


def test_exit_codes_are_documented_as_the_cli_defines_them():
    from actionplan.cli import EXIT_CODES

    table = README.split("Exit codes", 1)[1].split("\n\n", 2)[1]
    rows = [line for line in table.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert rows == [f"| {code} | {meaning} |" for code, meaning in EXIT_CODES.items()]
