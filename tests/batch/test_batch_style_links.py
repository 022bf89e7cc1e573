"""A style file counts another format's stylesheet only when it imports or links it: a name in a
comment, a ``content`` string or a selector does not make the format's outputs stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefexport.batch.freshness import style_digest
from briefexport.batch.jobs import ExportSettings
from briefexport.batch.plan import run_settings
from briefexport.batch.stylelinks import references
from support.batch import add_rule, copied_style, prepend


def html_digest(style: Path) -> str:
    return style_digest(run_settings(ExportSettings(style_dir=style))[0], "html")


@pytest.mark.parametrize(
    "mention",
    [
        "/* kept in step with epub.css */",
        '.note::after { content: "see epub.css"; }',
        '/* @import "epub.css"; */',
        ".epub\\.css { color: red; }",
    ],
)
def test_a_name_that_is_no_reference_does_not_count(mention: str, tmp_path: Path) -> None:
    style = copied_style(tmp_path / "style")
    prepend(style / "html.css", mention)
    before = html_digest(style)
    add_rule(style / "epub.css")
    assert html_digest(style) == before


@pytest.mark.parametrize(
    "reference",
    [
        '@import url("epub.css");',
        "@import url(epub.css) screen;",
        "@import 'sub/../epub.css';",
        '.a { background: url("epub.css#x"); }',
        '.a { background: image-set("epub.css" 1x); }',
    ],
)
def test_an_import_or_link_in_any_form_counts(reference: str, tmp_path: Path) -> None:
    style = copied_style(tmp_path / "style")
    prepend(style / "html.css", reference)
    before = html_digest(style)
    add_rule(style / "epub.css")
    assert html_digest(style) != before


def test_the_references_of_a_sheet() -> None:
    css = '@import "a.css" screen; /* url(b.css) */ p { background: url(c.png) } @import x;'
    assert list(references(css)) == ["a.css", "c.png"]
