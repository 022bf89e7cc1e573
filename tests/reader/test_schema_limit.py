"""A brief with very many schema problems: the pass stops once more than the printed maximum
are found, the nth start tag of a name on a line is located as the nth, and a brief libxml2
refused stays refused whatever the rewording finds."""

from __future__ import annotations

import pytest

from briefexport.errors import InvalidBriefError
from briefexport.reader import parse_brief, schema_messages
from briefexport.reader.locate import Locator
from briefexport.reader.parse import MAX_SCHEMA_ERRORS, parse_untrusted
from briefexport.reader.schema_check import check_structure
from support.small_brief import edited

MANY = 400
CRAMMED = edited("<p>Walls need care", "<p>" + "<i>x</i>" * MANY + "Walls need care")


def refusal(text: str) -> list[str]:
    with pytest.raises(InvalidBriefError) as raised:
        parse_brief(text.encode(), name="brief.xml")
    return [str(d) for d in raised.value.diagnostics]


def test_pass_stops_after_its_limit() -> None:
    tree = parse_untrusted(CRAMMED.encode(), "brief.xml")
    found = check_structure(tree.getroot(), Locator("brief.xml", CRAMMED.encode()), limit=10)
    assert len(found.diagnostics) == 11
    assert found.cut
    whole = check_structure(tree.getroot(), Locator("brief.xml", CRAMMED.encode()))
    assert len(whole.diagnostics) == MANY
    assert not whole.cut


def test_printed_errors_are_the_first_ones_each_at_its_own_tag() -> None:
    lines = refusal(CRAMMED)
    assert len(lines) == MAX_SCHEMA_ERRORS + 1
    line = CRAMMED[: CRAMMED.index("<i>")].count("\n") + 1
    start = CRAMMED.rfind("\n", 0, CRAMMED.index("<i>")) + 1
    columns = [CRAMMED.index("<i>", start) - start + 1 + 8 * n for n in range(MAX_SCHEMA_ERRORS)]
    assert lines[:-1] == [
        f"brief.xml:{line}:{column}: error: <i> is not an element of this profile;"
        " did you mean <italic>?"
        for column in columns
    ]
    assert lines[-1] == f"brief.xml:{line}:1: error: ... and more schema errors"


def test_a_few_more_are_counted() -> None:
    crammed = "<p>" + "<i>x</i>" * MAX_SCHEMA_ERRORS + "Walls need care"
    text = edited("<p>Walls need care", crammed, edited('xml:lang="en"', 'xml:lang="en_GB"'))
    assert refusal(text)[-1].endswith("error: ... and 1 more schema errors")


def test_refused_brief_stays_refused_when_rewording_finds_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(schema_messages, "clearer", lambda *args: ([], True))
    text = edited("<p>Walls need care", "<p><i>x</i>Walls need care")
    lines = refusal(text)
    assert len(lines) == 1
    line = text[: text.index("<i>")].count("\n") + 1
    assert lines[0].startswith(f"brief.xml:{line}:")
    assert "error: " in lines[0]
