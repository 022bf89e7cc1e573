"""Which footnote calls print a separator: only a call right after another, nothing between."""

from __future__ import annotations

from briefexport.model import Footnote, FootnoteRef, Inline, Paragraph, Styled, Text, TextStyle
from briefexport.shared.notes import with_call_separators


def call(number: int) -> FootnoteRef:
    return FootnoteRef(Footnote(f"n{number}", number, (Paragraph((Text("A note."),)),)))


def separated(inlines: tuple[Inline, ...]) -> list[bool]:
    pairs = list(with_call_separators(inlines))
    assert [inline for inline, _ in pairs] == list(inlines)
    return [after_call for _, after_call in pairs]


def test_a_call_right_after_a_call_is_separated() -> None:
    inlines = (Text("Ports"), call(4), call(5), call(6), Text(" closed."))
    assert separated(inlines) == [False, False, True, True, False]


def test_words_or_a_space_between_calls_need_no_separator() -> None:
    assert separated((call(1), Text(" and then "), call(2))) == [False, False, False]
    assert separated((call(1), Text(" "), call(2))) == [False, False, False]


def test_a_repeated_call_beside_another_is_separated() -> None:
    inlines = (Text("Walls"), call(3), call(1), Text(" and dunes"), call(1))
    assert separated(inlines) == [False, False, True, False, False]


def test_a_call_inside_formatting_is_in_the_run_of_its_formatting() -> None:
    raised = Styled(TextStyle.SUPERSCRIPT, (call(2), call(3)))
    assert separated((call(1), raised)) == [False, False]
    assert separated(raised.children) == [False, True]
