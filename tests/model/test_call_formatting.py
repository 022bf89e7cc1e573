"""The normal form drops formatting that holds nothing but footnote calls (and spaces), at any
depth, and keeps formatting that also holds text."""

from __future__ import annotations

from briefexport.inlines import canonical
from briefexport.model import Footnote, FootnoteRef, Inline, Paragraph, Styled, Text, TextStyle


def call(number: int) -> FootnoteRef:
    return FootnoteRef(Footnote(f"n{number}", number, (Paragraph((Text("A note."),)),)))


def styled(style: TextStyle, *children: Inline) -> Styled:
    return Styled(style, children)


def test_formatting_around_calls_only_is_dropped_at_any_depth_and_with_text_kept() -> None:
    inlines = (
        Text("Ports"),
        styled(TextStyle.SUPERSCRIPT, call(1)),
        call(2),
        styled(TextStyle.BOLD, styled(TextStyle.SUPERSCRIPT, call(3), call(4))),
        styled(TextStyle.ITALIC, call(5)),
        Text("."),
    )
    assert canonical(inlines) == (
        Text("Ports"), call(1), call(2), call(3), call(4), call(5), Text(".")
    )  # fmt: skip
    raised = styled(TextStyle.SUPERSCRIPT, Text("up"), call(1))
    kept = (Text("Walls"), raised, styled(TextStyle.SUPERSCRIPT, call(2)))
    assert canonical(kept) == (Text("Walls"), raised, call(2))


def test_the_spaces_of_dropped_formatting_stay_as_text() -> None:
    inlines = (Text("Ports"), styled(TextStyle.SUPERSCRIPT, Text(" "), call(1)), Text(" closed"))
    assert canonical(inlines) == (Text("Ports "), call(1), Text(" closed"))
    assert canonical(canonical(inlines)) == canonical(inlines)
