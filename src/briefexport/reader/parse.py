"""Parse untrusted brief XML safely and validate it against the profile's RELAX NG schema.

libxml2 runs with DTD loading, entity substitution and network access off and its size, depth and
amplification limits on. A DOCTYPE may name the JATS DTD but may not declare anything; entity
references and XInclude are refused, never followed.
"""

from __future__ import annotations

import functools
import re
from importlib.resources import files
from pathlib import Path

from lxml import etree

from ..errors import Diagnostic
from ..safexml import hardened_parser
from .locate import Locator
from .schema_messages import clearer

MAX_INPUT_BYTES = 20 * 2**20
MAX_SCHEMA_ERRORS = 50
XINCLUDE_NS = "http://www.w3.org/2001/XInclude"
ALLOWED_PUBLIC_IDS = frozenset(
    {"-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 20210610//EN"}
)


class RejectedError(Exception):
    """Parsing stopped; ``diagnostics`` says why."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(str(diagnostics[0]) if diagnostics else "rejected")
        self.diagnostics = diagnostics


def read_limited(path: Path, name: str) -> bytes:
    """The file's bytes, refusing what is not a readable regular file of sane size."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise RejectedError([Diagnostic(name, 1, 1, "not a regular file")])
        if size > MAX_INPUT_BYTES:
            limit = MAX_INPUT_BYTES // 2**20
            raise RejectedError(
                [
                    Diagnostic(
                        name, 1, 1, f"file is {size} bytes; briefs over {limit} MiB are refused"
                    )
                ]
            )
        return path.read_bytes()
    except OSError as error:
        raise RejectedError(
            [Diagnostic(name, 1, 1, f"cannot read file: {error.strerror}")]
        ) from None


def parse_untrusted(data: bytes, name: str) -> etree._ElementTree:
    """Parse ``data`` with a hardened parser; refuse declarations, entities and XInclude."""
    if len(data) > MAX_INPUT_BYTES:
        raise RejectedError([Diagnostic(name, 1, 1, f"input larger than {MAX_INPUT_BYTES} bytes")])
    if not data.strip():
        raise RejectedError([Diagnostic(name, 1, 1, "file is empty")])
    data = _screen_prolog(data, name)
    parser = hardened_parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise RejectedError(_syntax_diagnostics(parser, name)) from None
    tree = root.getroottree()
    _refuse_declarations(tree, name)
    return tree


_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.S)
_ALLOWED_DOCTYPE = re.compile(
    rb"<!DOCTYPE\s+article\s+PUBLIC\s+(?P<q>[\"'])(?P<public>[^\"']*)(?P=q)"
    rb"(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*>"
)
_EXTERNAL_ID = re.compile(
    rb"<!DOCTYPE\s+\S+\s+(?:PUBLIC|SYSTEM)\s+(?P<q>[\"'])(?P<id>[^\"']*)(?P=q)"
)
_FOREIGN_ENCODING = re.compile(
    rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"'](?!utf-?8[\"']|us-ascii[\"'])", re.I
)


def _screen_prolog(data: bytes, name: str) -> bytes:
    """Refuse non-UTF-8 input and any DOCTYPE but the JATS one, which is blanked out unread.

    libxml2 may open a DOCTYPE's external subset even with DTD loading off (to look for entity
    declarations), so the declaration never reaches it; blanking keeps lines and columns.
    """
    if data.startswith(
        (b"\xff\xfe", b"\xfe\xff", b"\x00", b"\x4c\x6f\xa7\x94")
    ) or _FOREIGN_ENCODING.match(data):
        raise RejectedError([Diagnostic(name, 1, 1, "a brief must be encoded in UTF-8")])
    _refuse_invalid_utf8(data, name)
    start = _doctype_start(data)
    if start is None:
        return data
    line = data.count(b"\n", 0, start) + 1
    allowed = _ALLOWED_DOCTYPE.match(data, start)
    if allowed and allowed["public"].decode("utf-8", "replace") in ALLOWED_PUBLIC_IDS:
        blank = bytes(b if b == 0x0A else 0x20 for b in allowed.group())
        return data[:start] + blank + data[allowed.end() :]
    raise RejectedError([Diagnostic(name, line, 1, _doctype_problem(data, start))])


