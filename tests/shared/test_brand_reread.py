"""A process that serves one style folder while it is edited reads its brand file again, even
one put in place with the size and time of the old one."""

from __future__ import annotations

from pathlib import Path

from briefexport.shared.brand import load_brand
from support.batch import copied_style
from support.files import replace_keeping_size_and_time


def test_a_brand_file_put_in_place_by_a_rename_is_read_again(tmp_path: Path) -> None:
    style = copied_style(tmp_path / "style")
    brand = style / "brand.toml"
    assert load_brand(style).colors.accent == "#1F4E79"
    text = brand.read_text(encoding="utf-8")
    edited = text.replace('accent = "#1F4E79"', 'accent = "#A02040"', 1)
    assert edited != text
    replace_keeping_size_and_time(brand, edited.encode("utf-8"))
    assert load_brand(style).colors.accent == "#A02040"
