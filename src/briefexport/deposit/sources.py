"""Read a package to verify, zipped or unpacked, without trusting it.

A zip is never extracted: each entry is read as a stream from the archive and hashed, so no
entry name can place a file anywhere. Entries are still checked and refused, with a finding,
when their names are absolute, hold ``..``, empty or ``.`` segments, backslashes or control
characters, appear twice, are symbolic links or are encrypted. Sizes are bounded
(:data:`MAX_ENTRIES`, :data:`MAX_TOTAL_BYTES`; tag files, read whole, :data:`MAX_TAG_BYTES`), and
a stream never yields more than the size its entry declares. A serialized bag holds exactly one
top folder, the bag (RFC 8493 section 4). In a folder, symbolic links are reported, never
followed.
"""

from __future__ import annotations

import os
import stat
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from ..errors import BriefexportError

MAX_ENTRIES = 100_000
MAX_TOTAL_BYTES = 32 * 2**30
MAX_TAG_BYTES = 64 * 2**20


class PackageError(BriefexportError):
    """The package cannot be read at all (not a zip or folder, unreadable, too large)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem of the package at a path inside the bag ("" is the bag itself)."""

    path: str
    message: str
    line: int | None = None


class NotABagError(BriefexportError):
    """The package is readable but no bag can be found in it."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


class Package(Protocol):
    """Files of a bag, by path relative to the bag's base folder, with findings made on reading."""

    findings: list[Finding]

    def sizes(self) -> dict[str, int]:
        """Regular files and their sizes."""
        ...

    def folders(self) -> set[str]:
        """Folders (with or without files)."""
        ...

    def open(self, path: str) -> IO[bytes]:
        """A binary stream of one file."""
        ...

    def where(self, path: str) -> str:
        """The path as printed: the package, then the path inside it."""
        ...


def read_small(package: Package, path: str) -> bytes:
    """A tag file's bytes; refuses (PackageError, a message about the file) a tag file larger
    than :data:`MAX_TAG_BYTES`."""
    if package.sizes()[path] > MAX_TAG_BYTES:
        raise PackageError(f"larger than {MAX_TAG_BYTES} bytes, the most a tag file may have")
    with package.open(path) as stream:
        return stream.read(MAX_TAG_BYTES + 1)


def unsafe_name(name: str) -> str | None:
    """Why a zip entry's name cannot be trusted, or None."""
    if any(unicodedata.category(char).startswith("C") for char in name):
        return "path with a control character"
    return unsafe_path(name)


def unsafe_path(name: str) -> str | None:
    """Why a path cannot name a file inside the bag, or None. A manifest may name a file with
    CR or LF in it (percent-encoded, RFC 8493 section 2.1.3), so control characters pass."""
    parts = name.rstrip("/").split("/")
    if name.startswith("/") or "\\" in name or (parts[0][1:2] == ":"):
        return "absolute or non-POSIX path"
    if any(part in ("", ".", "..") for part in parts):
        return "path with an empty, '.' or '..' segment"
    return None


@dataclass
class ZipPackage:
    """A bag serialized as a zip, read entry by entry."""

    label: str
    archive: zipfile.ZipFile
    top: str = ""
    entries: dict[str, zipfile.ZipInfo] = field(default_factory=dict)
    directories: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)

    def sizes(self) -> dict[str, int]:
        return {path: info.file_size for path, info in self.entries.items()}

    def folders(self) -> set[str]:
        return self.directories

    def open(self, path: str) -> IO[bytes]:
        return self.archive.open(self.entries[path])

    def where(self, path: str) -> str:
        return f"{self.label}/{self.top}/{path}" if path else self.label


@dataclass
class FolderPackage:
    """A bag as a folder on disk."""

    label: str
    base: Path
    files: dict[str, int] = field(default_factory=dict)
    directories: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)

    def sizes(self) -> dict[str, int]:
        return self.files

    def folders(self) -> set[str]:
        return self.directories

    def open(self, path: str) -> IO[bytes]:
        return (self.base / path).open("rb")

    def where(self, path: str) -> str:
        return f"{self.label}/{path}" if path else self.label


def open_folder(path: Path, label: str) -> FolderPackage:
    """Every regular file below ``path``; links and special files become findings."""
    package = FolderPackage(label.rstrip("/") or label, path)
    for folder, subfolders, names in os.walk(path, followlinks=False, onerror=_raise):
        relative = Path(folder).relative_to(path).as_posix()
        prefix = "" if relative == "." else f"{relative}/"
        for name in [*subfolders, *names]:
            _add_folder_entry(package, f"{prefix}{name}")
    return package


def _add_folder_entry(package: FolderPackage, relative: str) -> None:
    mode = os.lstat(package.base / relative).st_mode
    if stat.S_ISLNK(mode):
        package.findings.append(Finding(relative, "symbolic link, not followed"))
    elif stat.S_ISDIR(mode):
        package.directories.add(relative)
    elif stat.S_ISREG(mode):
        package.files[relative] = os.lstat(package.base / relative).st_size
    else:
        package.findings.append(Finding(relative, "not a regular file"))


def _raise(error: OSError) -> None:
    raise PackageError(f"{error.filename}: cannot be read: {error.strerror}")


def open_zip(archive: zipfile.ZipFile, label: str) -> ZipPackage:
    """The bag inside a zip: its one top folder, with every entry checked."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES or sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
        raise PackageError(
            f"too large to verify: more than {MAX_ENTRIES} entries or {MAX_TOTAL_BYTES} bytes"
        )
    package = ZipPackage(label, archive, top=_top_folder(infos, label))
    seen: set[str] = set()
    for info in infos:
        _add_zip_entry(package, info, seen)
    return package


def _top_folder(infos: list[zipfile.ZipInfo], label: str) -> str:
    safe = [info for info in infos if unsafe_name(info.filename) is None]
    tops = {info.filename.split("/")[0] for info in safe}
    loose = [info for info in safe if "/" not in info.filename.rstrip("/") and not info.is_dir()]
    if len(tops) != 1 or loose:
        found = ", ".join(sorted(tops)[:5]) or "nothing"
        message = f"a serialized bag holds exactly one top folder, the bag; found {found}"
        raise NotABagError(Finding("", message))
    return tops.pop()


def _add_zip_entry(package: ZipPackage, info: zipfile.ZipInfo, seen: set[str]) -> None:
    name = info.filename
    problem = unsafe_name(name) or _zip_entry_problem(info, name in seen)
    seen.add(name)
    if problem:
        package.findings.append(Finding("", f"zip entry {name!r}: {problem}; not read"))
        return
    inside = name[len(package.top) + 1 :].rstrip("/")
    if info.is_dir():
        if inside:
            package.directories.add(inside)
    else:
        package.entries[inside] = info
        parts = inside.split("/")[:-1]
        package.directories.update("/".join(parts[: n + 1]) for n in range(len(parts)))


def _zip_entry_problem(info: zipfile.ZipInfo, repeated: bool) -> str | None:
    if repeated:
        return "appears more than once in the zip"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "symbolic link"
    if info.flag_bits & 0x1:
        return "encrypted"
    return None