def _refuse_invalid_utf8(data: bytes, name: str) -> None:
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
    message = f"not valid UTF-8 here: {reason}; a brief must be encoded in UTF-8"
    raise RejectedError([Diagnostic(name, line, column, message)])


def _doctype_start(data: bytes) -> int | None:
    """Where a DOCTYPE starts, after the XML declaration, comments and PIs; None if absent."""
    position = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while (item := _PROLOG_ITEM.match(data, position)) and item.end() > position:
        position = item.end()
    return position if data.startswith(b"<!DOCTYPE", position) else None


def _doctype_problem(data: bytes, start: int) -> str:
    declaration = data[start : data.find(b">", start) + 1 or len(data)]
    if b"[" in declaration:
        return "DOCTYPE with an internal subset is refused (no entity or element declarations)"
    external = _EXTERNAL_ID.match(data, start)
    shown = external["id"].decode("utf-8", "replace") if external else "unknown"
    return f"external DTD {shown!r} is refused; only the JATS 1.3 Archiving DOCTYPE is accepted"


def _syntax_diagnostics(parser: etree.XMLParser, name: str) -> list[Diagnostic]:
    found = [
        Diagnostic(name, entry.line or 1, max(entry.column, 1), _tidy(entry.message))
        for entry in parser.error_log
        if entry.level >= etree.ErrorLevels.ERROR
    ]
    return found[:MAX_SCHEMA_ERRORS] or [Diagnostic(name, 1, 1, "not well-formed XML")]


def _tidy(message: str) -> str:
    return " ".join(message.split()).rstrip(".")


def _refuse_declarations(tree: etree._ElementTree, name: str) -> None:
    problems: list[Diagnostic] = []
    if tree.docinfo.doctype:  # the accepted DOCTYPE was blanked out before parsing
        problems.append(Diagnostic(name, 1, 1, "DOCTYPE is refused here"))
    for node in tree.iter(etree.Entity):
        problems.append(
            Diagnostic(
                name,
                node.sourceline or 1,
                1,
                f"entity reference {node.text} is refused (write the character itself)",
            )
        )
    for node in tree.iter(f"{{{XINCLUDE_NS}}}*"):
        problems.append(
            Diagnostic(
                name,
                node.sourceline or 1,
                1,
                "XInclude is refused: a brief is one self-contained file",
            )
        )
    if problems:
        raise RejectedError(problems)


@functools.cache
def _schema() -> etree.RelaxNG:
    source = files("briefexport").joinpath("schema/brief.rng").read_bytes()
    return etree.RelaxNG(etree.fromstring(source))


def validate_schema(tree: etree._ElementTree, at: Locator) -> list[Diagnostic]:
    """All schema errors (capped), or a single clear one for a wrong root element."""
    root = tree.getroot()
    if root.tag != "article":
        return [_wrong_root(root, at.name)]
    schema = _schema()
    if schema.validate(tree):
        return []
    found = clearer(schema.error_log, tree, at, lambda entry: _schema_diagnostic(entry, at))
    if len(found) > MAX_SCHEMA_ERRORS:
        extra = len(found) - MAX_SCHEMA_ERRORS
        last = found[MAX_SCHEMA_ERRORS]
        more = Diagnostic(at.name, last.line, 1, f"... and {extra} more schema errors")
        found = [*found[:MAX_SCHEMA_ERRORS], more]
    return found


def _wrong_root(root: etree._Element, name: str) -> Diagnostic:
    qname = etree.QName(root) if isinstance(root.tag, str) else None
    tag = qname.localname if qname else "?"
    where = f" in namespace {qname.namespace}" if qname and qname.namespace else ""
    message = f"root element is <{tag}>{where}; a brief is a JATS <article> without a namespace"
    return Diagnostic(name, root.sourceline or 1, 1, message)


def _schema_diagnostic(entry: etree._LogEntry, at: Locator) -> Diagnostic:
    """libxml2 gives RELAX NG errors a line only; the column is that of the element named."""
    line = entry.line or 1
    named = re.search(r"[Ee]lement ([\w:.-]+)", entry.message)
    column = at.column_of_tag(line, named.group(1)) if named else 1
    return Diagnostic(at.name, line, column, _tidy(entry.message))
