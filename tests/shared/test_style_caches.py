"""What keys the caches of style files: a file's size, time and inode; and forgetting them all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefexport.shared import brand, coverage, filemodes, i18n
from briefexport.shared.brand import Brand, load_brand
from briefexport.shared.caches import STYLE_CACHES, file_stamp, forget_style_files
from briefexport.shared.i18n import label
from briefexport.shared.styles import default_style_dir, folder_stamp
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


def test_a_style_file_gone_between_listing_and_reading_is_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "kept.css").write_text("p {}", encoding="utf-8")
    listed = [tmp_path / "kept.css", tmp_path / ".kept.css.swp"]  # the second already gone
    monkeypatch.setattr(Path, "rglob", lambda self, pattern: iter(listed))
    monkeypatch.setattr(Path, "is_file", lambda self: True)
    assert [entry[0] for entry in folder_stamp(tmp_path)] == ["kept.css"]


def test_without_a_umask_line_the_umask_is_set_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a kernel older than 4.7 has /proc/self/status without its Umask line
    status = tmp_path / "status"
    status.write_text("Name:\tpython\n", encoding="ascii")
    monkeypatch.setattr(filemodes, "_STATUS", str(status))
    monkeypatch.setattr(filemodes, "_UMASK_AT_IMPORT", None)
    filemodes._umask_once.cache_clear()
    calls: list[int] = []
    real_umask = os.umask

    def recorded_umask(mask: int) -> int:
        calls.append(mask)
        return real_umask(mask)

    monkeypatch.setattr(os, "umask", recorded_umask)
    first = filemodes.current_umask()
    assert [filemodes.current_umask() for _ in range(5)] == [first] * 5
    assert len(calls) == 2  # set and restored, once
    filemodes._umask_once.cache_clear()
