"""The words for the schema's required text (``.*\\S.*``): text with something visible, on one
line (XML Schema's ``.`` takes no line end); a blank value is called blank."""

from __future__ import annotations

import pytest

from briefexport.errors import InvalidBriefError
from briefexport.reader import parse_brief
from support.small_brief import edited


def refusal(text: str) -> list[str]:
    with pytest.raises(InvalidBriefError) as raised:
        parse_brief(text.encode(), name="brief.xml")
    return [d.message for d in raised.value.diagnostics]


def test_blank_attribute_is_called_blank() -> None:
    table = (
        '<table-wrap id="t1"><caption><p>Walls</p></caption><table><tbody><tr>'
        '<td rowspan=" ">1</td></tr></tbody></table></table-wrap></body>'
    )
    assert refusal(edited("</body>", table)) == [
        'rowspan=" " on <td> is blank; it needs a whole number from 1 up to 1000'
    ]


def test_required_text_over_two_lines() -> None:
    text = edited("<surname>Mensah</surname>", "<surname>Men\nsah</surname>")
    assert refusal(text) == ["<surname> holds 'Men\\nsah', which is not non-blank text on one line"]
