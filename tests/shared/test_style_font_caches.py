"""A process that exports again and again sees the fonts of a style folder as they are now: the
code points they cover are read again once a font is added, rewritten or removed."""

from __future__ import annotations

from pathlib import Path

from briefexport.shared import coverage
from support.fonts import PRIVATE, write_font


def test_fonts_added_replaced_and_removed_in_a_style_folder_count(tmp_path: Path) -> None:
    style = tmp_path / "style"
    style.mkdir()
    assert coverage.uncovered([f"a {PRIVATE}"], [], [style]) == ["a", PRIVATE]
    font = write_font(style / "fonts" / "probe.ttf", "Probe", PRIVATE)
    assert coverage.uncovered([f"a {PRIVATE}"], [], [style]) == ["a"]
    write_font(font, "Probe", "a")  # the same file, rewritten
    assert coverage.uncovered([f"a {PRIVATE}"], [], [style]) == [PRIVATE]
    font.unlink()
    assert coverage.uncovered([f"a {PRIVATE}"], [], [style]) == ["a", PRIVATE]
