"""Check a bag's declaration (``bagit.txt``, RFC 8493 section 2.1.1) and ``bag-info.txt`` (2.2.2).

``bagit.txt`` is read in its exact form: UTF-8 without a byte-order mark, exactly two lines,
``BagIt-Version: M.N`` then ``Tag-File-Character-Encoding: ENCODING``, each label spelt as
given and followed by a colon and one space. ``bag-info.txt`` is read as its section allows
(folded values, any spacing around the colon); the reserved tags that may appear once appear
once, ``Bagging-Date`` is a real ``YYYY-MM-DD`` day and ``Payload-Oxum`` counts the payload.
Digits are ASCII digits: Python's ``\\d`` would take Arabic-Indic ones too.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .bagfiles import NOT_REPEATABLE, Tag, parse_oxum, parse_tags, split_lines
from .sources import Finding

BAGIT = "bagit.txt"
BAG_INFO = "bag-info.txt"
BYTE_ORDER_MARK = "\ufeff"
# The two lines of bagit.txt, in order: label and the form of its value.
DECLARED = (("BagIt-Version", "M.N"), ("Tag-File-Character-Encoding", "ENCODING"))
_VERSION = re.compile(r"(0|1)\.[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass
class Declaration:
    """What ``bagit.txt`` declares ("?" and UTF-8 when it cannot be read) and its problems."""

    version: str = "?"
    encoding: str = "utf-8"
    findings: list[Finding] = field(default_factory=list)

    def add(self, message: str, line: int | None = None) -> None:
        self.findings.append(Finding(BAGIT, message, line))


def read_declaration(text: str) -> Declaration:
    """The version and tag-file encoding ``bagit.txt`` declares, with its problems."""
    declaration = Declaration()
    if text.startswith(BYTE_ORDER_MARK):
        declaration.add("starts with a byte-order mark")
        text = text[1:]
    lines = split_lines(text)
    if len(lines) != len(DECLARED):
        declaration.add(
            f"must be exactly two lines, BagIt-Version then Tag-File-Character-Encoding;"
            f" it has {len(lines)}"
        )
    values = [_declared(declaration, n, line) for n, line in enumerate(lines[:2])]
    if len(values) > 0 and values[0] is not None:
        _check_version(declaration, values[0])
    if len(values) > 1 and values[1] is not None:
        _check_encoding(declaration, values[1])
    return declaration


def _declared(declaration: Declaration, index: int, line: str) -> str | None:
    label, form = DECLARED[index]
    match = re.fullmatch(rf"{re.escape(label)}: (\S+)", line)
    if match is None:
        declaration.add(f"line {index + 1} must read '{label}: {form}'", index + 1)
        return None
    return match.group(1)


def _check_version(declaration: Declaration, version: str) -> None:
    declaration.version = version
    if _VERSION.fullmatch(version) is None:
        declaration.add(f"BagIt-Version {version!r} is not one this reader knows", 1)


def _check_encoding(declaration: Declaration, encoding: str) -> None:
    try:
        declaration.encoding = codecs.lookup(encoding).name
    except LookupError:
        declaration.add(f"unknown Tag-File-Character-Encoding {encoding!r}", 2)


def bag_info_findings(text: str, payload: Mapping[str, int]) -> list[Finding]:
    """Problems of ``bag-info.txt``: malformed lines, repeated reserved tags, wrong values."""
    findings: list[Finding] = []
    if text.startswith(BYTE_ORDER_MARK):
        findings.append(Finding(BAG_INFO, "starts with a byte-order mark"))
        text = text[1:]
    tags, problems = parse_tags(text)
    findings += [Finding(BAG_INFO, problem.message, problem.line) for problem in problems]
    return findings + _tag_findings(tags, payload)


def _tag_findings(tags: list[Tag], payload: Mapping[str, int]) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[str] = set()
    for tag in tags:
        label = tag.label.lower()
        if label in NOT_REPEATABLE and label in seen:
            findings.append(Finding(BAG_INFO, f"{tag.label} may appear only once", tag.line))
        seen.add(label)
        message = _value_problem(label, tag.value, payload)
        if message:
            findings.append(Finding(BAG_INFO, message, tag.line))
    return findings


def _value_problem(label: str, value: str, payload: Mapping[str, int]) -> str | None:
    if label == "bagging-date" and not _is_day(value):
        return f"Bagging-Date {value!r} is not a YYYY-MM-DD date"
    if label != "payload-oxum":
        return None
    oxum = parse_oxum(value)
    actual = (sum(payload.values()), len(payload))
    if oxum is None:
        return f"Payload-Oxum {value!r} is not octets.files"
    if oxum != actual:
        return f"Payload-Oxum is {value}, the payload {actual[0]}.{actual[1]}"
    return None


def _is_day(value: str) -> bool:
    if _DATE.fullmatch(value) is None:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True
