"""The house style for Typst: the brand file and the print stylesheet's values as Typst
dictionaries, then ``house.typ``.

``brand.toml`` becomes one ``#let brand = (...)`` dictionary with the names ``pdf.css`` uses as
custom properties (``accent``, ``body``, ``body-size``, ...), so a brand change shows in both
PDF engines with one edit; the spacing, leading, indents and rules the house files take from
``pdf.css`` become ``#let print-sheet = (...)`` (:mod:`.sheet`), so a change of the sheet does.
The metrics of the brand's fonts become ``#let font-metrics = (...)`` (:mod:`.metrics`), for
the line boxes, and ``#let nastaliq`` says whether Urdu is set in Nastaliq, whose taller line
heights the sheet gives in rules of their own. ``house-lines.typ``, ``house.typ``,
``house-front.typ`` and ``house-body.typ`` ship inside the package, beside this module, and are
put in the document one after the other: they hold the layout rules and run no code from
outside them.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

import typst

from ...model import Brief
from ...options import WriteOptions
from ...shared.brand import Brand
from ...shared.i18n import is_rtl, primary_language
from .fonts import ROLES, rtl_families
from .markup import array, call, dictionary, length, string
from .metrics import cjk_pattern, metrics_dictionary
from .sheet import print_values

# The house style's parts, in the order the document needs them (the first defines what the
# others use, and the rule groups below)
HOUSE_FILES = tuple(
    Path(__file__).with_name(name)
    for name in ("house-lines.typ", "house.typ", "house-front.typ", "house-body.typ")
)
HOUSE_FILE = HOUSE_FILES[1]  # the helpers, the page furniture and the rule groups
# The groups of house rules for elements not every brief has (``house.typ``), in their order
# there, each with the calls of a document that make such elements.
RULE_GROUPS: dict[str, tuple[str, ...]] = {
    "script-rules": ("#super[", "#sub["),
    "heading-rules": ("#heading(", "#abstract(", "#notes-section("),
    "list-rules": ("#list(", "#enum("),
    "figure-rules": ("#figure(",),
    "table-rules": ("table(",),
}


@functools.cache
def house_rules() -> str:
    """The layout rules of the house style's parts, in their order."""
    return "".join(path.read_text(encoding="utf-8") for path in HOUSE_FILES)


def rule_groups(body: str) -> str:
    """The house rule groups the document ``body`` calls for, as a Typst array. A user's text
    never holds these calls (its ``#`` is escaped), but may hold their letters: that only
    costs a group the document does not need."""
    used = (name for name, calls in RULE_GROUPS.items() if any(c in body for c in calls))
    return array(used)


def brand_dictionary(
    brand: Brand, options: WriteOptions, families: frozenset[str], language: str = ""
) -> str:
    """``brand.toml`` as one Typst dictionary literal; fonts limited to ``families``."""
    values: dict[str, str] = {}
    for key, colour in dataclasses.asdict(brand.colors).items():
        values[key.replace("_", "-")] = call("rgb", string(colour))
    fallbacks = brand.fonts.fallbacks(emoji_first=True)
    for role in ROLES:
        values[role] = font_list(brand.fonts.latin(role), fallbacks, families)
        rtl = rtl_families(brand, role, language)
        values[f"rtl-{role}"] = font_list(rtl, fallbacks, families)
    for key, size in dataclasses.asdict(brand.sizes).items():
        name = key.replace("_", "-")
        values[name if key == "line_height" else f"{name}-size"] = (
            f"{size:g}" if key == "line_height" else length(size)
        )
    width, height = (options.paper or brand.page.size).millimetres
    values["page-width"], values["page-height"] = length(width, "mm"), length(height, "mm")
    page = brand.page
    margins = {
        "top": page.margin_top,
        "bottom": page.margin_bottom,
        "left": page.margin_inner,
        "right": page.margin_outer,
    }
    values["margin"] = dictionary({key: length(value, "mm") for key, value in margins.items()})
    return dictionary(values)


def font_list(
    wanted: tuple[str, ...], fallbacks: tuple[str, ...], available: frozenset[str]
) -> str:
    """The families of a role and the brand's fallbacks that Typst has, best first. A role
    none of whose families was indexed prints nothing in this brief (the fonts are chosen from
    its text): it gets one family Typst has, so that Typst does not warn about unknown
    families. With no family indexed at all (Typst's bundled fonts), the names are kept and
    Typst warns."""
    names = list(dict.fromkeys([*wanted, *fallbacks]))
    found = [name for name in names if name.lower() in available]
    return array(string(name) for name in found or sorted(available)[:1] or names)


def language(tag: str) -> tuple[str, str | None]:
    """Typst's ``lang`` (ISO 639) and ``region`` (ISO 3166-1 alpha-2) from a BCP 47 tag."""
    subtags = tag.replace("_", "-").split("-")
    regions = [part.upper() for part in subtags[1:] if len(part) == 2 and part.isalpha()]
    return subtags[0].lower(), regions[0] if regions else None


def nastaliq(brand: Brand, tag: str) -> bool:
    """Whether a brief in the language ``tag`` is set in the brand's Urdu fonts (Nastaliq), as
    the WeasyPrint engine marks it (``html.urdu-fonts``, ``[lang|="ur"]``): Urdu, in a brand
    whose ``urdu_in_print`` asks for them."""
    return brand.fonts.urdu_in_print and primary_language(tag) == "ur"


def preamble(brief: Brief, options: WriteOptions, fonts: typst.Fonts, cjk: bool = False) -> str:
    """The brand, the fonts' metrics, the language and direction, and the house rules, ready
    for the content; ``fonts``: Typst's index of the fonts the brief needs; ``cjk``: whether
    its text has Chinese, Japanese or Korean letters (their runs then get lines of their own
    font, a rule each text of the document would otherwise be searched for)."""
    lang, region = language(brief.meta.language)
    families = frozenset(family.lower() for family in fonts.families())
    tag = brief.meta.language
    lines = [
        f"#let brand = {brand_dictionary(options.brand, options, families, tag)}",
        f"#let font-metrics = {metrics_dictionary(options.brand, fonts, tag)}",
        f"#let lang = {string(lang)}",
        f"#let region = {string(region) if region else 'none'}",
        f"#let right-to-left = {'true' if is_rtl(brief.meta.language) else 'false'}",
        f"#let nastaliq = {'true' if nastaliq(options.brand, tag) else 'false'}",
        f"#let print-sheet = {print_values(options.style_dir, house_rules())}",
        house_rules(),
    ]
    if cjk:
        lines.append(f'#show: cjk-runs.with("{cjk_pattern()}")')
    return "\n".join(lines)
