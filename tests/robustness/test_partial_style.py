"""A style folder that holds only what it changes changes only that, in every format and both
PDF engines: the rest of the house style stays (README "Styles"). Read back from the outputs."""

from __future__ import annotations

import collections
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pikepdf
import pytest

from briefexport.shared.sheets import REPLACE_MARKER
from briefexport.shared.styles import default_style_dir
from support.cli_runs import RunCli
from support.pdf import word_boxes
from support.small_brief import BRIEF, edited

HOUSE_ACCENT, HOUSE_TEXT, OWN = "#1F4E79", "#1A1A1A", "#B00000"
ENGINES = ("weasyprint", "typst")
# A paragraph and a heading after it, to measure the space the print sheet puts above a heading.
WITH_HEADING = edited(
    "</body>",
    '<sec id="s1"><title>Findings</title><p>The text of the section.</p></sec>\n</body>',
    edited("1</xref>.</p>", "1</xref>, short and closing.</p>"),
)


def folder_with(tmp_path: Path, name: str, text: str) -> Path:
    """A style folder holding one file."""
    folder = tmp_path / f"style-{name}"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def export(cli: RunCli, brief: Path, out: Path, fmt: str, *options: str | Path) -> Path:
    """The one file ``fmt`` writes for ``brief`` into ``out``."""
    engine = ("--pdf-engine", fmt) if fmt in ENGINES else ()
    status, err = cli(brief, "--to", "pdf" if engine else fmt, *engine, "-o", out, *options)
    assert status == 0, err
    (written,) = out.iterdir()
    return written


def fill_colours(pdf: Path) -> collections.Counter[str]:
    """How often each RGB fill colour is set in the PDF's page content."""
    found: collections.Counter[str] = collections.Counter()
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            for instruction in pikepdf.parse_content_stream(page):
                operands, operator = instruction.operands, instruction.operator
                if str(operator) in ("rg", "sc", "scn") and len(operands) == 3:
                    rgb = tuple(round(float(value) * 255) for value in operands)
                    found["#{:02X}{:02X}{:02X}".format(*rgb)] += 1
    return found


def heading_gap(pdf: Path) -> float:
    """Points from the top of the paragraph's last word to the top of the heading."""
    boxes = {box.text: box for box in word_boxes(pdf)}
    return boxes["Findings"].top - boxes["closing."].top


def screen_css(written: Path) -> str:
    """The CSS an HTML page or an EPUB carries (the page itself for HTML)."""
    if written.suffix == ".html":
        return written.read_text(encoding="utf-8")
    with zipfile.ZipFile(written) as book:
        return book.read("EPUB/style/brief.css").decode("utf-8")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_partial_print_sheet_changes_only_what_it_says(
    engine: str, cli: RunCli, brief_file: Callable[[str], Path], tmp_path: Path
) -> None:
    brief = brief_file(WITH_HEADING)
    sheet = "main h2 { margin-top: 40pt; color: #B00000 }\n"  # Typst reads no colour from it
    house = export(cli, brief, tmp_path / "house", engine)
    own = export(
        cli, brief, tmp_path / "own", engine, "--style", folder_with(tmp_path, "pdf.css", sheet)
    )
    assert heading_gap(own) == pytest.approx(heading_gap(house) + 40 - 16, abs=0.01)
    colours, house_colours = fill_colours(own), fill_colours(house)
    assert colours[HOUSE_ACCENT] > 0  # the title and the series label keep the house colours
    assert colours[HOUSE_TEXT] == house_colours[HOUSE_TEXT]
    if engine == "weasyprint":
        assert colours[OWN] > 0


@pytest.mark.parametrize(("fmt", "sheet"), [("html", "common.css"), ("html", "html.css"),
                                            ("epub", "common.css"), ("epub", "epub.css")])  # fmt: skip
def test_a_partial_screen_sheet_changes_only_what_it_says(
    fmt: str, sheet: str, cli: RunCli, brief_file: Callable[[str], Path], tmp_path: Path
) -> None:
    brief = brief_file(BRIEF)
    rule = "h2 { color: #B00000 }\n"
    house = screen_css(export(cli, brief, tmp_path / "house", fmt))
    own = screen_css(export(cli, brief, tmp_path / "own", fmt, "--style",
                            folder_with(tmp_path, sheet, rule)))  # fmt: skip
    assert own.replace("\n" + rule, "", 1) == house  # its rule, and the rest as it was
    house_sheet = (default_style_dir() / sheet).read_text(encoding="utf-8").rstrip()
    assert own[: own.index(rule)].rstrip().endswith(house_sheet[-60:])  # after the house sheet


def test_a_partial_brand_changes_only_its_keys(
    cli: RunCli, brief_file: Callable[[str], Path], tmp_path: Path
) -> None:
    brief = brief_file(WITH_HEADING)
    folder = folder_with(tmp_path, "brand.toml", f'[colors]\naccent = "{OWN}"\n')
    for engine in ENGINES:
        colours = fill_colours(export(cli, brief, tmp_path / engine, engine, "--style", folder))
        assert colours[OWN] > 0, engine
        assert colours[HOUSE_TEXT] > 0, engine
    for fmt in ("html", "epub"):
        css = screen_css(export(cli, brief, tmp_path / fmt, fmt, "--style", folder))
        assert OWN in css, fmt
        assert "hyphens: auto" in css, fmt  # the house sheets stay
    word = docx.Document(
        io.BytesIO(export(cli, brief, tmp_path / "docx", "docx", "--style", folder).read_bytes())
    )
    assert str(word.styles["Heading 1"].font.color.rgb) == OWN.lstrip("#")
    assert str(word.styles["Subtitle"].font.color.rgb) == "555555"  # the house muted colour


def test_the_marker_starts_a_sheet_from_nothing(
    cli: RunCli, brief_file: Callable[[str], Path], tmp_path: Path
) -> None:
    brief = brief_file(WITH_HEADING)
    sheet = f"{REPLACE_MARKER}\nbody {{ color: #006000 }}\n"
    pdf = export(cli, brief, tmp_path / "pdf", "weasyprint", "--style",
                 folder_with(tmp_path, "pdf.css", sheet))  # fmt: skip
    colours = fill_colours(pdf)
    assert colours["#006000"] > 0
    assert colours[HOUSE_ACCENT] == colours[HOUSE_TEXT] == 0  # no house rule left
    page = screen_css(export(cli, brief, tmp_path / "html", "html", "--style",
                             folder_with(tmp_path, "common.css", sheet)))  # fmt: skip
    assert "body { color: #006000 }" in page
    assert "hyphens: auto" not in page  # a house rule of common.css


@pytest.mark.parametrize("fmt", ["html", "epub"])
def test_a_partial_sheet_is_still_checked_where_it_says(
    fmt: str, cli: RunCli, brief_file: Callable[[str], Path], tmp_path: Path
) -> None:
    (tmp_path / "outside.png").write_bytes(b"not read")
    folder = folder_with(tmp_path, "common.css", "\np {\n  background: url(../outside.png); }\n")
    status, err = cli(brief_file(BRIEF), "--to", fmt, "--style", folder, "-o", tmp_path / "out")
    assert status == 1
    assert "common.css:3:15" in err
    assert "refused" in err
