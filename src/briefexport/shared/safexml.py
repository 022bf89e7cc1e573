"""Parse untrusted XML safely: the settings every XML input of briefexport goes through.

Shared by the reader of canonical briefs and the JATS importer, so both refuse the same things.
libxml2 runs with DTD loading, entity substitution and network access off and its size, depth
and amplification limits on. A DOCTYPE is looked at, never loaded: the caller decides which
public identifiers it accepts, and an accepted declaration is blanked out (lines and columns
kept) before libxml2 sees it, because libxml2 may open an external subset even with DTD loading
off. Internal subsets (entity and element declarations), entity references and XInclude are
refused, never followed. Only UTF-8 (or its ASCII subset) is read.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from ..errors import Diagnostic
from ..model.record import Record, record
from .limits import MAX_INPUT_BYTES, size_refusal
from .syntax_words import syntax_problem

XINCLUDE_NS = "http://www.w3.org/2001/XInclude"


class RejectedError(Exception):
    """Parsing stopped; ``diagnostics`` says why."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(str(diagnostics[0]) if diagnostics else "rejected")
        self.diagnostics = diagnostics


@record
class Doctype(Record):
    """A DOCTYPE declaration as written: never resolved, only identified."""

    root: str
    public_id: str | None
    system_id: str | None
    line: int


DoctypePolicy = Callable[[Doctype], str | None]
"""Says why a DOCTYPE is refused, or None to accept it (it is then blanked, never loaded)."""


def hardened_parser() -> etree.XMLParser:
    """A parser that loads nothing, substitutes no entity and keeps libxml2's limits on."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        no_network=True,
        huge_tree=False,
        collect_ids=False,
    )


def read_limited(path: Path, name: str, noun: str = "briefs") -> bytes:
    """The file's bytes, refusing what is not a readable regular file of sane size."""
    try:
        status = path.stat()  # a missing file raises: "No such file or directory"
        if not stat.S_ISREG(status.st_mode):
            raise RejectedError([Diagnostic(name, 1, 1, "not a regular file")])
        refusal = size_refusal(name, status.st_size, noun)
        if refusal is not None:
            raise RejectedError([refusal])
        return path.read_bytes()
    except OSError as error:
        message = f"cannot read file: {error.strerror}"
        raise RejectedError([Diagnostic(name, 1, 1, message)]) from None


def parse_screened(
    data: bytes, name: str, policy: DoctypePolicy, noun: str = "a brief"
) -> etree._ElementTree:
    """Parse ``data`` with the hardened parser after screening its prolog with ``policy``."""
    if len(data) > MAX_INPUT_BYTES:
        raise RejectedError([Diagnostic(name, 1, 1, f"input larger than {MAX_INPUT_BYTES} bytes")])
    if not data.strip():
        raise RejectedError([Diagnostic(name, 1, 1, "file is empty")])
    data = _screen_prolog(data, name, policy, noun)
    parser = hardened_parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise RejectedError(_syntax_diagnostics(parser, data, name)) from None
    tree = root.getroottree()
    refuse_declarations(tree, name)
    return tree


_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.S)
_QUOTED = rb"(?:\"[^\"]*\"|'[^']*')"
_DOCTYPE = re.compile(
    rb"<!DOCTYPE\s+(?P<root>[^\s>\[]+)"
    rb"(?:\s+PUBLIC\s+(?P<public>" + _QUOTED + rb")(?:\s+(?P<system>" + _QUOTED + rb"))?"
    rb"|\s+SYSTEM\s+(?P<only_system>" + _QUOTED + rb"))?"
    rb"\s*(?P<end>[\[>])"
)
_DECLARED_ENCODING = re.compile(
    rb"\s*<\?xml\s[^>]*?\bencoding\s*=\s*(?P<quote>[\"'])(?P<name>[^\"'<>]*)(?P=quote)"
)
_UTF8_NAMES = (b"utf-8", b"utf8", b"us-ascii")
_OTHER_ENCODINGS = (b"\xff\xfe", b"\xfe\xff", b"\x00", b"\x4c\x6f\xa7\x94")


