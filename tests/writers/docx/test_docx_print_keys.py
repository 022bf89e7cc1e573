"""The Word styles take the same brand colour, size and font role as the print stylesheet gives
the matching element: each style's print rules (named below, as ``pdf.css`` writes their
selectors) are read for ``color``, ``font-size`` and ``font-family`` and compared with the brand
keys of the style in :data:`.reference_styles.SPECS` (its own, else its parent's, else Word's
defaults: the body font and size in the text colour)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from briefexport.errors import BriefexportError
from briefexport.shared.print_sheet import Css, PrintSheet
from briefexport.shared.styles import default_style_dir
from briefexport.writers.docx import stylemap as sm
from briefexport.writers.docx.reference_styles import SPECS, StyleSpec
from support.docx import house_sheet

# Each Word style and the print rules of its element, the later one winning where both set a value.
RULES: dict[str, tuple[str, ...]] = {
    sm.TITLE: ("h1.title",),
    sm.SUBTITLE: ("p.subtitle",),
    "heading 1": ("h2", "main h2"),
    "heading 2": ("h3", "main h3"),
    "heading 3": ("h4", "main h4"),
    sm.QUOTE: ("blockquote", "blockquote p"),
    sm.ATTRIBUTION: ("div.quote p.attribution",),
    "caption": ("figcaption",),
    sm.CAPTION_LABEL: ("figcaption .label",),
    sm.TABLE_TEXT: ("table",),
    "footnote text": ("span.footnote",),
    "footnote reference": ("span.footnote::footnote-call",),
    sm.FOOTNOTE_NUMBER: ("span.footnote::footnote-marker",),
    sm.HYPERLINK: ("a",),
    sm.VERBATIM: ("code",),
    sm.SERIES: ("p.series",),
    sm.BYLINE: ("p.byline-label",),
    sm.AUTHOR_ROLE: ("div.contributor p.role",),
    sm.AFFILIATION: ("div.contributor p.affiliation",),
    sm.DISCLAIMER: ("p.disclaimer",),
    sm.ABSTRACT_TITLE: ("h2", "section.abstract h2"),
    sm.KEYWORDS: ("p.keywords",),
    sm.KEYWORDS_LABEL: ("span.keywords-label",),
    sm.CONTACT: ("div.contributor p.orcid",),
    sm.IDENTITY: ("div.identity", "div.identity p"),
    sm.CITATION_LABEL: ("footer.back", "p.citation-label"),
    sm.SUGGESTED_CITATION: ("footer.back", "div.suggested-citation p.citation"),
    sm.RIGHTS: ("footer.back",),
}
FIELDS = {"color": ("color", ""), "font-size": ("size", "_size"), "font-family": ("font", "_font")}
DEFAULTS = {"color": "text", "size": "body", "font": "body"}
BY_NAME = {spec.name: spec for spec in SPECS}


def effective(spec: StyleSpec, field: str) -> str | None:
    """A style's brand key for ``field``: its own, its parents', or Word's default."""
    current: StyleSpec | None = spec
    while current is not None:
        value = getattr(current, field)
        if value:
            return str(value)
        current = BY_NAME.get(current.base) if current.base else None
    return DEFAULTS[field] if spec.kind == "paragraph" else None


def print_key(sheet: PrintSheet, rules: tuple[str, ...], prop: str) -> str | None:
    """The brand key the last of ``rules`` to set ``prop`` names, if any sets it."""
    found = None
    for rule in rules:
        try:
            found = sheet.color(Css(rule, prop))  # any var(--name): the brand key of a value
        except BriefexportError:
            continue
    return found


def disagreements(sheet: PrintSheet) -> Iterator[str]:
    for spec in SPECS:
        rules = RULES.get(spec.word_name or spec.name, ())
        for prop, (field, suffix) in FIELDS.items():
            key = print_key(sheet, rules, prop)
            if key is not None and key.removesuffix(suffix) != effective(spec, field):
                yield f"{spec.name} {prop}: Word {effective(spec, field)}, print stylesheet {key}"


def test_every_mapped_style_is_a_word_style() -> None:
    names = {spec.word_name or spec.name for spec in SPECS}
    assert set(RULES) <= names


def test_colours_sizes_and_font_roles_are_the_print_stylesheets() -> None:
    assert list(disagreements(house_sheet())) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("color: var(--muted);\n  margin-bottom: 2pt", "color: var(--accent);\n  margin-bottom: 2pt", "Byline color"),
        ("font-size: var(--title-size)", "font-size: var(--subtitle-size)", "Title font-size"),
        ("figcaption,\ntable caption {\n  font-family: var(--heading-font)", "figcaption,\ntable caption {\n  font-family: var(--body-font)", "Caption font-family"),
    ],
)  # fmt: skip
def test_a_changed_print_stylesheet_disagrees(old: str, new: str, expected: str) -> None:
    css = (default_style_dir() / "pdf.css").read_text(encoding="utf-8")
    assert css.count(old) == 1, old
    found = list(disagreements(PrintSheet(css.replace(old, new))))
    assert [line for line in found if line.startswith(f"{expected}:")], found
