"""A bold face marked bold by its style bits alone, with its regular face's weight class (Debian's
Noto Nastaliq Urdu Bold declares 400), is indexed for Typst as a copy weighing 700: regular text
is set in the regular face and bold text in the bold one, as WeasyPrint (fontconfig) sets them.
The copy differs from its font in the weight class and the checksums only, and its folder goes
when the process ends."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import typst

import briefexport
from briefexport.options import default_options
from briefexport.shared.fontfiles import family_files
from briefexport.writers.typst import write
from briefexport.writers.typst.faces import CHECKSUM_TOTAL, checksum, scan, set_weight
from briefexport.writers.typst.fonts import FontChoice, typst_fonts
from support.fonts import write_font
from support.paths import URDU
from support.pdf import font_list
from support.skips import needs_tool

FAMILY = "Twin Weight"


def twins(folder: Path) -> tuple[Path, Path]:
    """A bold and a regular face of one family, both declaring weight 400 (the bold first, as
    a sorted listing of Debian's files puts NotoNastaliqUrdu-Bold before its Regular)."""
    bold = write_font(folder / "TwinWeight-Bold.ttf", FAMILY, "ab", bold=True)
    return bold, write_font(folder / "TwinWeight-Regular.ttf", FAMILY, "ab")


def test_typst_sets_regular_text_in_the_regular_face_and_bold_in_the_bold(tmp_path: Path) -> None:
    fonts = typst_fonts(FontChoice(twins(tmp_path), (), frozenset()))
    markup = f'#set text(font: "{FAMILY}", fallback: false)\nab *ab*\n'
    pdf = typst.compile(markup.encode(), font_paths=fonts, format="pdf")
    assert isinstance(pdf, bytes)
    listed = font_list(pdf)
    assert "TwinWeight-Regular" in listed
    assert "TwinWeight-Bold" in listed


def test_the_bold_twin_is_indexed_as_a_copy_weighing_700(tmp_path: Path) -> None:
    bold, regular = twins(tmp_path)
    faces = {face.weight: face for face in scan((bold, regular), ()).fonts()}
    assert sorted(faces) == [400, 700]
    assert faces[400].path == str(regular)
    copy = Path(faces[700].path or "")
    assert copy != bold
    assert copy.name.endswith(bold.name)
    copied = bytearray(copy.read_bytes())
    assert checksum(copied) == CHECKSUM_TOTAL
    set_weight(copied, 400)  # the weight and the checksums are all that differ
    assert copied == bold.read_bytes()


def test_a_face_without_a_regular_twin_keeps_its_weight(tmp_path: Path) -> None:
    bold, _ = twins(tmp_path)
    other = write_font(tmp_path / "Other-Regular.ttf", "Other Weight", "ab")
    faces = scan((bold, other), ()).fonts()
    assert {(face.family, face.weight, face.path) for face in faces} == {
        (FAMILY, 400, str(bold)),
        ("Other Weight", 400, str(other)),
    }


def test_a_weight_set_again_gives_back_the_font(tmp_path: Path) -> None:
    bold, _ = twins(tmp_path)
    original = bold.read_bytes()
    assert checksum(original) == CHECKSUM_TOTAL  # fontTools writes whole checksums
    font = bytearray(original)
    set_weight(font, 700)
    assert font != original
    assert checksum(font) == CHECKSUM_TOTAL
    set_weight(font, 400)
    assert font == original


def test_the_copies_folder_goes_when_the_process_ends(tmp_path: Path) -> None:
    bold, regular = twins(tmp_path / "fonts")
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from briefexport.writers.typst.faces import scan\n"
        "faces = scan((Path(sys.argv[1]), Path(sys.argv[2])), ()).fonts()\n"
        "print(*(face.path for face in faces if face.weight == 700))\n"
    )
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [sys.executable, "-c", script, str(bold), str(regular)],
        capture_output=True, text=True, check=True, env=env,
    )  # fmt: skip
    copy = Path(result.stdout.strip())
    assert copy.parent.parent == scratch
    assert copy.parent.name.startswith("briefexport-faces-")
    assert list(scratch.iterdir()) == []


@needs_tool(
    bool(family_files("Noto Nastaliq Urdu")), "the font Noto Nastaliq Urdu", "fonts-noto-core"
)
def test_urdu_in_nastaliq_is_set_in_the_regular_face(tmp_path: Path) -> None:
    brief = briefexport.load(URDU)
    options = default_options(brief, pdf_engine="typst", pdf_standard="none")
    fonts = dataclasses.replace(options.brand.fonts, urdu_in_print=True)
    options = dataclasses.replace(options, brand=dataclasses.replace(options.brand, fonts=fonts))
    listed = font_list(write(brief, options))
    assert "NotoNastaliqUrdu-Regular" in listed
    assert "NotoNastaliqUrdu-Bold" in listed  # the title, the lead paragraph, <bold>
