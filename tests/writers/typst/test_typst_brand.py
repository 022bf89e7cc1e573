"""One edit of ``brand.toml`` shows in both PDF engines; font folders are the brand's to name."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pikepdf
import pytest

import briefexport
from briefexport.errors import BriefexportError, InvalidStyleError
from briefexport.options import PdfEngine, default_options
from briefexport.shared.brand import load_brand
from briefexport.shared.styles import default_style_dir
from briefexport.writers import pdf_engine
from briefexport.writers.typst.fonts import (
    brand_families,
    choose_fonts,
    has_right_to_left,
    typst_fonts,
)
from support.paths import EXAMPLES

NEW_ACCENT = (0xA0, 0x20, 0x40)


def style_with(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "style"
    shutil.copytree(default_style_dir(), folder)
    brand = folder / "brand.toml"
    text = brand.read_text(encoding="utf-8")
    assert old in text
    brand.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def fill_colours(data: bytes) -> set[tuple[int, int, int]]:
    """The RGB colours (0-255) painted on the first page."""
    colours = set()
    with pikepdf.open(io.BytesIO(data)) as document:
        for instruction in pikepdf.parse_content_stream(document.pages[0]):
            operands, operator = instruction.operands, instruction.operator
            if str(operator) in {"rg", "RG", "sc", "scn", "SC", "SCN"} and len(operands) == 3:
                colours.add(tuple(round(float(value) * 255) for value in operands))
    return colours  # type: ignore[return-value]


def test_a_new_accent_colour_shows_in_both_engines(tmp_path: Path) -> None:
    style = style_with(tmp_path, 'accent = "#1F4E79"', 'accent = "#A02040"')
    brief = briefexport.load(EXAMPLES / "harbour-resilience.xml")
    for engine in PdfEngine:
        options = default_options(brief, style_dir=style, pdf_engine=engine)
        colours = fill_colours(pdf_engine.write(brief, options))
        assert NEW_ACCENT in colours, engine
    house = default_options(brief, pdf_engine=PdfEngine.TYPST)
    assert NEW_ACCENT not in fill_colours(pdf_engine.write(brief, house))


def test_font_folders_are_checked_and_read(tmp_path: Path) -> None:
    style = style_with(
        tmp_path, 'fallback = "DejaVu Sans"', 'fallback = "DejaVu Sans"\nfolders = ["fonts"]'
    )
    with pytest.raises(BriefexportError, match=r"\[fonts\] folders: no folder"):
        choose_fonts(load_brand(style), style, "Text", code=False)
    (style / "fonts").mkdir()
    choice = choose_fonts(load_brand(style), style, "Text", code=False)
    assert choice.folders == ((style / "fonts").resolve(),)
    assert {"Noto Serif", "Noto Sans"} <= set(typst_fonts(choice).families())


def test_font_folders_must_be_a_list_of_paths(tmp_path: Path) -> None:
    style = style_with(
        tmp_path, 'fallback = "DejaVu Sans"', 'fallback = "DejaVu Sans"\nfolders = [3]'
    )
    with pytest.raises(InvalidStyleError) as invalid:
        load_brand(style)
    assert "[fonts] folders: must be a list of folder paths" in str(invalid.value.diagnostics[0])


def test_typst_indexes_only_the_brands_families() -> None:
    brand = load_brand(default_style_dir())
    text = "Latin text, “quoted”, and اردو متن"
    indexed = set(typst_fonts(choose_fonts(brand, default_style_dir(), text, True)).families())
    wanted = {name.lower() for name in brand_families(brand)}
    # One Noto CJK collection file (.ttc) holds every regional face: all of them come along.
    cjk_faces = {family for family in indexed if " cjk " in family.lower()}
    indexed -= cjk_faces
    assert {family.lower() for family in indexed} <= wanted | {
        # a file of a family can carry more names: "DejaVu Sans" is also "... Light"
        "dejavu sans light",
        "dejavu sans condensed",
        "dejavu serif condensed",
        "dejavu sans mono",
    }
    assert len(indexed) < 20, "a scan of every system font was made"


def test_fonts_are_chosen_by_the_scripts_of_the_text() -> None:
    brand = load_brand(default_style_dir())
    english = choose_fonts(brand, default_style_dir(), "Plain English, “quoted”.", code=False)
    names = [path.name for path in english.files]
    assert not [name for name in names if "Arabic" in name or "Urdu" in name]
    assert not [name for name in names if "Mono" in name], "no code, no monospace font"
    urdu = choose_fonts(brand, default_style_dir(), "اردو متن and English", code=False)
    assert [path for path in urdu.files if "Naskh" in path.name]
    assert set(english.files) < set(urdu.files), "Latin words keep the house Latin fonts"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plain English, “quoted” — café", False),
        ("\u058f is Armenian, before Hebrew", False),
        ("Hebrew \u05d0", True),
        ("Arabic \u0627", True),
        ("Thaana \u0780 and NKo \u07ca", True),
        ("an Arabic presentation form \ufefc", True),
        ("\ufeff\ufe70", True),
        ("\ufdff", True),
        ("\ufe00 is a variation selector", False),
        ("Phoenician \U00010900", True),
        ("Adlam \U0001e900", True),
        ("\U0001f600 an emoji", False),
    ],
)
def test_right_to_left_text_is_told_by_its_scripts(text: str, expected: bool) -> None:
    assert has_right_to_left(text) is expected


def test_latin_words_of_an_urdu_brief_are_set_in_the_house_latin_font() -> None:
    from support.paths import URDU
    from support.pdf import font_list

    brief = briefexport.load(URDU)
    fonts = font_list(pdf_engine.write(brief, default_options(brief, pdf_engine="typst")))
    assert "NotoSerif" in fonts
    assert "DejaVu" not in fonts
