"""Web addresses in the Typst PDF break only where the house rules allow (docs/typography.md):
after a slash or before a dot of the path, never at a hyphen, never inside the scheme and the start of
the host, as the XHTML path (WeasyPrint, EPUB, HTML) breaks them, from the same pieces."""

from __future__ import annotations

import itertools

from briefexport.model import Brief, Link, Paragraph, Text
from briefexport.shared.urls import url_pieces
from briefexport.writers import typst as typst_writer
from briefexport.writers.typst.context import RenderContext
from briefexport.writers.typst.inlines import inline_to_typst
from briefexport.writers.typst.markup import hash_call, string
from support.pdf import WordBox, pdf_text, word_boxes
from support.typst import metadata, typst_options

ADDRESSES = (
    "https://maritime-ledger.example/news/2026/03/03/weather-closures-new-high",
    "https://harbour-operators.example.org/reports/disruption-review-2025",
    "https://chronicle.port-ellery.test/2026/01/14/heat-calls-overtake-storms",
)
LEAD = "Harbour records kept by the council"


def brief_with(link: Link) -> Brief:
    return Brief(metadata(), (Paragraph((Text("See "), link, Text(" for more."))),), ())


def link_markup(link: Link) -> str:
    brief = brief_with(link)
    return inline_to_typst(RenderContext(brief, typst_options(brief).style_dir), link)


def test_an_address_printed_as_itself_is_its_pieces_each_in_a_box() -> None:
    address = ADDRESSES[0]
    pieces = "".join(hash_call("box", string(piece)) for piece in url_pieces(address))
    expected = hash_call("link", string(address), trailing=pieces)
    assert link_markup(Link(address, (Text(address),))) == expected


def test_other_links_keep_their_text() -> None:
    link = Link(ADDRESSES[0], (Text("the ledger"),))
    assert link_markup(link) == hash_call("link", string(ADDRESSES[0]), trailing="the ledger")


def wrapping_brief() -> Brief:
    """Each address after lead-ins of growing length, so that lines end at many places of it."""
    body = tuple(
        Paragraph((Text(f"{LEAD}{' so' * words} at "), Link(address, (Text(address),)), Text(".")))
        for address in ADDRESSES
        for words in range(16)
    )
    return Brief(metadata(), body, ())


def test_lines_end_inside_an_address_only_after_a_slash_or_before_a_dot_of_its_path() -> None:
    brief = wrapping_brief()
    pdf = typst_writer.write(brief, typst_options(brief, pdf_standard="none"))
    rows: dict[tuple[int, float], list[WordBox]] = {}  # poppler's text joins a line ending in "-"
    for word in word_boxes(pdf):
        rows.setdefault((word.page, round(word.top, 1)), []).append(word)
    lines = [sorted(row, key=lambda word: word.left) for row in rows.values()]
    inside = [
        (line[-1].text, after[0].text)
        for line, after in itertools.pairwise(lines)
        if line[-1].text.startswith("http") and line[-1].text.rstrip(".") not in ADDRESSES
    ]
    assert inside, "some lines end inside an address"
    for end, start in inside:
        assert end[-1] == "/" or (start[0] == "." and end[-1] != "."), (end, start)
        assert end.removeprefix("https://"), end  # the host's start stays with the scheme


def test_a_long_piece_that_fits_the_line_is_whole_and_its_text_is_the_address() -> None:
    address = "https://news.example/2021/10/20/" + "-".join(["harbour-councils-meet"] * 4)
    assert max(len(piece) for piece in url_pieces(address)) > 60  # beyond the unmeasured box
    brief = Brief(metadata(), (Paragraph((Link(address, (Text(address),)),)),), ())
    text = pdf_text(typst_writer.write(brief, typst_options(brief, pdf_standard="none")))
    assert address.removeprefix("https://news.example/2021/10/20/") in text.split()
