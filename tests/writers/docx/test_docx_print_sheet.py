"""The Word styles and the print stylesheet agree: every spacing, leading, indent, rule and cell
padding a style of ``styles/reference.docx`` shares with ``styles/pdf.css`` is read from both
(the Word value with python-docx, the CSS value with :mod:`.print_sheet`) and compared, and a
changed stylesheet shows up as a disagreement until the reference document is made again."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.styles.style import ParagraphStyle

from briefexport.errors import BriefexportError
from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.shared.brand import Brand, load_brand
from briefexport.shared.print_sheet import Css, PrintSheet, Sum
from briefexport.shared.styles import default_style_dir
from briefexport.writers.docx import write
from briefexport.writers.docx.reference import build_reference
from briefexport.writers.docx.reference_styles import SPECS, Own, StyleSpec
from briefexport.writers.docx.stylemap import TABLE
from support.docx import house_sheet

HOUSE = load_brand(default_style_dir())
PDF_CSS = (default_style_dir() / "pdf.css").read_text(encoding="utf-8")
Value = tuple[str, str, float]  # style, what, points (or ems for tracking)


# ------------------------------------------------------------------ reading the stylesheet


def test_longhands_are_found_in_shorthands() -> None:
    sheet = PrintSheet("a { margin: 1pt } b { margin: 1pt 2pt } c { margin: 1pt 2pt 3pt }"
                       " d { padding: 1pt 2pt 3pt 4pt; padding-bottom: 5pt }")  # fmt: skip
    sides = ("top", "right", "bottom", "left")
    found = {
        rule: [
            sheet.points(Css(rule, f"{'padding' if rule == 'd' else 'margin'}-{s}"), 10)
            for s in sides
        ]
        for rule in "abcd"
    }
    assert found == {
        "a": [1, 1, 1, 1],
        "b": [1, 2, 1, 2],
        "c": [1, 2, 3, 2],
        "d": [1, 2, 5, 4],
    }
    assert sheet.points(Css("d", "padding-inline-start"), 10) == 4
    assert sheet.points(Css("d", "padding-block-end"), 10) == 5


def test_units_selector_lists_and_important() -> None:
    sheet = PrintSheet(
        "p.x,\n  main   p { margin-top: 1.5em !important; line-height: 1.3 }\n"
        "main p { margin-top: 9pt; margin-bottom: 25.4mm; border-left: 2pt solid var(--rule) }\n"
        ":is(h1, x) q { line-height: 9 }"
    )
    assert sheet.points(Css("main p", "margin-top"), 8) == 12  # !important wins over later
    assert sheet.points(Css("main p", "margin-bottom"), 8) == pytest.approx(72)
    assert sheet.number(Css("p.x", "line-height")) == 1.3
    assert sheet.points(Css("main p", "border-inline-start"), 8) == 2
    assert sheet.color(Css("main p", "border-left")) == "rule"
    assert sheet.number(Css(":is(h1, x) q", "line-height")) == 9  # one selector, not two
    with pytest.raises(BriefexportError, match="no line-height in the rule for 'x'"):
        sheet.number(Css("x", "line-height"))


def test_values_of_the_wrong_kind_are_refused() -> None:
    sheet = PrintSheet("a { margin-top: 2ex; line-height: 3pt; color: red }")
    with pytest.raises(BriefexportError, match="not a length"):
        sheet.points(Css("a", "margin-top"), 10)
    with pytest.raises(BriefexportError, match="not a number"):
        sheet.number(Css("a", "line-height"))
    with pytest.raises(BriefexportError, match="of the kind needed"):
        sheet.color(Css("a", "color"))


# ------------------------------------------------------------------ Word styles against the sheet


def font_size(spec: StyleSpec) -> float:
    return float(getattr(HOUSE.sizes, spec.size)) if spec.size else HOUSE.sizes.body


def shared_values(sheet: PrintSheet, brand: Brand) -> Iterator[Value]:
    """Every value a Word style takes from the print stylesheet, as the stylesheet has it."""
    for spec in SPECS:
        name, em = spec.word_name or spec.name, font_size(spec)
        for field in ("space_before", "space_after", "hanging"):
            value = getattr(spec, field)
            if isinstance(value, Css | Sum):
                yield name, field, sheet.points(value, em)
        if isinstance(spec.leading, Css):
            yield name, "leading", em * sheet.number(spec.leading)
        if isinstance(spec.tracking, Css):
            yield name, "tracking", sheet.number(spec.tracking) * em
        if isinstance(spec.underline, Css):
            yield name, "underline", float("underline" in sheet.keywords(spec.underline))
        if spec.rule:
            rule, side = spec.rule.selector, spec.rule.side
            yield name, f"{side} width", sheet.points(Css(rule, f"border-{side}"), em)
            yield name, f"{side} gap", round(sheet.points(Css(rule, f"padding-{side}"), em))
        if spec.box:
            yield from box_values(name, spec.box.selector, spec.box.filled, sheet, brand)
    for side in ("top", "left", "bottom", "right"):
        yield TABLE, f"cell {side}", sheet.points(Css("td", f"padding-{side}"), brand.sizes.caption)
    yield TABLE, "rule width", sheet.points(Css("td", "border-bottom"), brand.sizes.caption)
    yield TABLE, "header rule", sheet.points(Css("thead th", "border-bottom"), brand.sizes.caption)


def box_values(
    name: str, rule: str, filled: bool, sheet: PrintSheet, brand: Brand
) -> Iterator[Value]:
    def length(prop: str) -> float:
        return sheet.points(Css(rule, prop), brand.sizes.body)

    width, gap = length("border-inline-start"), round(length("padding-inline-start"))
    yield name, "left width", width
    yield name, "left gap", gap
    yield name, "left indent", length("margin-inline-start") + width + gap
    if filled:
        yield name, "top gap", round(length("padding-top"))
        yield name, "bottom gap", round(length("padding-bottom"))
        yield name, "right gap", round(length("padding-inline-end"))


def word_value(document: docx.document.Document, name: str, what: str) -> float:
    """The value ``what`` of Word style ``name``, read from the document."""
    if name == TABLE:
        return table_value(document, what)
    style = document.styles[name]
    if what == "underline":
        return float(bool(style.font.underline))
    assert isinstance(style, ParagraphStyle)
    fmt = style.paragraph_format
    match what.split():
        case ["space_before"]:
            return float(fmt.space_before.pt)
        case ["space_after"]:
            return float(fmt.space_after.pt)
        case ["hanging"]:
            assert fmt.left_indent == -fmt.first_line_indent
            return float(fmt.left_indent.pt)
        case ["leading"]:
            assert fmt.line_spacing_rule == WD_LINE_SPACING.AT_LEAST
            return float(fmt.line_spacing.pt)
        case ["tracking"]:
            return int(style.element.xpath("string(w:rPr/w:spacing/@w:val)")) / 20
        case ["left", "indent"]:
            return float(fmt.left_indent.pt)
        case [side, kind]:
            (edge,) = style.element.xpath(f"w:pPr/w:pBdr/w:{side}")
            if kind == "width":
                return int(edge.get(qn("w:sz"))) / 8
            return int(edge.get(qn("w:space")))
    raise AssertionError(what)


def table_value(document: docx.document.Document, what: str) -> float:
    table = document.styles[TABLE].element
    if what == "rule width":
        (width,) = set(table.xpath("w:tblPr/w:tblBorders/*/@w:sz"))
        return int(width) / 8
    if what == "header rule":
        header = "w:tblStylePr[@w:type='firstRow']/w:tcPr/w:tcBorders/w:bottom/@w:sz"
        return int(table.xpath(f"string({header})")) / 8
    side = what.split()[1]
    return int(table.xpath(f"string(w:tblPr/w:tblCellMar/w:{side}/@w:w)")) / 20


def disagreements(document: docx.document.Document, sheet: PrintSheet) -> list[str]:
    """Each value where a Word style differs from the print stylesheet (beyond Word's
    twentieths and eighths of a point)."""
    found = []
    for name, what, expected in shared_values(sheet, HOUSE):
        got = word_value(document, name, what)
        if got != pytest.approx(expected, abs=0.07):
            found.append(f"{name} {what}: Word {got:g}, print stylesheet {expected:g}")
    return found


def committed_reference() -> docx.document.Document:
    return docx.Document(str(default_style_dir() / "reference.docx"))


def test_every_shared_value_of_the_word_styles_is_the_print_stylesheets() -> None:
    values = list(shared_values(house_sheet(), HOUSE))
    assert len(values) > 40
    assert disagreements(committed_reference(), house_sheet()) == []


def test_every_space_of_a_word_style_is_the_sheets_or_the_brands() -> None:
    # A plain number would be a copy of the sheet's that does not follow it, or a Word
    # setting an institution cannot change without editing code.
    found = [
        (spec.name, field, value)
        for spec in SPECS
        for field in ("space_before", "space_after", "hanging")
        if (value := getattr(spec, field)) is not None and not isinstance(value, Css | Sum | Own)
    ]
    assert found == []


# One edit of pdf.css for each kind of shared value, and the style that must then disagree.
EDITS = [
    ("main h2 {\n  font-size: var(--heading-1-size);\n  margin: 16pt", "16pt", "18pt", "heading 1 space_before"),
    ("p.series {", "letter-spacing: 0.06em", "letter-spacing: 0.1em", "Series tracking"),
    ("p.series {", "padding-bottom: 5pt", "padding-bottom: 7pt", "Series bottom gap"),
    ("span.footnote {", "padding-inline-start: 1.6em", "padding-inline-start: 2em", "footnote text hanging"),
    ("section.abstract {", "padding: 6pt 10pt", "padding: 6pt 12pt", "Abstract left gap"),
    ("section.abstract {", "padding: 6pt 10pt", "padding: 8pt 10pt", "Abstract Title top gap"),
    ("blockquote {", "margin: 8pt 1.2em", "margin: 8pt 2em", "Quote left indent"),
    ("\nfooter.back {", "line-height: 1.35", "line-height: 1.5", "Rights leading"),
    ("header.front p {", "margin: 0", "margin: 0 0 1pt", "Author space_after"),
    ("th,\ntd {", "padding: 3pt 5pt", "padding: 3pt 6pt", "Brief Table cell left"),
    ("th,\ntd {", "border-bottom: 0.5pt", "border-bottom: 1pt", "Brief Table rule width"),
    ("thead th {", "border-bottom: 1pt", "border-bottom: 2pt", "Brief Table header rule"),
    ("blockquote {", "margin: 8pt 1.2em 10pt", "margin: 8pt 1.2em 12pt", "Quote space_after"),
    ("ul,\nol {", "padding-inline-start: 1.4em", "padding-inline-start: 2em", "Reference Entry hanging"),
    ("\nfooter.back {", "padding-top: 6pt", "padding-top: 9pt", "Citation Label top gap"),
    ("p.keywords {", "margin-bottom: 10pt", "margin-bottom: 12pt", "Keywords space_after"),
    ("\na {\n", "text-decoration: none", "text-decoration: underline", "Hyperlink underline"),
]  # fmt: skip


def edited(anchor: str, old: str, new: str) -> str:
    """pdf.css with ``old`` replaced by ``new`` in the rule that starts with ``anchor``."""
    start = PDF_CSS.index(anchor)
    end = PDF_CSS.index("}", start)
    assert old in PDF_CSS[start:end], old
    return PDF_CSS[:start] + PDF_CSS[start:end].replace(old, new, 1) + PDF_CSS[end:]


@pytest.mark.parametrize(("anchor", "old", "new", "style"), EDITS)
def test_a_changed_print_stylesheet_disagrees_until_the_reference_is_made_again(
    anchor: str, old: str, new: str, style: str
) -> None:
    sheet = PrintSheet(edited(anchor, old, new))
    found = disagreements(committed_reference(), sheet)
    assert any(line.startswith(f"{style}:") for line in found), found
    remade = docx.Document(io.BytesIO(build_reference(HOUSE, sheet)))
    assert disagreements(remade, sheet) == []


@pytest.fixture
def style_dir(tmp_path: Path) -> Path:
    """A style folder with the house brand and labels, and neither a print stylesheet nor a
    Word reference of its own."""
    folder = tmp_path / "style"
    folder.mkdir()
    for name in ("brand.toml", "labels.toml"):
        (folder / name).write_bytes((default_style_dir() / name).read_bytes())
    return folder


def test_a_style_folder_without_reference_docx_takes_its_print_stylesheet(
    tour: Brief, style_dir: Path
) -> None:
    options = default_options(tour, style_dir=style_dir)
    without_sheet = docx.Document(io.BytesIO(write(tour, options)))  # the house print numbers
    assert disagreements(without_sheet, house_sheet()) == []
    anchor, old, new, _ = EDITS[0]
    (style_dir / "pdf.css").write_text(edited(anchor, old, new), encoding="utf-8")
    document = docx.Document(io.BytesIO(write(tour, default_options(tour, style_dir=style_dir))))
    assert document.styles["Heading 1"].paragraph_format.space_before.pt == 18


def test_a_style_folders_own_sheet_is_read_over_the_shipped_one(
    tour: Brief, style_dir: Path
) -> None:
    (style_dir / "pdf.css").write_text("main h2 { margin: 20pt 0 5pt }\n", encoding="utf-8")
    document = docx.Document(io.BytesIO(write(tour, default_options(tour, style_dir=style_dir))))
    heading = document.styles["Heading 1"].paragraph_format
    assert (heading.space_before.pt, heading.space_after.pt) == (20, 5)
    found = disagreements(document, house_sheet())
    assert {line.split(":")[0] for line in found} == {
        "heading 1 space_before",
        "heading 1 space_after",
    }  # everything else is the shipped sheet's
    with pytest.raises(BriefexportError, match="no margin-top in the rule for 'main h3'"):
        PrintSheet("main h2 { margin: 20pt 0 5pt }").points(Css("main h3", "margin-top"), 10)
