"""The Nu Html Checker over HTML pages of Hypothesis-generated briefs (one checker run)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings

from briefexport.model import Block, Brief, Cell, Quote, Row, Section, Table
from briefexport.options import default_options
from briefexport.writers.html import write
from support.strategies import briefs
from support.validators import nu_messages


def rectangular(rows: tuple[Row, ...], width: int) -> tuple[Row, ...]:
    """Rows without spans, padded to ``width`` cells: the reader does not check table shape."""
    plain = [tuple(replace(c, colspan=1, rowspan=1) for c in row.cells) for row in rows]
    return tuple(Row(cells + (Cell(()),) * (width - len(cells))) for cells in plain)


def regular_tables(block: Block) -> Block:
    if isinstance(block, Table):
        width = max(len(row.cells) for row in (*block.head, *block.body))
        return replace(
            block, head=rectangular(block.head, width), body=rectangular(block.body, width)
        )
    if isinstance(block, Section):
        return replace(block, blocks=tuple(regular_tables(b) for b in block.blocks))
    if isinstance(block, Quote):
        return block
    return block


@pytest.mark.slow
def test_generated_pages_have_no_html_errors(tmp_path: Path) -> None:
    written: list[Path] = []
    pages = settings().max_examples

    @given(briefs())
    def write_page(brief: Brief) -> None:
        brief = replace(brief, body=tuple(regular_tables(b) for b in brief.body))
        path = tmp_path / f"page-{len(written)}.html"
        path.write_bytes(write(brief, default_options(brief)))
        written.append(path)

    write_page()
    assert len(written) >= pages // 2
    messages, _ = nu_messages(written, "--errors-only")
    assert [f"{m.get('url', '')[-12:]}: {m['message']}" for m in messages] == []
