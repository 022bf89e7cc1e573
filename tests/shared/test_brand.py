"""The brand file: typed, defaults for what a style leaves out, located errors before writing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import briefexport
from briefexport.cli import main
from briefexport.errors import InvalidStyleError
from briefexport.shared.brand import Brand, Paper, load_brand
from briefexport.shared.styles import default_style_dir
from support.paths import HARBOUR

EXAMPLE = HARBOUR


def style_with(tmp_path: Path, brand_text: str) -> Path:
    style = tmp_path / "style"
    shutil.copytree(default_style_dir(), style)
    (style / "reference.docx").unlink()
    (style / "brand.toml").write_text(brand_text, encoding="utf-8")
    return style


def test_shipped_brand_equals_the_defaults() -> None:
    assert load_brand(default_style_dir()) == Brand()


def test_a_minimal_brand_keeps_house_values_in_every_writer(tmp_path: Path) -> None:
    style = style_with(tmp_path, '[colors]\naccent = "#2E7D32"\n')
    brand = load_brand(style)
    assert brand.colors.accent == "#2E7D32"
    assert brand.page == Brand().page
    brief = briefexport.load(EXAMPLE)
    for fmt in ("docx", "html", "epub"):
        briefexport.export(brief, fmt, tmp_path / f"out.{fmt}", style_dir=style)
        assert (tmp_path / f"out.{fmt}").stat().st_size > 0


def test_every_problem_is_located(tmp_path: Path) -> None:
    text = (
        "[colors]\n"
        'accent = "blue"\n'
        "[sizes]\n"
        "body = 400\n"
        'title = "big"\n'
        "[page]\n"
        'size = "A3"\n'
        "gutter = 5\n"
        "[fonts]\n"
        'body = ["Noto Serif\\"; } body { color: red"]\n'
        "[logo]\n"
        'file = "x.png"\n'
    )
    style = style_with(tmp_path, text)
    with pytest.raises(InvalidStyleError) as caught:
        load_brand(style)
    found = {(d.line, d.column): d.message for d in caught.value.diagnostics}
    assert set(found) == {(2, 10), (4, 8), (5, 9), (7, 8), (8, 1), (10, 8), (11, 1)}
    assert "colour" in found[(2, 10)]
    assert "out of range" in found[(4, 8)]
    assert "must be a number" in found[(5, 9)]
    assert "A4" in found[(7, 8)]
    assert "unknown key 'gutter'" in found[(8, 1)]
    assert "font family" in found[(10, 8)]
    assert "unknown table [logo]" in found[(11, 1)]


def test_the_cover_table_has_its_own_ranges_and_colour_names(tmp_path: Path) -> None:
    text = (
        "[cover]\n"
        "width = 100\n"
        "height = 2100.5\n"
        'band = "teal"\n'
        'text = "muted"\n'
        "margin = 45\n"
        "title_size = 12\n"
        "enabled = 1\n"
    )
    style = style_with(tmp_path, text)
    with pytest.raises(InvalidStyleError) as caught:
        load_brand(style)
    found = {d.line: d.message for d in caught.value.diagnostics}
    assert set(found) == {2, 3, 4, 6, 8}
    assert "out of range (600 to 4000)" in found[2]
    assert "whole number" in found[3]
    assert "or one of accent, link, muted" in found[4]
    assert "out of range (0 to 30)" in found[6]
    assert "true or false" in found[8]
    fine = style_with(tmp_path / "fine", '[cover]\nband = "link"\nwidth = 1600\nenabled = false\n')
    cover = load_brand(fine).cover
    assert (cover.band, cover.width, cover.enabled) == ("link", 1600, False)
    assert isinstance(cover.width, int)


def test_toml_syntax_error_is_located(tmp_path: Path) -> None:
    style = style_with(tmp_path, "[colors]\naccent = #1F4E79\n")
    with pytest.raises(InvalidStyleError) as caught:
        load_brand(style)
    (problem,) = caught.value.diagnostics
    assert (problem.line, problem.column) == (2, 10)


def test_cli_reports_brand_errors_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    style = style_with(tmp_path, "[sizes]\nfootnote = 0.5\n")
    out = tmp_path / "out"
    status = main([str(EXAMPLE), "--to", "pdf,docx", "--style", str(style), "-o", str(out)])
    assert status == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"{style / 'brand.toml'}:2:12: error: [sizes] footnote: 0.5 is out of range (4 to 96)"
    ]
    assert not out.exists()


def test_paper_from_the_brand_reaches_word(tmp_path: Path) -> None:
    import docx

    style = style_with(tmp_path, '[page]\nsize = "letter"\n')
    assert load_brand(style).page.size is Paper.LETTER
    brief = briefexport.load(EXAMPLE)
    target = briefexport.export(brief, "docx", tmp_path / "b.docx", style_dir=style)
    width = docx.Document(str(target)).sections[0].page_width
    assert width is not None
    assert round(width.inches, 2) == 8.5


def test_the_word_table_is_read_and_checked(tmp_path: Path) -> None:
    style = style_with(tmp_path, "[word]\ncaption_after = 6\ntable_text_after = 0\n")
    word = load_brand(style).word
    assert (word.caption_after, word.table_text_after) == (6, 0)
    assert word.running_head_after == Brand().word.running_head_after
    text = "[word]\ncaption_after = -1\nrunning_head_after = true\nspace_after = 3\n"
    with pytest.raises(InvalidStyleError) as caught:
        load_brand(style_with(tmp_path / "bad", text))
    found = {d.line: d.message for d in caught.value.diagnostics}
    assert found == {
        2: "[word] caption_after: -1 is out of range (0 to 72)",
        3: "[word] running_head_after: must be a number",
        4: "unknown key 'space_after' in [word]",
    }
