"""What keys the caches of style files: a file's size, time and inode; and forgetting them all."""

from __future__ import annotations

from pathlib import Path

from briefexport.shared import brand, coverage, i18n
from briefexport.shared.brand import Brand, load_brand
from briefexport.shared.caches import STYLE_CACHES, file_stamp, forget_style_files
from briefexport.shared.i18n import label
from briefexport.shared.styles import default_style_dir
from support.files import replace_keeping_size_and_time
from support.fonts import PRIVATE, write_font


def test_a_file_put_in_place_with_the_same_size_and_time_has_another_stamp(
    tmp_path: Path,
) -> None:
    font = tmp_path / "font.ttf"
    font.write_bytes(b"font one")
    before = file_stamp(font)
    replace_keeping_size_and_time(font, b"font two")
    assert before is not None
    assert file_stamp(font) not in {before, None}
    assert file_stamp(tmp_path / "missing.ttf") is None


def test_forgetting_the_style_files_empties_their_caches(tmp_path: Path) -> None:
    write_font(tmp_path / "probe.ttf", "Probe", PRIVATE)
    assert not coverage.uncovered([PRIVATE], [], [tmp_path])
    assert load_brand(default_style_dir()) == Brand()
    assert label("en", "suggested_citation") == "Suggested citation"
    for cache in (coverage._fonts_coverage, brand._load, i18n._read_labels):
        assert cache.cache_clear in STYLE_CACHES
        assert cache.cache_info().currsize > 0
    forget_style_files()
    for cache in (coverage._fonts_coverage, brand._load, i18n._read_labels):
        assert cache.cache_info().currsize == 0
