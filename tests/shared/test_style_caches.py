"""What keys the caches of style files: a file's size, time and inode; and forgetting them all."""

from __future__ import annotations

import os
from pathlib import Path

from briefexport.shared import coverage
from briefexport.shared.caches import STYLE_CACHES, file_stamp, forget_style_files
from support.fonts import PRIVATE, write_font


def test_a_file_put_in_place_with_the_same_size_and_time_has_another_stamp(
    tmp_path: Path,
) -> None:
    old, new = tmp_path / "old.ttf", tmp_path / "new.ttf"
    old.write_bytes(b"font one")
    new.write_bytes(b"font two")
    info = old.stat()
    os.utime(new, ns=(info.st_atime_ns, info.st_mtime_ns))
    before = file_stamp(old)
    os.replace(new, old)
    assert before is not None
    assert file_stamp(old) not in {before, None}
    assert file_stamp(tmp_path / "missing.ttf") is None


def test_forgetting_the_style_files_empties_the_font_caches(tmp_path: Path) -> None:
    write_font(tmp_path / "probe.ttf", "Probe", PRIVATE)
    assert not coverage.uncovered([PRIVATE], [], [tmp_path])
    cache = coverage._fonts_coverage
    assert cache.cache_clear in STYLE_CACHES
    assert cache.cache_info().currsize > 0
    forget_style_files()
    assert cache.cache_info().currsize == 0
