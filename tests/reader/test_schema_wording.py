"""The words for the schema's required text (``\\s*\\S(\\s|\\S)*``): text with something other
than XML white space, over any number of lines; a blank value is called blank."""

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


def test_blank_required_text_over_lines_is_called_empty() -> None:
    text = edited("<surname>Mensah</surname>", "<surname>\n\t \r\n</surname>")
    assert refusal(text) == ["<surname> is empty; it needs text"]
