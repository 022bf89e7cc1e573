"""``alt-text`` directly in ``fig`` (before ``graphic``) is read like ``alt-text`` in ``graphic``.

Both places are valid in the JATS 1.3 Archiving DTD; JATS4R prefers ``graphic``, some publishers
write ``fig``. The model has one ``alt_text``, so every writer must give the same bytes for both.
"""

from __future__ import annotations

import pytest
from lxml import etree

from briefexport.errors import InvalidBriefError
from briefexport.formats import get_writer
from briefexport.options import default_options
from briefexport.reader import parse_brief
from support.paths import EXAMPLES, TOUR

FEATURE_TOUR = TOUR
XLINK = "http://www.w3.org/1999/xlink"


def _variant(where: str) -> bytes:
    """The feature tour with its figure's alt text in ``graphic``, ``fig``, both or neither."""
    root = etree.parse(str(FEATURE_TOUR)).getroot()
    fig = root.find(".//fig")
    assert fig is not None
    graphic = fig.find("graphic")
    assert graphic is not None
    alt = graphic.find("alt-text")
    assert alt is not None
    if where in ("fig", "neither"):
        graphic.remove(alt)
    if where in ("fig", "both"):
        moved = etree.Element("alt-text")
        moved.text = "Alt text written in fig" if where == "both" else alt.text
        graphic.addprevious(moved)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_alt_text_in_fig_gives_the_same_model() -> None:
    in_graphic, _ = parse_brief(_variant("graphic"), name="graphic.xml", base_dir=EXAMPLES)
    in_fig, warnings = parse_brief(_variant("fig"), name="fig.xml", base_dir=EXAMPLES)
    assert warnings == []
    assert in_fig == in_graphic
    assert in_fig.figures[0].image.alt_text.startswith("Bar chart")


@pytest.mark.parametrize("fmt", ["jats", "html", "markdown", "docx", "epub"])
def test_writers_treat_both_places_alike(fmt: str) -> None:
    writer = get_writer(fmt)
    outputs = []
    for where in ("graphic", "fig"):
        brief, _ = parse_brief(_variant(where), name=f"{where}.xml", base_dir=EXAMPLES)
        outputs.append(writer(brief, default_options(brief)))
    assert outputs[0] == outputs[1]


def test_alt_text_in_graphic_wins_when_both_are_given() -> None:
    brief, _ = parse_brief(_variant("both"), name="both.xml", base_dir=EXAMPLES)
    assert brief.figures[0].image.alt_text.startswith("Bar chart")


def test_a_figure_without_alt_text_is_still_refused() -> None:
    data = _variant("neither")
    graphic = etree.fromstring(data).find(".//graphic")
    assert graphic is not None
    with pytest.raises(InvalidBriefError) as raised:
        parse_brief(data, name="neither.xml", base_dir=EXAMPLES)
    assert graphic.sourceline in {d.line for d in raised.value.diagnostics}


def test_alt_text_in_fig_is_valid_against_the_archiving_dtd(jats_dtd: etree.DTD) -> None:
    tree = etree.fromstring(_variant("fig"))
    assert jats_dtd.validate(tree), jats_dtd.error_log.filter_from_errors()
