"""What the reader says of a figure file that cannot be used: damaged pixels, a truncated JPEG,
too many pixels (with no raw Python warning), a FIFO, a path through ``..``; and of a brief
that is missing or has a newline in its name."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import ImageFile

from briefexport.cli import main
from support.images import png, truncated_jpeg, undecodable_png
from support.small_brief import BRIEF, edited

FIGURE_AT = "brief.xml:11:67"


def with_figure(folder: Path, href: str) -> Path:
    brief = folder / "brief.xml"
    figure = f'<fig><graphic xlink:href="{href}"><alt-text>x</alt-text></graphic></fig>'
    brief.write_text(edited("</p>\n</body>", f"</p>{figure}\n</body>", BRIEF), "utf-8")
    return brief


def validate(brief: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["validate", str(brief)])
    return status, capsys.readouterr().err.replace(str(brief), "brief.xml")


@pytest.mark.parametrize(
    ("name", "content"),
    [("broken.png", undecodable_png()), ("cut.jpg", truncated_jpeg())],
    ids=["png-pixels-not-zlib", "jpeg-truncated"],
)
@pytest.mark.parametrize("tolerant", [False, True], ids=["pillow-default", "as-weasyprint-sets"])
def test_an_image_whose_pixels_cannot_be_decoded(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: bytes,
    tolerant: bool,
) -> None:
    # importing WeasyPrint turns Pillow's LOAD_TRUNCATED_IMAGES on for the whole process
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", tolerant)
    (tmp_path / name).write_bytes(content)
    status, err = validate(with_figure(tmp_path, name), capsys)
    message = f"image {name!r} is damaged: its pixels cannot be decoded"
    assert (status, err) == (2, f"{FIGURE_AT}: error: {message}\n")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is tolerant


def test_a_sound_image_is_still_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ok.png").write_bytes(png(40, 30))
    assert validate(with_figure(tmp_path, "ok.png"), capsys) == (0, "")


def test_too_many_pixels_is_one_line_without_a_python_warning(tmp_path: Path) -> None:
    # 9,500 squared is over Pillow's warning limit and under twice it: Pillow warns as it opens
    # the file; a fresh process, so that Python's own filters print what reaches them
    (tmp_path / "huge.png").write_bytes(png(9500, 9500))
    brief = with_figure(tmp_path, "huge.png")
    command = [sys.executable, "-m", "briefexport", "validate", str(brief)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    message = "image 'huge.png' is 9500 by 9500 pixels; figures must be at most 40000000 pixels"
    assert (done.returncode, done.stderr) == (2, f"{brief}:11:67: error: {message}\n")


def test_a_fifo_figure_is_not_a_regular_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(tmp_path / "pipe.png")
    status, err = validate(with_figure(tmp_path, "pipe.png"), capsys)
    assert (status, err) == (2, f"{FIGURE_AT}: error: file 'pipe.png' is not a regular file\n")


def test_a_path_through_dot_dot_that_stays_inside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "x.png").write_bytes(png(4, 4))
    status, err = validate(with_figure(tmp_path, "figures/../figures/x.png"), capsys)
    message = "path 'figures/../figures/x.png' has a '..' part; name the file from the brief's"
    assert (status, err) == (2, f"{FIGURE_AT}: error: {message} folder down\n")


def test_a_missing_brief_is_not_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.xml"
    assert main(["validate", str(missing)]) == 2
    expected = f"{missing}:1:1: error: cannot read file: No such file or directory\n"
    assert capsys.readouterr().err == expected


def test_a_folder_is_not_a_regular_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"{tmp_path}:1:1: error: not a regular file\n"


def test_a_newline_in_the_name_keeps_each_problem_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = tmp_path / "two\nlines.xml"
    brief.write_text(edited('rid="fn1"', 'rid="fn9"'), "utf-8")
    assert main(["validate", str(brief)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines
    assert all(line.startswith(f"{tmp_path}/two\\nlines.xml:") for line in lines)


@pytest.mark.parametrize("also_named", [False, True], ids=["no-such-file", "a-file-so-named"])
def test_a_backslash_is_no_separator_in_a_figure_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], also_named: bool
) -> None:
    # Windows alone would read figures\x.png as a folder and a file; on Linux a file may have
    # that name, and the brief would then read a different file on each system
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "x.png").write_bytes(png(4, 4))
    if also_named:
        (tmp_path / "figures\\x.png").write_bytes(png(4, 4))
    status, err = validate(with_figure(tmp_path, "figures\\x.png"), capsys)
    message = (
        "path 'figures\\\\x.png' separates folders with a backslash; a figure path is a URI"
        " reference, where '/' separates them: write 'figures/x.png'"
    )
    assert (status, err) == (2, f"{FIGURE_AT}: error: {message}\n")
