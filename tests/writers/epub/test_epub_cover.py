"""The EPUB cover: the ``cover-image`` item, the cover page first in the spine, the picture
drawn from the brief and the brand, a style folder's own picture, and the brand's off switch."""

from __future__ import annotations

import dataclasses
import io
import logging
from pathlib import Path

import pytest
from PIL import Image

import briefexport
from briefexport.batch.freshness import style_digest
from briefexport.batch.manifest import Settings
from briefexport.errors import InvalidStyleError
from briefexport.formats import FORMATS
from briefexport.inlines import plain_text
from briefexport.model import Brief, Text
from briefexport.options import default_options
from briefexport.shared.brand import Brand
from briefexport.shared.caches import forget_style_files
from briefexport.shared.cmap import coverage
from briefexport.writers.epub import write
from briefexport.writers.epub.cover_fonts import drawable, family_face
from support.covers import (
    NS,
    book,
    cover_bytes,
    cover_items,
    cover_picture,
    document,
    ink_columns,
    package,
    png_chunks,
    style_copy,
)
from support.fonts import LATIN, write_font
from support.images import png
from support.paths import RTL
from support.validators import epubcheck_messages as check_book

EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
COVER = Brand().cover


def titled(brief: Brief, title: str, subtitle: str | None = None) -> Brief:
    """``brief`` with another title (and subtitle, when given; "" for none)."""
    meta = dataclasses.replace(brief.meta, title=(Text(title),))
    if subtitle is not None:
        meta = dataclasses.replace(meta, subtitle=(Text(subtitle),) if subtitle else ())
    return dataclasses.replace(brief, meta=meta)


def epub(brief: Brief, style: Path | None = None) -> bytes:
    return write(brief, default_options(brief, style_dir=style))


def band_height() -> int:
    return round(COVER.band_height * COVER.height / 100)


def test_the_cover_is_the_cover_image_item_shown_by_the_first_page(harbour: Brief) -> None:
    data = epub(harbour)
    (item,) = cover_items(data)
    assert (item.get("href"), item.get("media-type")) == ("images/cover.png", "image/png")
    opf = package(data)
    legacy = opf.xpath("//opf:meta[@name='cover']/@content", namespaces=NS)
    assert legacy == [item.get("id")]
    spine = opf.xpath("//opf:itemref/@idref", namespaces=NS)
    (page,) = opf.xpath(f"//opf:item[@id='{spine[0]}']/@href", namespaces=NS)
    assert page == "cover.xhtml"
    html = document(data, f"EPUB/{page}")
    (image,) = html.xpath("//h:section[@epub:type='cover']/h:img", namespaces=NS)
    assert image.get("src") == item.get("href")
    assert image.get("alt") == plain_text(harbour.meta.title)
    nav = document(data, "EPUB/nav.xhtml")
    marks = nav.xpath("//h:nav[@epub:type='landmarks']//h:a", namespaces=NS)
    assert (marks[0].get(EPUB_TYPE), marks[0].get("href")) == ("cover", "cover.xhtml")
    assert "cover.xhtml" not in nav.xpath("//h:nav[@epub:type='toc']//h:a/@href", namespaces=NS)


def test_the_drawn_cover_has_the_brand_size_and_no_metadata_chunk(
    harbour: Brief, tmp_path: Path
) -> None:
    data = cover_bytes(epub(harbour))
    assert cover_picture(epub(harbour)).size == (COVER.width, COVER.height)
    assert png_chunks(data) == ["IHDR", "PLTE", "IDAT", "IEND"]  # no time, text or resolution
    style = style_copy(tmp_path, width="1600", height="2560")
    assert cover_picture(epub(harbour, style)).size == (1600, 2560)


def test_the_cover_bytes_are_reproducible(harbour: Brief) -> None:
    first = epub(harbour)
    assert len(cover_items(first)) == 1
    forget_style_files()  # faces and files loaded again
    assert epub(harbour) == first


