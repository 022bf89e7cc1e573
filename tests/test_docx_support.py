"""Helpers shared by the DOCX test modules (this module holds no tests)."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib

from docx.oxml.ns import qn
from lxml import etree

from briefexport.model import (
    Brief,
    Footnote,
    Metadata,
    Section,
    Text,
)
from briefexport.options import default_options
from briefexport.writers.docx import write
from conftest import DATA, EXAMPLES

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}
TOUR = EXAMPLES / "feature-tour.xml"
URDU = DATA / "rtl" / "urdu-brief.xml"


def png(width: int, height: int, dpi: int = 96) -> bytes:
    """A grey PNG of the given size and resolution."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x80" * width for _ in range(height)))
    per_metre = round(dpi / 0.0254)
    physical = struct.pack(">IIB", per_metre, per_metre, 1)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"pHYs", physical)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def write_brief(brief: Brief, **overrides: object) -> bytes:
    return write(brief, default_options(brief, **overrides))


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def texts(element: etree._Element) -> str:
    return "".join(element.xpath(".//w:t/text()", namespaces=NS))


def style_ids(data: bytes) -> dict[str, str]:
    """Style name (lower case) to style id."""
    styles = part(data, "word/styles.xml")
    return {
        str(style.xpath("string(w:name/@w:val)", namespaces=NS)).lower(): style.get(qn("w:styleId"))
        for style in styles.iterfind("w:style", NS)
    }


def rels(data: bytes, name: str) -> dict[str, etree._Element]:
    return {rel.get("Id"): rel for rel in part(data, name).iterfind("rel:Relationship", NS)}


def all_blocks(blocks: tuple[object, ...]) -> list[object]:
    found: list[object] = []
    for block in blocks:
        found.append(block)
        if isinstance(block, Section):
            found += all_blocks(block.blocks)
    return found


def small_brief(
    body: tuple[object, ...], language: str = "en", notes: tuple[Footnote, ...] = ()
) -> Brief:
    meta = Metadata(
        language=language,
        series="Test Series",
        journal_id="T",
        publisher="Test Institute",
        title=(Text("A small brief"),),
        authors=(),
        date=dt.date(2025, 3, 4),
    )
    return Brief(meta=meta, body=body, footnotes=notes)  # type: ignore[arg-type]
