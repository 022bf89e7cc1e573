"""The reader drops formatting around footnote calls only (``<sup><xref/></sup>``): each call
then stands beside the calls around it, and the archival JATS writes it bare, so reading the
output again gives the same brief and the same bytes. Nothing else of the source is lost."""

from __future__ import annotations

from briefexport.model import FootnoteRef, Paragraph, Styled, Text, TextStyle
from briefexport.options import default_options
from briefexport.reader import parse_brief
from briefexport.writers import jats
from support.formatted_calls import formatted_calls_brief, formatted_calls_source
from support.importers import read_back


def calls_and_text(paragraph: Paragraph) -> list[object]:
    return [
        inline.note.number if isinstance(inline, FootnoteRef) else inline
        for inline in paragraph.children
    ]


def test_formatting_around_calls_only_is_dropped_and_the_calls_stand_side_by_side() -> None:
    brief = formatted_calls_brief()
    first, second, third = (block for block in brief.body if isinstance(block, Paragraph))
    assert calls_and_text(first) == [Text("Tides rose"), 1, 2, Text(".")]
    assert calls_and_text(second) == [Text("Storms came"), 3, 4, Text(".")]
    bold = Styled(TextStyle.BOLD, (Text("up"), FootnoteRef(brief.footnotes[4])))
    assert third.children[:3] == (Text("Walls held "), bold, FootnoteRef(brief.footnotes[0]))
    italic = Styled(TextStyle.ITALIC, (FootnoteRef(brief.footnotes[2]), Text(" again")))
    assert third.children[-2:] == (italic, Text("."))
    assert [note.number for note in brief.footnotes] == [1, 2, 3, 4, 5]


def test_superscript_with_a_word_is_kept_and_without_one_dropped() -> None:
    bold = '<bold>up<xref ref-type="fn" rid="fn5">5</xref></bold>'
    source = formatted_calls_source().replace(bold, bold.replace("bold>", "sup>"))
    brief, _ = parse_brief(source.encode())
    third = brief.body[2]
    assert isinstance(third, Paragraph)
    raised = Styled(TextStyle.SUPERSCRIPT, (Text("up"), FootnoteRef(brief.footnotes[4])))
    assert third.children[1:3] == (raised, FootnoteRef(brief.footnotes[0]))
    assert brief.body[0] == Paragraph(
        (Text("Tides rose"), *(FootnoteRef(note) for note in brief.footnotes[:2]), Text("."))
    )


def test_the_archival_jats_writes_the_calls_bare_and_reads_back_the_same() -> None:
    brief = formatted_calls_brief("ur")
    again, warnings, data = read_back(brief)
    assert warnings == []
    assert b"<sup><xref" not in data
    assert b"<bold><sup>" not in data
    assert data.count(b'<xref ref-type="fn"') == 8
    assert again.body == brief.body
    assert again.footnotes == brief.footnotes
    assert jats.write(again, default_options(again)) == data
