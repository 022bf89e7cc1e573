"""A straight quote is decided by the character before it as already decided: after an opening
mark it opens too, across formatting as within one text, and the typeset inlines keep every
part the marks leave alone."""

from __future__ import annotations

from briefexport.model import Link, Styled, Text, TextStyle
from briefexport.shared.typography import smart_inlines, smart_text


def test_a_quote_right_after_an_opening_mark_opens_an_inner_quote() -> None:
    assert smart_text("\"'Harbour' ports\"", "en") == "\u201c\u2018Harbour\u2019 ports\u201d"
    assert smart_text("it's \"'x'\"", "en") == "it\u2019s \u201c\u2018x\u2019\u201d"


def test_the_quotes_of_a_paragraph_pair_across_its_formatting() -> None:
    inlines = (Text('"'), Styled(TextStyle.ITALIC, (Text("'Harbour'"),)), Text('" sea'))
    assert smart_inlines(inlines, "en") == (
        Text("\u201c"),
        Styled(TextStyle.ITALIC, (Text("\u2018Harbour\u2019"),)),
        Text("\u201d sea"),
    )


def test_what_the_marks_leave_alone_is_kept_as_it_was() -> None:
    link = Link("https://a.example/x", (Text("https://a.example/x"),))
    inlines = (Text("plain words "), link, Text(" and 'more'"))
    out = smart_inlines(inlines, "en")
    assert out[0] is inlines[0]
    assert out[1] is link
    assert out[2] == Text(" and \u2018more\u2019")
    unchanged = (Text("nothing to change"), Styled(TextStyle.BOLD, (Text("here"),)))
    assert smart_inlines(unchanged, "en") is unchanged
