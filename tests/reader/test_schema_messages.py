"""A brief the schema refuses gets one clear line per problem, at the element at fault.

Each case edits a shipped example and states every line ``briefexport validate`` prints; the
positions are worked out from the edited text. Whether the pass behind the messages agrees with
the schema is tested in ``test_schema_pass.py``; children out of order in
``test_schema_order.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from support.paths import HARBOUR, TOUR
from support.positions import position
from support.small_brief import edited

Validate = Callable[[str], tuple[int, list[str]]]
TOUR_TEXT = TOUR.read_text(encoding="utf-8")
ID_SEC = '<sec id="1sec"'
HARBOUR_TEXT = HARBOUR.read_text(encoding="utf-8")


def swap_first_title_and_paragraph(text: str) -> str:
    match = re.search(r"(<sec[^>]*>\s*)(<title>.*?</title>)(\s*)(<p>.*?</p>)", text, re.DOTALL)
    assert match
    head, title, space, para = match.groups()
    return text[: match.start()] + head + para + space + title + text[match.end() :]


ITALIC_AS_I = TOUR_TEXT.replace("<italic>", "<i>").replace("</italic>", "</i>")
TITTLE = re.sub(r"<title>(.*?)</title>", r"<tittle>\1</tittle>", TOUR_TEXT, count=1)
PARA = edited("<p>Publish a", "<para>Publish a", TOUR_TEXT).replace(
    "updated every summer.</p>", "updated every summer.</para>", 1
)
FOOTNOTE = edited('ref-type="fn" rid="fn1"', 'ref-type="footnote" rid="fn1"', HARBOUR_TEXT)
CASES = [
    (
        "contrib-without-type",
        (text := edited('<contrib contrib-type="author">', "<contrib>", HARBOUR_TEXT)),
        [
            f'{position(text, "<contrib>")}: error: <contrib> needs the attribute contrib-type="author"'
        ],
    ),
    (
        "article-without-language",
        (text := edited(' xml:lang="en"', "", TOUR_TEXT)),
        [
            f"{position(text, '<article ')}: error: <article> needs the attribute xml:lang"
            ' (a language tag such as "en")'
        ],
    ),
    (
        "i-for-italic",
        ITALIC_AS_I,
        [
            f"{position(ITALIC_AS_I, '<i>', n)}: error: <i> is not an element of this profile;"
            " did you mean <italic>?"
            for n in range(3)
        ],
    ),
    (
        "unknown-in-journal-meta",
        (text := edited("<journal-title-group>", "<foo/><journal-title-group>", TOUR_TEXT)),
        [
            f"{position(text, '<foo/>')}: error: <foo> is not an element of this profile; allowed"
            " here: <journal-id>, <journal-title-group> or <publisher>"
        ],
    ),
    (
        "footnote-ref-type",
        FOOTNOTE,
        [
            f'{position(FOOTNOTE, "<xref", FOOTNOTE.count("<xref", 0, FOOTNOTE.index("footnote")) - 1)}: error: ref-type="footnote" on <xref> must be'
            ' "fn" or "bibr"'
        ],
    ),
    (
        "tittle-for-title",
        TITTLE,
        [f"{position(TITTLE, '<tittle>')}: error: <sec> must start with <title>; found <tittle>"],
    ),
    (
        "para-for-p",
        PARA,
        [f"{position(PARA, '<para>')}: error: <list-item> must start with <p>; found <para>"],
    ),
    (
        "title-after-p",
        (text := swap_first_title_and_paragraph(TOUR_TEXT)),
        [
            f"{position(text, '<p>', text.count('<p>', 0, text.index('<sec')))}: error: <sec>"
            " must start with <title>; found <p>"
        ],
    ),
    (
        "attribute-not-allowed",
        (text := edited("<list list-type=", '<list color="red" list-type=', TOUR_TEXT)),
        [
            f"{position(text, '<list ')}: error: attribute color is not allowed on <list>;"
            " it takes list-type"
        ],
    ),
    (
        "attribute-misspelt",
        (text := edited("<list list-type=", "<list list_type=", TOUR_TEXT)),
        [
            f"{position(text, '<list ')}: error: attribute list_type is not allowed on <list>;"
            " did you mean list-type?"
        ],
    ),
    (
        "value-not-in-list",
        (text := edited('list-type="bullet"', 'list-type="bullets"', TOUR_TEXT)),
        [
            f'{position(text, "<list ")}: error: list-type="bullets" on <list> must be "bullet"'
            ' or "order"'
        ],
    ),
    (
        "text-between-blocks",
        (text := edited('<list list-type="bullet">', '<list list-type="bullet">stray', TOUR_TEXT)),
        [f"{position(text, '<list ')}: error: text is not allowed directly in <list>"],
    ),
    (
        "missing-element",
        (text := re.sub(r"<year>\d+</year>", "", TOUR_TEXT, count=1)),
        [f"{position(text, '<pub-date')}: error: <pub-date> is missing <year>"],
    ),
    (
        "id-not-a-name",
        (text := edited('id="sec-options"', 'id="1sec"', TOUR_TEXT)),
        [
            f'{position(text, ID_SEC)}: error: id="1sec" on <sec> is not a name'
            " (a letter or _, then letters, digits, -, _ or .)"
        ],
    ),
    (
        "span-out-of-range",
        (text := edited("<td>", '<td colspan="0">', TOUR_TEXT)),
        [
            f'{position(text, "<td colspan")}: error: colspan="0" on <td> is not a whole number'
            " from 1 up to 100"
        ],
    ),
    (
        "orcid-pattern",
        (text := edited("https://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097", TOUR_TEXT)),
        [
            f"{position(text, '<contrib-id')}: error: <contrib-id> holds '0000-0002-1825-0097',"
            " which is not an ORCID iD written as its URL, such as"
            " https://orcid.org/0000-0002-1825-0097"
        ],
    ),
    (
        "date-attribute-pattern",
        (text := edited('iso-8601-date="2026', 'iso-8601-date="x2026', TOUR_TEXT)),
        [
            f'{position(text, "<pub-date")}: error: iso-8601-date="x2026-11-02" on <pub-date>'
            " is not a date written YYYY-MM-DD",
        ],
    ),
    (
        "known-element-in-wrong-parent",
        (text := edited("<publisher-loc>", "<p>x</p><publisher-loc>", TOUR_TEXT)),
        [
            f"{position(text, '<p>x')}: error: <p> is not allowed in <publisher>; allowed here:"
            " <publisher-name> or <publisher-loc>"
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_problem_gets_one_located_line(
    validate: Validate, text: str, expected: list[str]
) -> None:
    status, lines = validate(text)
    assert status == 2
    assert lines == [f"brief.xml:{line}" for line in expected]
