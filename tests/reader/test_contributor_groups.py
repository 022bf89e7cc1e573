"""The authors' and the editors' ``contrib-group`` share a name and are told apart by what they
hold: a misplaced authors' group is one line about order, naming each group by what it holds,
and the editors' group is never checked against the authors' rules (``contrib-type="editor"
on <contrib> must be "author"``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from support.paths import TOUR
from support.positions import position

Validate = Callable[[str], tuple[int, list[str]]]
TOUR_TEXT = TOUR.read_text(encoding="utf-8")
START = TOUR_TEXT.index("<contrib-group>")
AUTHORS = TOUR_TEXT[START : TOUR_TEXT.index("<contrib-group>", START + 1)]  # with its indent
WITHOUT = TOUR_TEXT.replace(AUTHORS, "", 1)
CASES = [
    (
        "after-the-editors",
        WITHOUT.replace("<aff id", f"{AUTHORS}<aff id", 1),
        ("<contrib-group>", 0),
        "<contrib-group> of editors cannot come after <title-group> in <article-meta>;"
        " expected <contrib-group> of authors",
    ),
    (
        "after-the-affiliations",
        WITHOUT.replace("<author-notes>", f"{AUTHORS}<author-notes>", 1),
        ("<contrib-group>", 1),
        "<contrib-group> of authors cannot come after <aff> in <article-meta>;"
        " expected <aff>, <author-notes> or <pub-date>",
    ),
    (
        "after-the-permissions",
        WITHOUT.replace("<abstract>", f"{AUTHORS}<abstract>", 1),
        ("<contrib-group>", 1),
        "<contrib-group> of authors cannot come after <permissions> in <article-meta>;"
        " expected <abstract> or <kwd-group>",
    ),
]


@pytest.mark.parametrize(
    ("text", "at", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_misplaced_authors_group_is_one_line(
    validate: Validate, text: str, at: tuple[str, int], message: str
) -> None:
    assert validate(text) == (2, [f"brief.xml:{position(text, *at)}: error: {message}"])
