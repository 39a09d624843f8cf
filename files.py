"""Finding plan files and writing results: the batch side of the library."""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path

from .extract import SUPPORTED_SUFFIXES


def find_plans(paths: list[Path]) -> dict[Path, str]:
    """Files to convert, each with the name of its JSON output.

    A file given directly writes ``<stem>.json``; files found in a folder keep
    their place below it (``samples/docx/x.docx`` -> ``docx/x.json``). Where two
    inputs would still write the same name (``plan.txt`` and ``plan.md`` side by
    side) both keep their suffix: ``plan.txt.json``, ``plan.md.json``.
    """
    found: dict[Path, Path] = {}
    for path in paths:
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES):
                found.setdefault(file, file.relative_to(path).with_suffix(""))
        else:
            found.setdefault(path, Path(path.stem))
    counts = Counter(found.values())
    return {
        file: (f"{name}.json" if counts[name] == 1 else f"{name.with_name(file.name)}.json")
        for file, name in found.items()
    }


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and a rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
