"""The Word copy names, for each font role, the first of the brand's families found where it is
made (as the print's font stacks resolve), since LibreOffice reads no alternative name from the
font table: a missing first monospace family gives way to the next one found, which is
embedded, and LibreOffice sets the inline code in it."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest
from fontTools.ttLib import TTFont
from lxml import etree

from briefexport.model import Paragraph, Styled, Text, TextStyle
from briefexport.shared.styles import default_style_dir
from briefexport.writers.docx import stylemap as sm
from support.briefs import small_brief
from support.docx import NS, part, write_brief
from support.fonts import LATIN, write_font
from support.pdf import font_list
from support.skips import require_tool
from support.validators import libreoffice_to_pdf

PRESENT, ABSENT = "Present Test Mono", "Absent Test Mono"
BRIEF = small_brief(
    (Paragraph((Text("The network "), Styled(TextStyle.MONOSPACE, (Text("pe-heat-v2"),)))),)
)


def mono_style(tmp_path: Path, monospace: tuple[str, ...]) -> Path:
    """A copy of the house style whose monospace families are ``monospace``, with a font of
    PRESENT (an editable, regular face) in its own font folder; the reference document made
    from the brand."""
    style = tmp_path / "style"
    shutil.copytree(default_style_dir(), style)
    (style / "reference.docx").unlink()
    path = write_font(style / "fonts" / "PresentTestMono.ttf", PRESENT, LATIN)
    with TTFont(path) as font:
        font["OS/2"].fsType = 0  # installable
        font.save(path)
    brand = (style / "brand.toml").read_text(encoding="utf-8")
    families = ", ".join(f'"{family}"' for family in monospace)
    brand = brand.replace(
        'monospace = ["Noto Sans Mono", "DejaVu Sans Mono"]', f"monospace = [{families}]"
    )
    assert f"monospace = [{families}]" in brand
    brand = brand.replace("[fonts]\n", '[fonts]\nfolders = ["fonts"]\n')
    (style / "brand.toml").write_text(brand, encoding="utf-8")
    return style


def verbatim_font(data: bytes) -> str:
    style = docx.Document(io.BytesIO(data)).styles[sm.VERBATIM]
    return str(style.element.xpath("string(w:rPr/w:rFonts/@w:ascii)"))


def font_entries(data: bytes) -> dict[str, dict[str, str]]:
    """Each font table entry's name, with its children's values and embedded faces."""
    entries = {}
    for entry in part(data, "word/fontTable.xml").iterfind("w:font", NS):
        values = {
            etree.QName(child).localname: child.get(f"{{{NS['w']}}}val", "") for child in entry
        }
        entries[entry.get(f"{{{NS['w']}}}name", "")] = values
    return entries


def test_a_missing_first_family_gives_way_to_the_next_found(tmp_path: Path) -> None:
    data = write_brief(BRIEF, style_dir=mono_style(tmp_path, (ABSENT, PRESENT)))
    assert verbatim_font(data) == PRESENT
    entries = font_entries(data)
    assert ABSENT not in entries
    assert entries[PRESENT]["altName"] == ABSENT  # for a reader who has the brand's first
    assert (entries[PRESENT]["family"], entries[PRESENT]["pitch"]) == ("modern", "fixed")
    assert "embedRegular" in entries[PRESENT]


def test_a_first_family_found_is_kept(tmp_path: Path) -> None:
    data = write_brief(BRIEF, style_dir=mono_style(tmp_path, (PRESENT, ABSENT)))
    assert verbatim_font(data) == PRESENT
    assert font_entries(data)[PRESENT]["altName"] == ABSENT


def test_a_role_with_no_family_found_keeps_its_first(tmp_path: Path) -> None:
    data = write_brief(BRIEF, style_dir=mono_style(tmp_path, (ABSENT, "Absent Test Mono Two")))
    assert verbatim_font(data) == ABSENT
    assert font_entries(data)[ABSENT]["altName"] == "Absent Test Mono Two"


@pytest.mark.slow
def test_libreoffice_sets_inline_code_in_a_monospace_font(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    require_tool(dejavu.is_dir(), "the DejaVu fonts", "fonts-dejavu-core")
    document = tmp_path / "mono.docx"
    document.write_bytes(write_brief(BRIEF))  # the house brand: Noto Sans Mono, DejaVu Sans Mono
    config = tmp_path / "fonts.conf"
    config.write_text(
        f'<?xml version="1.0"?>\n<fontconfig><dir>{dejavu}</dir>'
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))  # LibreOffice sees DejaVu only
    pdf = libreoffice_to_pdf({"mono": document}, tmp_path / "out", tmp_path / "profile")["mono"]
    fonts = font_list(pdf)
    # the embedded Noto Sans Mono where the copy was made with it, else DejaVu Sans Mono
    assert "SansMono" in fonts, fonts
