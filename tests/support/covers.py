"""Reading the cover of an EPUB: its package entries, its page, its image as pixels."""

from __future__ import annotations

import io
import re
import shutil
import struct
import zipfile
from pathlib import Path
from typing import cast

from lxml import etree
from PIL import Image

from briefexport.shared.styles import default_style_dir

OPF = "EPUB/content.opf"
NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "h": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}


def book(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def document(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(book(data).read(name))


def package(data: bytes) -> etree._Element:
    return document(data, OPF)


def cover_items(data: bytes) -> list[etree._Element]:
    """The manifest items with the ``cover-image`` property."""
    found = package(data).xpath("//opf:item[@properties='cover-image']", namespaces=NS)
    return cast(list[etree._Element], found)


def cover_bytes(data: bytes) -> bytes:
    """The bytes of the book's one cover image."""
    (item,) = cover_items(data)
    return book(data).read(f"EPUB/{item.get('href')}")


def cover_picture(data: bytes) -> Image.Image:
    """The cover image of a book, as RGB pixels."""
    return Image.open(io.BytesIO(cover_bytes(data))).convert("RGB")


def png_chunks(data: bytes) -> list[str]:
    """The chunk types of a PNG file, in order."""
    kinds, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kinds.append(data[at + 4 : at + 8].decode("ascii"))
        at += 12 + length
    return kinds


def ink_columns(picture: Image.Image, box: tuple[int, int, int, int]) -> tuple[int, int] | None:
    """The first and last column of ``box`` holding a pixel other than the box's corner
    colour (the ground), or None when the box is all ground."""
    area = picture.crop(box)
    ground = area.getpixel((0, 0))
    columns = [x for x in range(area.width)
               if any(area.getpixel((x, y)) != ground for y in range(0, area.height, 3))]  # fmt: skip
    return (box[0] + columns[0], box[0] + columns[-1]) if columns else None


def style_copy(folder: Path, **cover: str) -> Path:
    """A copy of the shipped style in ``folder``, its ``[cover]`` keys set to the TOML values
    given (``enabled="false"``)."""
    style = folder / "style"
    shutil.copytree(default_style_dir(), style)
    brand = style / "brand.toml"
    head, table, tail = brand.read_text(encoding="utf-8").partition("[cover]")
    for key, value in cover.items():
        tail, count = re.subn(rf"(?m)^{key} = .*$", f"{key} = {value}", tail, count=1)
        assert count == 1, key
    brand.write_text(head + table + tail, encoding="utf-8")
    return style
