"""Reading a font's table directory and ``cmap`` (``shared.cmap``): which characters it draws,
and whether it has outlines to be set at any size."""

from __future__ import annotations

from pathlib import Path

from briefexport.shared.cmap import coverage, scalable
from support.fonts import PRIVATE, write_font


def test_a_font_covers_the_characters_its_cmap_maps(tmp_path: Path) -> None:
    covers = coverage(write_font(tmp_path / "a.ttf", "Cmap Test", "ab" + PRIVATE))
    assert [covers(ord(char)) for char in "abc" + PRIVATE] == [True, True, False, True]


def test_a_font_with_glyph_outlines_is_scalable(tmp_path: Path) -> None:
    assert scalable(write_font(tmp_path / "a.ttf", "Cmap Test", "ab"))


def test_a_font_with_only_bitmaps_is_not_scalable(tmp_path: Path) -> None:
    """A colour emoji font has ``CBDT`` bitmaps where an outline font has ``glyf``: the same
    font with its ``glyf`` table renamed stands for one."""
    data = write_font(tmp_path / "a.ttf", "Cmap Test", "ab").read_bytes()
    at = data.index(b"glyf", 12)
    assert at < 12 + 16 * int.from_bytes(data[4:6], "big")  # in the table directory
    bitmap = tmp_path / "bitmap.ttf"
    bitmap.write_bytes(data[:at] + b"CBDT" + data[at + 4 :])
    assert not scalable(bitmap)
    assert coverage(bitmap)(ord("a"))


def test_an_unreadable_file_draws_nothing_and_is_not_scalable(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    assert not scalable(broken)
    assert not coverage(broken)(ord("a"))
    assert not scalable(tmp_path / "missing.ttf")
