"""libxml2, once it has refused an element, tries other readings of what is around it and may
report elements that are fine (``Expecting element mixed-citation, got xref`` in a section the
brief never touched, ``Invalid attribute content-type`` on a cell whose attribute is right): such
lines are consequences of the problem the reader names, and only that problem is printed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from lxml import etree

from briefexport.reader.locate import Locator
from briefexport.reader.parse import _schema, _schema_diagnostic
from support.paths import TOUR
from support.positions import position
from support.small_brief import edited

Validate = Callable[[str], tuple[int, list[str]]]
TOUR_TEXT = TOUR.read_text(encoding="utf-8")
HEALTH = "<title>The cost to health</title>"
CASES = [
    ("unknown-attribute-on-aff", '<aff id="aff1">', '<aff id="aff1" bogus="1">'),
    ("unknown-attribute-on-sec", '<sec id="sec-districts">', '<sec id="sec-districts" bogus="1">'),
    (
        "unknown-attribute-on-institution",
        '<institution content-type="dept">Centre',
        '<institution content-type="dept" bogus="1">Centre',
    ),
    ("misspelt-table-wrap", '<table-wrap id="tab1">', '<table-wrapx id="tab1">'),
    ("misspelt-section", '<sec id="sec-health">', '<secx id="sec-health">'),
    ("unknown-attribute-on-subsection-title", HEALTH, HEALTH.replace("<title>", '<title x="1">')),
]


def _damaged(old: str, new: str) -> str:
    text = edited(old, new, TOUR_TEXT)
    closing = {"<table-wrapx": ("</table-wrap>", "</table-wrapx>")}
    if new.startswith("<secx"):  # the section's own end tag, the second one after it
        start = text.index(new)
        end = text.index("</sec>", text.index("</fig>", start))
        end = text.index("</sec>", end + 1) if "<sec" in text[start + 5 : end] else end
        return text[:end] + "</secx>" + text[end + 6 :]
    for tag, (old_end, new_end) in closing.items():
        if new.startswith(tag):
            return text.replace(old_end, new_end, 1)
    return text


@pytest.mark.parametrize(("old", "new"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_one_problem_is_one_line(validate: Validate, old: str, new: str) -> None:
    text = _damaged(old, new)
    status, lines = validate(text)
    assert status == 2
    assert [line.split(": error: ")[0] for line in lines] == [f"brief.xml:{position(text, new)}"], (
        lines
    )


def test_expecting_x_got_y_on_y_s_own_line_points_at_y() -> None:
    """libxml2 writes ``Expecting element mixed-citation, got xref`` on the line of the call
    (inside a paragraph that starts lines above): the line printed points at the call."""
    text = edited(HEALTH, HEALTH.replace("<title>", '<title bogus="1">'), TOUR_TEXT)
    tree = etree.fromstring(text.encode()).getroottree()
    schema = _schema()
    assert not schema.validate(tree)
    entry = next(e for e in schema.error_log if "got xref" in e.message)
    found = _schema_diagnostic(entry, Locator("brief.xml", text.encode()), tree)
    call = '<xref ref-type="fn" rid="fn2">'
    assert f"{found.line}:{found.column}" == position(text, call)


def test_expecting_x_got_nothing_points_at_the_element_on_its_line() -> None:
    """After a misspelt section libxml2 writes ``Expecting an element p, got nothing`` on the
    line of a subsection the brief never touched: the line, if printed, points at it."""
    text = _damaged('<sec id="sec-health">', '<secx id="sec-health">')
    tree = etree.fromstring(text.encode()).getroottree()
    schema = _schema()
    assert not schema.validate(tree)
    entry = next(e for e in schema.error_log if e.message.endswith("got nothing"))
    found = _schema_diagnostic(entry, Locator("brief.xml", text.encode()), tree)
    assert f"{found.line}:{found.column}" == position(text, '<sec id="sec-night">')