def _screen_prolog(data: bytes, name: str, policy: DoctypePolicy, noun: str) -> bytes:
    if data.startswith(_OTHER_ENCODINGS):
        raise RejectedError([Diagnostic(name, 1, 1, f"{noun} must be encoded in UTF-8")])
    _refuse_declared_encoding(data, name, noun)
    _refuse_invalid_utf8(data, name, noun)
    start = _doctype_start(data)
    if start is None:
        return data
    line = data.count(b"\n", 0, start) + 1
    found = _DOCTYPE.match(data, start)
    if found is None or found["end"] == b"[":
        message = (
            "DOCTYPE with an internal subset is refused (no entity or element declarations)"
            if found is not None
            else "malformed DOCTYPE declaration"
        )
        raise RejectedError([Diagnostic(name, line, 1, message)])
    problem = policy(_doctype(found, line))
    if problem:
        raise RejectedError([Diagnostic(name, line, 1, problem)])
    blank = bytes(b if b == 0x0A else 0x20 for b in found.group())
    return data[:start] + blank + data[found.end() :]


def _refuse_declared_encoding(data: bytes, name: str, noun: str) -> None:
    """Refuse an XML declaration naming another encoding, at its name; a declaration cut off
    before the name's closing quote is left to the parser, which says what is unclosed."""
    declared = _DECLARED_ENCODING.match(data)
    if declared is None or declared["name"].lower() in _UTF8_NAMES:
        return
    column = declared.start("name") - data.rfind(b"\n", 0, declared.start("name"))
    line = data.count(b"\n", 0, declared.start("name")) + 1
    encoding = declared["name"].decode("ascii", "replace")
    message = f"the XML declaration names encoding {encoding!r}; {noun} must be encoded in UTF-8"
    raise RejectedError([Diagnostic(name, line, column, message)])


def _refuse_invalid_utf8(data: bytes, name: str, noun: str) -> None:
    """Point at the first byte that is not UTF-8, or at the first NUL (UTF-16 without a BOM
    decodes as UTF-8 but is full of them, and XML allows no U+0000 anyway)."""
    try:
        data.decode("utf-8")
        bad = data.find(b"\x00")
        reason = "a NUL byte, as UTF-16 has"
    except UnicodeDecodeError as error:
        bad, reason = error.start, f"byte 0x{data[error.start]:02X}"
    if bad < 0:
        return
    line_start = data.rfind(b"\n", 0, bad) + 1
    column = len(data[line_start:bad].decode("utf-8", "replace")) + 1
    line = data.count(b"\n", 0, bad) + 1
    message = f"not valid UTF-8 here: {reason}; {noun} must be encoded in UTF-8"
    raise RejectedError([Diagnostic(name, line, column, message)])


def _doctype(found: re.Match[bytes], line: int) -> Doctype:
    def text(group: str) -> str | None:
        value = found[group]
        return value[1:-1].decode("utf-8", "replace") if value else None

    return Doctype(
        root=found["root"].decode("utf-8", "replace"),
        public_id=text("public"),
        system_id=text("system") or text("only_system"),
        line=line,
    )


def _doctype_start(data: bytes) -> int | None:
    """Where a DOCTYPE starts, after the XML declaration, comments and PIs; None if absent."""
    position = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while (item := _PROLOG_ITEM.match(data, position)) and item.end() > position:
        position = item.end()
    return position if data.startswith(b"<!DOCTYPE", position) else None


def _syntax_diagnostics(parser: etree.XMLParser, data: bytes, name: str) -> list[Diagnostic]:
    """The first error only: libxml2 stops there, or reports what it left behind."""
    errors = [entry for entry in parser.error_log if entry.level >= etree.ErrorLevels.ERROR]
    if not errors:
        return [Diagnostic(name, 1, 1, "not well-formed XML")]
    return [syntax_problem(errors[0], data, name)]


def tidy(message: str) -> str:
    """A libxml2 message on one line, without its final full stop."""
    return " ".join(message.split()).rstrip(".")


def refuse_declarations(tree: etree._ElementTree, name: str) -> None:
    """Refuse a DOCTYPE that reached the parser, entity references and XInclude elements."""
    problems: list[Diagnostic] = []
    if tree.docinfo.doctype:  # an accepted DOCTYPE was blanked out before parsing
        problems.append(Diagnostic(name, 1, 1, "DOCTYPE is refused here"))
    for node in tree.iter(etree.Entity):
        message = f"entity reference {node.text} is refused (write the character itself)"
        problems.append(Diagnostic(name, node.sourceline or 1, 1, message))
    for node in tree.iter(f"{{{XINCLUDE_NS}}}*"):
        message = "XInclude is refused: a brief is one self-contained file"
        problems.append(Diagnostic(name, node.sourceline or 1, 1, message))
    if problems:
        raise RejectedError(problems)
