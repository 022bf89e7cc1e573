"""The XMP packet of Typst's PDF completed with the brief's identifier and rights.

Typst 0.15's ``set document`` has title, authors, description and keywords, but no identifier
or rights. The packet :mod:`briefexport.shared.xmp` builds for the WeasyPrint engine
(``dc:identifier``, ``dc:rights``, ``xmpRights:*``) is therefore added after compiling: Typst
writes one classic cross-reference table and an unfiltered metadata stream (PDF/A forbids
filtering it), so the stream is replaced in place, its ``/Length`` set, and the byte offsets
of the objects after it and of the table moved by the change (ISO 32000-1, 7.5.4 and 7.5.5).
A PDF laid out otherwise is left as it is, with a warning.
"""

from __future__ import annotations

import logging
import re

from lxml import etree

from ...model import Metadata
from ...shared.xmp import RDF, brief_rights_description

LOGGER = logging.getLogger(__name__)
# The PDF syntax looked for, compiled at the first brief with rights (re keeps them compiled):
# a brief without an identifier or rights leaves Typst's PDF as it is.
STARTXREF = rb"startxref\s+(\d+)\s+%%EOF\s*$"
SECTION = rb"xref\n0 (\d+)\n"
ENTRY = rb"(\d{10}) (\d{5}) ([nf])(\r\n| \n| \r)"
TRAILER = rb"trailer\s*<<.*?/Root (\d+) 0 R"
METADATA_REF = rb"/Metadata (\d+) 0 R"
LENGTH = rb"/Length (\d+)"


class UnknownLayoutError(ValueError):
    """The PDF is not laid out as this module expects."""


def with_rights(pdf: bytes, meta: Metadata) -> bytes:
    """``pdf`` with the brief's identifier and rights in its XMP (unchanged without any)."""
    description = brief_rights_description(meta)
    if description is None:
        return pdf
    try:
        return _replace_metadata(pdf, description)
    except (UnknownLayoutError, etree.XMLSyntaxError) as problem:
        LOGGER.warning("PDF (Typst): identifier and rights not added to the XMP (%s)", problem)
        return pdf


def _xref(pdf: bytes) -> tuple[int, list[list[bytes]]]:
    """Where the one cross-reference table starts, and its entries."""
    end = re.compile(STARTXREF).search(pdf[-64:])
    if end is None:
        raise UnknownLayoutError("no startxref")
    start = int(end[1])
    section = re.compile(SECTION).match(pdf, start)
    if section is None:
        raise UnknownLayoutError("no classic cross-reference table")
    entries = [list(found.groups()) for found in re.compile(ENTRY).finditer(pdf, section.end())]
    entries = entries[: int(section[1])]
    if len(entries) != int(section[1]) or b"/Prev" in pdf[start:]:
        raise UnknownLayoutError("more than one cross-reference section")
    return start, entries


def _object(pdf: bytes, entries: list[list[bytes]], number: int) -> tuple[int, int]:
    """Start and end (after ``endobj``) of object ``number``."""
    if number >= len(entries) or entries[number][2] != b"n":
        raise UnknownLayoutError(f"no object {number}")
    start = int(entries[number][0])
    if not pdf.startswith(b"%d 0 obj" % number, start):
        raise UnknownLayoutError(f"object {number} is not where the table says")
    end = pdf.find(b"endobj", start)
    if end < 0:
        raise UnknownLayoutError(f"object {number} does not end")
    return start, end + len(b"endobj")


def _new_packet(packet: bytes, description: etree._Element) -> bytes:
    """The XMP packet with ``description`` added to its ``rdf:RDF``."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    tree = etree.fromstring(packet, parser).getroottree()
    rdf = tree.find(f".//{{{RDF}}}RDF")
    if rdf is None:
        raise UnknownLayoutError("no rdf:RDF in the XMP packet")
    rdf.append(description)
    return etree.tostring(tree, encoding="utf-8", xml_declaration=False)


def _replace_metadata(pdf: bytes, description: etree._Element) -> bytes:
    xref_start, entries = _xref(pdf)
    trailer = re.compile(TRAILER).search(pdf, xref_start)
    if trailer is None:
        raise UnknownLayoutError("no /Root in the trailer")
    root_start, root_end = _object(pdf, entries, int(trailer[1]))
    reference = re.compile(METADATA_REF).search(pdf, root_start, root_end)
    if reference is None:
        raise UnknownLayoutError("no /Metadata in the catalog")
    number = int(reference[1])
    start, end = _object(pdf, entries, number)
    old = pdf[start:end]
    head, stream, tail = old.partition(b"stream\n")
    length = re.compile(LENGTH).search(head)
    if not stream or length is None or b"/Filter" in head:
        raise UnknownLayoutError("the metadata stream is not a plain one")
    packet = tail[: int(length[1])]
    if not tail[int(length[1]) :].lstrip().startswith(b"endstream"):
        raise UnknownLayoutError("the metadata stream's length is wrong")
    new_packet = _new_packet(packet, description)
    new_head = head[: length.start(1)] + b"%d" % len(new_packet) + head[length.end(1) :]
    new = new_head + b"stream\n" + new_packet + tail[int(length[1]) :]
    return _moved(pdf, start, end, new, xref_start, entries)


def _moved(
    pdf: bytes, start: int, end: int, new: bytes, xref_start: int, entries: list[list[bytes]]
) -> bytes:
    """``pdf`` with bytes ``start:end`` replaced by ``new`` and every later offset moved."""
    shift = len(new) - (end - start)
    if not start < end <= xref_start:
        raise UnknownLayoutError("the metadata stream is not before the table")
    lines = []
    for offset, generation, kind, eol in entries:
        moved = int(offset) + shift if kind == b"n" and int(offset) > start else int(offset)
        lines.append(b"%010d %s %s%s" % (moved, generation, kind, eol))
    section = re.compile(SECTION).match(pdf, xref_start)
    assert section is not None
    table_end = section.end() + sum(len(line) for line in lines)
    rest = pdf[table_end:]
    rest = re.compile(STARTXREF).sub(b"startxref\n%d\n%%%%EOF\n" % (xref_start + shift), rest)
    body = pdf[:start] + new + pdf[end:xref_start]
    return body + section.group(0) + b"".join(lines) + rest
