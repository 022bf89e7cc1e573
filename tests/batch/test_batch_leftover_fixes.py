"""Small rules of the batch: a style folder's cover picture counts, while a run watches its
style files, only for the formats made with it; a figure path is trimmed of XML white space
only, as the reader trims it; bytes that name no graphic skip the figure paths' pattern."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefexport.batch import figure_copies
from briefexport.batch.figure_copies import GRAPHIC_HREFS, _likely_paths
from briefexport.batch.freshness import counted_by_run
from briefexport.batch.manifest import Settings
from briefexport.batch.sources import Source

STYLE = Settings("1", {"cover.png": "aa", "brand.toml": "bb", "pdf.css": "cc"}, {})


@pytest.mark.parametrize(
    ("formats", "counted"),
    [(("pdf",), False), (("html", "docx"), False), (("epub",), True), (("pdf", "zip"), True)],
)
@pytest.mark.parametrize("name", ["cover.png", "cover.jpg"])
def test_a_cover_picture_counts_only_for_the_formats_made_with_it(
    formats: tuple[str, ...], counted: bool, name: str
) -> None:
    counts = counted_by_run(STYLE, formats)
    assert counts(name) is counted
    assert counts("brand.toml")


def test_a_cover_picture_a_stylesheet_names_counts_for_its_format() -> None:
    settings = Settings(
        "1", {"cover.png": "aa", "pdf.css": "cc"}, {}, {"pdf.css": frozenset({"cover.png"})}
    )
    assert counted_by_run(settings, ("pdf",))("cover.png")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ('<graphic xlink:href="\u00a0fig.png\u2003"/>'.encode(), "xml"),
        ("![a figure](\u00a0fig.png\u2003)".encode(), "markdown"),
    ],
)
def test_a_figure_path_keeps_the_unicode_spaces_the_reader_keeps(data: bytes, kind: str) -> None:
    source = Source(Path("briefs/a.xml"), "a.xml", kind)
    assert _likely_paths(source, data) == ["\u00a0fig.png\u2003"]


def test_a_figure_path_loses_xml_white_space() -> None:
    source = Source(Path("briefs/a.xml"), "part/a.xml", "xml")
    data = b'<graphic xlink:href=" \tfig.png\r\n"/>'
    assert _likely_paths(source, data) == ["part/fig.png"]


def test_bytes_without_a_graphic_are_not_searched_with_the_pattern(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    searched: list[bytes] = []

    class Watched:
        def finditer(self, data: bytes) -> list[re.Match[bytes]]:
            searched.append(data)
            return list(GRAPHIC_HREFS.finditer(data))

    monkeypatch.setattr(figure_copies, "GRAPHIC_HREFS", Watched())
    source = Source(Path("briefs/a.xml"), "a.xml", "xml")
    assert _likely_paths(source, b"<p>a <italic>chart</italic></p>") == []
    assert _likely_paths(source, b'<fig><graphic xlink:href="c.png"/></fig>') == ["c.png"]
    assert searched == [b'<fig><graphic xlink:href="c.png"/></fig>']
