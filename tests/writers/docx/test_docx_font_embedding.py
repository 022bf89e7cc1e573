"""The Word copy carries the brand's fonts (ECMA-376 Part 1, 17.8.1 and 17.8.3): obfuscated font
parts named in the font table with their keys, typing subsets that fontTools opens again and
that set text (ligatures, kerning, figures, Arabic joining) as the whole face does, only fonts
whose licence (``OS/2.fsType``) allows editing, nothing when the brand turns it off, the same
bytes every time; and LibreOffice, with the Noto fonts hidden, draws the text in them."""

from __future__ import annotations

import dataclasses
import io
import logging
import re
import shutil
import time
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
import uharfbuzz as hb
from fontTools.ttLib import TTFont

from briefexport.model import Brief
from briefexport.shared.brand import load_brand
from briefexport.shared.caches import forget_style_files
from briefexport.shared.styles import default_style_dir
from briefexport.writers.docx.font_faces import allowed_folders, family_faces
from briefexport.writers.docx.font_subset import font_key, obfuscate
from support.docx import NS, part, write_brief
from support.fonts import LATIN, write_font
from support.pdf import font_list
from support.skips import require_tool
from support.validators import libreoffice_to_pdf

OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
FACES = {"embedRegular": (False, False), "embedBold": (True, False),
         "embedItalic": (False, True), "embedBoldItalic": (True, True)}  # fmt: skip
KEY = re.compile(r"\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}")
W = "{" + NS["w"] + "}"


def embedded(data: bytes) -> list[tuple[str, str, str, bytes]]:
    """Each embedded face: family, element name, key, and the stored (obfuscated) bytes; each
    part has the obfuscated font's content type."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "word/_rels/fontTable.xml.rels" not in package.namelist():
            return []
    types = part(data, "[Content_Types].xml")
    overrides = {node.get("PartName"): node.get("ContentType") for node in types}
    rels = part(data, "word/_rels/fontTable.xml.rels")
    targets = {rel.get("Id"): rel for rel in rels.iterfind("rel:Relationship", NS)}
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for node in part(data, "word/fontTable.xml").iterfind("w:font/*", NS):
            tag = str(node.tag).removeprefix(W)
            if tag.startswith("embed"):
                rel = targets[node.get(f"{{{NS['r']}}}id")]
                assert rel.get("Type") == FONT_REL
                name = "word/" + rel.attrib["Target"]
                assert overrides.get("/" + name) == OBFUSCATED
                blob = package.read(name)
                font = node.getparent()
                assert font is not None
                found.append((font.attrib[W + "name"], tag, node.attrib[W + "fontKey"], blob))
    return found


def test_each_face_is_an_obfuscated_part_that_gives_back_the_font(tour_docx: bytes) -> None:
    faces = embedded(tour_docx)
    assert {family for family, *_ in faces} >= {"Noto Serif", "Noto Sans"}
    assert docx.Document(io.BytesIO(tour_docx)).paragraphs  # python-docx still opens it
    for family, tag, key, blob in faces:
        assert KEY.fullmatch(key), key
        assert blob[:4] not in (b"\x00\x01\x00\x00", b"OTTO", b"true")  # obfuscated
        font_bytes = obfuscate(blob, key)
        assert key == font_key(font_bytes)  # derived from the font, not drawn at random
        with TTFont(io.BytesIO(font_bytes)) as font:
            assert font["name"].getDebugName(1) == family
            selection = font["OS/2"].fsSelection
            assert (bool(selection & 0x20), bool(selection & 0x01)) == FACES[tag]


def test_the_font_parts_are_deflated_at_the_fastest_level(tour_docx: bytes) -> None:
    """Fonts are most of the package: zlib's level 1 halves the time spent compressing them."""
    with zipfile.ZipFile(io.BytesIO(tour_docx)) as package:
        fonts = [info for info in package.infolist() if info.filename.endswith(".odttf")]
        assert fonts
        for info in fonts:
            fastest = zlib.compressobj(1, zlib.DEFLATED, -zlib.MAX_WBITS)
            deflated = fastest.compress(package.read(info)) + fastest.flush()
            assert (info.compress_type, info.compress_size) == (zipfile.ZIP_DEFLATED, len(deflated))


def test_the_faces_are_in_the_schema_order_and_not_marked_subsetted(tour_docx: bytes) -> None:
    for entry in part(tour_docx, "word/fontTable.xml").iterfind("w:font", NS):
        tags = [str(child.tag).removeprefix(W) for child in entry if "embed" in str(child.tag)]
        assert tags == [tag for tag in FACES if tag in tags]
        assert not [child for child in entry if child.get(W + "subsetted")]
    settings = part(tour_docx, "word/settings.xml")
    assert settings.find("w:embedTrueTypeFonts", NS) is not None  # Word keeps them on saving
    assert settings.find("w:saveSubsetFonts", NS) is None


