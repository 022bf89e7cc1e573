"""A program that exports again and again in one process (a notebook, a web service) sees the
fonts of the brand's font folders as they are at each export: a font added there is indexed and
embedded, a font replaced there is read again."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest

import briefexport
from briefexport.model import Paragraph, Text
from briefexport.shared.fontfiles import folder_files
from briefexport.shared.styles import default_style_dir
from briefexport.writers.typst import fonts as typst_fonts
from support.briefs import brief_with_blocks
from support.fonts import LATIN, PRIVATE, write_font
from support.pdf import font_list

WARNING = "PDF (Typst): no font of the brand can draw U+E000"


def style_with_font_folder(tmp_path: Path, body: str = '"Noto Serif"') -> Path:
    """A copy of the shipped style whose brand reads the font folder ``fonts`` (empty) and
    sets body text in ``body``, then in the shipped families."""
    style = tmp_path / "style"
    shutil.copytree(default_style_dir(), style)
    brand = style / "brand.toml"
    text = brand.read_text(encoding="utf-8")
    old = 'body = ["Noto Serif", "DejaVu Serif"]'
    assert old in text
    new = f'folders = ["fonts"]\nbody = [{body}, "Noto Serif", "DejaVu Serif"]'
    brand.write_text(text.replace(old, new, 1), encoding="utf-8")
    (style / "fonts").mkdir()
    return style


def export(text: str, style: Path, out: Path, caplog: pytest.LogCaptureFixture) -> list[str]:
    """Export a brief of one paragraph with the Typst engine; the warnings logged."""
    brief = brief_with_blocks((Paragraph((Text(text),)),))
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="briefexport"):
        briefexport.export(brief, "pdf", out, style_dir=style, pdf_engine="typst")
    return [record.getMessage() for record in caplog.records]


def test_a_font_added_to_a_brand_folder_is_indexed_and_embedded(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    style = style_with_font_folder(tmp_path, body='"Probe Serif"')
    before, after = tmp_path / "before.pdf", tmp_path / "after.pdf"
    export("Harbour walls and tides.", style, before, caplog)
    assert "ProbeSerif" not in font_list(before)
    write_font(style / "fonts" / "probe-serif.ttf", "Probe Serif", LATIN)
    export("Harbour walls and tides.", style, after, caplog)
    assert "ProbeSerif-Regular" in font_list(after)


def test_a_font_replaced_in_a_brand_folder_is_read_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    style = style_with_font_folder(tmp_path)
    font = write_font(style / "fonts" / "probe.ttf", "Probe", "A")
    before, after = tmp_path / "before.pdf", tmp_path / "after.pdf"
    text = f"A private sign {PRIVATE} here."
    assert [message for message in export(text, style, before, caplog) if WARNING in message]
    write_font(font, "Probe", f"A{PRIVATE}")
    assert not [message for message in export(text, style, after, caplog) if WARNING in message]
    assert "Probe-Regular" in font_list(after)


def test_the_brand_folders_are_listed_once_per_brief(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every pass of a brief (and the index of its fonts) uses one listing of the folders; the
    next brief lists them again, so it sees a font added in between."""
    listed: list[tuple[Path, ...]] = []

    def counted(folders: Iterable[Path], *suffixes: tuple[str, ...]) -> list[Path]:
        listed.append(tuple(folders))
        return folder_files(listed[-1], *suffixes)

    monkeypatch.setattr(typst_fonts, "folder_files", counted)
    style = style_with_font_folder(tmp_path, body='"Probe Serif"')
    export("Harbour walls and tides.", style, tmp_path / "first.pdf", caplog)
    assert listed == [((style / "fonts").resolve(),)]
    write_font(style / "fonts" / "probe-serif.ttf", "Probe Serif", LATIN)
    export("Harbour walls and tides.", style, tmp_path / "second.pdf", caplog)
    assert len(listed) == 2
    assert "ProbeSerif-Regular" in font_list(tmp_path / "second.pdf")
