"""Typst markup: a separator before a call right after another, also across the edge of
formatting, in the mark of the brief's language (the printed text is checked in
``tests/integration/test_note_calls.py``)."""

from __future__ import annotations

import re

import pytest

from briefexport.model import Paragraph
from briefexport.writers.typst.context import RenderContext
from briefexport.writers.typst.inlines import inlines_to_typst
from briefexport.writers.typst.markup import escape
from support.formatted_calls import formatted_calls_brief
from support.typst import typst_options


@pytest.mark.parametrize(("language", "mark"), [("en", ","), ("ur", "\u060c")])
def test_each_pair_of_calls_side_by_side_gets_the_separator(language: str, mark: str) -> None:
    brief = formatted_calls_brief(language)
    ctx = RenderContext(brief, typst_options(brief).style_dir)
    paragraphs = [block for block in brief.body if isinstance(block, Paragraph)]
    markup = [inlines_to_typst(ctx, paragraph.children) for paragraph in paragraphs]
    separator = f"#note-separator[{escape(mark)}]"
    assert [text.count(separator) for text in markup] == [1, 1, 2]
    assert [text.count("#note-separator") for text in markup] == [1, 1, 2]
    # each right before a call, or before the italic that starts with one (English only: the
    # Urdu words are set upright, without #emph)
    before_call = re.escape(separator) + r"(#emph\[)?#footnote\("
    assert [len(re.findall(before_call, text)) for text in markup] == [1, 1, 2]
