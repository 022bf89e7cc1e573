"""Smart typography: typographic quotes, apostrophes, dashes, ellipses and no-break spaces in the
presentation formats, never in URLs, code or attribute values; JATS and Markdown keep the
source's characters; ``--no-smart`` keeps them everywhere; capitals titles from extracted text
become title case."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

from briefexport.importers.titlecase import is_all_caps, title_case
from briefexport.inlines import plain_text
from briefexport.model import Brief, Link, Paragraph, Styled, Text, TextStyle
from briefexport.options import default_options
from briefexport.shared.typeset import typeset
from briefexport.shared.typography import (
    ELLIPSIS,
    UNIT,
    URL,
    addresses,
    local_marks,
    smart_inlines,
    smart_text,
)
from support.typography import Writer

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("source", "language", "expected"),
    [
        ("the region's harbour", "en", "the region\u2019s harbour"),
        ('he said "wait" and left', "en", "he said \u201cwait\u201d and left"),
        ("'inner' quote", "en", "\u2018inner\u2019 quote"),
        ("in the '90s", "en", "in the \u201990s"),
        ("\"quoted 'nested' words\"", "en", "\u201cquoted \u2018nested\u2019 words\u201d"),
        ('un "mot"', "fr", "un \u00ab\u202fmot\u202f\u00bb"),
        ("2019--2025 and more---much more", "en", "2019\u20132025 and more\u2014much more"),
        ("ports - and docks", "en", "ports \u2013 and docks"),
        ("wait...", "en", "wait\u2026"),
        ("above 32 °C for 100 m and 5 kg", "en", f"above 32{NBSP}°C for 100{NBSP}m and 5{NBSP}kg"),
        ("see No. 7", "en", f"see No.{NBSP}7"),
        ("in 2015 many", "en", "in 2015 many"),  # "m" of a word is no unit
        ("pe-heat-v2 - fine", "en", "pe-heat-v2 \u2013 fine"),
        ("see https://x.example/a--b's...", "en", "see https://x.example/a--b's..."),
        # each kind of address is found (an e-mail address, www., mailto:), as is "nos."
        (
            'write to a--b@x.example or "www.x.example/a--b" now...',
            "en",
            'write to a--b@x.example or \u201cwww.x.example/a--b" now\u2026',
        ),
        ('mailto:a--b@x.example -- "done"', "en", "mailto:a--b@x.example \u2013 \u201cdone\u201d"),
        (
            "nos. 4 and 5 - see www.x.example/...",
            "en",
            f"nos.{NBSP}4 and 5 \u2013 see www.x.example/...",
        ),
        ("see www.x.example/a--b's...", "en", "see www.x.example/a--b's..."),
        ("mail mailto:a--b's...", "en", "mail mailto:a--b's..."),
        ("write to a--b@x.example -- soon", "en", "write to a--b@x.example \u2013 soon"),
    ],
)
def test_smart_text(source: str, language: str, expected: str) -> None:
    assert smart_text(source, language) == expected


@given(st.text(alphabet="0123456789\u0663 mkgWh%\u00b0C.Nos"))
def test_no_break_spaces_go_where_a_digit_is_followed_by_a_space_and_a_unit(text: str) -> None:
    after_digit = re.compile(rf"(?<=\d) (?=(?:{UNIT})(?![\w]))")  # the rule as first written
    spaced = after_digit.sub(NBSP, ELLIPSIS.sub("\u2026", text))  # the step before
    expected = re.sub(r"\b(No|no|Nos|nos)\. (?=\d)", rf"\1.{NBSP}", spaced)
    assert local_marks(text) == expected


@pytest.mark.parametrize(
    "text",
    ["ftp://x.example/a b", "see www.x.example.", "mailto:a@b.c", "a.b+c@d-e.f.g", "no address"],
)
def test_the_address_search_is_skipped_only_where_it_finds_nothing(text: str) -> None:
    expected = [found.span() for found in URL.finditer(text)]
    assert [found.span() for found in addresses(text)] == expected


def test_quotes_are_decided_across_formatting_and_code_stays() -> None:
    inlines = (
        Text('the "'),
        Styled(TextStyle.ITALIC, (Text("Harbour"),)),
        Text('" sensor '),
        Styled(TextStyle.MONOSPACE, (Text("it's--raw"),)),
        Text(" and "),
        Link("https://a.example/x", (Text("https://a.example/x"),)),
        Text(" and "),
        Link("https://a.example/y", (Text("the 'guide'"),)),
    )
    out = smart_inlines(inlines, "en")
    assert plain_text(out) == (
        "the \u201cHarbour\u201d sensor it's--raw and https://a.example/x and the \u2018guide\u2019"
    )
    assert out[5] == inlines[5]  # a URL link is left as written
    assert isinstance(out[7], Link)
    assert out[7].href == "https://a.example/y"


def test_english_marks_around_english_words_in_an_urdu_brief() -> None:
    and_rain = "\u0627\u0648\u0631 "  # Urdu "and"
    rain = "\u0628\u0627\u0631\u0634"  # Urdu "rain"
    out = smart_text(f'"Rainwater" {and_rain}"{rain}"', "ur")
    # English marks around the English word, CLDR's Urdu pair around the Urdu one
    assert out == f"\u201cRainwater\u201d {and_rain}\u201d{rain}\u201c"


def test_every_presentation_format_prints_typographic_quotes(
    tour: Brief, written: Writer, tmp_path: Path
) -> None:
    # the abstract says "the region's harbour cities" with a straight apostrophe
    assert "region's" in plain_text(tour.meta.abstract[0].children)
    pdf = tmp_path / "tour.pdf"
    pdf.write_bytes(written(tour, "pdf"))
    texts = {
        "pdf": subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout,
        "html": lxml_html.fromstring(written(tour, "html")).text_content(),
        "docx": zipfile.ZipFile(io.BytesIO(written(tour, "docx")))
        .read("word/document.xml")
        .decode(),
        "epub": "".join(
            zipfile.ZipFile(io.BytesIO(written(tour, "epub"))).read(name).decode()
            for name in zipfile.ZipFile(io.BytesIO(written(tour, "epub"))).namelist()
            if name.endswith(".xhtml")
        ),
    }
    for fmt, text in texts.items():
        assert "region\u2019s" in text, fmt
        assert "region's" not in text, fmt
        assert f"32{NBSP}°C" in text or fmt == "pdf", fmt  # pdftotext prints a plain space
        assert "pe-heat-v2" in text, fmt


def test_urls_and_attribute_values_keep_their_characters(written: Writer) -> None:
    link = "https://example.org/it's--here...now"
    brief = _brief_with((Text("Read "), Link(link, (Text(link),)), Text(" it's here.")))
    page = lxml_html.fromstring(written(brief, "html"))
    (anchor,) = page.xpath("//main//a[@href]")
    assert anchor.get("href") == link
    assert anchor.text_content() == link
    assert "it\u2019s here" in page.xpath("string(//main)")
    document = zipfile.ZipFile(io.BytesIO(written(brief, "docx")))
    rels = document.read("word/_rels/document.xml.rels").decode()
    assert "it&apos;s--here...now" in rels or "it's--here...now" in rels


def test_archival_formats_and_no_smart_keep_the_source(tour: Brief, written: Writer) -> None:
    assert b"region's" in written(tour, "jats")
    assert b"region's" in written(tour, "markdown")
    plain = dataclasses.replace(default_options(tour), smart=False)
    page = written(tour, "html", plain).decode()
    assert "region's" in page
    assert "region\u2019s" not in page


def test_the_pdf_attachment_is_the_source_not_the_typeset_text(
    tour: Brief, written: Writer
) -> None:
    import pikepdf

    with pikepdf.open(io.BytesIO(written(tour, "pdf"))) as pdf:
        embedded = pdf.attachments["brief.xml"].get_file().read_bytes()
    assert b"region's" in embedded
    assert etree.fromstring(embedded).tag == "article"


def test_typeset_points_calls_at_the_typeset_notes(tour: Brief) -> None:
    typeset_brief = typeset(tour)
    notes = {note.id: note for note in typeset_brief.footnotes}
    from briefexport.model import FootnoteRef

    calls = [inline for inline in typeset_brief.inlines() if isinstance(inline, FootnoteRef)]
    assert calls
    assert all(call.note is notes[call.note.id] for call in calls)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "FROM PARIAHS TO PARTNERS? RUSSIA'S CRITICAL RE-EVALUATION OF THE TALIBAN",
            "From Pariahs to Partners? Russia's Critical Re-evaluation of the Taliban",
        ),
        ("WATER FOR THE CITIES OF THE NORTH", "Water for the Cities of the North"),
        ("THE CASE FOR A CARBON-PRICE FLOOR (EU)", "The Case for a Carbon-Price Floor (EU)"),
    ],
)
def test_capitals_titles_become_title_case(title: str, expected: str) -> None:
    assert is_all_caps(title)
    assert title_case(title) == expected
    assert not is_all_caps(expected)
    assert not is_all_caps("NATO")  # one word: an acronym, not a title in capitals


def test_the_text_importer_warns_when_it_changes_the_title() -> None:
    from briefexport.importers import import_source
    from support.paths import IMPORT_DATA

    result = import_source(IMPORT_DATA / "extracted-brief.txt")
    title = plain_text(result.brief.meta.title)
    assert title == "Why the Harbour Towns Are Running Out of Water"
    (warning,) = [w for w in result.warnings if "capitals" in w.message]
    assert title in warning.message
    assert warning.line == 3  # the title line


def test_the_seed_title_is_imported_in_title_case(seed_brief: Brief) -> None:
    assert plain_text(seed_brief.meta.title).startswith("From Pariahs to Partners?")


def _brief_with(inlines: tuple[object, ...]) -> Brief:
    import briefexport
    from support.paths import HARBOUR

    base = briefexport.load(HARBOUR)
    return dataclasses.replace(base, body=(Paragraph(inlines),), footnotes=())  # type: ignore[arg-type]
