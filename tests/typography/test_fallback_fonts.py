"""The brand's fallback families (``[fonts] scripts``, ``cjk``, ``emoji``): validated, and used
by the CSS font stacks of HTML, EPUB and PDF, Typst's font lists and Word's east-Asian font."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn

from briefexport.errors import InvalidStyleError
from briefexport.shared.brand import Brand, Fonts, load_brand
from briefexport.writers.docx.reference import run_properties
from briefexport.writers.docx.reference_styles import StyleSpec
from briefexport.writers.typst.fonts import brand_families
from briefexport.writers.xhtml.stylesheet import brand_properties
from support.docx import house_sheet


def brand_file(tmp_path: Path, fonts: str) -> Path:
    (tmp_path / "brand.toml").write_text(f"[fonts]\n{fonts}\n", encoding="utf-8")
    return tmp_path


def test_fallback_lists_are_read_and_may_be_empty(tmp_path: Path) -> None:
    text = 'scripts = []\ncjk = "Noto Serif CJK JP"\nemoji = ["Noto Emoji", "Symbola"]'
    fonts = load_brand(brand_file(tmp_path, text)).fonts
    assert fonts.scripts == ()
    assert fonts.cjk == ("Noto Serif CJK JP",)
    assert fonts.emoji == ("Noto Emoji", "Symbola")


@pytest.mark.parametrize(
    ("line", "column"),
    [("cjk = [3]", 7), ('emoji = ["a;b"]', 9), ("scripts = true", 11)],
)
def test_bad_fallback_lists_are_located(tmp_path: Path, line: str, column: int) -> None:
    with pytest.raises(InvalidStyleError) as invalid:
        load_brand(brand_file(tmp_path, line))
    [problem] = invalid.value.diagnostics
    assert (problem.line, problem.column) == (2, column)
    assert "must be a font family name or a list of them" in str(problem)


def test_role_lists_still_may_not_be_empty(tmp_path: Path) -> None:
    with pytest.raises(InvalidStyleError, match="non-empty list"):
        load_brand(brand_file(tmp_path, "body = []"))


def test_css_stacks_end_with_the_fallbacks_the_generic_family_then_emoji() -> None:
    # An emoji font before the generic family drew digits and spaces where the role's fonts
    # were missing: emoji come last, as in common system stacks.
    fonts = Fonts(scripts=("Script A",), cjk=("Han B",), emoji=("Emoji C",))
    stack = brand_properties(Brand(fonts=fonts))["--body-font"]
    assert stack.endswith('"DejaVu Sans", "Script A", "Han B", serif, "Emoji C"')
    assert stack.startswith('"Noto Serif"')
    heading = brand_properties(Brand(fonts=fonts))["--rtl-heading-font"]
    assert heading.endswith('sans-serif, "Emoji C"')
    assert '"Emoji C"' not in brand_properties(Brand(fonts=fonts), emoji=False)["--body-font"]
    assert "--cjk-font" not in brand_properties(Brand(fonts=fonts))


def test_typst_gets_emoji_before_the_other_fallbacks() -> None:
    fonts = Fonts(scripts=("Script A",), cjk=("Han B",), emoji=("Emoji C",))
    assert fonts.fallbacks(emoji_first=True) == ("Emoji C", "DejaVu Sans", "Script A", "Han B")
    assert {"Script A", "Han B", "Emoji C"} <= brand_families(Brand(fonts=fonts))


def test_word_sets_cjk_in_the_brands_cjk_font() -> None:
    spec, sheet = StyleSpec("body", font="body"), house_sheet()
    fonts = run_properties(Brand(fonts=Fonts(cjk=("Han B",))), spec, sheet).find(qn("w:rFonts"))
    assert fonts is not None
    assert fonts.get(qn("w:eastAsia")) == "Han B"
    assert fonts.get(qn("w:ascii")) == "Noto Serif"
    latin_only = run_properties(Brand(fonts=Fonts(cjk=())), spec, sheet).find(qn("w:rFonts"))
    assert latin_only is not None
    assert latin_only.get(qn("w:eastAsia")) == "Noto Serif"
