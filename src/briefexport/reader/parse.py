"""Parse untrusted brief XML safely and validate it against the profile's RELAX NG schema.

Parsing goes through :mod:`briefexport.shared.safexml` (DTD loading, entity substitution and network
access off, libxml2's limits on). A DOCTYPE may name the JATS 1.3 Archiving DTD but may not
declare anything; entity references and XInclude are refused, never followed.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from lxml import etree

from ..errors import Diagnostic
from ..shared import safexml
from ..shared.safexml import RejectedError, tidy
from .locate import Locator
from .schema_file import schema_document

MAX_SCHEMA_ERRORS = 50
GOT = re.compile(r"Expecting (?:an )?element [\w:.-]+, got ([\w:.-]+)")
REFUSED = "the brief does not follow the profile's schema"
ALLOWED_PUBLIC_IDS = frozenset(
    {"-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 20210610//EN"}
)

__all__ = ["RejectedError", "parse_untrusted", "read_limited", "validate_schema"]


def read_limited(path: Path, name: str) -> bytes:
    """The file's bytes, refusing what is not a readable regular file of sane size."""
    return safexml.read_limited(path, name)


def parse_untrusted(data: bytes, name: str) -> etree._ElementTree:
    """Parse ``data`` with the hardened parser; refuse declarations, entities and XInclude."""
    return safexml.parse_screened(data, name, _only_archiving_13)


def _only_archiving_13(doctype: safexml.Doctype) -> str | None:
    """Accept the DOCTYPE of our own archival output only (named, never loaded)."""
    if doctype.root == "article" and doctype.public_id in ALLOWED_PUBLIC_IDS:
        return None
    shown = doctype.public_id or doctype.system_id or "unknown"
    return f"external DTD {shown!r} is refused; only the JATS 1.3 Archiving DOCTYPE is accepted"


@functools.cache
def _schema() -> etree.RelaxNG:
    return etree.RelaxNG(schema_document())


def validate_schema(tree: etree._ElementTree, at: Locator) -> list[Diagnostic]:
    """All schema errors (capped), or a single clear one for a wrong root element."""
    root = tree.getroot()
    if root.tag != "article":
        return [_wrong_root(root, at.name)]
    schema = _schema()
    if schema.validate(tree):
        return []
    from .schema_messages import clearer  # only for a brief the schema refuses

    log = schema.error_log
    plain = functools.partial(_schema_diagnostic, at=at, tree=tree)
    found, counted = clearer(log, tree, at, plain, MAX_SCHEMA_ERRORS)
    if not found:  # refused all the same: never let the rewording pass a brief
        found = [plain(log[0]) if len(log) else Diagnostic(at.name, 1, 1, REFUSED)]
    if len(found) > MAX_SCHEMA_ERRORS:
        extra = f" {len(found) - MAX_SCHEMA_ERRORS}" if counted else ""
        last = found[MAX_SCHEMA_ERRORS]
        more = Diagnostic(at.name, last.line, 1, f"... and{extra} more schema errors")
        found = [*found[:MAX_SCHEMA_ERRORS], more]
    return found


def _wrong_root(root: etree._Element, name: str) -> Diagnostic:
    qname = etree.QName(root) if isinstance(root.tag, str) else None
    tag = qname.localname if qname else "?"
    where = f" in namespace {qname.namespace}" if qname and qname.namespace else ""
    message = f"root element is <{tag}>{where}; a brief is a JATS <article> without a namespace"
    return Diagnostic(name, root.sourceline or 1, 1, message)


def _schema_diagnostic(entry: etree._LogEntry, at: Locator, tree: etree._ElementTree) -> Diagnostic:
    """libxml2 gives RELAX NG errors a line only; the column is that of the element named, or,
    for ``Expecting element X, got Y``, the line and column of Y, the element that is there (X
    is the one missing), and for ``got nothing`` those of the element on the line."""
    line = entry.line or 1
    got = GOT.match(entry.message)
    there = _got(tree, line, got.group(1)) if got else None
    if there is not None:
        line, column = at.position(there)
    else:
        named = re.search(r"[Ee]lement ([\w:.-]+)", entry.message)
        column = at.column_of_tag(line, named.group(1)) if named else 1
    return Diagnostic(at.name, line, column, tidy(entry.message))


def _got(tree: etree._ElementTree, line: int, name: str) -> etree._Element | None:
    """The element libxml2 found where it expected another: the first called ``name`` that
    starts on ``line``, or else the first child so called of one that does (libxml2 writes
    the line of the child or of its parent); for ``nothing``, the first element on ``line``."""
    on_line = [e for e in tree.getroot().iter(etree.Element) if e.sourceline == line]
    local = name.rpartition(":")[2]
    if name == "nothing":
        return on_line[0] if on_line else None
    children = (c for e in on_line for c in e.iterchildren(etree.Element))
    named = (e for e in (*on_line, *children) if etree.QName(e).localname == local)
    return next(named, None)
