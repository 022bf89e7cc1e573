"""Devanagari, CJK and emoji in both PDF engines: drawn in the brand's fallback fonts, embedded,
extractable as the same words (pdftotext), no "no font can draw" warning when a font covers them.

The CJK and emoji fonts are Debian packages ``scripts/setup`` installs (``fonts-noto-cjk``,
``fonts-noto-color-emoji``); where they are missing those tests skip and say so.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import shutil
import subprocess

import pikepdf
import pytest

import briefexport
from briefexport.inlines import plain_text
from briefexport.model import Brief, Paragraph, Text
from briefexport.options import default_options
from briefexport.writers.pdf import actualtext
from briefexport.writers.pdf import write as weasyprint_write
from briefexport.writers.typst import write as typst_write
from briefexport.writers.typst.fonts import for_text
from support.briefs import brief_with_blocks
from support.paths import URDU
from support.pdf import font_list, pdf_text
from support.skips import needs_tool

# Each word has a vowel sign that WeasyPrint's glyph map lost or split off: "बचाओ" lost its
# "च" (its glyph was first met inside "बचाओ"'s cluster), "स्थिति" and "मार्च" were split
# around a sign drawn before its consonant.
HINDI = "पानी बचाओ: क्षेत्र में स्थिति गंभीर है, मार्च से प्रतिवेदन।"
HINDI_WORDS = ("पानी", "बचाओ", "क्षेत्र", "स्थिति", "मार्च", "प्रतिवेदन")
CJK = "水资源管理 日本語の報告書 한국어 보고서"
EMOJI = ("\U0001f600", "\U0001f30a", "\u2705")
ENGINES = {"weasyprint": weasyprint_write, "typst": typst_write}


def installed(family: str) -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    found = subprocess.run([fc_list, f":family={family}", "family"], capture_output=True)
    return bool(found.stdout.strip())


needs_cjk = needs_tool(installed("Noto Sans CJK SC"), "the font Noto Sans CJK SC", "fonts-noto-cjk")
needs_emoji = needs_tool(
    installed("Noto Color Emoji"), "the font Noto Color Emoji", "fonts-noto-color-emoji"
)


def brief_of(text: str) -> Brief:
    return brief_with_blocks((Paragraph((Text(text),)),))


def pdf_of(engine: str, text: str) -> bytes:
    brief = brief_of(text)
    options = default_options(brief, pdf_standard="none", pdf_engine=engine)
    return ENGINES[engine](brief, options)


def words_of(pdf: bytes) -> set[str]:
    return set(pdf_text(pdf).replace("।", " ").replace(",", " ").replace(":", " ").split())


@pytest.mark.parametrize("engine", ENGINES)
def test_devanagari_words_come_back_whole(engine: str) -> None:
    pdf = pdf_of(engine, HINDI)
    assert set(HINDI_WORDS) <= words_of(pdf), pdf_text(pdf)
    assert "Devanagari" in font_list(pdf)


def test_only_complex_script_text_boxes_get_actual_text() -> None:
    assert actualtext.install(), "WeasyPrint is not the reviewed 70.0: no /ActualText"
    assert actualtext.needs_actual_text("जल")
    assert not actualtext.needs_actual_text("Latin, Ελληνικά, \u0627\u0631\u062f\u0648, 水")


@needs_cjk
@pytest.mark.parametrize("engine", ENGINES)
def test_cjk_is_drawn_in_the_brands_cjk_font(engine: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="briefexport"):
        pdf = pdf_of(engine, CJK)
    assert set(CJK.split()) <= words_of(pdf)
    fonts = font_list(pdf).replace("-", "").replace(" ", "").lower()
    assert "notosanscjk" in fonts
    assert not [record for record in caplog.records if "no installed font" in record.message]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_latin_brief_embeds_no_fallback_font(engine: str) -> None:
    # Dates and page numbers too: Pango once took the digits from the emoji font.
    fonts = font_list(pdf_of(engine, "Plain harbour prose, 1 2 4 6 0, nothing else."))
    for family in ("CJK", "Emoji", "Devanagari", "Type 3"):
        assert family not in fonts


@needs_cjk
def test_cjk_costs_only_the_glyphs_used() -> None:
    latin = pdf_of("weasyprint", "Plain harbour prose.")
    cjk = pdf_of("weasyprint", "Plain harbour prose. " + CJK)
    # A subset of 17 ideographs and syllables, not the 19 MB collection.
    assert len(cjk) - len(latin) < 400_000


@needs_emoji
@pytest.mark.parametrize("engine", ENGINES)
def test_emoji_are_drawn_in_colour_and_extractable(
    engine: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="briefexport"):
        pdf = pdf_of(engine, "Storm warning " + " ".join(EMOJI) + " end")
    text = pdf_text(pdf)
    assert all(emoji in text for emoji in EMOJI), text
    assert not [record for record in caplog.records if "no installed font" in record.message]
    fonts = font_list(pdf)
    # WeasyPrint embeds the colour bitmaps' font; Typst draws colour glyphs as a Type 3 font.
    assert "Noto-Color-Emoji" in fonts if engine == "weasyprint" else "Type 3" in fonts


@pytest.mark.xfail(
    strict=True,
    reason="WeasyPrint 70 maps each Nastaliq glyph to text once (ToUnicode): a cluster's "
    "text goes to one glyph, so poppler reads letters split by spaces; with /ActualText "
    "poppler lays a right-to-left span out left to right and reverses it",
)
def test_urdu_words_extract_from_nastaliq() -> None:
    brief = briefexport.load(URDU)
    options = default_options(brief, pdf_standard="none")
    fonts = dataclasses.replace(options.brand.fonts, urdu_in_print=True)
    options = dataclasses.replace(options, brand=dataclasses.replace(options.brand, fonts=fonts))
    pdf = weasyprint_write(brief, options)
    assert "Nastaliq" in font_list(pdf)
    text = pdf_text(pdf)
    # The subtitle, printed only on the title page in Nastaliq (the title is also the running
    # head, whose margin boxes are set in another font).
    assert all(word in text for word in plain_text(brief.meta.subtitle).split())


def test_typst_names_what_the_brands_fonts_cannot_draw(caplog: pytest.LogCaptureFixture) -> None:
    brief = brief_of("Bengali: \u09ac\u09be\u0982\u09b2\u09be")
    options = default_options(brief, pdf_standard="none", pdf_engine="typst")
    fonts = dataclasses.replace(options.brand.fonts, scripts=())
    options = dataclasses.replace(options, brand=dataclasses.replace(options.brand, fonts=fonts))
    with caplog.at_level(logging.WARNING, logger="briefexport"):
        typst_write(brief, options)
    messages = [record.getMessage() for record in caplog.records]
    assert any("U+09AC BENGALI LETTER BA" in message for message in messages), messages
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="briefexport"):
        pdf = pdf_of("typst", "Bengali: \u09ac\u09be\u0982\u09b2\u09be")
    assert "\u09ac\u09be\u0982\u09b2\u09be" in pdf_text(pdf)
    assert not caplog.records


@needs_cjk
@needs_emoji
def test_typst_indexes_a_fallback_only_for_a_brief_that_needs_it() -> None:
    brand = default_options(brief_of("x")).brand
    assert for_text(brand, ["Plain prose, 1 2 3."]).fonts.fallbacks() == ("DejaVu Sans",)
    cjk = for_text(brand, ["Prose and 水资源"]).fonts
    assert (cjk.cjk, cjk.emoji, cjk.scripts) == (brand.fonts.cjk, (), ())
    # DejaVu Sans has a black U+1F600, but emoji come before it in Typst's lists.
    emoji = for_text(brand, ["Prose \U0001f600"]).fonts
    assert (emoji.cjk, emoji.emoji) == ((), brand.fonts.emoji)
    hindi = for_text(brand, [HINDI]).fonts
    assert hindi.scripts == ("Noto Sans Devanagari",)


def test_actual_text_marks_only_the_devanagari_runs() -> None:
    def actual_texts(pdf: bytes) -> list[str]:
        document = pikepdf.open(io.BytesIO(pdf))
        found = []
        for page in document.pages:
            for instruction in pikepdf.parse_content_stream(page):
                operands, operator = instruction.operands, instruction.operator
                if str(operator) == "BDC" and "/ActualText" in operands[1]:
                    found.append(str(operands[1].ActualText))
        return found

    brief = brief_with_blocks((Paragraph((Text("Harbour prose."),)), Paragraph((Text(HINDI),))))
    marked = actual_texts(weasyprint_write(brief, default_options(brief, pdf_standard="none")))
    assert marked == [HINDI]  # the line, in logical order; the Latin lines keep their glyph map
    assert actual_texts(pdf_of("weasyprint", "Harbour prose, 水, \u0627\u0631\u062f\u0648.")) == []


def test_letters_with_several_combining_marks_come_back_whole() -> None:
    words = ("q\u0323\u0307", "e\u0323\u0300ko\u0301", "Vie\u0323\u0302t")
    pdf = pdf_of("weasyprint", " ".join(("Harbour", *words, "and", *words)))
    assert set(words) <= set(pdf_text(pdf).split()), pdf_text(pdf)
