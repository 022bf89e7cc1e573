"""A program that exports again and again in one process (a notebook, a web service) sees a font
added to the style folder between two exports: the warning about a character no font draws goes.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

import briefexport
from briefexport.model import Paragraph, Text
from briefexport.shared.styles import default_style_dir
from support.briefs import brief_with_blocks
from support.fonts import PRIVATE, write_font
from support.skips import needs_tool

WARNING = "PDF: no installed font can draw U+E000"


@needs_tool(shutil.which("fc-list") is not None, "fc-list", "fontconfig")  # else nothing is warned
def test_a_font_added_to_the_style_folder_ends_the_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    style = tmp_path / "style"
    shutil.copytree(default_style_dir(), style)
    brief = brief_with_blocks((Paragraph((Text(f"A private sign {PRIVATE} here."),)),))

    def warnings() -> list[str]:
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="briefexport"):
            briefexport.export(brief, "pdf", tmp_path / "brief.pdf", style_dir=style)
        return [record.getMessage() for record in caplog.records]

    assert [message for message in warnings() if message.startswith(WARNING)]
    write_font(style / "fonts" / "probe.ttf", "Probe", PRIVATE)
    assert not [message for message in warnings() if message.startswith(WARNING)]
