"""A child out of order is told which of several alike siblings it must come before ("the
second <sec>"), counted as the brief has them, and only a sibling it can stand before."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from briefexport.reader.schema_words import nth
from support.paths import TOUR
from support.positions import position
from support.small_brief import edited

Validate = Callable[[str], tuple[int, list[str]]]
U, V = "<sec><title>U</title></sec>", "<sec><title>V</title></sec>"


def errors(validate: Validate, text: str) -> list[str]:
    status, lines = validate(text)
    assert status == 2
    return lines


def test_a_child_before_the_second_of_two_alike_siblings_is_told_which(
    validate: Validate,
) -> None:
    """The first subsection is out of order too: the quotation goes before the second."""
    quote = "<disp-quote><p>q</p></disp-quote>"
    section = f"<sec><title>T</title>{U}<p>a</p><p>b</p>{V}{quote}</sec>"
    text = edited("</body>", f"{section}\n</body>")
    assert errors(validate, text) == [
        f"brief.xml:{position(text, U)}: error: <sec> cannot come before <p> in <sec>",
        f"brief.xml:{position(text, quote)}: error: <disp-quote> must come before the second"
        " <sec> in <sec>",
    ]


def test_siblings_after_the_child_count_too(validate: Validate) -> None:
    """One paragraph stands before the misplaced title, another after it: the first is named."""
    section = (
        "<sec><p>One.</p><disp-quote><p>q</p></disp-quote><title>Head</title><p>Two.</p></sec>"
    )
    text = edited("</body>", f"{section}\n</body>")
    assert errors(validate, text) == [
        f"brief.xml:{position(text, '<title>Head')}: error: <title> must come before the first"
        " <p> in <sec>",
    ]


def test_a_child_is_never_sent_before_a_sibling_that_cannot_follow_it(
    validate: Validate,
) -> None:
    """Authors between the two article ids belong after both (and after the title), not before
    the first, which cannot follow them."""
    ids = '<article-id pub-id-type="doi">10.5555/x</article-id>'
    ids += '<article-id pub-id-type="publisher-id">X-1</article-id>\n'
    text = edited("<title-group>", ids + "<title-group>")
    group = text[text.index("<contrib-group>") : text.index("</contrib-group>") + 16]
    text = text.replace(group + "\n", "").replace(
        "</article-id><article-id", f"</article-id>{group}<article-id"
    )
    assert errors(validate, text) == [
        f"brief.xml:{position(text, '<contrib-group>')}: error: <contrib-group> cannot come after"
        " <article-id> in <article-meta>; expected <article-id>, <article-categories> or"
        " <title-group>",
    ]


@pytest.mark.parametrize(
    ("index", "word"),
    [(0, "first"), (1, "second"), (8, "ninth"), (9, "10th"), (10, "11th"), (11, "12th"),
     (12, "13th"), (20, "21st"), (21, "22nd"), (22, "23rd"), (110, "111th"), (101, "102nd")],
)  # fmt: skip
def test_ordinals(index: int, word: str) -> None:
    assert nth(index) == word


def test_a_missing_title_group_is_not_told_as_authors_before_the_categories(
    validate: Validate,
) -> None:
    """Without a title group, the authors after the categories are not sent before them."""
    tour = TOUR.read_text(encoding="utf-8")
    start, end = tour.index("<title-group>"), tour.index("<contrib-group>")
    text = tour[:start] + tour[end:]
    assert errors(validate, text) == [
        f"brief.xml:{position(text, '<contrib-group>')}: error: <contrib-group> of authors"
        " cannot come after <article-categories> in <article-meta>; expected <title-group>"
    ]
