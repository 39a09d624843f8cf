"""OpenDocument text (.odt), legacy Word 97-2003 (.doc) and RTF (.rtf), and OpenDocument
spreadsheets (.ods), read through LibreOffice: it converts a document to .docx, which the
Word reader then reads, and a spreadsheet to .xlsx, which the Excel reader reads, so these
formats give exactly what their Microsoft equivalent gives (merged cells, shading, header
rows, nested tables; fills, date cells, hidden rows). The Document keeps the source's path
and format.

LibreOffice is optional (it is large): without it these suffixes are one clear error
and everything else still works. Each conversion runs in its own temporary folder with
its own LibreOffice profile, so parallel workers never share (and lock) one profile,
and the source is copied in so LibreOffice leaves no lock file beside it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..errors import DocumentLoadError
from . import docx, xlsx
from .base import Backend, Document

TIMEOUT_ENV = "ACTIONPLAN_SOFFICE_TIMEOUT"  # seconds one conversion may take
DEFAULT_TIMEOUT = 120.0
DEBIAN_PACKAGE = "libreoffice-writer-nogui"  # documents; spreadsheets need Calc too
CALC_PACKAGE = "libreoffice-calc-nogui"
# suffix -> (LibreOffice's export filter, the suffix it writes, the reader of that file)
_SPREADSHEET = ("xlsx:Calc MS Excel 2007 XML", ".xlsx", xlsx.extract)
_DOCUMENT = ("docx:MS Word 2007 XML", ".docx", docx.extract)
CONVERSIONS = {".odt": _DOCUMENT, ".doc": _DOCUMENT, ".rtf": _DOCUMENT, ".ods": _SPREADSHEET}
# LibreOffice writes a date cell kept in "the system's short date" (Excel's format 14, an
# .ods date style with automatic order) in the order of its locale, taken from the
# environment: a UK council's Calc shows 31/10/2012, so convert as en-GB, whatever this
# machine's locale (en-US would write 10/31/2012, which no UK plan means). LibreOffice
# carries its own locale data: the system need not have en_GB generated.
_CONVERSION_LOCALE = {"LC_ALL": "en_GB.UTF-8", "LANG": "en_GB.UTF-8"}


def find_soffice() -> str | None:
    """The LibreOffice executable on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def conversion_timeout() -> float:
    try:
        seconds = float(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT
    return seconds if seconds > 0 else DEFAULT_TIMEOUT


def extract(path: Path) -> Document:
    soffice = find_soffice()
    suffix = path.suffix.lower()
    target, written, read = CONVERSIONS[suffix]
    package = CALC_PACKAGE if written == ".xlsx" else DEBIAN_PACKAGE
    if soffice is None:
        raise DocumentLoadError(
            path, f"reading {suffix} files needs LibreOffice, which is not installed (Debian/Ubuntu: "
                  f"apt-get install {package}); .docx, .xlsx, .pdf, .html and text plans are read without it")
    with tempfile.TemporaryDirectory(prefix="actionplan-office-") as folder:
        folder = Path(folder)
        source = folder / f"source{suffix}"
        try:
            shutil.copyfile(path, source)
        except OSError as error:
            raise DocumentLoadError(path, error.strerror or str(error)) from error
        converted = _convert(soffice, source, folder, path, target, written, package)
        try:
            document = read(converted)
        except DocumentLoadError as error:
            raise DocumentLoadError(path, f"converted by LibreOffice, but {error.cause}") from error
    document.path = path
    document.format = suffix[1:]  # "odt" | "doc" | "rtf" | "ods"
    return document


def _convert(soffice: str, source: Path, folder: Path, original: Path, target: str, written: str,
             package: str) -> Path:
    """Run LibreOffice on ``source`` with the export filter ``target``; the file it writes
    (``written`` its suffix), or a DocumentLoadError."""
    out = folder / "out"
    command = [
        soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
        "--nolockcheck", "--convert-to", target, "--outdir", str(out), str(source),
    ]
    timeout = conversion_timeout()
    # A session of its own, so a conversion that hangs is ended with every process it
    # started (soffice starts soffice.bin), not just the launcher.
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True,
                               env={**os.environ, **_CONVERSION_LOCALE})
    try:
        _, errors = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise DocumentLoadError(
            original, f"LibreOffice did not finish converting it in {timeout:g} s; "
                      f"set {TIMEOUT_ENV} to allow longer") from None
    converted = out / f"{source.stem}{written}"
    if not converted.exists():
        said = next((line.strip() for line in reversed(errors.decode("utf-8", "replace").splitlines())
                     if line.strip()), "")
        detail = f" ({said[:120]})" if said else ""
        # LibreOffice without Calc has no spreadsheet filter: it says "no export filter".
        hint = f" or {package} is not installed" if written == ".xlsx" else ""
        raise DocumentLoadError(
            original, f"LibreOffice could not convert it{detail}: the file may be damaged or password-protected"
                      f"{hint}")
    return converted


class OfficeBackend(Backend):
    suffixes = (".odt", ".doc", ".rtf", ".ods")
    pages_cut_rows = False

    def load(self, path: Path, ocr=None) -> Document:
        return extract(path)
