"""A date's ``iso-8601-date`` may stand between XML white space, as the patterned element values
may (a pretty-printer's line end, a space typed by hand): the reader trims it; a value of another
form is refused in one line, named trimmed, with the form the schema takes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest

from briefexport.model import CitedDate
from briefexport.reader import parse_brief
from support.positions import position
from support.small_brief import edited

Validate = Callable[[str], tuple[int, list[str]]]
PUB = 'iso-8601-date="2024-03-05"'
CITED = '<string-date iso-8601-date="2023-11">November 2023</string-date>'


def _cited(text: str) -> list[CitedDate]:
    brief, _ = parse_brief(text.encode())
    found: list[CitedDate] = []
    pending: list[object] = [brief.footnotes]
    while pending:  # every record of the model, searched for the cited dates
        item = pending.pop()
        if isinstance(item, CitedDate):
            found.append(item)
        elif isinstance(item, tuple | list):
            pending.extend(item)
        elif dataclasses.is_dataclass(item):
            pending.extend(getattr(item, f.name) for f in dataclasses.fields(item))
    return found


def _citing(value: str) -> str:
    """The small brief with a citation in its footnote dated ``iso-8601-date="value"``."""
    cited = f'<mixed-citation publication-type="other">A report, {CITED}.</mixed-citation>'
    return edited("See <ext-link", cited.replace('"2023-11"', f'"{value}"') + " See <ext-link")


@pytest.mark.parametrize("blanks", [(" ", " "), ("\n  ", "\n"), ("\t", "")])
def test_a_publication_date_between_blanks_is_read_trimmed(blanks: tuple[str, str]) -> None:
    before, after = blanks
    text = edited(PUB, f'iso-8601-date="{before}2024-03-05{after}"')
    brief, warnings = parse_brief(text.encode())
    assert brief.meta.date == dt.date(2024, 3, 5)
    assert warnings == []


def test_a_cited_date_between_blanks_is_read_trimmed() -> None:
    text = _citing(" 2023-11\n")
    assert [date.iso for date in _cited(text)] == ["2023-11"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            " 2024/03/05 ",
            'iso-8601-date="2024/03/05" on <pub-date> is not a date written YYYY-MM-DD',
        ),
        (" 2024-3-5", 'iso-8601-date="2024-3-5" on <pub-date> is not a date written YYYY-MM-DD'),
        (" 2024-02-30\n", "publication date '2024-02-30' does not exist"),
    ],
)
def test_a_wrong_publication_date_is_one_clear_line(
    validate: Validate, value: str, expected: str
) -> None:
    text = edited(PUB, f'iso-8601-date="{value}"')
    if "02-30" in value:
        text = edited("<day>05</day><month>03</month>", "<day>30</day><month>02</month>", text)
    status, lines = validate(text)
    assert status == 2
    assert lines == [f"brief.xml:{position(text, '<pub-date')}: error: {expected}"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (" Nov 2023 ", 'iso-8601-date="Nov 2023" on <string-date> is not a date written YYYY,'),
        ("2023-13 ", "date '2023-13' does not exist"),
    ],
)
def test_a_wrong_cited_date_is_one_clear_line(
    validate: Validate, value: str, expected: str
) -> None:
    text = _citing(value)
    status, lines = validate(text)
    assert status == 2
    assert len(lines) == 1
    assert lines[0].startswith(f"brief.xml:{position(text, '<string-date')}: error: {expected}")