def test_an_embedded_face_keeps_letters_the_brief_does_not_use(tour_docx: bytes) -> None:
    family, _, key, blob = next(face for face in embedded(tour_docx) if face[1] == "embedRegular")
    installed = family_faces(family, ())[(False, False)].path
    with TTFont(io.BytesIO(obfuscate(blob, key))) as font, TTFont(installed) as whole:
        cmap = font.getBestCmap()
        for char in "ĄąČčĘęŠšŽžŁłŐőȘșȚțßøÆ€\u2013\u2014“”‰":
            assert ord(char) in cmap, char
        assert len(cmap) < len(whole.getBestCmap())  # a subset, not the whole face
        assert font["head"].modified == whole["head"].modified  # no time of saving


def shaped(data: bytes, text: str, features: dict[str, bool]) -> list[tuple[int, ...]]:
    """Each glyph HarfBuzz sets ``text`` in with the font: its character, advance and offsets
    (not its number, which subsetting changes)."""
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(hb.Font(hb.Face(hb.Blob(data))), buffer, features)
    return [(info.cluster, at.x_advance, at.x_offset, at.y_offset)
            for info, at in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)]  # fmt: skip


@pytest.mark.parametrize(
    ("brief", "family", "text", "features"),
    [
        ("tour_docx", "Noto Serif", "fit AVATAR To Wo", ["liga", "kern"]),
        ("tour_docx", "Noto Serif", "2026", ["onum"]),  # not among HarfBuzz's default features
        ("tour_docx", "Noto Serif", "Brief", ["smcp"]),
        ("urdu_docx", "Noto Naskh Arabic", "\u0628\u06cc\u062a", ["init", "medi", "fina"]),
    ],
)
def test_an_embedded_face_sets_text_as_the_whole_face_does(
    request: pytest.FixtureRequest, brief: str, family: str, text: str, features: list[str]
) -> None:
    faces = {name: (key, blob) for name, tag, key, blob in embedded(request.getfixturevalue(brief))
             if tag == "embedRegular"}  # fmt: skip
    key, blob = faces[family]
    font = obfuscate(blob, key)
    with TTFont(io.BytesIO(font)) as opened:
        assert {"GDEF", "GSUB", "GPOS"} <= set(opened.keys())
    whole = family_faces(family, ())[(False, False)].path.read_bytes()
    on, off = dict.fromkeys(features, True), dict.fromkeys(features, False)
    assert shaped(whole, text, on) != shaped(whole, text, off)  # the features change the setting
    assert shaped(font, text, on) == shaped(whole, text, on)


def test_an_urdu_brief_embeds_its_right_to_left_font_with_its_letters(urdu_docx: bytes) -> None:
    faces = {family: (key, blob) for family, tag, key, blob in embedded(urdu_docx)
             if tag == "embedRegular"}  # fmt: skip
    assert "Noto Naskh Arabic" in faces
    key, blob = faces["Noto Naskh Arabic"]
    with TTFont(io.BytesIO(obfuscate(blob, key))) as font:
        assert {0x0627, 0x06CC, 0x06D2} <= set(font.getBestCmap())  # alef, farsi yeh, yeh barree


def test_the_same_brief_gives_the_same_bytes_at_another_time(
    harbour: Brief, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write_brief(harbour)
    assert embedded(first)
    forget_style_files()  # subset again, a day later by the clock
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 86_400)
    assert write_brief(harbour) == first


def style_with_fonts(tmp_path: Path, fonts: dict[str, int], embed: bool = True) -> Path:
    """A copy of the house style whose body family is each of ``fonts`` in turn, in its own
    font folder, with the given ``fsType``; the reference document made from the brand."""
    style = tmp_path / "style"
    shutil.copytree(default_style_dir(), style)
    (style / "reference.docx").unlink()
    (style / "fonts").mkdir()
    for family, fs_type in fonts.items():
        path = write_font(style / "fonts" / f"{family.replace(' ', '')}.ttf", family, LATIN)
        with TTFont(path) as font:
            font["OS/2"].fsType = fs_type
            font["OS/2"].fsSelection = 0x40  # regular
            font.save(path)
    brand = (style / "brand.toml").read_text(encoding="utf-8")
    if fonts:
        body = ", ".join(f'"{family}"' for family in fonts)
        brand = brand.replace('body = ["Noto Serif", "DejaVu Serif"]', f"body = [{body}]")
    brand = re.sub(r"(?m)^embed_in_word = .*\n", "", brand)
    brand = brand.replace(
        "[fonts]\n", f'[fonts]\nfolders = ["fonts"]\nembed_in_word = {str(embed).lower()}\n'
    )
    (style / "brand.toml").write_text(brand, encoding="utf-8")
    return style


