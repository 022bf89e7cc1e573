"""``--to markdown``: XML -> Markdown -> XML gives back the same brief."""

from __future__ import annotations

import dataclasses
import logging
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import briefexport
from briefexport.formats import FORMATS, get_writer
from briefexport.importers import import_source
from briefexport.importers.markdown import import_markdown
from briefexport.importers.problems import Problems
from briefexport.model import (
    Brief,
    Figure,
    Image,
    Paragraph,
    Quote,
    Styled,
    Text,
    TextStyle,
)
from briefexport.options import default_options
from briefexport.writers.markdown import brief_to_markdown
from support.golden import check_golden
from support.markdown_carry import carryable
from support.paths import EXAMPLES, HARBOUR, IMPORT_DATA, example_paths, rtl_paths
from support.strategies import briefs, folder_with_figures

BRIEFS = example_paths() + rtl_paths()
GOLDEN = Path(__file__).resolve().parent / "golden"


def _round_trip(brief: Brief, folder: Path, tmp_path: Path) -> Brief:
    """Write Markdown beside copies of the brief's image folders and import it again."""
    for sub in folder.iterdir():
        if sub.is_dir() and not (tmp_path / sub.name).exists():
            shutil.copytree(sub, tmp_path / sub.name)
    path = tmp_path / "brief.md"
    path.write_text(brief_to_markdown(brief), encoding="utf-8")
    result = import_source(path)
    assert result.warnings == ()
    return result.brief


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.name)
def test_shipped_briefs_survive_markdown(path: Path, tmp_path: Path) -> None:
    brief = briefexport.load(path)
    assert _round_trip(brief, path.parent, tmp_path) == brief


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.name)
def test_output_matches_the_reviewed_golden_file(path: Path, accept: bool) -> None:
    brief = briefexport.load(path)
    output = get_writer("markdown")(brief, default_options(brief))
    check_golden(GOLDEN / f"{path.stem}.md", output, accept)


def test_the_imported_markdown_brief_survives_a_second_trip(tmp_path: Path) -> None:
    source = IMPORT_DATA / "ferry-brief.md"
    brief = import_source(source).brief
    assert _round_trip(brief, source.parent, tmp_path) == brief


def test_markdown_is_registered_and_writes_utf8_bytes() -> None:
    fmt = FORMATS["markdown"]
    assert (fmt.suffix, fmt.media_type) == (".md", "text/markdown")
    brief = briefexport.load(HARBOUR)
    data = get_writer("markdown")(brief, default_options(brief))
    assert data.startswith(b"---\nseries: ")
    assert data == get_writer("markdown")(brief, default_options(brief))
    assert "[^" in data.decode("utf-8")


def _paragraph_markdown(*children: Any) -> str:
    return brief_to_markdown(_with_body(Paragraph(tuple(children))))


def _with_body(*blocks: Any) -> Brief:
    brief = briefexport.load(HARBOUR)
    return dataclasses.replace(brief, body=tuple(blocks), footnotes=(), references=())


@pytest.mark.parametrize(
    "text",
    [
        "# not a heading",
        "1. not a list",
        "- not a bullet",
        "*not emphasis* and _neither_",
        "[^x] is no call, [y](z) no link, <b>no tag</b>",
        "Table: not a caption",
        "{.lead} is text",
        "&amp; stays as typed",
        "ends with a backslash \\",
        "wow![not an image]",
    ],
)
def test_markdown_syntax_in_text_is_escaped(text: str, tmp_path: Path) -> None:
    brief = _with_body(Paragraph((Text(text),)))
    assert _round_trip(brief, EXAMPLES, tmp_path).body == brief.body


def test_plain_emphasis_is_written_with_asterisks() -> None:
    markdown = _paragraph_markdown(
        Text("a "), Styled(TextStyle.BOLD, (Text("bold"),)), Text(" and "),
        Styled(TextStyle.ITALIC, (Text("italic"),)), Text(" word"),
    )  # fmt: skip
    assert "a **bold** and *italic* word" in markdown


def test_a_quote_whose_last_paragraph_starts_with_a_dash_keeps_it(tmp_path: Path) -> None:
    quote = Quote((Paragraph((Text("First."),)), Paragraph((Text("— not an attribution"),))))
    brief = _with_body(quote)
    assert _round_trip(brief, EXAMPLES, tmp_path).body == (quote,)


# ASCII punctuation, which the writer escapes with a backslash in a figure's alt text


def test_figure_alt_text_with_punctuation_survives(tmp_path: Path) -> None:
    image = Image("figures/heat-calls.png", "Calls [by month] | *2024*", "image/png", b"")
    image = dataclasses.replace(image, data=(EXAMPLES / image.href).read_bytes())
    brief = _with_body(Figure(None, "Figure 1", (Text("Calls"),), image))
    assert _round_trip(brief, EXAMPLES, tmp_path).body == brief.body


@given(briefs())
def test_generated_briefs_survive_markdown(brief: Brief) -> None:
    logging.getLogger("briefexport").disabled = True
    try:
        brief = carryable(brief)
        with folder_with_figures(brief) as folder:
            back = import_markdown(brief_to_markdown(brief), Problems("generated.md"), folder)
    finally:
        logging.getLogger("briefexport").disabled = False
    assert back == brief
