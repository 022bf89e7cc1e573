"""Verify a BagIt bag, zipped or unpacked: complete and valid (RFC 8493 section 3).

Complete: ``bagit.txt`` well formed; a ``data/`` folder; at least one payload manifest; every
payload file listed in every payload manifest and every listed file present; every manifest
line well formed; ``bag-info.txt``, where present, well formed with its Payload-Oxum agreeing
with the payload. Valid: every checksum of every payload and tag manifest matches its file.

Bags of BagIt 0.93 to 1.0 are read, so bags made by bagit-python (which declares 0.97) verify
too. Tag manifests need not list every tag file. Files named in ``fetch.txt`` are never fetched
(no network): they count as missing until present. Findings name the file inside the package,
one per line; nothing is extracted (see :mod:`.sources`).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from .bagfiles import (
    ALGORITHMS,
    NOT_REPEATABLE,
    Entry,
    parse_manifest,
    parse_oxum,
    parse_tags,
)
from .sources import (
    Finding,
    NotABagError,
    Package,
    PackageError,
    open_folder,
    open_zip,
    read_small,
    unsafe_name,
)

CHUNK = 2**20
DECLARED_LABELS = ["BagIt-Version", "Tag-File-Character-Encoding"]
_VERSION = re.compile(r"(0|1)\.\d+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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
            return Verification([f"{label}: error: {error.finding.message}"], "")
        return BagCheck(package).run()


def _key(path: str) -> str:
    return unicodedata.normalize("NFC", path)


def _entry_problem(entry: Entry, manifest: Manifest, payload: bool) -> str | None:
    unsafe = unsafe_name(entry.path)
    if unsafe:
        return f"{entry.path!r}: {unsafe}"
    if payload and not entry.path.startswith("data/"):
        return f"lists {entry.path}, outside data/"
    if _key(entry.path) in manifest.entries:
        return f"lists {entry.path} twice"
    return None


class BagCheck:
    """One verification run over one package, collecting findings."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self.sizes = package.sizes()
        self.by_key = {_key(path): path for path in self.sizes}
        self.findings = list(package.findings)
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
        self.check_listing(payload, manifests)
        tag_manifests = self.read_manifests("tagmanifest")
        self.check_present(tag_manifests)
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
        return Verification(lines, summary)

    def render(self, finding: Finding) -> str:
        where = self.package.where(finding.path)
        if finding.line is not None:
            where = f"{where}:{finding.line}:1"
        return f"{where}: error: {finding.message}"

    def read_text(self, path: str) -> str | None:
        """A tag file decoded with the bag's declared encoding, or None after a finding."""
        try:
            return read_small(self.package, path).decode(self.encoding)
        except UnicodeDecodeError as error:
            self.add(path, f"not valid {self.encoding} (byte {error.start})")
        except (OSError, zipfile.BadZipFile, zlib.error, EOFError) as error:
            self.add(path, f"cannot be read: {error}")
        return None

    def read_declaration(self) -> None:
        """``bagit.txt``: exactly the version and the tag files' encoding, UTF-8, no BOM."""
        if "bagit.txt" not in self.sizes:
            self.add("bagit.txt", "missing: every bag declares itself in bagit.txt")
            return
        text = self.read_text("bagit.txt")
        if text is None:
            return
        if text.startswith("\ufeff"):
            self.add("bagit.txt", "starts with a byte-order mark")
            text = text[1:]
        tags, problems = parse_tags(text)
        for problem in problems:
            self.add("bagit.txt", problem.message, problem.line)
        if [tag.label for tag in tags] != DECLARED_LABELS:
            self.add("bagit.txt", "must hold BagIt-Version, then Tag-File-Character-Encoding")
            return
        self.check_declared(tags[0].value, tags[1].value)

    def check_declared(self, version: str, encoding: str) -> None:
        if _VERSION.fullmatch(version) is None:
            self.add("bagit.txt", f"BagIt-Version {version!r} is not one this reader knows")
        self.version = version
        try:
            self.encoding = codecs.lookup(encoding).name
        except LookupError:
            self.add("bagit.txt", f"unknown Tag-File-Character-Encoding {encoding!r}")

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
        entries, malformed = parse_manifest(text, algorithm)
        for line in malformed:
            self.add(name, line.message, line.line)
        manifest = Manifest(name, algorithm)
        for entry in entries:
            problem = _entry_problem(entry, manifest, payload)
            if problem:
                self.add(name, problem, entry.line)
            else:
                manifest.entries[_key(entry.path)] = entry
        return manifest

    def check_listing(self, payload: dict[str, int], manifests: list[Manifest]) -> None:
        """Every payload file in every payload manifest; every listed file present."""
        for path in sorted(payload):
            absent = [m.name for m in manifests if _key(path) not in m.entries]
            if absent:
                self.add(path, f"not listed in {', '.join(absent)}")
        self.check_present(manifests)

    def check_present(self, manifests: list[Manifest]) -> None:
        listed: dict[str, list[str]] = {}
        for manifest in manifests:
            for key, entry in manifest.entries.items():
                if key not in self.by_key:
                    listed.setdefault(entry.path, []).append(manifest.name)
        for path, names in sorted(listed.items()):
            self.add(path, f"missing, listed in {', '.join(names)}")

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
        """Well-formed tags, reserved ones not repeated, dates and Payload-Oxum right."""
        text = self.read_text("bag-info.txt") if "bag-info.txt" in self.sizes else None
        if text is None:
            return
        tags, problems = parse_tags(text)
        for problem in problems:
            self.add("bag-info.txt", problem.message, problem.line)
        seen: set[str] = set()
        for tag in tags:
            label = tag.label.lower()
            if label in NOT_REPEATABLE and label in seen:
                self.add("bag-info.txt", f"{tag.label} may appear only once", tag.line)
            seen.add(label)
            self.check_tag_value(label, tag.value, tag.line, payload)

    def check_tag_value(self, label: str, value: str, line: int, payload: dict[str, int]) -> None:
        if label == "bagging-date" and _DATE.fullmatch(value) is None:
            self.add("bag-info.txt", f"Bagging-Date {value!r} is not YYYY-MM-DD", line)
        if label != "payload-oxum":
            return
        oxum = parse_oxum(value)
        actual = (sum(payload.values()), len(payload))
        if oxum is None:
            self.add("bag-info.txt", f"Payload-Oxum {value!r} is not octets.files", line)
        elif oxum != actual:
            found = f"{actual[0]}.{actual[1]}"
            self.add("bag-info.txt", f"Payload-Oxum is {value}, the payload {found}", line)
