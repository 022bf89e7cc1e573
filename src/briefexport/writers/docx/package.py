"""Byte-identical DOCX files: python-docx stamps every zip entry with the clock, so the package
is written with one fixed timestamp, fixed permissions and python-docx's part order
(``[Content_Types].xml`` first, as OPC Part 2 recommends).

python-docx's package writer is given a collector in place of its zip file, so each part is
serialized by python-docx as usual and compressed once, by :func:`..zippack.pack`, instead of
being zipped by python-docx, read back and zipped again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docx.document import Document
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter

from ..zippack import pack

# Embedded font parts are most of a Word copy's bytes and of the time spent compressing it
# (about 10 ms of a 40 ms export); zlib's fastest level takes half that, for 7 % more bytes.
FONT_SUFFIX = ".odttf"


class PartCollector:
    """Stands in for python-docx's zip writer (its ``write`` and ``close``): keeps the entries."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, bytes]] = []

    def write(self, uri: PackURI, blob: bytes) -> None:
        self.entries.append((uri.membername, blob))

    def close(self) -> None:
        """Nothing to flush: the entries are zipped by the caller."""


def package_entries(document: Document) -> list[tuple[str, bytes]]:
    """The package's entries (name, bytes) in the order python-docx's ``save`` writes them."""
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    collector = PartCollector()
    # the steps of PackageWriter.write (python-docx 1.2), with the collector as the zip
    writer: Any = PackageWriter
    writer._write_content_types_stream(collector, parts)
    writer._write_pkg_rels(collector, package.rels)
    writer._write_parts(collector, parts)
    return collector.entries


def save_reproducibly(document: Document, when: dt.datetime) -> bytes:
    """The document as a ``.docx`` whose bytes depend only on its content and ``when``."""
    entries = package_entries(document)
    fonts = frozenset(name for name, _ in entries if name.endswith(FONT_SUFFIX))
    return pack(entries, when, fast=fonts)
