"""Writers' warnings point into the brief, ``FILE:LINE:COL: warning: ...`` (issue 16, item 3).

Sections, tables, figures, footnotes and links carry where the reader found them (left out of
model equality); a warning about a character is placed at its first appearance in the source.
"""

from __future__ import annotations

import dataclasses
import io
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

import briefexport
from briefexport.model import Figure, FootnoteRef, Link, Paragraph, SourcePosition, Text
from briefexport.options import default_options
from briefexport.shared.located import POSITION_KEY
from briefexport.writers import jats
from briefexport.writers.markdown import write as write_markdown
from support.cli_runs import RunCli
from support.positions import position
from support.skips import require_module
from support.small_brief import edited

BODY = "<p>Walls need care"


def webp(path: Path) -> None:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "olive").save(out, "WEBP")
    path.write_bytes(out.getvalue())


FIGURE = (
    '<fig id="f1"><graphic xlink:href="chart.webp"><alt-text>A chart</alt-text></graphic></fig>'
)


@dataclasses.dataclass(frozen=True)
class WarningCase:
    """A brief edited to hold ``inserted`` before its paragraph, and the one warning expected."""

    inserted: str
    place: str  # the text the warning must point at
    arguments: tuple[str, ...]
    message: str
    alone: bool = True  # the only line on standard error (else: a part of it)


# U+FDD0 is a noncharacter: XML allows it, HTML does not. U+10FFFD is a private-use character no
# installed font draws.
WARNINGS = {
    "docx-image-fallback": WarningCase(
        f"<p>Intro.</p>\n  {FIGURE}",
        "<fig ",
        ("--to", "docx"),
        "docx: image chart.webp cannot be shown in Word; alt text instead",
    ),
    "html-character": WarningCase(
        "<p>Plain.</p>\n<p>Odd &#xFDD0; mark.</p>",
        "&#xFDD0;",
        ("--to", "html"),
        "HTML cannot carry U+FDD0; replaced by U+FFFD",
    ),
    "markdown-table": WarningCase(
        "\n<table-wrap><table><tbody><tr><td>only body</td></tr></tbody></table></table-wrap>\n",
        "<table-wrap>",
        ("--to", "markdown"),
        "table 1: Markdown tables have exactly one header row",
    ),
}
GLYPH = "<p>Before.</p>\n<p>A private sign: \U0010fffd.</p>"
SLOW_WARNINGS = {
    "pdf-missing-glyph": WarningCase(
        GLYPH,
        chr(0x10FFFD),
        ("--to", "pdf"),
        "PDF: no installed font can draw U+10FFFD",
        alone=False,
    ),
    "typst-missing-glyph": WarningCase(
        GLYPH,
        chr(0x10FFFD),
        ("--to", "pdf", "--pdf-engine", "typst"),
        "PDF (Typst): no font of the brand can draw U+10FFFD",
        alone=False,
    ),
}


LOW_RESOLUTION = WarningCase(
    f"<p>Intro.</p>\n  {FIGURE}",
    "<graphic ",
    ("--to", "pdf"),
    "PDF: chart.webp prints at 96 pixels per inch, below 150: use a larger image",
)


def check_located_warning(
    case: WarningCase, brief_file: Callable[[str], Path], cli: RunCli, tmp_path: Path
) -> None:
    webp(tmp_path / "chart.webp")
    source = edited(BODY, case.inserted + BODY)
    brief = brief_file(source)
    status, err = cli(brief, *case.arguments, "-o", tmp_path / "out")
    assert status == 0
    expected = f"{brief}:{position(source, case.place)}: warning: {case.message}"
    lines = err.splitlines()
    assert lines == [expected] if case.alone else expected in err, err


@pytest.mark.parametrize("case", WARNINGS.values(), ids=WARNINGS.keys())
def test_a_writer_warning_names_its_place(
    case: WarningCase, brief_file: Callable[[str], Path], cli: RunCli, tmp_path: Path
) -> None:
    check_located_warning(case, brief_file, cli, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("case", SLOW_WARNINGS.values(), ids=SLOW_WARNINGS.keys())
def test_a_missing_glyph_points_at_the_character(
    case: WarningCase, brief_file: Callable[[str], Path], cli: RunCli, tmp_path: Path
) -> None:
    if "typst" in case.arguments:
        require_module("typst", "test extra")
    check_located_warning(case, brief_file, cli, tmp_path)


def test_positions_are_read_but_never_compared(
    brief_file: Callable[[str], Path], tmp_path: Path
) -> None:
    webp(tmp_path / "chart.webp")
    source = edited(BODY, f"\n{FIGURE}{BODY}")
    brief = briefexport.load(brief_file(source))
    figure = brief.body[0]
    assert isinstance(figure, Figure)
    assert figure.source == SourcePosition(12, 1)
    assert brief.footnotes[0].source is not None
    assert dataclasses.replace(figure, source=None) == figure
    out = tmp_path / "again.jats.xml"
    out.write_bytes(jats.write(brief, default_options(brief)))
    assert briefexport.load(out) == brief


def test_links_are_placed_at_their_start_tag(brief_file: Callable[[str], Path]) -> None:
    source = edited(BODY, "<p>Read\n  <ext-link ext-link-type='uri' xlink:href='https://a.example'>"
                    "this</ext-link>.</p>" + BODY)  # fmt: skip
    paragraph = briefexport.load(brief_file(source)).body[0]
    assert isinstance(paragraph, Paragraph)
    (link,) = [inline for inline in paragraph.children if isinstance(inline, Link)]
    expected = position(source, "<ext-link")
    assert link.source == SourcePosition(*map(int, expected.split(":")))


def test_a_link_inside_link_text_is_reported_at_the_outer_link(
    brief_file: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    # the profile has no link inside a link; an importer's model can (a Word hyperlink around
    # a footnote reference), so the outer link is built here with a place of its own
    brief = briefexport.load(brief_file(edited(BODY, "<p>Plain.</p>" + BODY)))
    where = SourcePosition(7, 12)
    outer = Link("https://a.example", (Text("see"), FootnoteRef(brief.footnotes[0])), where)
    brief = dataclasses.replace(brief, body=(Paragraph((outer,)), *brief.body[1:]))
    with caplog.at_level(logging.WARNING):
        write_markdown(brief, default_options(brief))
    (record,) = [r for r in caplog.records if "inside link text" in r.getMessage()]
    assert getattr(record, POSITION_KEY) == where


@pytest.mark.slow
def test_a_coarse_figure_is_warned_at_its_graphic(
    brief_file: Callable[[str], Path], cli: RunCli, tmp_path: Path
) -> None:
    check_located_warning(LOW_RESOLUTION, brief_file, cli, tmp_path)
