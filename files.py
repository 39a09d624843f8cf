"""Finding plan files and writing results: the batch side of the library."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .extract import SUPPORTED_SUFFIXES


def find_plans(paths: list[Path], extra_suffixes: tuple[str, ...] = ()) -> dict[Path, str]:
    """Files to convert, each with the name of its JSON output.

    A file given directly writes ``<stem>.json``; files found in a folder keep
    their place below it (``samples/docx/x.docx`` -> ``docx/x.json``). Where two
    inputs would still write the same name (``plan.txt`` and ``plan.md`` side by
    side) both keep their suffix: ``plan.txt.json``, ``plan.md.json``.
    """
    suffixes = SUPPORTED_SUFFIXES + extra_suffixes
    found: dict[Path, Path] = {}
    for path in _expand_globs(paths):
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes):
                found.setdefault(file, file.relative_to(path).with_suffix(""))
        else:
            found.setdefault(path, Path(path.stem))
    counts = Counter(found.values())
    return {
        file: (f"{name}.json" if counts[name] == 1 else f"{name.with_name(file.name)}.json")
        for file, name in found.items()
    }


def _expand_globs(paths: list[Path]) -> list[Path]:
    """A pattern the shell did not expand ("plans/*.pdf" quoted, or on Windows) is expanded here."""
    expanded: list[Path] = []
    for path in paths:
        text = str(path)
        if not path.exists() and any(ch in text for ch in "*?["):
            anchor = Path(path.anchor) if path.is_absolute() else Path(".")
            pattern = str(path.relative_to(path.anchor)) if path.is_absolute() else text
            expanded.extend(sorted(anchor.glob(pattern)))
        else:
            expanded.append(path)
    return expanded


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and a rename: readers never see half a file."""
    with atomic_target(path) as temporary:
        temporary.write_text(text, encoding="utf-8")


@contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` for a writer that wants a file name (the xlsx
    writer); renamed to ``path`` when the block ends without error, removed otherwise."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
