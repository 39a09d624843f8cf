"""Finding plan files and writing results: the batch side of the library."""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path

from .extract import SUPPORTED_SUFFIXES


def find_plans(paths: list[Path]) -> list[Path]:
    """Files to convert: files as given, folders walked for supported suffixes, in order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def output_names(inputs: list[Path]) -> dict[Path, str]:
    """``<stem>.json`` per input, or ``<name>.json`` where two inputs share a stem
    (southend.txt and southend.docx in one batch must not overwrite each other)."""
    stems = Counter(path.stem for path in inputs)
    return {path: f"{path.stem if stems[path.stem] == 1 else path.name}.json" for path in inputs}


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
