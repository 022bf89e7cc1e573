"""XML whitespace in a brief's text collapses to single spaces, whether or not the text needed
the search (text with no run but lone spaces is left as it is)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from briefexport.inlines import canonical, collapse_space
from briefexport.model import Text

SPACES = st.text(alphabet=" \t\r\nab\u00a0")


@given(SPACES)
def test_collapse_space_is_one_space_for_each_run(text: str) -> None:
    assert collapse_space(text) == re.sub(r"[ \t\r\n]+", " ", text).strip(" ")


@given(SPACES)
def test_canonical_text_has_one_space_for_each_run(text: str) -> None:
    expected = re.sub(r"[ \t\r\n]+", " ", text).strip(" ")
    assert canonical((Text(text),)) == ((Text(expected),) if expected else ())
