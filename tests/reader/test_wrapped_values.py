"""Values the schema gives a pattern of their own (an author's ORCID and e-mail address, the
publication day, month and year, the copyright year) may stand between XML white space, as a
pretty-printer writes them (``<email>\\n  a@b.org\\n</email>``): the reader trims it, so the model
and the JATS written are those of the brief written on one line. A wrong value is still refused,
in words, at its element."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.reader import read_brief
from briefexport.writers import jats
from support.paths import TOUR
from support.positions import position
from support.small_brief import edited
from support.tour import copy_tour
from support.validators import validate_jats

ORCID = "https://orcid.org/0000-0002-1825-0097"
EMAIL = "j.haverkamp@uni-port-ellery.example.edu"
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
WRAPS = {  # each value as written on one line, and as a pretty-printer may wrap it
    f">{ORCID}<": f">\n            {ORCID}\n          <",
    f"<email>{EMAIL}<": f"<email>\n\t\t{EMAIL}\r\n\t<",
    "<day>2<": "<day>\n          2\n        <",
    "<month>11<": "<month> 11 <",
    "<year>2026</year>\n      </pub-date>": "<year>\n2026\n</year>\n      </pub-date>",
    "<copyright-year>2026<": "<copyright-year>\n          2026\n        <",
    f">{LICENCE}<": f">\n            {LICENCE}\n          <",
}
Validate = Callable[[str], tuple[int, list[str]]]


def wrapped(text: str) -> str:
    for flat, wrap in WRAPS.items():
        text = edited(flat, wrap, text)
    return text


def read(folder: Path, text: str) -> Brief:
    brief = copy_tour(folder)
    brief.write_text(text, encoding="utf-8")
    return read_brief(brief)[0]


def test_wrapped_values_are_read_as_written_on_one_line(tmp_path: Path) -> None:
    flat = copy_tour(tmp_path / "flat").read_text(encoding="utf-8")
    meta = read(tmp_path / "wrapped", wrapped(flat)).meta
    author = next(a for a in meta.authors if a.email == EMAIL)  # the one wrapped
    assert (author.email, meta.authors[0].orcid) == (EMAIL, ORCID)
    assert meta.date.isoformat() == "2026-11-02"
    assert meta.permissions is not None
    assert (meta.permissions.year, meta.permissions.license_url) == (2026, LICENCE)


def test_a_wrapped_brief_writes_the_jats_of_the_flat_one(tmp_path: Path) -> None:
    flat_text = copy_tour(tmp_path / "flat").read_text(encoding="utf-8")
    flat, wrap = read(tmp_path / "flat", flat_text), read(tmp_path / "wrapped", wrapped(flat_text))
    written = jats.write(wrap, default_options(wrap))
    assert written == jats.write(flat, default_options(flat))
    path = tmp_path / "wrapped.xml"
    path.write_bytes(written)
    result = validate_jats(path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("old", "new", "tag", "message"),
    [
        (
            f"<email>{EMAIL}<",
            "<email>\n  j.haverkamp at example.edu\n<",
            "<email>\n",
            "<email> holds 'j.haverkamp at example.edu', which is not an e-mail address such as"
            " name@example.org",
        ),
        (
            f">{ORCID}<",
            ">\n  0000-0002-1825-0097\n<",
            '<contrib-id contrib-id-type="orcid">\n',
            "<contrib-id> holds '0000-0002-1825-0097', which is not an ORCID iD written as its"
            f" URL, such as {ORCID}",
        ),
        (
            "<day>2<",
            "<day>\n  2nd\n<",
            "<day>",
            "<day> holds '2nd', which is not a number of one or two digits, such as 5 or 05",
        ),
        (
            "<copyright-year>2026<",
            "<copyright-year> '26 <",
            "<copyright-year>",
            '<copyright-year> holds "\'26", which is not a year of four digits',
        ),
        (
            "<year>2026</year>\n      </pub-date>",
            "<year>2026\u00a0</year>\n      </pub-date>",
            "<year>",
            "<year> holds '2026\\xa0', which is not a year of four digits",
        ),
    ],
    ids=["email", "orcid", "day", "copyright-year", "year-with-no-break-space"],
)
def test_a_wrong_value_between_blanks_is_refused_in_words_at_its_element(
    validate: Validate, old: str, new: str, tag: str, message: str
) -> None:
    text = edited(old, new, TOUR.read_text(encoding="utf-8"))
    status, lines = validate(text)
    assert status == 2
    assert lines == [f"brief.xml:{position(text, tag)}: error: {message}"]
