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


def test_formatting_that_starts_with_a_call_right_after_a_call_is_separated() -> None:
    raised = Styled(TextStyle.SUPERSCRIPT, (call(2), Text(" high")))
    assert separated((call(1), raised)) == [False, True]
    assert separated(raised.children) == [False, False]
    flags = [flag for _, flag in with_call_separators(raised.children, after_call=True)]
    assert flags == [True, False]


def test_a_call_at_the_end_of_formatting_is_beside_the_call_after_it() -> None:
    nested = Styled(TextStyle.BOLD, (Text("up"), Styled(TextStyle.SUPERSCRIPT, (call(1),))))
    assert separated((nested, call(2), nested)) == [False, True, False]
    assert separated((Styled(TextStyle.ITALIC, (call(1), Text("up"))), call(2))) == [False, False]


def test_a_run_that_starts_after_a_call_separates_only_a_call_at_its_start() -> None:
    assert [flag for _, flag in with_call_separators((call(2),), after_call=True)] == [True]
    assert [flag for _, flag in with_call_separators((Text("a"),), after_call=True)] == [False]
