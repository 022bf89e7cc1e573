"""The XHTML marks a footnote call right after another with ``after-call``, in every placement,
also across the edge of formatting, and names the separator when it is not the Latin comma.

The stylesheets print the comma of "1,2" from that class (``styles/common.css``, ``pdf.css``),
or the mark in ``data-separator`` ("1،2" in Urdu).
"""

from __future__ import annotations

import pytest

from briefexport.writers.xhtml import NotePlacement, brief_to_xhtml
from support import formatted_calls
from support.formatted_calls import ARABIC_COMMA, formatted_calls_brief
from support.note_calls import MARKED, NS, calls_by_paragraph, note_calls_brief


@pytest.mark.parametrize("placement", list(NotePlacement), ids=lambda p: p.value)
def test_only_a_call_right_after_another_is_marked(placement: NotePlacement) -> None:
    root = brief_to_xhtml(note_calls_brief(), placement)
    assert calls_by_paragraph(root) == MARKED


@pytest.mark.parametrize("placement", list(NotePlacement), ids=lambda p: p.value)
@pytest.mark.parametrize("language", ["en", "ur"])
def test_calls_beside_formatting_are_marked(placement: NotePlacement, language: str) -> None:
    root = brief_to_xhtml(formatted_calls_brief(language), placement)
    assert calls_by_paragraph(root) == formatted_calls.MARKED


@pytest.mark.parametrize("placement", list(NotePlacement), ids=lambda p: p.value)
def test_only_a_brief_in_an_arabic_script_language_names_its_separator(
    placement: NotePlacement,
) -> None:
    def separators(language: str) -> list[str]:
        root = brief_to_xhtml(formatted_calls_brief(language), placement)
        marked = root.xpath("//*[contains(@class, 'after-call')]", namespaces=NS)
        assert len(marked) == 4
        return [call.get("data-separator") for call in marked]

    assert separators("ur") == [ARABIC_COMMA] * 4
    assert separators("en") == [None] * 4
