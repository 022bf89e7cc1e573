"""A process that serves one style folder while it is edited reads its labels again."""

from __future__ import annotations

import os
from pathlib import Path

from briefexport.shared.i18n import label
from support.batch import copied_style


def test_an_edited_labels_file_is_read_again(tmp_path: Path) -> None:
    style = copied_style(tmp_path / "style")
    labels = style / "labels.toml"
    assert label("en", "suggested_citation", style) == "Suggested citation"
    text = labels.read_text(encoding="utf-8")
    labels.write_text(text.replace('"Suggested citation"', '"Cite as"'), encoding="utf-8")
    info = labels.stat()
    os.utime(labels, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))  # a later time
    assert label("en", "suggested_citation", style) == "Cite as"