@pytest.mark.parametrize(
    ("fs_type", "reason"),
    [
        (0x0000, None),
        (0x0008, None),
        (0x0002, "its licence forbids embedding"),
        (0x0004, "its licence allows print and preview only"),
        (0x0200, "its licence allows bitmaps only"),
    ],
)
def test_only_a_font_whose_licence_allows_editing_is_embedded(
    harbour: Brief, tmp_path: Path, caplog: pytest.LogCaptureFixture, fs_type: int, reason: str
) -> None:
    style = style_with_fonts(tmp_path, {"Licence Test Serif": fs_type})
    with caplog.at_level(logging.WARNING):
        data = write_brief(harbour, style_dir=style)
    families = {family for family, *_ in embedded(data)}
    warnings = [entry.getMessage() for entry in caplog.records
                if "not embedded" in entry.getMessage()]  # fmt: skip
    if reason is None:
        assert "Licence Test Serif" in families
        assert not warnings
    else:
        assert "Licence Test Serif" not in families
        assert "Noto Sans" in families  # the others still are
        assert warnings == [
            f"docx: fonts not embedded in the Word copy: Licence Test Serif Regular ({reason})"
        ]


@pytest.mark.parametrize("embed", [True, False])
def test_the_brand_turns_embedding_off(harbour: Brief, tmp_path: Path, embed: bool) -> None:
    data = write_brief(harbour, style_dir=style_with_fonts(tmp_path, {"Off Test Serif": 0}, embed))
    if embed:
        assert {family for family, *_ in embedded(data)} >= {"Off Test Serif", "Noto Sans"}
        return
    assert not embedded(data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert not [name for name in package.namelist() if name.endswith(".odttf")]
    assert part(data, "word/settings.xml").find("w:embedTrueTypeFonts", NS) is None


def test_fonts_outside_the_style_folder_are_not_read(tmp_path: Path) -> None:
    style, elsewhere = tmp_path / "style", tmp_path / "elsewhere"
    (style / "fonts").mkdir(parents=True)
    elsewhere.mkdir()
    write_font(elsewhere / "Outside.ttf", "Outside Serif", LATIN)
    (style / "fonts" / "Linked.ttf").symlink_to(elsewhere / "Outside.ttf")
    shutil.copy(default_style_dir() / "brand.toml", style / "brand.toml")
    brand = load_brand(style)
    brand = dataclasses.replace(
        brand, fonts=dataclasses.replace(brand.fonts, folders=("fonts", "../elsewhere"))
    )
    assert allowed_folders(brand, style) == ((style / "fonts").resolve(),)
    assert family_faces("Outside Serif", allowed_folders(brand, style)) == {}
    assert family_faces("Outside Serif", (elsewhere,))  # found when its folder is given


@pytest.mark.slow
def test_libreoffice_draws_the_text_in_the_embedded_fonts_where_none_is_installed(
    harbour: Brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    require_tool(dejavu.is_dir(), "the DejaVu fonts", "fonts-dejavu-core")
    config = tmp_path / "fonts.conf"
    config.write_text(
        f'<?xml version="1.0"?>\n<fontconfig><dir>{dejavu}</dir>'
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))  # LibreOffice sees DejaVu only
    (tmp_path / "off").mkdir()
    off = style_with_fonts(tmp_path / "off", {}, embed=False)
    documents = {"on": tmp_path / "on.docx", "off": tmp_path / "off.docx"}
    documents["on"].write_bytes(write_brief(harbour))
    documents["off"].write_bytes(write_brief(harbour, style_dir=off))
    pdfs = {  # one run each: LibreOffice keeps a document's fonts until it ends
        name: libreoffice_to_pdf({name: path}, tmp_path / name, tmp_path / f"profile-{name}")[name]
        for name, path in documents.items()
    }
    with_fonts, without = font_list(pdfs["on"]), font_list(pdfs["off"])
    for name in ("NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSans-Bold"):
        assert f"+{name} " in with_fonts, with_fonts
    assert "DejaVuSerif " not in with_fonts
    assert "Noto" not in without, without
