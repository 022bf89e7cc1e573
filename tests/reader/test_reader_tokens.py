"""Attribute values the schema compares as tokens are read as it reads them (blanks collapsed),
so a brief the schema accepts is read without a crash and means what the schema judged."""

from __future__ import annotations

import pytest

from briefexport.errors import InvalidBriefError
from briefexport.model import FootnoteRef, ListBlock, Paragraph
from briefexport.reader import checks, parse_brief
from briefexport.reader.tokens import collapse, split_blanks
from support.small_brief import edited

CALL = '<xref ref-type="fn" rid="fn1">'


def first_paragraph_calls(text: str) -> list[FootnoteRef]:
    brief, _ = parse_brief(text.encode())
    paragraph = brief.body[0]
    assert isinstance(paragraph, Paragraph)
    return [part for part in paragraph.children if isinstance(part, FootnoteRef)]


@pytest.mark.parametrize("kind", [" fn", "fn\t", "\r\nfn \n"])
def test_padded_ref_type_is_a_footnote_call(kind: str) -> None:
    text = edited(CALL, f'<xref ref-type="{kind}" rid="fn1">')
    calls = first_paragraph_calls(text)
    assert [call.note.id for call in calls] == ["fn1"]


def test_a_tab_written_as_a_reference_is_collapsed_too() -> None:
    # a tab typed in an attribute reaches the tree as a space; one written &#9; stays a tab
    text = edited(CALL, '<xref ref-type="&#9;fn&#10;" rid="fn1&#13;">')
    assert [call.note.id for call in first_paragraph_calls(text)] == ["fn1"]


def test_padded_language_of_a_prefixed_attribute_is_read_collapsed() -> None:
    brief, _ = parse_brief(edited('xml:lang="en"', 'xml:lang=" en&#9;"').encode())
    assert brief.meta.language == "en"


def test_padded_rid_resolves() -> None:
    text = edited(CALL, '<xref ref-type="fn" rid=" fn1 ">')
    assert [call.note.id for call in first_paragraph_calls(text)] == ["fn1"]


def test_padded_call_to_a_missing_note_is_an_error() -> None:
    text = edited(CALL, '<xref ref-type=" fn" rid="fn4">')
    with pytest.raises(InvalidBriefError) as raised:
        parse_brief(text.encode())
    assert "call to a missing footnote 'fn4'" in str(raised.value)


def test_padded_list_type_and_contrib_type() -> None:
    text = edited(
        "</body>",
        '<list list-type=" order\t"><list-item><p>One</p></list-item></list></body>',
        edited('contrib-type="author"', 'contrib-type="author "'),
    )
    brief, _ = parse_brief(text.encode())
    listed = brief.body[-1]
    assert isinstance(listed, ListBlock)
    assert listed.ordered
    assert [a.name.surname for a in brief.meta.authors] == ["Mensah"]


def test_no_break_space_is_not_a_blank() -> None:
    assert collapse(" a\t\n b\u00a0 ") == "a b\u00a0"
    assert split_blanks("a\u00a0b c") == ["a\u00a0b", "c"]
    text = edited(CALL, '<xref ref-type="\u00a0fn" rid="fn1">')
    with pytest.raises(InvalidBriefError):
        parse_brief(text.encode())


def test_unresolved_call_is_refused_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "check_calls", lambda root, at, refused: [])
    text = edited(CALL, '<xref ref-type="fn" rid="fn9">')
    with pytest.raises(InvalidBriefError) as raised:
        parse_brief(text.encode())
    assert "rid='fn9' resolves to no footnote or reference" in str(raised.value)
