"""Check a bag's ``fetch.txt`` (RFC 8493 section 2.2.3) against its payload, fetching nothing.

Each line is ``URL length path``: the URL absolute (RFC 3986: it starts with a scheme), the
length a number of octets or ``-``, the path percent-encoded like a manifest's. Every file it
names is a payload file (a fetch file lists no tag files) and is listed in every payload
manifest; it names each file once. A named file that is present has the length given; one that
is absent is reported missing where the manifests list it, never downloaded. Paths are only
compared with the files found, never opened, so ``..`` or an absolute path reads nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from .bagfiles import FetchEntry, parse_fetch, path_key
from .sources import Finding, unsafe_path

FETCH = "fetch.txt"
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True, slots=True)
class Listing:
    """A payload manifest as the fetch check needs it: its name and the paths (keys) it lists."""

    name: str
    keys: Collection[str]


@dataclass(frozen=True, slots=True)
class FetchCheck:
    """The problems of ``fetch.txt`` and the line naming each file (by key) it names."""

    findings: list[Finding]
    named: dict[str, int]


def check_fetch(
    text: str, version: str, listings: Sequence[Listing], sizes: Mapping[str, int]
) -> FetchCheck:
    """Check ``fetch.txt`` (text, of a bag of BagIt ``version``) against the payload manifests
    and the sizes of the files present (both by key, :func:`.path_key`)."""
    entries, malformed = parse_fetch(text, version)
    result = FetchCheck([Finding(FETCH, p.message, p.line) for p in malformed], {})
    for entry in entries:
        messages = _problems(entry, result.named, listings, sizes)
        result.findings.extend(Finding(FETCH, message, entry.line) for message in messages)
        result.named.setdefault(path_key(entry.path), entry.line)
    return result


def _problems(
    entry: FetchEntry,
    named: Mapping[str, int],
    listings: Sequence[Listing],
    sizes: Mapping[str, int],
) -> list[str]:
    problems = [] if _SCHEME.match(entry.url) else [f"URL {entry.url!r} is not absolute"]
    unsafe = unsafe_path(entry.path)
    if unsafe:
        return [*problems, f"{entry.path!r}: {unsafe}"]
    if not entry.path.startswith("data/"):
        return [*problems, f"names {entry.path}, outside data/: it may name payload files only"]
    key = path_key(entry.path)
    if key in named:
        problems.append(f"names {entry.path} again (first on line {named[key]})")
    absent = [listing.name for listing in listings if key not in listing.keys]
    if absent:
        problems.append(f"names {entry.path}, not listed in {', '.join(absent)}")
    if key in sizes and entry.length is not None and sizes[key] != entry.length:
        problems.append(f"gives {entry.path} {entry.length} bytes; it has {sizes[key]}")
    return problems
