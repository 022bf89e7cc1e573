"""Verify a BagIt bag, zipped or unpacked: complete and valid (RFC 8493 section 3).

Complete: ``bagit.txt`` in its exact form and ``bag-info.txt``, where present, well formed with
its Payload-Oxum agreeing with the payload (:mod:`.tagchecks`); a ``data/`` folder; at least
one payload manifest; every payload file listed in every payload manifest and every listed file
present; every manifest line well formed, naming a file inside the bag once (payload manifests
inside ``data/``; tag manifests no tag manifest); ``fetch.txt``, where present, naming only
files every payload manifest lists (:mod:`.fetchfile`). Valid: every checksum of every payload
and tag manifest matches its file.

Bags of BagIt 0.93 to 1.0 are read, so bags made by bagit-python (which declares 0.97) verify
too. Tag manifests need not list every tag file. Files named in ``fetch.txt`` are never fetched
(no network): they count as missing until present. Findings name the file inside the package,
one per line: control characters in a path (a file may have CR or LF in its name) are printed
percent-encoded, as a manifest writes them. Nothing is extracted (see :mod:`.sources`).
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .bagfiles import ALGORITHMS, Entry, parse_manifest, path_key
from .fetchfile import FETCH, Listing, check_fetch
from .sources import (
    Finding,
    NotABagError,
    Package,
    PackageError,
    open_folder,
    open_zip,
    read_small,
    unsafe_path,
)
from .tagchecks import BAG_INFO, BAGIT, bag_info_findings, read_declaration

CHUNK = 2**20
_TAG_MANIFEST = re.compile(r"tagmanifest-[^/]*\.txt")


@dataclass(frozen=True, slots=True)
class Verification:
    """What ``verify`` prints: one line per problem, or a summary of a sound bag."""

    problems: list[str]
    summary: str

    @property
    def ok(self) -> bool:
        """True when the bag is complete and valid."""
        return not self.problems


@dataclass
class Manifest:
    """A (tag) manifest: its file name, algorithm and entries by normalised path."""

    name: str
    algorithm: str
    entries: dict[str, Entry] = field(default_factory=dict)


def verify(path: Path, label: str | None = None) -> Verification:
    """Verify the bag at ``path`` (a zip or a folder); raises PackageError if unreadable."""
    label = label or str(path)
    if path.is_dir():
        return BagCheck(open_folder(path, label)).run()
    try:
        archive = zipfile.ZipFile(path)
    except OSError as error:
        raise PackageError(f"cannot be read: {error.strerror}") from None
    except zipfile.BadZipFile as error:
        raise PackageError(f"neither a folder nor a readable zip: {error}") from None
    with archive:
        try:
            package = open_zip(archive, label)
        except NotABagError as error:
            return Verification([printable(f"{label}: error: {error.finding.message}")], "")
        return BagCheck(package).run()


def printable(line: str) -> str:
    """The line with each control character or line separator percent-encoded (UTF-8)."""
    return "".join(quote(char) if _breaks(char) else char for char in line)


def _breaks(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Zl", "Zp")


def _entry_problem(entry: Entry, manifest: Manifest, payload: bool) -> str | None:
    unsafe = unsafe_path(entry.path)
    if unsafe:
        return f"{entry.path!r}: {unsafe}"
    if payload and not entry.path.startswith("data/"):
        return f"lists {entry.path}, outside data/"
    if not payload and _TAG_MANIFEST.fullmatch(entry.path):
        return f"lists {entry.path}: a tag manifest lists no tag manifest"
    if path_key(entry.path) in manifest.entries:
        return f"lists {entry.path} twice"
    return None


class BagCheck:
    """One verification run over one package, collecting findings."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self.sizes = package.sizes()
        self.findings = list(package.findings)
        self.by_key: dict[str, str] = {}
        for path in sorted(self.sizes):
            twin = self.by_key.setdefault(path_key(path), path)
            if twin != path:
                self.add(path, f"the same name as {twin} in Unicode NFC: one of them is unchecked")
        self.encoding = "utf-8"
        self.version = "?"

    def add(self, path: str, message: str, line: int | None = None) -> None:
        self.findings.append(Finding(path, message, line))

    def run(self) -> Verification:
        """Every check; the findings rendered one per line."""
        self.read_declaration()
        payload = {path: size for path, size in self.sizes.items() if path.startswith("data/")}
        if "data" not in self.package.folders():
            self.add("data", "missing: a bag keeps its payload in data/")
        manifests = self.read_manifests("manifest")
        if not manifests:
            self.add("", "no payload manifest (manifest-<algorithm>.txt)")
        fetched = self.check_fetch(manifests)
        self.check_listing(payload, manifests, fetched)
        tag_manifests = self.read_manifests("tagmanifest")
        self.check_present(tag_manifests, {})
        self.check_fixity([*manifests, *tag_manifests])
        self.check_bag_info(payload)
        return self.report(payload, manifests)

    def report(self, payload: dict[str, int], manifests: list[Manifest]) -> Verification:
        lines = [self.render(finding) for finding in self.findings]
        algorithms = ", ".join(manifest.algorithm for manifest in manifests)
        summary = (
            f"{self.package.where('')}: complete and valid BagIt {self.version} bag,"
            f" {len(payload)} payload files ({sum(payload.values())} bytes), {algorithms}"
        )
        return Verification(lines, printable(summary))

    def render(self, finding: Finding) -> str:
        where = self.package.where(finding.path)
        if finding.line is not None:
            where = f"{where}:{finding.line}:1"
        return printable(f"{where}: error: {finding.message}")

    def read_text(self, path: str) -> str | None:
        """A tag file decoded with the bag's declared encoding, or None after a finding."""
        try:
            return read_small(self.package, path).decode(self.encoding)
        except UnicodeDecodeError as error:
            self.add(path, f"not valid {self.encoding} (byte {error.start})")
        except (OSError, zipfile.BadZipFile, zlib.error, EOFError) as error:
            self.add(path, f"cannot be read: {error}")
        except PackageError as error:
            self.add(path, f"{error}; not read")
        return None

    def read_declaration(self) -> None:
        """``bagit.txt``, always UTF-8: the version and the other tag files' encoding."""
        if BAGIT not in self.sizes:
            self.add(BAGIT, "missing: every bag declares itself in bagit.txt")
            return
        text = self.read_text(BAGIT)
        if text is None:
            return
        declaration = read_declaration(text)
        self.findings += declaration.findings
        self.version, self.encoding = declaration.version, declaration.encoding

    def read_manifests(self, kind: str) -> list[Manifest]:
        """Every ``<kind>-<algorithm>.txt`` in the bag's base folder."""
        found = []
        for path in sorted(self.sizes):
            match = re.fullmatch(rf"{kind}-([A-Za-z0-9-]+)\.txt", path)
            if match is None:
                continue
            if match.group(1) not in ALGORITHMS:
                known = ", ".join(ALGORITHMS)
                self.add(path, f"checksum algorithm {match.group(1)!r} not supported ({known})")
                continue
            text = self.read_text(path)
            if text is not None:
                found.append(self.parse_manifest(path, match.group(1), text, kind == "manifest"))
        return found

    def parse_manifest(self, name: str, algorithm: str, text: str, payload: bool) -> Manifest:
        entries, malformed = parse_manifest(text, algorithm, self.version)
        for line in malformed:
            self.add(name, line.message, line.line)
        manifest = Manifest(name, algorithm)
        for entry in entries:
            problem = _entry_problem(entry, manifest, payload)
            if problem:
                self.add(name, problem, entry.line)
            else:
                manifest.entries[path_key(entry.path)] = entry
        return manifest

    def check_fetch(self, manifests: list[Manifest]) -> dict[str, int]:
        """``fetch.txt`` against the payload manifests: the line naming each file (by key)."""
        text = self.read_text(FETCH) if FETCH in self.sizes else None
        if text is None:
            return {}
        listings = [Listing(manifest.name, manifest.entries.keys()) for manifest in manifests]
        sizes = {key: self.sizes[path] for key, path in self.by_key.items()}
        result = check_fetch(text, self.version, listings, sizes)
        self.findings += result.findings
        return result.named

    def check_listing(
        self, payload: dict[str, int], manifests: list[Manifest], fetched: dict[str, int]
    ) -> None:
        """Every payload file in every payload manifest; every listed file present."""
        for path in sorted(payload):
            absent = [m.name for m in manifests if path_key(path) not in m.entries]
            if absent:
                self.add(path, f"not listed in {', '.join(absent)}")
        self.check_present(manifests, fetched)

    def check_present(self, manifests: list[Manifest], fetched: dict[str, int]) -> None:
        """Every listed file present; one to fetch says so (``fetch.txt`` and its line)."""
        listed: dict[str, list[str]] = {}
        for manifest in manifests:
            for key, entry in manifest.entries.items():
                if key not in self.by_key:
                    listed.setdefault(entry.path, []).append(manifest.name)
        for path, names in sorted(listed.items()):
            line = fetched.get(path_key(path))
            to_fetch = "" if line is None else f"; not fetched (fetch.txt line {line})"
            self.add(path, f"missing, listed in {', '.join(names)}{to_fetch}")

    def check_fixity(self, manifests: list[Manifest]) -> None:
        """Each present file hashed once with every algorithm a manifest lists it under."""
        claims: dict[str, list[tuple[Manifest, Entry]]] = {}
        for manifest in manifests:
            for key, entry in manifest.entries.items():
                if key in self.by_key:
                    claims.setdefault(self.by_key[key], []).append((manifest, entry))
        for path, listed in sorted(claims.items()):
            digests = self.digests(path, {manifest.algorithm for manifest, _ in listed})
            if digests is None:
                continue
            differ = [m.name for m, entry in listed if digests[m.algorithm] != entry.checksum]
            if differ:
                self.add(path, f"altered: its checksum differs from {', '.join(differ)}")

    def digests(self, path: str, algorithms: set[str]) -> dict[str, str] | None:
        hashers = {algorithm: ALGORITHMS[algorithm]() for algorithm in sorted(algorithms)}
        try:
            with self.package.open(path) as stream:
                while chunk := stream.read(CHUNK):
                    for hasher in hashers.values():
                        hasher.update(chunk)
        except (OSError, zipfile.BadZipFile, zlib.error, EOFError) as error:
            self.add(path, f"cannot be read: {error}")
            return None
        return {algorithm: hasher.hexdigest() for algorithm, hasher in hashers.items()}

    def check_bag_info(self, payload: dict[str, int]) -> None:
        """``bag-info.txt``, where present (:func:`.bag_info_findings`)."""
        text = self.read_text(BAG_INFO) if BAG_INFO in self.sizes else None
        if text is not None:
            self.findings += bag_info_findings(text, payload)
