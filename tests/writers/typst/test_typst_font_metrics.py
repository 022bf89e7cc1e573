"""The Typst engine sizes its line boxes with the ascent and descent of the fonts the brand
resolves to, read as the WeasyPrint engine's Pango reads them (HarfBuzz: OS/2's typographic
values when the font sets USE_TYPO_METRICS, else ``hhea``'s), not with the house fonts' numbers:
in another brand font its lines stand where WeasyPrint sets them, read back with
``pdftotext -bbox`` (:func:`support.pdf.baseline_boxes`), and a run of Chinese takes the room
CSS gives its own font."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

import briefexport
from briefexport.model import Brief, Paragraph, Text
from briefexport.options import PdfEngine, default_options
from briefexport.shared.fontfiles import family_files
from briefexport.shared.styles import default_style_dir
from briefexport.writers import pdf_engine
from briefexport.writers import typst as typst_writer
from briefexport.writers.typst.compile import Workspace
from briefexport.writers.typst.context import Layout
from briefexport.writers.typst.metrics import Metrics, face_metrics
from support.paths import EXAMPLES
from support.pdf import WordBox, baseline_boxes
from support.skips import needs_tool
from support.typst import metadata, typst_options

ENGINES = (PdfEngine.WEASYPRINT, PdfEngine.TYPST)
SERIF = "DejaVu Serif"  # a family other than the house's, whose bold face stands taller
HARBOUR = EXAMPLES / "harbour-resilience.xml"
CHINESE = "港口城市记录每一次码头关闭与重新开放的时间\uff0c并与邻近港口共享这些数据\u3002" * 4

needs_serif = needs_tool(bool(family_files(SERIF)), f"the font {SERIF}", "fonts-dejavu-core")


def metrics_font(path: Path, typographic: bool) -> Path:
    """A font whose ``hhea`` (900, -300) and OS/2 typographic values (700, -250) differ, which
    asks for the typographic ones with USE_TYPO_METRICS or not."""
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef"])
    builder.setupCharacterMap({})
    builder.setupGlyf({".notdef": TTGlyphPen(None).glyph()})
    builder.setupHorizontalMetrics({".notdef": (500, 0)})
    builder.setupHorizontalHeader(ascent=900, descent=-300)
    builder.setupNameTable({"familyName": "Metrics Test", "styleName": "Regular"})
    selection = 0x40 | (0x80 if typographic else 0)  # REGULAR, USE_TYPO_METRICS
    builder.setupOS2(
        sTypoAscender=700, sTypoDescender=-250, usWinAscent=1000, usWinDescent=400,
        fsSelection=selection,
    )  # fmt: skip
    builder.setupPost()
    builder.save(str(path))
    return path


@pytest.mark.parametrize(
    ("typographic", "expected"), [(False, Metrics(0.9, 0.3)), (True, Metrics(0.7, 0.25))]
)
def test_a_faces_ascent_and_descent_are_those_pango_reads(
    tmp_path: Path, typographic: bool, expected: Metrics
) -> None:
    path = metrics_font(tmp_path / "metrics.ttf", typographic)
    assert face_metrics(path) == pytest.approx(expected)


def serif_style(tmp_path: Path) -> Path:
    """The house style with DejaVu Serif for the text and the headings."""
    folder = tmp_path / "style"
    shutil.copytree(default_style_dir(), folder)
    brand = folder / "brand.toml"
    text = brand.read_text(encoding="utf-8")
    for role, families in (("body", '"Noto Serif", "DejaVu Serif"'),
                           ("heading", '"Noto Sans", "DejaVu Sans"')):  # fmt: skip
        old = f"{role} = [{families}]"
        assert old in text
        text = text.replace(old, f'{role} = ["{SERIF}"]', 1)
    brand.write_text(text, encoding="utf-8")
    return folder


def hhea(file_name: str) -> Metrics:
    """The ``hhea`` ascent and descent of one of the family's files, in ems."""
    path = next(path for path in family_files(SERIF) if path.name == file_name)
    font = TTFont(path, lazy=True)
    units = font["head"].unitsPerEm
    return Metrics(font["hhea"].ascent / units, -font["hhea"].descent / units)


def source_metrics(source: str) -> dict[str, Metrics]:
    """The ``font-metrics`` dictionary of a Typst document, by role."""
    line = next(line for line in source.splitlines() if line.startswith("#let font-metrics"))
    found = re.findall(r"([a-z-]+): \(ascent: ([\d.]+), descent: ([\d.]+)\)", line)
    return {role: Metrics(float(ascent), float(descent)) for role, ascent, descent in found}


@needs_serif
def test_the_typst_source_carries_the_metrics_of_the_brand_font(tmp_path: Path) -> None:
    brief = Brief(metadata(), (Paragraph((Text("Quays and tides."),)),), ())
    options = typst_options(brief, style_dir=str(serif_style(tmp_path)))
    with Workspace(options.brand, options.style_dir) as workspace:
        _, source = typst_writer.brief_to_typst(brief, options, Layout(), workspace)
    metrics = source_metrics(source)
    regular, bold = hhea("DejaVuSerif.ttf"), hhea("DejaVuSerif-Bold.ttf")
    assert regular != bold  # so that the faces are told apart
    for role, expected in (("body", regular), ("heading", regular), ("heading-bold", bold)):
        assert metrics[role] == pytest.approx(expected, abs=1e-5), role


def typeset(brief: Brief, engine: PdfEngine, style: Path | None = None) -> list[WordBox]:
    named = {"style_dir": str(style)} if style else {}
    options = default_options(brief, pdf_engine=engine, pdf_standard="none", **named)  # type: ignore[arg-type]
    return baseline_boxes(pdf_engine.write(brief, options))


def line_baselines(boxes: list[WordBox], page: int) -> dict[str, float]:
    """The baseline of each line of a page, by its words (lines met twice are left out)."""
    lines: dict[float, list[str]] = {}
    for box in boxes:
        if box.page == page:
            lines.setdefault(round(box.bottom, 2), []).append(box.text)
    texts = [" ".join(words) for words in lines.values()]
    return {text: y for text, y in zip(texts, lines, strict=True) if texts.count(text) == 1}


@needs_serif
def test_lines_in_another_brand_font_stand_where_weasyprint_sets_them(tmp_path: Path) -> None:
    brief = briefexport.load(HARBOUR)
    style = serif_style(tmp_path)
    reference, typst = (line_baselines(typeset(brief, engine, style), 1) for engine in ENGINES)
    shared = set(reference) & set(typst)
    assert len(shared) > 20
    for text in shared:
        assert typst[text] == pytest.approx(reference[text], abs=0.02), text


def test_a_chinese_paragraph_takes_the_room_css_gives_its_font() -> None:
    latin = Paragraph((Text("Harbour towns keep records of every closure of their quays."),))
    brief = Brief(metadata(), (Paragraph((Text(CHINESE),)), latin), ())
    reference, typst = (line_baselines(typeset(brief, engine), 1) for engine in ENGINES)
    # the Latin paragraph after the Chinese one, and the lines of the Chinese one (broken alike
    # or not, they are as many and as far apart)
    text = "Harbour towns keep records of every closure of their quays."
    assert typst[text] == pytest.approx(reference[text], abs=0.02)
    assert sorted(typst.values()) == pytest.approx(sorted(reference.values()), abs=0.02)