def test_the_title_is_drawn_in_the_band(harbour: Brief) -> None:
    one = cover_picture(epub(titled(harbour, "Harbours under pressure")))
    other = cover_picture(epub(titled(harbour, "Tides")))
    band, width = band_height(), COVER.width
    title_area = (0, band // 3, width, band)
    assert one.crop(title_area).tobytes() != other.crop(title_area).tobytes()
    foot = (0, band, width, COVER.height)
    assert one.crop(foot).tobytes() == other.crop(foot).tobytes()
    ink = ink_columns(one, title_area)
    margin = round(COVER.margin * width / 100)
    assert ink is not None
    assert abs(ink[0] - margin) <= margin // 4  # set from the left margin


def test_a_long_title_stays_inside_the_band_and_the_margins(harbour: Brief) -> None:
    words = " ".join(["Harbours under pressure and the weather"] * 12)
    picture = cover_picture(epub(titled(harbour, words)))
    margin = round(COVER.margin * COVER.width / 100)
    ink = ink_columns(picture, (0, band_height() // 4, COVER.width, band_height()))
    assert ink is not None
    assert ink[0] >= margin - 4
    assert ink[1] <= COVER.width - margin + 4
    edge = picture.crop((0, band_height() - 1, COVER.width, band_height()))
    assert len(edge.getcolors() or []) == 1  # nothing drawn over the band's lower edge


def test_a_right_to_left_brief_is_set_from_the_right_margin() -> None:
    brief = titled(briefexport.load(RTL / "arabic-brief.xml"), "الموانئ الصغيرة", "")
    picture = cover_picture(epub(brief))
    ink = ink_columns(picture, (0, band_height() // 3, COVER.width, band_height()))
    margin = round(COVER.margin * COVER.width / 100)
    assert ink is not None
    assert abs(ink[1] - (COVER.width - margin)) <= margin // 4
    assert ink[0] > 2 * margin  # a short Arabic title does not reach the left margin


def test_emoji_are_left_out_of_the_cover_not_drawn_as_boxes(harbour: Brief) -> None:
    """The house fallback for emoji is a colour bitmap font (Noto Color Emoji), which cannot
    be set at the cover's sizes; no outline face draws these emoji, so the cover leaves them
    out with the joiners and selectors of their sequences: a publisher of emoji alone prints
    nothing, not a crash, a row of empty boxes or an empty line."""
    plain = titled(harbour, "Harbours under pressure")
    flag = "\N{REGIONAL INDICATOR SYMBOL LETTER N}\N{REGIONAL INDICATOR SYMBOL LETTER L}"
    family = "\N{MAN}\N{ZERO WIDTH JOINER}\N{WOMAN}\N{ZERO WIDTH JOINER}\N{GIRL}"
    emoji = f"\N{WATER WAVE}\N{VARIATION SELECTOR-16} {flag} {family}"
    decorated = titled(harbour, f"Harbours {emoji} under pressure")
    only_emoji = dataclasses.replace(plain, meta=dataclasses.replace(plain.meta, publisher=emoji))
    no_publisher = dataclasses.replace(plain, meta=dataclasses.replace(plain.meta, publisher=""))
    assert cover_bytes(epub(decorated)) == cover_bytes(epub(plain))
    assert cover_bytes(epub(only_emoji)) == cover_bytes(epub(no_publisher))


def test_a_combining_mark_the_face_lacks_is_left_out(harbour: Brief) -> None:
    """Noto Sans has no enclosing keycap (U+20E3): the digit of a keycap emoji is drawn alone,
    not followed by an empty box; marks the face has, or that compose into a letter it has,
    stay."""
    keycap = "\N{DIGIT ONE}\N{VARIATION SELECTOR-16}\N{COMBINING ENCLOSING KEYCAP}"
    latin = family_face("Noto Sans", False, ())
    assert latin is not None
    assert not coverage(latin)(ord("\N{COMBINING ENCLOSING KEYCAP}"))
    assert "\N{COMBINING ENCLOSING KEYCAP}" not in drawable(f"Step {keycap}", latin)
    assert drawable("Cafe\N{COMBINING ACUTE ACCENT}", latin) == "Cafe\N{COMBINING ACUTE ACCENT}"
    drawn = cover_bytes(epub(titled(harbour, f"Step {keycap} of the plan")))
    assert drawn == cover_bytes(
        epub(titled(harbour, "Step 1\N{VARIATION SELECTOR-16} of the plan"))
    )


def test_a_font_of_the_style_folder_draws_the_title(harbour: Brief, tmp_path: Path) -> None:
    style = style_copy(tmp_path)
    write_font(style / "fonts" / "Boxes.ttf", "Box Test", LATIN)
    brand = style / "brand.toml"
    text = brand.read_text(encoding="utf-8")
    old = 'heading = ["Noto Sans", "DejaVu Sans"]'
    assert old in text
    brand.write_text(text.replace(old, f'{old[:11]}"Box Test", {old[11:]}\nfolders = ["fonts"]'))
    house, boxes = cover_picture(epub(harbour)), cover_picture(epub(harbour, style))
    band = (0, band_height() // 3, COVER.width, band_height())
    assert house.crop(band).tobytes() != boxes.crop(band).tobytes()


def test_the_brand_can_turn_the_cover_off(harbour: Brief, tmp_path: Path) -> None:
    data = epub(harbour, style_copy(tmp_path, enabled="false"))
    assert cover_items(data) == []
    assert "EPUB/cover.xhtml" not in book(data).namelist()
    opf = package(data)
    assert opf.xpath("//opf:itemref/@idref", namespaces=NS)[0] == "titlepage"
    assert opf.xpath("//opf:meta[@name='cover']", namespaces=NS) == []
    nav = document(data, "EPUB/nav.xhtml")
    assert "cover" not in nav.xpath("//h:nav[@epub:type='landmarks']//@epub:type", namespaces=NS)


@pytest.mark.parametrize("name", ["cover.png", "cover.jpg"])
def test_a_style_folder_supplies_its_own_cover(harbour: Brief, tmp_path: Path, name: str) -> None:
    style = style_copy(tmp_path)
    own = png(600, 900) if name.endswith(".png") else jpeg(600, 900)
    (style / name).write_bytes(own)
    data = epub(harbour, style)
    (item,) = cover_items(data)
    assert item.get("media-type") == ("image/png" if name.endswith(".png") else "image/jpeg")
    assert cover_bytes(data) == own


@pytest.mark.parametrize("name", ["cover.png", "cover.jpg"])
def test_a_style_cover_counts_for_the_epub_and_the_packages_that_hold_one(name: str) -> None:
    files = {"brand.toml": "1", "pdf.css": "2", "epub.css": "3", "reference.docx": "4", name: "5"}
    before, after = Settings("1", files, {}), Settings("1", {**files, name: "6"}, {})
    changed = {fmt for fmt in FORMATS if style_digest(before, fmt) != style_digest(after, fmt)}
    assert changed == {"epub", "bag", "dspace-saf"}


def test_a_style_cover_that_is_not_what_its_name_says_is_refused(
    harbour: Brief, tmp_path: Path
) -> None:
    style = style_copy(tmp_path)
    (style / "cover.png").write_bytes(jpeg(60, 90))
    with pytest.raises(InvalidStyleError, match=r"cover\.png is not a PNG image"):
        epub(harbour, style)


def test_without_raqm_a_latin_cover_is_drawn_and_an_arabic_one_left_out(
    harbour: Brief, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from briefexport.writers.epub import cover_fonts, cover_lines

    monkeypatch.setattr(cover_fonts, "shapes_complex_text", lambda: False)
    monkeypatch.setattr(cover_lines, "shapes_complex_text", lambda: False)
    forget_style_files()  # faces loaded again, with the basic layout
    assert cover_picture(epub(harbour)).size == (COVER.width, COVER.height)
    with caplog.at_level(logging.WARNING):
        data = epub(briefexport.load(RTL / "arabic-brief.xml"))
    assert cover_items(data) == []
    assert "no cover" in caplog.text
    monkeypatch.undo()
    forget_style_files()


@pytest.mark.slow
@pytest.mark.parametrize("own", ["none", "cover.jpg"])
def test_books_with_a_style_cover_or_none_pass_epubcheck(
    harbour: Brief, tmp_path: Path, own: str
) -> None:
    style = style_copy(tmp_path, enabled="false" if own == "none" else "true")
    if own != "none":
        (style / own).write_bytes(jpeg(1400, 2100))
    path = tmp_path / "book.epub"
    path.write_bytes(epub(harbour, style))
    assert check_book(path) == []


def jpeg(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(out, "JPEG")
    return out.getvalue()
