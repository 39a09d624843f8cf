"""Finding plan files and writing results: the batch side of the library."""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping
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


class PlanFiles(Mapping):
    """The inputs of a batch, each with the name of its JSON output, in input order: a
    read-only ``{Path: str}`` that keeps its text on disk, not in memory. Ten thousand
    ``Path`` objects and their names are about 6 MiB in the parent, and the freed
    temporaries of making them (rglob's, sorted's) leave the allocator's arenas fragmented:
    memory that grew with the archive. Here each input costs 24 bytes of arrays (where
    its record starts, and a slot of a hash table from the path to its position).

    ``index(path)`` is the position of an input, the key the batch outputs keep their
    spool offsets under (an outcome brings back a copy of its path from the worker)."""

    def __init__(self, pairs: Iterable[tuple[Path, str]] = ()) -> None:
        # unbuffered: records are read back between writes (os.pread is not on Windows)
        self._file = tempfile.TemporaryFile(prefix=".actionplan-inputs-", buffering=0)
        self._starts = array("q", [0])  # record i is bytes _starts[i] to _starts[i + 1]
        self._slots = array("q", [-1]) * 8  # open addressing: positions (-1 empty), at most half full
        for path, name in pairs:
            if path in self:  # the first name given a path stands, as dict.setdefault
                continue
            record = f"{path}\0{name}".encode("utf-8", "surrogateescape")
            self._file.seek(self._starts[-1])
            self._file.write(record)
            self._starts.append(self._starts[-1] + len(record))
            self._insert(len(self) - 1, str(path))

    def _insert(self, position: int, text: str) -> None:
        if len(self) > len(self._slots) // 2:
            old, self._slots = self._slots, array("q", [-1]) * (len(self._slots) * 2)
            for moved in (slot for slot in old if slot >= 0):
                self._slots[self._free_slot(self._record(moved)[0])] = moved
        self._slots[self._free_slot(text)] = position

    def _free_slot(self, text: str) -> int:
        slot, mask = hash(text) & (len(self._slots) - 1), len(self._slots) - 1
        while self._slots[slot] >= 0:
            slot = (slot + 1) & mask
        return slot

    def _record(self, position: int) -> tuple[str, str]:
        start, end = self._starts[position], self._starts[position + 1]
        self._file.seek(start)
        text = self._file.read(end - start).decode("utf-8", "surrogateescape")
        path, name = text.split("\0", 1)
        return path, name

    def index(self, path: Path) -> int:
        """The position of ``path`` among the inputs (KeyError: not one of them)."""
        text = str(path)
        slot, mask = hash(text) & (len(self._slots) - 1), len(self._slots) - 1
        while (position := self._slots[slot]) >= 0:
            if self._record(position)[0] == text:
                return position
            slot = (slot + 1) & mask
        raise KeyError(path)

    def __getitem__(self, path: Path) -> str:
        return self._record(self.index(path))[1]

    def __contains__(self, path: object) -> bool:
        try:
            self.index(path)  # type: ignore[arg-type]
        except KeyError:
            return False
        return True

    def __len__(self) -> int:
        return max(0, len(self._starts) - 1)

    def __iter__(self) -> Iterator[Path]:
        return (Path(self._record(position)[0]) for position in range(len(self)))

    def items(self) -> Iterator[tuple[Path, str]]:  # type: ignore[override]
        for position in range(len(self)):
            path, name = self._record(position)
            yield Path(path), name

    def __reduce__(self):  # to a Dask client or worker process: as pairs, rebuilt there
        return PlanFiles, (list(self.items()),)


def find_plans(paths: list[Path], extra_suffixes: tuple[str, ...] = ()) -> PlanFiles:
    """Files to convert, each with the name of its JSON output.

    A file given directly writes ``<stem>.json``; files found in a folder keep
    their place below it (``samples/docx/x.docx`` -> ``docx/x.json``). Where two
    inputs would still write the same name (``plan.txt`` and ``plan.md`` side by
    side) both keep their suffix: ``plan.txt.json``, ``plan.md.json``.

    An archive is tens of thousands of files: they go to disk (``PlanFiles``) as they are
    found, and the passes that rename clashing names read them back from there.
    """
    suffixes = SUPPORTED_SUFFIXES + extra_suffixes
    found = PlanFiles(_found(_expand_globs(paths), suffixes))
    # Names are compared case-blind: on Windows and macOS "Plan.json" and "plan.json" are one file.
    clashing = _repeated(found)
    if clashing:
        found = PlanFiles((file, str(Path(name).with_name(file.name)) if _key(name) in clashing else name)
                          for file, name in found.items())
    # Still the same (the same file name in two folders given one by one): numbered, in input order.
    repeated, taken = _repeated(found), Counter()

    def numbered(name: str) -> str:
        if _key(name) not in repeated:
            return f"{name}.json"
        taken[_key(name)] += 1
        return f"{name}.json" if taken[_key(name)] == 1 else f"{name}-{taken[_key(name)]}.json"

    return PlanFiles((file, numbered(name)) for file, name in found.items())


def _found(paths: list[Path], suffixes: tuple[str, ...]) -> Iterator[tuple[Path, str]]:
    """(file, its output name without .json) for each input, in the order rglob's sorted
    paths had: a folder's entries by name, each folder's files where its name sorts."""
    for path in paths:
        if path.is_dir():
            for relative in _walk(path, ""):
                suffix = Path(relative).suffix
                if suffix.lower() in suffixes:
                    yield path / relative, relative[: -len(suffix)] if suffix else relative
        else:
            yield path, path.stem


def _walk(folder: Path, prefix: str) -> Iterator[str]:
    """Paths below ``folder`` (relative, as strings) of everything but folders. Not only
    regular files: a FIFO or device named like a plan is reported, not skipped. Symbolic
    links to folders are neither followed nor listed, as rglob."""
    try:
        with os.scandir(folder / prefix if prefix else folder) as scan:
            entries = sorted((entry.name, _is_folder(entry), entry.is_symlink()) for entry in scan)
    except OSError:
        return
    for name, is_folder, is_link in entries:
        if is_folder and not is_link:
            yield from _walk(folder, f"{prefix}{name}/")
        elif not is_folder:
            yield prefix + name


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _repeated(found: PlanFiles) -> set[str]:
    """The case-blind names more than one input has. Two passes over the names on disk: a
    bitmap of hashes seen once and twice (constant memory), then the exact names of the
    few whose hash was seen twice."""
    bits = 1 << 23
    once, twice = bytearray(bits // 8), bytearray(bits // 8)
    for _, name in found.items():
        slot = hash(_key(name)) % bits
        byte, bit = slot >> 3, 1 << (slot & 7)
        if once[byte] & bit:
            twice[byte] |= bit
        once[byte] |= bit
    suspects: Counter[str] = Counter()
    for _, name in found.items():
        slot = hash(_key(name)) % bits
        if twice[slot >> 3] & (1 << (slot & 7)):
            suspects[_key(name)] += 1
    return {key for key, count in suspects.items() if count > 1}


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
