"""Pango's messages are the brief's warning lines (:mod:`.glib_log`): ``-q`` hides them, and
none reaches standard error as GLib's raw ``Pango-CRITICAL`` line.

Pango 1.50 prints one for small capitals when a colour emoji font is named in a font stack: a
style folder whose body families name Noto Color Emoji, and a brief with ``<sc>`` text and
emoji, give it.
"""

from __future__ import annotations

import ctypes
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefexport.shared.styles import default_style_dir
from briefexport.writers.pdf import glib_log
from support.skips import needs_tool
from support.small_brief import edited

from .test_pdf_startup import SRC

EMOJI_FONT = "Noto Color Emoji"
RAW = "Pango-CRITICAL"


def pango_critical(message: bytes) -> None:
    glib = ctypes.CDLL(glib_log.GLIB)
    glib.g_log(b"Pango", glib_log.CRITICAL, b"%s", message)


def test_a_pango_message_is_logged_as_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with (
        caplog.at_level(logging.WARNING, logger="briefexport"),
        glib_log.pango_messages_routed() as routed,
    ):
        pango_critical(b"pango_font_description_set_size: no")
    assert routed
    [record] = caplog.records
    assert record.name == glib_log.LOGGER.name
    assert record.getMessage().startswith("PDF: the text layout library Pango reported (critical)")
    assert "colour emoji font" in record.getMessage()


def test_pango_messages_are_left_alone_once_no_pdf_is_written(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """A program that embeds briefexport and uses Pango gets Pango's messages as GLib gives
    them outside the writing of a PDF, even after PDFs (nested ones too) were written."""
    with glib_log.pango_messages_routed(), glib_log.pango_messages_routed():
        pass
    with caplog.at_level(logging.WARNING, logger="briefexport"):
        pango_critical(b"a message of the embedding program")
    assert not caplog.records
    assert "Pango-CRITICAL **: " in capfd.readouterr().err


def test_a_message_without_a_hint_is_given_as_it_came() -> None:
    line = glib_log.pango_line(glib_log.WARNING, "something else")
    assert line == "PDF: the text layout library Pango reported (warning): something else"


def emoji_style(folder: Path) -> Path:
    """The house style with Noto Color Emoji named in the body's own families."""
    shutil.copytree(default_style_dir(), folder)
    brand = folder / "brand.toml"
    text = brand.read_text(encoding="utf-8")
    body = 'body = ["Noto Serif", "DejaVu Serif"]'
    assert body in text
    brand.write_text(text.replace(body, f'body = ["Noto Serif", "{EMOJI_FONT}"]'), "utf-8")
    return folder


def export(tmp_path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    source = tmp_path / "tides.xml"
    brief = edited("<p>Walls need care", "<p>The <sc>tide 🇳🇱 👨‍👩‍👧</sc> rose. Walls need care")
    source.write_text(brief, encoding="utf-8")
    style = emoji_style(tmp_path / "style")
    command = [sys.executable, "-m", "briefexport", str(source), "--to", "pdf"]
    command += ["--style", str(style), "-o", str(tmp_path / "tides.pdf"), *options]
    env = {**os.environ, "PYTHONPATH": str(SRC), "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def emoji_font_installed() -> bool:
    found = subprocess.run(["fc-list", EMOJI_FONT], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


needs_emoji_font = needs_tool(
    shutil.which("fc-list") is not None and emoji_font_installed(),
    f"the font {EMOJI_FONT}",
    "fonts-noto-color-emoji",
)


@pytest.mark.slow
@needs_emoji_font
def test_small_caps_with_emoji_give_a_warning_line_not_a_raw_pango_line(tmp_path: Path) -> None:
    done = export(tmp_path)
    assert done.returncode == 0, done.stderr
    assert RAW not in done.stderr
    assert "tides.xml" in done.stderr
    assert "warning: PDF: the text layout library Pango reported (critical)" in done.stderr


@pytest.mark.slow
@needs_emoji_font
def test_quiet_hides_pangos_message(tmp_path: Path) -> None:
    done = export(tmp_path, "-q")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
