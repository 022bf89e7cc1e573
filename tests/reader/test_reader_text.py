"""Required text over several lines, as hand-wrapped or pretty-printed JATS writes it, and the
edges of link targets and figure paths: what the reader takes and what it refuses, and where."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefexport.errors import InvalidBriefError
from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.reader import parse_brief
from briefexport.writers import jats
from support.positions import position
from support.small_brief import BRIEF, edited
from support.validators import validate_jats

KEYWORDS = "<kwd-group><kwd>sea walls</kwd><kwd>coastal upkeep</kwd></kwd-group></article-meta>"
FLAT = edited("</article-meta>", KEYWORDS)
WRAPPED = (
    FLAT.replace("<journal-title>Issue Brief<", "<journal-title>\n    Issue\n    Brief\n  <")
    .replace("<surname>Mensah<", "<surname>\n\t\tMensah\n\t<")
    .replace("<given-names>Kofi<", "<given-names>  Kofi\r\n  <")
    .replace("<kwd>sea walls<", "<kwd>sea\n      walls<")
    .replace("<kwd>coastal upkeep<", "<kwd>\n coastal \t upkeep\n<")
    .replace("<publisher-name>Coastal Institute<", "<publisher-name>Coastal\nInstitute<")
)
Validate = Callable[[str], tuple[int, list[str]]]
LINK = 'xlink:href="https://example.org/walls"'


def read(text: str) -> Brief:
    return parse_brief(text.encode(), name="brief.xml")[0]


def refusal(text: str) -> list[str]:
    with pytest.raises(InvalidBriefError) as raised:
        parse_brief(text.encode(), name="brief.xml")
    return [f"{d.line}:{d.column}: {d.message}" for d in raised.value.diagnostics]


def refused(validate: Validate, text: str) -> list[str]:
    status, lines = validate(text)
    assert status == 2
    return lines


def test_wrapped_required_text_is_read_with_its_blanks_collapsed() -> None:
    meta = read(WRAPPED).meta
    assert meta.series == "Issue Brief"
    assert meta.publisher == "Coastal Institute"
    assert (meta.authors[0].name.surname, meta.authors[0].name.given_names) == ("Mensah", "Kofi")
    assert meta.keywords == ("sea walls", "coastal upkeep")


def test_a_wrapped_brief_writes_the_jats_of_the_flat_one(tmp_path: Path) -> None:
    written = jats.write(read(WRAPPED), default_options(read(WRAPPED)))
    assert written == jats.write(read(FLAT), default_options(read(FLAT)))
    again = read(written.decode())
    assert jats.write(again, default_options(again)) == written
    path = tmp_path / "wrapped.xml"
    path.write_bytes(written)
    result = validate_jats(path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("blank", ["\n   ", " \t\r\n "])
def test_blank_required_text_over_lines_is_refused_at_its_element(
    validate: Validate, blank: str
) -> None:
    text = edited("<kwd>sea walls</kwd>", f"<kwd>{blank}</kwd>", FLAT)
    assert refused(validate, text) == [
        f"brief.xml:{position(text, '<kwd>')}: error: <kwd> is empty; it needs text"
    ]


BLANK_LINK = "is blank; it needs the address the link leads to (an http, https or mailto URL)"


@pytest.mark.parametrize("href", ["", " ", "\t \t"])
def test_a_blank_link_is_named_at_its_ext_link(validate: Validate, href: str) -> None:
    text = edited("<p>Walls need care", "<p>Walls\n need <bold>care</bold>", BRIEF)
    text = edited(LINK, f'xlink:href="{href}"', text)
    shown = href.replace("\t", " ")  # attribute-value normalisation (XML 1.0 section 3.3.3)
    assert refused(validate, text) == [
        f'brief.xml:{position(text, "<ext-link")}: error: xlink:href="{shown}" on <ext-link>'
        f" {BLANK_LINK}"
    ]


def test_each_blank_link_of_a_paragraph_gets_its_line(validate: Validate) -> None:
    second = '<bold>or <ext-link ext-link-type="uri" xlink:href="">here</ext-link></bold>'
    text = edited(LINK, 'xlink:href=" "', BRIEF).replace("</ext-link>.", f"</ext-link>,\n{second}.")
    assert refused(validate, text) == [
        f'brief.xml:{position(text, "<ext-link")}: error: xlink:href=" " on <ext-link> {BLANK_LINK}',
        f'brief.xml:{position(text, "<ext-link", 1)}: error: xlink:href="" on <ext-link>'
        f" {BLANK_LINK}",
    ]


def test_a_blank_figure_path_says_what_it_needs() -> None:
    figure = '<fig><graphic xlink:href=" "><alt-text>A wall</alt-text></graphic></fig><p>Walls'
    text = edited("<p>Walls", figure)
    assert refusal(text) == [
        f'{position(text, "<graphic")}: xlink:href=" " on <graphic> is blank; it needs the path'
        " of the image file"
    ]


@pytest.mark.parametrize("blank", ["&#10;", "&#9;", " &#13;&#10; "])
def test_xml_blanks_around_a_link_are_trimmed(blank: str) -> None:
    text = edited(LINK, f'xlink:href="{blank}https://example.org/walls{blank}"')
    note = read(text).footnotes[0]
    assert "https://example.org/walls" in repr(note)
    assert "https://example.org/walls\\" not in repr(note)


@pytest.mark.parametrize(
    ("href", "edge", "code"),
    [
        ("https://example.org/walls\u00a0", "ends", "U+00A0 NO-BREAK SPACE"),
        ("\u2003https://example.org/walls", "starts", "U+2003 EM SPACE"),
        ("https://example.org/walls\u200e", "ends", "U+200E LEFT-TO-RIGHT MARK"),
        ("\ufeffhttps://example.org/walls ", "starts", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ],
)
def test_a_unicode_space_at_a_link_edge_is_refused_not_trimmed(
    href: str, edge: str, code: str
) -> None:
    text = edited(LINK, f'xlink:href="{href}"')
    assert refusal(text) == [
        f"{position(text, '<ext-link')}: link {href.strip(' ')!r} {edge} with {code}, which is"
        " not part of it; remove it (or, if it belongs there, write it percent-encoded)"
    ]


def test_a_no_break_space_at_a_figure_path_edge_is_refused() -> None:
    figure = '<fig><graphic xlink:href="figures/wall.png\u00a0"><alt-text>A wall</alt-text>'
    text = edited("<p>Walls", figure + "</graphic></fig><p>Walls")
    assert refusal(text) == [
        f"{position(text, '<graphic')}: figure path 'figures/wall.png\\xa0' ends with U+00A0"
        " NO-BREAK SPACE, which is not part of it; remove it (or, if it belongs there, write it"
        " percent-encoded)"
    ]


@pytest.mark.parametrize("last", ["\u00ad", "\U000e007f", "\u0600"])
def test_a_format_character_that_may_belong_to_an_address_is_no_stray(last: str) -> None:
    """A soft hyphen, the cancel tag that ends a subdivision flag, an Arabic number sign: format
    characters, but not what copying a link leaves at its end. The URL rules decide on them."""
    text = edited(LINK, f'xlink:href="https://example.org/walls{last}"')
    assert last in repr(read(text).footnotes[0]).encode().decode("unicode_escape")


LICENCE = "https://creativecommons.org/licenses/by/4.0/"
PERMISSIONS = (
    '<permissions><license><ali:license_ref xmlns:ali="http://www.niso.org/schemas/ali/1.0/">'
    "{}</ali:license_ref></license></permissions>\n</article-meta>"
)


@pytest.mark.parametrize(
    ("url", "edge", "code"),
    [
        (f"\u00a0{LICENCE}", "starts", "U+00A0 NO-BREAK SPACE"),
        (f"\n  \u2003{LICENCE}\n", "starts", "U+2003 EM SPACE"),
        (f"\u200b{LICENCE}", "starts", "U+200B ZERO WIDTH SPACE"),
        (f"{LICENCE}\u00a0", "ends", "U+00A0 NO-BREAK SPACE"),
    ],
    ids=["no-break-space-first", "em-space-first-wrapped", "zero-width-space-first", "last"],
)
def test_a_stray_at_a_licence_url_edge_is_one_line_in_the_words_of_a_link(
    validate: Validate, url: str, edge: str, code: str
) -> None:
    text = edited("</article-meta>", PERMISSIONS.format(url))
    shown = url.strip(" \n")
    assert refused(validate, text) == [
        f"brief.xml:{position(text, '<ali:license_ref')}: error: link {shown!r} {edge} with"
        f" {code}, which is not part of it; remove it (or, if it belongs there, write it"
        " percent-encoded)"
    ]


def test_a_stray_at_a_licence_url_edge_is_said_once_beside_another_schema_error(
    validate: Validate,
) -> None:
    text = edited("</article-meta>", PERMISSIONS.format(f"\u00a0{LICENCE}\u00a0"))
    text = edited("<surname>Mensah<", "<surname> <", text)
    assert refused(validate, text) == [
        f"brief.xml:{position(text, '<surname>')}: error: <surname> is empty; it needs text",
        f"brief.xml:{position(text, '<ali:license_ref')}: error: link"
        f" {f'{chr(160)}{LICENCE}{chr(160)}'!r} starts with U+00A0 NO-BREAK SPACE, which is not"
        " part of it; remove it (or, if it belongs there, write it percent-encoded)",
    ]
