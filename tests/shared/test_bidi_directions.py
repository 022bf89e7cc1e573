"""Strong text directions: the shortcut for ASCII text agrees with the character-by-character
reading (in ASCII only the letters are strong, and they are left to right)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefexport.shared.bidi import char_direction, text_directions


def read_each_character(text: str) -> set[str]:
    return {direction for char in text if (direction := char_direction(char)) is not None}


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_shortcut_agrees_with_each_character(text: str) -> None:
    assert text_directions(text) == read_each_character(text)


@given(st.text())
def test_any_text_agrees_with_each_character(text: str) -> None:
    assert text_directions(text) == read_each_character(text)


def test_every_ascii_character() -> None:
    for code in range(128):
        assert text_directions(chr(code)) == read_each_character(chr(code)), code


def test_mixed_text() -> None:
    assert text_directions("Gwadar \u06af\u0648\u0627\u062f\u0631") == {"ltr", "rtl"}
    assert text_directions("2024, 14") == set()
