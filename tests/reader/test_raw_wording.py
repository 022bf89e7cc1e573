"""Refusals libxml2 words for schema authors reach a brief's author in the reader's words only:
a call whose ``rid`` is no name inside a paragraph (libxml2: ``Element p has extra content:
text``), a licence URL that is no URI (libxml2 also says ``Type anyURI doesn't allow value``),
a date part holding an element (no date check says more than the schema's line), and an id
that is no name."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from support.paths import TOUR
from support.positions import position
from support.small_brief import edited

Validate = Callable[[str], tuple[int, list[str]]]
RAW = ("Element ", "Expecting", "extra content", "Type ", "Datatype", "failed to validate")
LICENCE = (
    "<permissions><license><ali:license_ref>{}</ali:license_ref><license-p>Open.</license-p>"
    "</license></permissions>\n</article-meta>"
)
TOUR_TEXT = TOUR.read_text(encoding="utf-8")
ALI = ' xmlns:ali="http://www.niso.org/schemas/ali/1.0/" xmlns:'


def errors(validate: Validate, text: str) -> list[str]:
    status, lines = validate(text)
    assert status == 2
    assert not [line for line in lines if any(raw in line for raw in RAW)], lines
    return [line for line in lines if ": error: " in line]


def test_a_call_whose_rid_is_no_name_is_named_at_the_call(validate: Validate) -> None:
    text = edited('rid="fn1"', 'rid="fn 1"')
    assert errors(validate, text)[0] == (
        f'brief.xml:{position(text, "<xref")}: error: rid="fn 1" on <xref> is not a name'
        " (a letter or _, then letters, digits, -, _ or .)"
    )


def test_a_licence_url_that_is_no_uri_is_said_in_our_words_only(validate: Validate) -> None:
    text = edited("</article-meta>", LICENCE.format("not a url [x]"), edited(" xmlns:", ALI))
    lines = errors(validate, text)
    assert lines[0] == (
        f"brief.xml:{position(text, '<ali:license_ref')}: error: <ali:license_ref> holds"
        " 'not a url [x]', which is not a URI"
    )


def test_a_date_part_holding_an_element_is_one_line(validate: Validate) -> None:
    text = edited("<year>2024</year>", "<year>20<italic>24</italic></year>")
    assert errors(validate, text) == [
        f"brief.xml:{position(text, '<italic>24')}: error: <italic> is not allowed in <year>;"
        " <year> holds no elements"
    ]


@pytest.mark.parametrize(
    ("old", "tag"),
    [('<fn id="fn1">', "fn"), ('<aff id="aff1">', "aff"), ('<sec id="sec-districts">', "sec")],
)
def test_an_id_that_is_no_name_is_one_line_at_its_element(
    validate: Validate, old: str, tag: str
) -> None:
    """libxml2 says ``Type NCName doesn't allow value '!!'`` and ``Element fn failed to
    validate attributes``, or goes astray inside the element (``Invalid attribute content-type
    for element institution``): one line is printed, ours."""
    damaged = f'<{tag} id="!!">'
    text = edited(old, damaged, TOUR_TEXT)
    schema_lines = [line for line in errors(validate, text) if "call to a missing" not in line]
    assert schema_lines == [
        f'brief.xml:{position(text, damaged)}: error: id="!!" on <{tag}> is not a name'
        " (a letter or _, then letters, digits, -, _ or .)"
    ]
