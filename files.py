"""Finding plan files and writing results: the batch side of the library."""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import OutputError
from .extract import SUPPORTED_SUFFIXES

# What to do about a failed write, by errno: the message names the fix.
_WRITE_FIXES = {
    errno.ENOSPC: "the disk is full: free some space, or give another folder with -o",
    errno.EDQUOT: "over the disk quota: free some space, or give another folder with -o",
    errno.EACCES: "permission denied: give a folder you can write to with -o",
    errno.EPERM: "permission denied: give a folder you can write to with -o",
    errno.EROFS: "the file system is read-only: give another folder with -o",
    errno.ENOTDIR: "part of the path is a file, not a folder: -o must name a folder",
    errno.EEXIST: "part of the path is a file, not a folder: -o must name a folder",
    errno.EISDIR: "a folder has that name: remove it or give another folder with -o",
}


def find_plans(paths: list[Path], extra_suffixes: tuple[str, ...] = ()) -> dict[Path, str]:
    """Files to convert, each with the name of its JSON output.

    A file given directly writes ``<stem>.json``; files found in a folder keep
    their place below it (``samples/docx/x.docx`` -> ``docx/x.json``). Where two
    inputs would still write the same name (``plan.txt`` and ``plan.md`` side by
    side) both keep their suffix: ``plan.txt.json``, ``plan.md.json``.
    """
    suffixes = SUPPORTED_SUFFIXES + extra_suffixes
    # names as strings, not Path objects: an archive's inputs are tens of thousands
    found: dict[Path, str] = {}
    for path in _expand_globs(paths):
        if path.is_dir():
            # Not only regular files: a FIFO or device named like a plan is reported, not skipped.
            for file in sorted(p for p in path.rglob("*") if not p.is_dir() and p.suffix.lower() in suffixes):
                found.setdefault(file, str(file.relative_to(path).with_suffix("")))
        else:
            found.setdefault(path, path.stem)
    # Names are compared case-blind: on Windows and macOS "Plan.json" and "plan.json" are one file.
    counts = Counter(_key(name) for name in found.values())
    for file, name in found.items():
        if counts[_key(name)] > 1:
            found[file] = str(Path(name).with_name(file.name))
    # Still the same (the same file name in two folders given one by one): numbered, in input order.
    taken: Counter[str] = Counter()
    for file, name in found.items():
        taken[_key(name)] += 1
        found[file] = f"{name}.json" if taken[_key(name)] == 1 else f"{name}-{taken[_key(name)]}.json"
    return found


def _key(name: str) -> str:
    return str(name).casefold()


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
    """Write via a temporary file, flushed to disk, and a rename: readers never see half a
    file, even after a crash. Raises ``OutputError`` naming the fix."""
    with atomic_target(path) as temporary:
        with temporary.open("w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())


@contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` (for a writer that wants a file name, like the xlsx
    writer), renamed to ``path`` when the block ends without error, removed otherwise. The
    file gets the user's umask (mkstemp alone makes it 0600, unreadable to colleagues and
    services). An OSError becomes an ``OutputError`` naming the fix."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.fchmod(handle, 0o666 & ~_umask())
        os.close(handle)
        temporary = Path(name)
        yield temporary
        os.replace(temporary, path)
    except OSError as error:
        if temporary:
            temporary.unlink(missing_ok=True)
        raise OutputError(path, _WRITE_FIXES.get(error.errno, error.strerror or str(error))) from error
    except BaseException:
        if temporary:
            temporary.unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it: put it straight back
    os.umask(mask)
    return mask


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
