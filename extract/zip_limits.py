"""Zip bombs in Office packages (Word, Excel): refused from the sizes the zip directory
declares, before anything is inflated (zipfile never inflates a member past its declared
size)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import DocumentLoadError

_MAX_MEMBER = 512 << 20
_MAX_PACKAGE = 1 << 30
_MAX_RATIO, _RATIO_FROM = 200, 16 << 20  # Office XML inflates 10-40x; a bomb a thousandfold


def check_sizes(path: Path) -> None:
    """Refuse a package whose members would inflate past what any plan needs."""
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise DocumentLoadError(path, f"damaged zip package ({error})") from error
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _MAX_MEMBER or (member.file_size > _RATIO_FROM and ratio > _MAX_RATIO):
            raise DocumentLoadError(path, f"{member.filename} inflates {ratio:.0f}x to {member.file_size >> 20} MiB "
                                          "(a zip bomb, or a damaged file): not read")
    if sum(member.file_size for member in members) > _MAX_PACKAGE:
        raise DocumentLoadError(path, f"the package inflates to more than {_MAX_PACKAGE >> 30} GiB: not read")
