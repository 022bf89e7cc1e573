"""The Typst house style takes its spacing, leading, indents and rules from the print stylesheet.

Every such value of ``house*.typ`` is a ``css(selector, property)`` call read from ``pdf.css``
(a style folder's own sheet over the shipped one); a length written into the house files by
hand is refused unless it is Typst's own (the list below says why). The shipped sheet's values
are committed (``print-sheet.typ``) and must be what the sheet and the house files give.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefexport.errors import BriefexportError
from briefexport.model import Brief, Paragraph, Section, Text
from briefexport.shared.print_sheet import Css, PrintSheet
from briefexport.shared.styles import default_style_dir
from briefexport.writers.typst import write
from briefexport.writers.typst.sheet import (
    SHIPPED_FILE,
    calls,
    print_values,
    shipped_file_text,
    typst_value,
)
from briefexport.writers.typst.style import HOUSE_FILES, house_rules
from support.pdf import word_boxes
from support.typst import metadata, typst_options

LENGTH = re.compile(r"(?<![\w.])-?(\d+\.?\d*|\.\d+)(pt|mm|cm|in|em)\b|leading\(\d")

# The lengths the house files may write themselves: Typst's own, not copies of the sheet.
TYPSTS_OWN = {
    '#let call-raise = css("span.footnote::footnote-call", "top") / 1em * call-size': (
        "ems of the call's own size"
    ),
    "show super: it => { show super: set super(size: 1em); it }": "the sheet's 100% for nesting",
    "show sub: it => { show sub: set sub(size: 1em); it }": "the sheet's 100% for nesting",
    "set list(marker: bullet, indent: 0pt, body-indent: 0pt, spacing: items)": (
        "the marker hangs in the sheet's padding instead"
    ),
    "set enum(numbering: number, indent: 0pt, body-indent: 0pt, spacing: items)": (
        "the number hangs in the sheet's padding instead"
    ),
    'let marker = css("span.footnote::footnote-marker", "min-width") - 0.05em': (
        "Typst's own space after a note's number"
    ),
    "footer-descent: 0pt,": "the page number's box fills the bottom margin",
    "indent: 0pt,": "no indent of Typst's own before a note",
    "clearance: 0pt,": "the empty float that shortens a page",
    'tracking: if right-to-left { 0em } else { css("p.series", "letter-spacing") },': (
        "no tracking of Arabic script or Hebrew (the sheet's letter-spacing: normal)"
    ),
    "(top-edge: top * 1em, bottom-edge: bottom * 1em)": (
        "CSS's line box: the glyphs' middle at the middle of the line, in the text's own ems"
    ),
    "(top-edge: (ascent - descent) / 2 * 1em, bottom-edge: (ascent - descent) / 2 * 1em)": (
        "CSS's line-height: 0, in its own ems"
    ),
    "leading: 0pt,": "lines as tall as CSS's line boxes touch",
    "show footnote.entry: set par(justify: false, leading: 0pt, spacing: 0pt)": (
        "lines as tall as CSS's line boxes touch; a note's paragraphs have no margins"
    ),
    "show footnote.entry: set super(typographic: false, size: 1em, baseline: 0pt)": (
        "a note's number is neither shrunk nor raised"
    ),
    'let sup-shift = css("sup", "top") / 1em * script-size': "ems of the script's own size",
    'let sub-shift = css("sub", "top") / 1em * css("sub", "font-size")': (
        "ems of the script's own size"
    ),
    'top: css("section.endnotes", "border-top") + if label == none { 0pt } else {': (
        "no heading, no margin"
    ),
    'top: css("td", "padding-top") + if y == 0 { 0pt } else { rule(y - 1) / 2 },': (
        "no rule above the first row; half of a collapsed rule"
    ),
    "#let entries-before-kept(entries) = block(width: 100%, below: 0pt, entries)": (
        "the reference list's last entry, kept apart, follows as in one list (li: no margins)"
    ),
    "above: 0pt,": "the reference list's last entry, kept apart, follows as in one list",
    "if role != none { par(muted-text(1em, role)) }": "the size of the text around it",
    "for place in places { par(muted-text(1em, place)) }": "the size of the text around it",
}


def hand_lengths() -> dict[str, str]:
    """Each line of the house files writing a length or a line height, comments left out."""
    found = {}
    for path in HOUSE_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            code = line.split("//")[0].strip()
            if LENGTH.search(code):
                found[code] = path.name
    return found


def test_no_house_file_copies_a_value_of_the_print_stylesheet() -> None:
    assert set(hand_lengths()) == set(TYPSTS_OWN)
    assert len(calls(house_rules())) > 60


def test_the_committed_values_are_the_shipped_sheets() -> None:
    # run scripts/make_typst_sheet.py after a change of styles/pdf.css or of a css() call
    assert SHIPPED_FILE.read_text(encoding="utf-8") == shipped_file_text(house_rules())


def test_values_keep_the_sheets_units() -> None:
    sheet = PrintSheet(
        "a { margin: 0 1.5em 3mm 6px; line-height: 1.25; font-size: 0.65rem; top: -0.5em }"
        " b { line-height: 14pt; margin-top: 2ex }"
    )
    found = [typst_value(sheet, Css("a", prop)) for prop in
             ("margin-top", "margin-right", "margin-bottom", "margin-left", "line-height",
              "font-size", "top")]  # fmt: skip
    assert found == ["0pt", "1.5em", "3mm", "4.5pt", "1.25", "(0.65 * brand.body-size)", "-0.5em"]
    with pytest.raises(BriefexportError, match="line-height in the rule for 'b' is not a plain"):
        typst_value(sheet, Css("b", "line-height"))
    with pytest.raises(BriefexportError, match="margin-top in the rule for 'b' is not a length"):
        typst_value(sheet, Css("b", "margin-top"))


@pytest.fixture
def style_dir(tmp_path: Path) -> Path:
    """A style folder with the house brand and labels and no print stylesheet of its own."""
    folder = tmp_path / "style"
    folder.mkdir()
    for name in ("brand.toml", "labels.toml"):
        (folder / name).write_bytes((default_style_dir() / name).read_bytes())
    return folder


def test_a_style_folders_sheet_is_read_over_the_shipped_one(style_dir: Path) -> None:
    rules = house_rules()
    shipped = print_values(default_style_dir(), rules)
    assert print_values(style_dir, rules) == shipped  # no sheet of its own
    (style_dir / "pdf.css").write_text("main h2 { margin: 40pt 0 6pt }\n", encoding="utf-8")
    own = print_values(style_dir, rules)
    assert '"main h2 | margin-top": 40pt' in own
    assert own.replace("40pt", "16pt", 1) == shipped  # everything else is the shipped sheet's
    house = (default_style_dir() / "pdf.css").read_text(encoding="utf-8")
    (style_dir / "pdf.css").write_text(house.replace("margin: 16pt 0 6pt", "margin: 0"), "utf-8")
    edited = print_values(style_dir, rules)  # the whole sheet, edited: read, not the committed
    assert '"main h2 | margin-top": 0pt' in edited
    assert '"main h2 | margin-bottom": 0pt' in edited


def heading_gap(pdf: bytes) -> float:
    """Points from the top of the paragraph's last word to the top of the heading."""
    boxes = {box.text: box for box in word_boxes(pdf)}
    return boxes["Findings"].top - boxes["closing."].top


def test_a_changed_sheet_moves_the_typst_layout(style_dir: Path) -> None:
    body = (
        Paragraph((Text("An opening paragraph before the heading, short and closing."),)),
        Section("s1", (Text("Findings"),), (Paragraph((Text("The text of the section."),)),)),
    )
    brief = Brief(metadata(), body, ())
    house = heading_gap(write(brief, typst_options(brief, pdf_standard="none")))
    (style_dir / "pdf.css").write_text("main h2 { margin: 40pt 0 6pt }\n", encoding="utf-8")
    options = typst_options(brief, pdf_standard="none", style_dir=str(style_dir))
    assert heading_gap(write(brief, options)) == pytest.approx(house + 40 - 16, abs=0.01)
