"""The parsed print style kept between briefs: reused while nothing changed, parsed again when
the style folder changes, per thread, and its ``@font-face`` fonts removed when a worker ends."""

from __future__ import annotations

import multiprocessing
import shutil
import tempfile
import threading
from pathlib import Path

import pytest

import briefexport
from briefexport.options import default_options
from briefexport.shared.styles import default_style_dir
from briefexport.writers.pdf.fetcher import SandboxedFetcher
from briefexport.writers.pdf.stylesheet import HouseStyle, house_style, style_root
from support.files import replace_keeping_size_and_time
from support.fonts import write_font
from support.paths import HARBOUR
from support.skips import needs_tool, skipif_platform

SYSTEM_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


def style_copy(folder: Path) -> Path:
    shutil.copytree(default_style_dir(), folder)
    return folder


def kept(style_dir: Path) -> HouseStyle:
    options = default_options(briefexport.load(HARBOUR), style_dir=style_dir)
    return house_style(options, SandboxedFetcher([style_root(options)]))


def test_the_same_style_is_parsed_once_and_a_changed_one_again(tmp_path: Path) -> None:
    style = style_copy(tmp_path / "style")
    first = kept(style)
    assert kept(style) is first
    with (style / "pdf.css").open("a", encoding="utf-8") as sheet:
        sheet.write("\nh1 { color: black; }\n")
    changed = kept(style)
    assert changed is not first
    (style / "logo-unused.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>\n")
    assert kept(style) is not changed  # any file of the folder may be named by a url()


def test_a_font_put_in_place_with_the_same_size_and_time_is_loaded_again(tmp_path: Path) -> None:
    style = style_copy(tmp_path / "style")
    face = write_font(style / "face.ttf", "Kept Face", "a")
    with (style / "pdf.css").open("a", encoding="utf-8") as sheet:
        sheet.write('\n@font-face { font-family: "Kept Face"; src: url(face.ttf); }\n')
    first = kept(style)
    other = write_font(tmp_path / "other.ttf", "Kept Face", "b").read_bytes()
    replace_keeping_size_and_time(face, other)
    assert kept(style) is not first


def test_each_thread_parses_its_own(tmp_path: Path) -> None:
    style = style_copy(tmp_path / "style")
    here = kept(style)
    there: list[HouseStyle] = []
    thread = threading.Thread(target=lambda: there.append(kept(style)))
    thread.start()
    thread.join()
    assert there
    assert there[0] is not here
    assert there[0].fonts is not here.fonts


def render_with_font_face(style: Path, out: Path, temporary: Path) -> None:
    """Runs in a worker process: one PDF with the style's ``@font-face`` font."""
    tempfile.tempdir = str(temporary)  # where WeasyPrint's font folder goes
    brief = briefexport.load(HARBOUR)
    briefexport.export(brief, "pdf", out, style_dir=style)


@pytest.mark.slow
@needs_tool(SYSTEM_FONT.is_file(), "the DejaVu Serif font file", "fonts-dejavu-core")
@skipif_platform(
    "forkserver" not in multiprocessing.get_all_start_methods(), reason="needs a fork server"
)
def test_a_worker_leaves_no_font_folder_behind(tmp_path: Path) -> None:
    # batch workers start from a fork server and end with os._exit (no __del__, no atexit)
    style = style_copy(tmp_path / "style")
    shutil.copy(SYSTEM_FONT, style / "face.ttf")
    with (style / "pdf.css").open("a", encoding="utf-8") as sheet:
        sheet.write('\n@font-face { font-family: "Kept Face"; src: url(face.ttf); }\n')
        sheet.write('p { font-family: "Kept Face"; }\n')
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    worker = multiprocessing.get_context("forkserver").Process(
        target=render_with_font_face, args=(style, tmp_path / "out.pdf", temporary)
    )
    worker.start()
    worker.join(timeout=300)
    assert worker.exitcode == 0
    assert (tmp_path / "out.pdf").stat().st_size > 0
    assert [path.name for path in temporary.iterdir()] == []
