"""Text standing bare where its paragraph (or another element that holds text) is missing is one
line, naming that element: not also the element missing, each inline element beside the text,
nor a sibling found where that element should have been."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from support.positions import position
from support.small_brief import edited

Validate = Callable[[str], tuple[int, list[str]]]
CALL = '<xref ref-type="fn" rid="fn1">1</xref>'
LIST = '<list list-type="bullet"><list-item>{}</list-item></list>'
BARE = "text is not allowed directly in <{}>; wrap it in <{}>"
CASES = [
    (
        "list-item",
        edited(f"<p>Walls need care{CALL}.</p>", LIST.format(f"Walls need care{CALL}.")),
        "<list-item>",
        BARE.format("list-item", "p"),
    ),
    (
        "list-item-with-inline-elements",
        edited(
            f"<p>Walls need care{CALL}.</p>",
            LIST.format(f"Walls need <bold>care</bold>{CALL}."),
        ),
        "<list-item>",
        BARE.format("list-item", "p"),
    ),
    (
        "footnote",
        edited("<p>See <ext-link", "See <ext-link").replace("</ext-link>.</p>", "</ext-link>."),
        "<fn ",
        BARE.format("fn", "p"),
    ),
    (
        "day-of-the-publication-date",
        edited("<day>05</day>", "05"),
        "<pub-date",
        BARE.format("pub-date", "day"),
    ),
    (
        "section-with-its-title",
        edited("<p>Walls", "<sec><title>Upkeep</title>Walls").replace("</p>", "</sec>", 1),
        "<sec>",
        BARE.format("sec", "p"),
    ),
    (
        "section-without-its-title",
        edited("</p>\n</body>", "</p><sec>Upkeep</sec>\n</body>"),
        "<sec>",
        BARE.format("sec", "title"),
    ),
]


@pytest.mark.parametrize(
    ("text", "at", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bare_text_is_one_line_naming_its_element(
    validate: Validate, text: str, at: str, message: str
) -> None:
    assert validate(text) == (2, [f"brief.xml:{position(text, at)}: error: {message}"])


def test_a_child_out_of_order_beside_bare_text_is_still_said(validate: Validate) -> None:
    text = edited("<p>Walls", "<sec><p>Upkeep.</p><title>Upkeep</title>Walls")
    text = text.replace("</p>\n</body>", "</sec>\n</body>", 1)
    assert validate(text) == (
        2,
        [
            f"brief.xml:{position(text, '<sec>')}: error: {BARE.format('sec', 'p')}",
            f"brief.xml:{position(text, '<p>Upkeep')}: error: <sec> must start with <title>;"
            " found <p>",
        ],
    )


PUB_DATE = "<day>05</day><month>03</month><year>2024</year>"
AFFILIATION = '<aff id="aff1"><institution>Coastal Institute</institution></aff>'
LOOSE = [
    (
        "name-parts",
        edited("<name><surname>Mensah</surname><given-names>Kofi</given-names></name>", "").replace(
            "</contrib>", "<surname>Mensah</surname><given-names>Kofi</given-names></contrib>"
        ),
        "<surname>",
        "<surname> and <given-names> are not allowed directly in <contrib>; wrap them in <name>",
    ),
    (
        "table-rows",
        edited(
            "</p>\n</body>",
            "</p><table-wrap><table><tr><td>a</td></tr></table></table-wrap>\n</body>",
        ),
        "<tr>",
        "<tr> is not allowed directly in <table>; wrap it in <tbody>",
    ),
    (
        "date-parts",
        edited(
            f'<pub-date publication-format="electronic" date-type="pub" iso-8601-date="2024-03-05">{PUB_DATE}</pub-date>',
            PUB_DATE,
        ),
        "<day>",
        "<day>, <month> and <year> are not allowed directly in <article-meta>; wrap them in"
        " <pub-date>",
    ),
    (
        "second-footnote",
        edited("</fn>\n", "</fn>\n<p>Budgets.</p>\n"),
        "<p>Budgets",
        "<p> is not allowed directly in <fn-group>; wrap it in <fn>",
    ),
    (
        "affiliation-called",
        edited("</contrib-group>", f"</contrib-group>{AFFILIATION}")
        .replace("</name></contrib>", '</name><xref ref-type="aff" rid="aff1"/></contrib>')
        .replace(AFFILIATION, "<institution>Coastal Institute</institution>"),
        "<institution>",
        "<institution> is not allowed directly in <article-meta>; wrap it in <aff>",
    ),
]


@pytest.mark.parametrize(
    ("text", "at", "message"), [c[1:] for c in LOOSE], ids=[c[0] for c in LOOSE]
)
def test_loose_elements_are_one_line_naming_their_element(
    validate: Validate, text: str, at: str, message: str
) -> None:
    assert validate(text) == (2, [f"brief.xml:{position(text, at)}: error: {message}"])


def test_a_loose_element_two_elements_take_is_named_alone(validate: Validate) -> None:
    text = edited(
        "</p>\n</body>", "</p><sec><title>S</title><label>1</label><p>x</p></sec>\n</body>"
    )
    status, lines = validate(text)
    assert status == 2
    assert lines == [
        f"brief.xml:{position(text, '<label>')}: error: <label> is not allowed in <sec>; allowed"
        " here: <p>, <list>, <disp-quote>, <table-wrap>, <fig>, <sec> or <title>"
    ]
