"""The README documents what the code does: every issue code, both set-up commands."""

from pathlib import Path

from actionplan.normalise.validate import CODES

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_issue_code_is_documented_with_its_severity():
    for code, (severity, meaning) in CODES.items():
        assert f"| `{code}` | {severity} | {meaning} |" in README


def test_readme_set_up_commands():
    assert 'python3 -m pip install -e ".[test]" && actionplan extract samples -o out' in README
    assert "python3 -m pytest" in README
