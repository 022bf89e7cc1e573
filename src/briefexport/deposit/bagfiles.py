"""BagIt tag files (RFC 8493): the declaration, manifests, ``bag-info.txt`` and ``fetch.txt``.

Written: UTF-8 without a byte-order mark, LF line ends, manifest lines ``checksum  path`` sorted
by path, paths percent-encoded where section 2.1.3 asks (``%``, CR and LF), one
``Label: value`` line per tag (values on one line: folding is optional and would change them).
Read: LF, CR LF or CR line ends, any run of spaces or tabs between checksum and path (and
between the three fields of a ``fetch.txt`` line, section 2.2.3), folded tag values
(continuation lines start with a space or tab). Paths are compared in Unicode NFC.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol


class Hash(Protocol):
    """What the verifier needs of a hashlib object."""

    def update(self, data: bytes, /) -> None: ...

    def hexdigest(self) -> str: ...


BAGIT_VERSION = "1.0"
DECLARATION = f"BagIt-Version: {BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n".encode()
WRITTEN_ALGORITHMS = ("sha256", "sha512")
ALGORITHMS: dict[str, Callable[[], Hash]] = {
    "md5": hashlib.md5,
    "sha1": hashlib.sha1,
    "sha256": hashlib.sha256,
    "sha512": hashlib.sha512,
}
# RFC 8493 section 2.2.2: reserved tags that may appear only once (labels compared in lower case).
NOT_REPEATABLE = frozenset(
    {"bagging-date", "bag-size", "payload-oxum", "bag-group-identifier", "bag-count"}
)
_LINE_END = re.compile(r"\r\n|\r|\n")
_ENCODED = re.compile(r"%(25|0[aAdD])")
_ENCODED_LINE_ENDS = re.compile(r"%(0[aAdD])")
_MANIFEST_LINE = re.compile(r"([0-9A-Fa-f]+)[ \t]+(.+)")
_TAG_LINE = re.compile(r"([^:\s][^:]*?)[ \t]*:[ \t]*(.*)")
_OXUM = re.compile(r"([0-9]+)\.([0-9]+)")
_FETCH_LINE = re.compile(r"(\S+)[ \t]+([0-9]+|-)[ \t]+(.+)")


@dataclass(frozen=True, slots=True)
class Entry:
    """One manifest line: where it is, the checksum (lower case) and the decoded path."""

    line: int
    checksum: str
    path: str


@dataclass(frozen=True, slots=True)
class FetchEntry:
    """One ``fetch.txt`` line: where it is, the URL, the length (None: "-") and the decoded path."""

    line: int
    url: str
    length: int | None
    path: str


@dataclass(frozen=True, slots=True)
class Tag:
    """One ``Label: value`` of a tag file, with the line it starts on."""

    line: int
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class LineProblem:
    """A malformed line of a tag file."""

    line: int
    message: str


def digest(algorithm: str, data: bytes) -> str:
    """The hexadecimal checksum of ``data``."""
    hasher = ALGORITHMS[algorithm]()
    hasher.update(data)
    return hasher.hexdigest()


def encode_path(path: str) -> str:
    """A file path as a manifest writes it."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def decode_path(text: str, version: str) -> str:
    """A manifest's file path as the file is named, in a bag of BagIt ``version``.

    BagIt 1.0 encodes ``%``, CR and LF. The drafts before it (0.97, which bagit-python still
    declares) encode nothing, and bagit-python encodes CR and LF only: in such a bag ``%25`` is
    part of the file's own name."""
    pattern = _ENCODED_LINE_ENDS if version.startswith("0.") else _ENCODED
    return pattern.sub(lambda match: chr(int(match.group(1), 16)), text)


def path_key(path: str) -> str:
    """A path as compared: one name in NFC or NFD is one file (file systems differ in the form)."""
    return unicodedata.normalize("NFC", path)


def manifest(files: Mapping[str, bytes], algorithm: str) -> bytes:
    """A (tag) manifest of ``files`` (path relative to the bag, bytes), sorted by path."""
    lines = (
        f"{digest(algorithm, data)}  {encode_path(path)}\n" for path, data in sorted(files.items())
    )
    return "".join(lines).encode()


def tag_file(tags: list[tuple[str, str]]) -> bytes:
    """``Label: value`` lines; whitespace runs in a value (line breaks too) become one space."""
    return "".join(f"{label}: {' '.join(value.split())}\n" for label, value in tags).encode()


def payload_oxum(sizes: list[int]) -> str:
    """``octets.files``, RFC 8493 section 2.2.2."""
    return f"{sum(sizes)}.{len(sizes)}"


def bag_size(octets: int) -> str:
    """A human-readable size in decimal units: "812 B", "4.2 kB", "1.7 MB"."""
    if octets < 1000:
        return f"{octets} B"
    value, unit = octets / 1000, "kB"
    for larger in ("MB", "GB", "TB"):
        if value < 1000:
            break
        value, unit = value / 1000, larger
    return f"{value:.1f} {unit}"


def split_lines(text: str) -> list[str]:
    """Lines of a tag file; a final line end does not start an empty line."""
    lines = _LINE_END.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def parse_manifest(
    text: str, algorithm: str, version: str
) -> tuple[list[Entry], list[LineProblem]]:
    """The entries of a manifest of a bag of BagIt ``version`` and its malformed lines."""
    width = len(digest(algorithm, b""))
    entries: list[Entry] = []
    problems: list[LineProblem] = []
    for number, line in enumerate(split_lines(text), 1):
        match = _MANIFEST_LINE.fullmatch(line)
        if match is None or len(match.group(1)) != width:
            problems.append(LineProblem(number, f"not a '{algorithm} checksum, path' line"))
            continue
        path = decode_path(match.group(2), version)
        entries.append(Entry(number, match.group(1).lower(), path))
    return entries, problems


def parse_fetch(text: str, version: str) -> tuple[list[FetchEntry], list[LineProblem]]:
    """The entries of ``fetch.txt`` of a bag of BagIt ``version`` and its malformed lines."""
    entries: list[FetchEntry] = []
    problems: list[LineProblem] = []
    for number, line in enumerate(split_lines(text), 1):
        match = _FETCH_LINE.fullmatch(line)
        if match is None:
            problems.append(LineProblem(number, "not a 'URL length path' line"))
            continue
        url, length, path = match.groups()
        size = None if length == "-" else int(length)
        entries.append(FetchEntry(number, url, size, decode_path(path, version)))
    return entries, problems


def parse_tags(text: str) -> tuple[list[Tag], list[LineProblem]]:
    """The tags of ``bagit.txt`` or ``bag-info.txt`` and its malformed lines."""
    tags: list[Tag] = []
    problems: list[LineProblem] = []
    for number, line in enumerate(split_lines(text), 1):
        if not line.strip():
            continue  # a blank line carries no tag
        if line[:1] in (" ", "\t") and tags:
            last = tags[-1]
            tags[-1] = Tag(last.line, last.label, f"{last.value} {line.strip()}")
            continue
        match = _TAG_LINE.fullmatch(line)
        if match is None:
            problems.append(LineProblem(number, "not a 'Label: value' line"))
            continue
        tags.append(Tag(number, match.group(1), match.group(2).strip()))
    return tags, problems


def parse_oxum(value: str) -> tuple[int, int] | None:
    """Octets and file count of a Payload-Oxum, or None when it is malformed."""
    match = _OXUM.fullmatch(value.strip())
    return (int(match.group(1)), int(match.group(2))) if match else None
