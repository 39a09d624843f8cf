"""The one way actionplan reads a TOML data file (its shipped vocabularies and a user's
--headings / --leads / --status / --timescales / --glossary files): tomllib, or tomli
before Python 3.11; and the one way a user's file extends a shipped vocabulary."""

from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def read_toml(path: str | Path) -> dict:
    """The file's tables (UTF-8, as TOML requires). A malformed file raises a ValueError
    whose one line names the file, the cause and the fix (the CLI reports it as bad usage)."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{path}: not valid TOML ({error}); fix the file, shaped as the shipped one") from error
    except UnicodeDecodeError as error:
        raise ValueError(f"{path}: not UTF-8 text ({error.reason}); save the file as UTF-8") from error


def read_overlaid(shipped: str | Path, extra: str | Path | None = None) -> dict:
    """A shipped vocabulary file extended by a user's file of the same shape: the user's
    lists are added to the shipped lists, its tables merged into the shipped tables, its
    single values (a cutoff, a letter's rating) replace the shipped ones. A user's file
    never removes a shipped word. A value of the wrong kind (a word where the shipped file
    has a list) raises a ValueError naming the user's file and the key."""
    merged = read_toml(shipped)
    if extra is not None:
        _overlay(merged, read_toml(extra), Path(extra), "")
    return merged


def _overlay(into: dict, extra: dict, source: Path, where: str) -> None:
    for key, value in extra.items():
        name = f"{where}{key}"
        shipped = into.get(key)
        if isinstance(shipped, list):
            if not isinstance(value, list):
                raise ValueError(f"{source}: {name} must be a list, as in the shipped file (e.g. {name} = [\"word\"])")
            into[key] = shipped + value
        elif isinstance(shipped, dict):
            if not isinstance(value, dict):
                raise ValueError(f"{source}: {name} must be a table, as in the shipped file ([{name}])")
            merged = dict(shipped)
            _overlay(merged, value, source, f"{name}.")
            into[key] = merged
        else:
            into[key] = value
