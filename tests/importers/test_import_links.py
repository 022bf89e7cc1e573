"""Links as the importers take them from other tools' documents (``importers.links``)."""

from __future__ import annotations

import pytest

from briefexport.importers.links import usable_href
from briefexport.rules.links import trimmed_link


@pytest.mark.parametrize(
    "stray", ["\u200b", "\ufeff", "\u200e", "\u00a0", "\u2060", " \u200b\u00a0 "]
)
def test_strays_copied_with_a_link_are_trimmed(stray: str) -> None:
    assert usable_href(f"{stray}https://example.org/walls{stray}") == "https://example.org/walls"


def test_characters_that_may_belong_to_an_address_are_kept() -> None:
    for last in ("\u00ad", "\U000e007f"):
        assert (
            trimmed_link(f"https://example.org/walls{last}") == f"https://example.org/walls{last}"
        )
    assert trimmed_link("\u200b\u200b") == ""
