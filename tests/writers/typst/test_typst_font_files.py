"""The font files the Typst engine finds by name: every font file under the standard folders,
as ``os.walk`` visits them (a link to a folder is not entered), by the family part of the name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefexport.shared import fontfiles as fonts


def test_named_files_as_os_walk_finds_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, elsewhere = tmp_path / "fonts", tmp_path / "elsewhere"
    (root / "truetype" / "noto").mkdir(parents=True)
    elsewhere.mkdir()
    for name in ("NotoSerif-Bold.ttf", "NotoSerif-Regular.TTF", "readme.txt"):
        (root / "truetype" / "noto" / name).write_bytes(b"")
    (root / "DejaVuSans.ttf").write_bytes(b"")
    (elsewhere / "Hidden-Regular.otf").write_bytes(b"")
    os.symlink(elsewhere, root / "linked")
    os.symlink(root / "DejaVuSans.ttf", root / "Linked-Regular.ttc")
    monkeypatch.setattr(fonts, "FONT_ROOTS", (root, tmp_path / "missing"))
    fonts._named_files.cache_clear()
    try:
        found = {stem: sorted(paths) for stem, paths in fonts._named_files().items()}
    finally:
        fonts._named_files.cache_clear()
    walked: dict[str, list[str]] = {}
    for folder, _, names in os.walk(root):
        for name in names:
            if name.lower().endswith(fonts.FONT_SUFFIXES):
                stem = name.rsplit(".", 1)[0].split("-", 1)[0]
                walked.setdefault(stem, []).append(os.path.join(folder, name))
    assert found == {stem: sorted(paths) for stem, paths in walked.items()}
    assert set(found) == {"NotoSerif", "DejaVuSans", "Linked"}
    assert len(found["NotoSerif"]) == 2
