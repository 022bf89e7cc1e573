"""The front page's gaps in the Word copy as in the print: the "By" and "Edited by" labels sit
their label's margin above the first name (not a contributor's), the contributors a contributor's
margin apart, and the identity lines the identity block's margin below the date. Word parts two
paragraphs by the larger of the first one's space after and the second one's space before."""

from __future__ import annotations

import io
import itertools

import docx
from docx.text.paragraph import Paragraph as DocxParagraph

from briefexport.shared.print_sheet import Css
from briefexport.writers.docx import stylemap as sm
from support.docx import HOUSE
from support.docx_spacing import SHEET


def space(paragraph: DocxParagraph, side: str) -> float:
    """A paragraph's space before or after in points, direct or its style's."""
    value = getattr(paragraph.paragraph_format, side)
    if value is None and paragraph.style is not None:
        value = getattr(paragraph.style.paragraph_format, side)
    return 0.0 if value is None else float(value.pt)


def gaps(data: bytes) -> list[tuple[str, str, float]]:
    """Each two neighbouring paragraphs' styles and the space Word leaves between them."""
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    return [
        (str(first.style.name), str(second.style.name),
         max(space(first, "space_after"), space(second, "space_before")))
        for first, second in itertools.pairwise(paragraphs)
        if first.style is not None and second.style is not None
    ]  # fmt: skip


def test_a_byline_label_is_its_own_margin_above_the_first_name(tour_docx: bytes) -> None:
    label = SHEET.points(Css("p.byline-label", "margin-bottom"), HOUSE.sizes.caption)
    found = [gap for first, _, gap in gaps(tour_docx) if first == sm.BYLINE]
    assert found == [label, label]  # "By" and "Edited by"
    assert label < SHEET.points(Css("div.contributor", "margin-bottom"), HOUSE.sizes.body)


def test_contributors_are_a_contributors_margin_apart(tour_docx: bytes) -> None:
    contributor = SHEET.points(Css("div.contributor", "margin-bottom"), HOUSE.sizes.body)
    found = [gap for first, second, gap in gaps(tour_docx) if second == sm.AUTHOR
             and first != sm.BYLINE]  # fmt: skip
    assert found == [contributor]  # the tour's second author


def test_the_identity_lines_are_the_identity_blocks_margin_below_the_date(
    tour_docx: bytes,
) -> None:
    identity = SHEET.points(Css("div.identity", "margin-top"), HOUSE.sizes.body)
    found = [gap for first, second, gap in gaps(tour_docx) if first == sm.PUBLICATION_DATE]
    assert found == [identity]
    assert [second for first, second, _ in gaps(tour_docx) if first == sm.PUBLICATION_DATE] == [
        sm.IDENTITY
    ]
