"""A style's CSS reaches HTML and EPUB through the PDF writer's sandbox (issue 16, item 7).

Only ``data:`` URIs and files inside the style folder may be used; local files are inlined, so
no output ever names a remote or ``file:`` resource.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from briefexport.shared.styles import default_style_dir
from support.checker_lines import epubcheck_messages, nu_messages
from support.cli_runs import RunCli
from support.small_brief import BRIEF

FORMATS = ("html", "epub")


@pytest.fixture
def style(tmp_path: Path) -> Path:
    """A copy of the house style to edit."""
    folder = tmp_path / "style"
    shutil.copytree(default_style_dir(), folder)
    return folder


def prepend(sheet: Path, css: str) -> None:
    sheet.write_text(css + sheet.read_text(encoding="utf-8"), encoding="utf-8")


def written_css(out: Path, fmt: str) -> str:
    """The CSS an output carries: the page's style element, or the book's stylesheet."""
    if fmt == "html":
        return (out / "brief.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(out / "brief.epub") as book:
        return book.read("EPUB/style/brief.css").decode("utf-8")


def export(cli: RunCli, brief: Path, style: Path, fmt: str, out: Path) -> tuple[int, str]:
    return cli(brief, "--to", fmt, "--style", style, "-o", out)


# The CSS put first in common.css, and where the refusal must point (the @import rule, or the
# url() or image-set string naming the resource).
REFUSED = {
    "remote-import": ('@import url("https://fonts.example/brand.css");\n', "common.css:1:1"),
    "remote-import-string": ('@import "http://fonts.example/brand.css";\n', "common.css:1:1"),
    "file-url": ("body { background: url(file:///etc/hostname); }\n", "common.css:1:20"),
    "protocol-relative": ('p { background: url("//cdn.example/p.png"); }\n', "common.css:1:17"),
    "leaves-folder": ("p { background: url(../outside.png); }\n", "common.css:1:17"),
    "absolute-path": ("p {\n  background: url(/etc/hostname); }\n", "common.css:2:15"),
    "image-set": (
        'p { background: image-set("https://x.example/a.png" 1x); }\n',
        "common.css:1:27",
    ),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", list(REFUSED))
def test_style_urls_outside_the_folder_are_refused(
    case: str, fmt: str, style: Path, brief_file: Callable[[str], Path], cli: RunCli, tmp_path: Path
) -> None:
    css, where = REFUSED[case]
    (tmp_path / "outside.png").write_bytes(b"not read")
    prepend(style / "common.css", css)
    status, err = export(cli, brief_file(BRIEF), style, fmt, tmp_path / "out")
    assert status == 1
    assert "refused" in err
    assert where in err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_a_brand_value_cannot_smuggle_in_a_url(
    style: Path, brief_file: Callable[[str], Path], cli: RunCli, tmp_path: Path
) -> None:
    brand = style / "brand.toml"
    text = brand.read_text(encoding="utf-8")
    pattern, value = r'(?m)^rule = "[^"]*"', 'rule = "url(https://pixel.example/t.png)"'
    text, count = re.subn(pattern, value, text, count=1)  # [colors] comes before [cover]
    assert count == 1
    brand.write_text(text, encoding="utf-8")
    status, err = export(cli, brief_file(BRIEF), style, "html", tmp_path / "out")
    assert status == 2  # the typed brand refuses it before anything is written
    assert "brand.toml" in err
    assert "[colors] rule: must be a colour" in err
    assert not (tmp_path / "out").exists()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (2, 2), "navy").save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def local_resources(style: Path) -> Path:
    """A style importing its own sheet, which names a picture beside it, and a data: URI."""
    (style / "parts").mkdir()
    (style / "parts" / "rule.png").write_bytes(png_bytes())
    (style / "parts" / "extra.css").write_text(
        ".series { border-bottom: 2px solid navy; background: url(rule.png) repeat-x; }\n",
        encoding="utf-8",
    )
    inline = "data:image/gif;base64,R0lGODlhAQABAAAAACw="
    prepend(
        style / "common.css", f'@import "parts/extra.css";\nh1 {{ list-style: url({inline}); }}\n'
    )
    return style


@pytest.mark.parametrize("fmt", FORMATS)
def test_local_imports_and_files_are_inlined(
    fmt: str, local_resources: Path, brief_file: Callable[[str], Path], cli: RunCli, tmp_path: Path
) -> None:
    status, err = export(cli, brief_file(BRIEF), local_resources, fmt, tmp_path / "out")
    assert (status, err) == (0, "")
    css = written_css(tmp_path / "out", fmt)
    assert "@import" not in css
    assert "border-bottom: 2px solid navy" in css
    assert "data:image/png;base64," in css
    assert "data:image/gif;base64,R0lGODlhAQABAAAAACw=" in css
    assert "rule.png" not in css
    assert not re.search(r"url\(\s*(?!['\"]?data:)", css)


@pytest.mark.slow
def test_inlined_style_passes_the_checkers(
    local_resources: Path, brief_file: Callable[[str], Path], cli: RunCli, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    status, _ = cli(brief_file(BRIEF), "--to", "html,epub", "--style", local_resources, "-o", out)
    assert status == 0
    assert nu_messages(out / "brief.html") == []
    assert epubcheck_messages(out / "brief.epub") == []


PRINT_REFUSED = [case for case in REFUSED if case != "image-set"]  # not read by WeasyPrint 70


@pytest.mark.parametrize("case", PRINT_REFUSED)
def test_the_pdf_names_where_the_print_sheet_names_a_refused_url(
    case: str, style: Path, brief_file: Callable[[str], Path], cli: RunCli, tmp_path: Path
) -> None:
    css, where = REFUSED[case]
    (tmp_path / "outside.png").write_bytes(b"not read")
    prepend(style / "pdf.css", css)
    status, err = export(cli, brief_file(BRIEF), style, "pdf", tmp_path / "out")
    assert status == 1
    assert f"style {where.replace('common.css', 'pdf.css')}: refused to fetch" in err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_the_pdf_names_where_a_font_face_is_refused(
    style: Path, brief_file: Callable[[str], Path], cli: RunCli, tmp_path: Path
) -> None:
    (tmp_path / "outside.ttf").write_bytes(b"not read")
    prepend(
        style / "pdf.css", '@font-face {\n  font-family: Own;\n  src: url("../outside.ttf"); }\n'
    )
    status, err = export(cli, brief_file(BRIEF), style, "pdf", tmp_path / "out")
    assert status == 1
    assert "style pdf.css:3:8: refused to fetch" in err
