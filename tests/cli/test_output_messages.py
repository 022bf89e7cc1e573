"""The command line's words for what goes wrong with outputs: an output folder that is a file,
a warning said twice by the writers a package runs again, a Python warning from a library."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pytest
from PIL import Image

from briefexport import formats
from briefexport.cli import main
from briefexport.model import Brief
from briefexport.options import WriteOptions
from support.small_brief import BRIEF, edited


@pytest.mark.parametrize("where", ["a file", "/dev/null"])
def test_an_output_folder_that_is_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    brief = tmp_path / "brief.xml"
    brief.write_text(BRIEF, "utf-8")
    folder = tmp_path / "taken" if where == "a file" else Path(where)
    if where == "a file":
        folder.write_text("not a folder\n")
    assert main([str(brief), "--to", "html", "-o", str(folder)]) == 2
    expected = f"-o {folder}: not a folder (outputs are named after each brief)"
    assert capsys.readouterr().err == f"briefexport: error: {expected}\n"
    assert not (tmp_path / "brief.html").exists()


def webp_brief(folder: Path) -> Path:
    stream = io.BytesIO()
    Image.new("RGB", (60, 40), (10, 120, 200)).save(stream, "WEBP", lossless=True)
    (folder / "map.webp").write_bytes(stream.getvalue())
    figure = '<fig><graphic xlink:href="map.webp"><alt-text>A map</alt-text></graphic></fig>'
    brief = folder / "brief.xml"
    brief.write_text(edited("</p>\n</body>", f"</p>{figure}\n</body>"), "utf-8")
    return brief


def test_a_writer_warning_is_printed_once_though_a_package_writes_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the DOCX writer runs for the .docx and again for the rendition inside the bag
    brief = webp_brief(tmp_path)
    assert main([str(brief), "--to", "docx,bag", "-o", str(tmp_path / "out")]) == 0
    lines = capsys.readouterr().err.splitlines()
    warning = [line for line in lines if "cannot be shown in Word" in line]
    expected = f"{brief}:11:62: warning: docx: image map.webp cannot be shown in Word; alt text"
    assert warning == [f"{expected} instead"]


def warning_writer(brief: Brief, options: WriteOptions) -> bytes:
    warnings.warn("a library's\nwarning on two lines", UserWarning, stacklevel=1)
    return b"written\n"


def test_a_python_warning_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    brief = tmp_path / "brief.xml"
    brief.write_text(BRIEF, "utf-8")
    html = formats.FORMATS["html"]
    noisy = formats.Format(
        "html", html.suffix, html.media_type, f"{__name__}:warning_writer", "", ""
    )
    monkeypatch.setitem(formats.FORMATS, "html", noisy)
    monkeypatch.setattr(formats, "get_writer", lambda fmt: warning_writer)
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        assert main([str(brief), "--to", "html"]) == 0
    expected = f"{brief}: warning: UserWarning: a library's warning on two lines\n"
    assert capsys.readouterr().err == expected
