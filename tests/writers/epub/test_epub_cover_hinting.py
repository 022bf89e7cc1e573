"""The cover's TrueType faces are loaded with glyph hinting switched off by their own ``prep``
program (``INSTCTRL``), every other table kept as it is; other fonts are loaded as they are."""

from __future__ import annotations

import io
from pathlib import Path

from fontTools.ttLib import TTFont

from briefexport.writers.epub import cover_fonts
from briefexport.writers.epub.cover_hinting import is_truetype, without_glyph_hinting
from support.fonts import LATIN, write_font


def tables(data: bytes) -> dict[str, bytes]:
    font = TTFont(io.BytesIO(data))
    return {tag: font.reader[tag] for tag in font.reader.tables}


def test_the_prep_program_turns_glyph_programs_off_and_the_rest_is_kept(tmp_path: Path) -> None:
    data = write_font(tmp_path / "box.ttf", "Box Hinting", LATIN).read_bytes()
    before, after = tables(data), tables(without_glyph_hinting(data))
    assert "prep" not in before
    prep = TTFont(io.BytesIO(without_glyph_hinting(data)))["prep"].program.getAssembly()
    assert [line.split("\t")[0] for line in prep] == ["PUSHB[ ]", "1", "1", "INSTCTRL[ ]"]
    assert {tag: table for tag, table in after.items() if tag != "prep"} == before


def test_a_font_that_has_a_prep_table_gets_the_new_one(tmp_path: Path) -> None:
    once = without_glyph_hinting(write_font(tmp_path / "box.ttf", "Box Twice", LATIN).read_bytes())
    assert without_glyph_hinting(once) == once


def test_the_cover_draws_truetype_faces_from_the_unhinted_copy(tmp_path: Path) -> None:
    path = write_font(tmp_path / "box.ttf", "Box Cover", LATIN)
    face = cover_fonts.face(path, 40)
    assert face.font_bytes == without_glyph_hinting(path.read_bytes())


def test_fonts_without_truetype_outlines_are_loaded_as_they_are() -> None:
    assert is_truetype(b"\x00\x01\x00\x00" + bytes(8))
    assert not is_truetype(b"OTTO" + bytes(8))  # CFF outlines, hinted by no bytecode
    assert not is_truetype(b"ttcf" + bytes(8))  # a collection (Noto CJK)


def test_a_table_directory_that_does_not_hold_together_is_left_alone(tmp_path: Path) -> None:
    data = write_font(tmp_path / "box.ttf", "Box Broken", LATIN).read_bytes()
    assert is_truetype(data)
    assert not is_truetype(data[: len(data) // 2])  # tables past the end of the file
    first_tag, second_tag = data[12:16], data[28:32]
    twice = data[:28] + first_tag + data[32:]  # the second record carries the first's tag
    assert second_tag != first_tag
    assert not is_truetype(twice)


def test_a_font_that_draws_with_its_hinting_is_loaded_as_it_is(tmp_path: Path) -> None:
    """FreeType's "tricky" fonts (MingLiU and DynaLab's) place their strokes by hinting."""
    tricky = write_font(tmp_path / "ming.ttf", "MingLiU", LATIN)
    plain = write_font(tmp_path / "box.ttf", "Box Plain", LATIN)
    assert getattr(cover_fonts.face(tricky, 40), "font_bytes", None) is None
    assert cover_fonts.face(plain, 40).font_bytes
