"""The Word styles set their lines as the print stylesheet does: justified or ragged, and
hyphenated or not, as the ``text-align`` and ``hyphens`` of the rule they copy say (the reference
list as the PDF's list items)."""

from __future__ import annotations

import io

import docx
import pytest

from briefexport.errors import BriefexportError
from briefexport.shared.print_sheet import PrintSheet
from briefexport.writers.docx import stylemap as sm
from briefexport.writers.docx.reference import build_reference
from support.docx import HOUSE, house_sheet

LIST_STYLES = (sm.REFERENCE_ENTRY, sm.LIST_BULLET, sm.LIST_NUMBER, sm.LIST_CONTINUE)


def lines(css: str) -> dict[str, tuple[str | None, bool]]:
    """Each paragraph style's own ``w:jc`` and whether it turns hyphenation on, in a reference
    document made with ``css`` over the shipped print stylesheet."""
    data = build_reference(HOUSE, PrintSheet(css, house_sheet()))
    found: dict[str, tuple[str | None, bool]] = {}
    for style in docx.Document(io.BytesIO(data)).styles:
        align = style.element.xpath("string(w:pPr/w:jc/@w:val)") or None
        hyphens = style.element.xpath("string(w:pPr/w:suppressAutoHyphens/@w:val)") == "0"
        found[str(style.name)] = (align, hyphens)
    return found


def test_the_house_reference_list_is_justified_and_hyphenated_as_the_pdf_list() -> None:
    found = lines("")
    for name in (*LIST_STYLES, sm.BODY_TEXT, sm.QUOTE):
        assert found[name] == ("both", True), name
    assert found[sm.ATTRIBUTION] == ("end", False)


def test_a_ragged_print_list_gives_a_ragged_reference_list() -> None:
    found = lines("main li { text-align: start; hyphens: manual }")
    for name in LIST_STYLES:
        assert found[name] == ("start", False), name
    # running text keeps its own rule
    assert found[sm.BODY_TEXT] == ("both", True)


def test_centred_running_text_and_a_right_aligned_attribution() -> None:
    css = "main p { text-align: center } blockquote .attribution { text-align: right }"
    found = lines(css)
    assert found[sm.BODY_TEXT] == ("center", True)
    assert found[sm.QUOTE] == ("center", True)
    assert found[sm.ATTRIBUTION] == ("right", False)


def test_an_alignment_word_lacks_stops_the_reference_document() -> None:
    with pytest.raises(BriefexportError, match="main li"):
        lines("main li { text-align: match-parent }")
