"""The one way actionplan reads a TOML data file (its shipped vocabularies and a user's
--headings / --leads / --glossary files): tomllib, or tomli before Python 3.11."""

from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib



def read_toml(path: str | Path) -> dict:
    """The file's tables (UTF-8, as TOML requires). A malformed file raises
    tomllib.TOMLDecodeError, a ValueError (the CLI reports it as bad usage)."""
    return tomllib.loads(Path(path).read_text(encoding="utf-8"))
