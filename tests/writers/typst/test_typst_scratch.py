"""The Typst writer's private folders: made for their owner only, removed whole, links unfollowed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from briefexport.writers.typst.scratch import private_folder, remove_folder, temporary_root


def test_a_private_folder_is_new_empty_and_its_owners(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    first, second = private_folder("x-"), private_folder("x-")
    assert first != second
    assert first.parent == second.parent == tmp_path
    assert first.name.startswith("x-")
    assert not any(first.iterdir())
    assert stat.S_IMODE(first.stat().st_mode) & 0o077 == 0


def test_the_variables_tempfile_reads_come_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TMP", str(tmp_path / "c"))
    monkeypatch.setenv("TEMP", str(tmp_path / "b"))
    assert temporary_root() == str(tmp_path / "b")


def test_removing_a_folder_removes_links_not_their_targets(tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "font.ttf").write_bytes(b"font")
    folder = tmp_path / "scratch"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "main.typ").write_text("text")
    os.symlink(kept / "font.ttf", folder / "0-font.ttf")
    os.symlink(kept, folder / "linked-folder")
    remove_folder(folder)
    assert not folder.exists()
    assert (kept / "font.ttf").read_bytes() == b"font"
