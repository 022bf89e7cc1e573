"""Regression tests for what the generated-brief robustness run found (issue 14, its suite).

Each test holds the smallest brief that showed the problem, written by hand from the failing
generated brief the run named by seed and index.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import briefexport
from briefexport.importers import import_source
from briefexport.model import Link, Table
from briefexport.writers.markdown import brief_to_markdown
from support.small_brief import edited

BODY = "<p>Walls need care"


def table_with_cell(cell: str) -> str:
    return (
        "<table-wrap><table><thead><tr><th>Source</th><th>Note</th></tr></thead>"
        f"<tbody><tr><td>{cell}</td><td>after</td></tr></tbody></table></table-wrap>"
    )


def link(href: str, text: str | None = None) -> str:
    shown = href if text is None else text
    return f'<ext-link ext-link-type="uri" xlink:href="{href}">{shown}</ext-link>'


# Seed 1, briefs 3 and 22: a link whose target holds "|" split its table cell in two, because
# GFM splits a row at every unescaped pipe, inside link targets and autolinks too.
@pytest.mark.parametrize(
    "cell",
    [
        link("https://example.org/tables|pipes"),  # written as an autolink
        link("https://example.org/tables|pipes", "the | table"),  # written as [text](target)
        link("https://example.org/a|b?c=|d|", "x") + " and a | b",
    ],
    ids=["autolink", "link", "several"],
)
def test_a_pipe_in_a_link_inside_a_table_cell_survives_markdown(
    cell: str, brief_file: Callable[[str], Path]
) -> None:
    path = brief_file(edited(BODY, table_with_cell(cell) + BODY))
    brief = briefexport.load(path)
    markdown = path.with_suffix(".md")
    markdown.write_text(brief_to_markdown(brief), encoding="utf-8")
    back = import_source(markdown).brief
    assert back.body == brief.body
    table = back.body[0]
    assert isinstance(table, Table)
    assert [len(row.cells) for row in table.body] == [2]
    assert isinstance(table.body[0].cells[0].children[0], Link)
