"""Markdown: calls that the source wrapped in formatting come out as bare calls side by side
(``[^fn1][^fn2]``), which every Markdown renderer separates itself; formatting that also holds
a word keeps its calls."""

from __future__ import annotations

import pytest

from briefexport.writers.markdown import brief_to_markdown
from support.formatted_calls import formatted_calls_brief


@pytest.mark.parametrize("language", ["en", "ur"])
def test_calls_from_formatting_are_bare_and_side_by_side(language: str) -> None:
    text = brief_to_markdown(formatted_calls_brief(language))
    assert "[^fn1][^fn2]" in text
    assert "[^fn3][^fn4]" in text
    assert "[^fn5]</span>[^fn1]" in text
    assert "<sup>[^" not in text
    assert "\u060c[^" not in text
    assert ",[^" not in text
