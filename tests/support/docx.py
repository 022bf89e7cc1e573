"""Reading a DOCX package back part by part (ECMA-376 WordprocessingML, Open Packaging Conventions)."""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile
from dataclasses import replace
from typing import TypedDict, Unpack

from docx.oxml.ns import qn
from lxml import etree

from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.shared.brand import Brand, Paper, Word, load_brand
from briefexport.shared.paths import StrPath
from briefexport.shared.print_sheet import PrintSheet, print_sheet
from briefexport.shared.sheets import print_sheet_texts
from briefexport.shared.styles import default_style_dir
from briefexport.writers.docx import write
from briefexport.writers.docx.reference import build_reference

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}


def house_sheet() -> PrintSheet:
    """The shipped print stylesheet, read for the Word styles."""
    css, _house = print_sheet_texts(default_style_dir())
    return print_sheet(css)


@functools.cache
def house_reference(brand: Brand) -> bytes:
    """The reference document ``brand`` makes with the shipped print stylesheet, built once per
    test process (several modules read it; building it takes a while)."""
    return build_reference(brand, house_sheet())


HOUSE = load_brand(default_style_dir())
# A brand far from the house one in every value a Word style takes from the brand (sizes,
# colours, fonts, the [word] spaces), so a number that only happens to match fails.
OTHER = replace(
    HOUSE,
    sizes=replace(HOUSE.sizes, body=12, line_height=1.6, footnote=9, caption=10),
    colors=replace(HOUSE.colors, accent="#7A1F5C", rule="#336699", link="#2E7D32",
                   table_header_fill="#F4EDE0"),
    fonts=replace(HOUSE.fonts, monospace=("Fira Mono", "Liberation Mono", "Courier New")),
    word=Word(caption_after=8, table_text_after=2, running_head_after=5),
)  # fmt: skip


class Overrides(TypedDict, total=False):
    """The options of ``default_options`` that a DOCX test may set."""

    style_dir: StrPath | None
    paper: Paper | str | None
    reference_docx: StrPath | None
    timestamp: dt.datetime | None
    smart: bool


def write_brief(brief: Brief, **overrides: Unpack[Overrides]) -> bytes:
    return write(brief, default_options(brief, **overrides))


def part(data: bytes, name: str) -> etree._Element:
    """One XML part of the package, parsed."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def texts(element: etree._Element) -> str:
    return "".join(element.xpath(".//w:t/text()", namespaces=NS))


def style_ids(data: bytes) -> dict[str, str]:
    """Style name (lower case) to style id."""
    styles = part(data, "word/styles.xml")
    return {
        str(style.xpath("string(w:name/@w:val)", namespaces=NS)).lower(): style.get(
            qn("w:styleId"), ""
        )
        for style in styles.iterfind("w:style", NS)
    }


def rels(data: bytes, name: str) -> dict[str, etree._Element]:
    """The relationships of a part, by id."""
    return {rel.get("Id", ""): rel for rel in part(data, name).iterfind("rel:Relationship", NS)}
