"""Byte-identical DOCX files: python-docx stamps every zip entry with the clock, so the package
is written with one fixed timestamp, fixed permissions and python-docx's part order
(``[Content_Types].xml`` first, as OPC Part 2 recommends).

The parts are serialised by python-docx's own ``PackageWriter`` steps (content types, package
relationships, then each part and its relationships, as ``Document.save`` does) into a list of
entries that is zipped once, instead of saving a zip and rewriting it: the reference document's
styles are large, and deflating them twice was most of the cost of saving. python-docx is pinned
below 1.3 in ``pyproject.toml``; ``tests/writers/docx`` checks the result against ``Document.save``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docx.document import Document
from docx.opc.pkgwriter import PackageWriter

from ..zippack import pack


class _Entries:
    """Stands in for python-docx's zip writer: keeps each member's name and bytes in order."""

    def __init__(self) -> None:
        self.members: list[tuple[str, bytes]] = []

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.members.append((str(pack_uri.membername), blob))


def package_entries(document: Document) -> list[tuple[str, bytes]]:
    """The zip members ``Document.save`` would write, in its order."""
    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    entries = _Entries()
    writer: Any = PackageWriter  # its steps are private and partly untyped
    writer._write_content_types_stream(entries, package.parts)
    writer._write_pkg_rels(entries, package.rels)
    writer._write_parts(entries, package.parts)
    return entries.members


def save_reproducibly(document: Document, when: dt.datetime) -> bytes:
    """The document as a ``.docx`` whose bytes depend only on its content and ``when``."""
    return pack(package_entries(document), when)
