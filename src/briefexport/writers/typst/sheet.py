"""The print stylesheet's values for the Typst house style: spacing, leading, indents, rules.

The house files name each value they take from ``pdf.css`` (CSS Paged Media, read by
:mod:`...shared.print_sheet`) as a call ``css("main h2", "margin-top")``: a selector of a rule
and a property, as the Word styles name theirs. The writer finds these calls in the house files
and puts their values in a Typst dictionary, ``print-sheet``, before them, from the print
stylesheets in cascade order (the shipped sheet, then the style folder's own). A length keeps
the sheet's unit (``em`` stays ``em``, for the size of the text it belongs to; ``rem`` is the
brand's body size); a line height is a plain number.

Reading the sheet takes tinycss2 and about a tenth of a cold start's work, so the dictionary of
the shipped sheet is committed beside the house files (``print-sheet.typ``, made by
``scripts/make_typst_sheet.py``) with a checksum of what it was made from: the sheet's text and
the calls. A style folder's own sheet, an edited shipped one or a new call is read at export
time, once per process for the same texts (as the Word styles are).
"""

from __future__ import annotations

import functools
import re
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import BriefexportError
from ...shared.sheets import print_sheet_texts
from ...shared.styles import PRINT_SHEET, default_style_dir, read_style_text
from .markup import string

if TYPE_CHECKING:
    from ...shared.print_sheet import Css, PrintSheet

SHIPPED_FILE = Path(__file__).with_name("print-sheet.typ")
# A literal first: a fast search. A selector may quote an attribute's value (``[lang|=\"ur\"]``,
# Typst's one escape a selector needs); a property never has quotes.
CALL = re.compile(r'css\("((?:[^"\\]|\\")+)", "([^"\\]+)"\)')
PLAIN_NUMBERS = frozenset({"line-height"})
TYPST_UNITS = frozenset({"pt", "mm", "cm", "in", "em"})
CHECKSUM = "// checksum "


def calls(rules: str) -> tuple[tuple[str, str], ...]:
    """Each (selector, property) the house files ask for, once, in their order."""
    found = ((selector.replace('\\"', '"'), prop) for selector, prop in CALL.findall(rules))
    return tuple(dict.fromkeys(found))


def key(selector: str, prop: str) -> str:
    """The dictionary key of a value (``css`` in ``house.typ`` joins them the same way)."""
    return f"{selector} | {prop}"


def checksum(css: str, wanted: tuple[tuple[str, str], ...]) -> str:
    """What a dictionary was made from: the sheet's text and the values asked for."""
    made_from = css + "".join(f"\n{key(*pair)}" for pair in wanted)
    return f"{zlib.crc32(made_from.encode()):08x}"


def print_values(style_dir: Path, rules: str) -> str:
    """The ``print-sheet`` dictionary for the house files ``rules``: the print stylesheets in
    cascade order, as the WeasyPrint PDF applies them (:mod:`...shared.sheets`). The ``url()``
    and ``@import`` of the sheets, which the engine does not use, are warned of once per run
    (:mod:`...output.style_check`)."""
    return values_for(*print_sheet_texts(style_dir), rules)


@functools.lru_cache(maxsize=4)  # asked at every pass over a brief
def values_for(css: str, house_css: str, rules: str) -> str:
    """The dictionary of a sheet's text over the shipped sheet's text: the committed one when
    it was made from these texts."""
    wanted = calls(rules)
    if css == house_css:
        stamp, committed = shipped()
        if stamp == checksum(css, wanted):
            return committed
    return read_values(css, house_css, wanted)


@functools.cache
def shipped() -> tuple[str, str]:
    """The committed dictionary of the shipped sheet, and the checksum it was made with."""
    first, _, rest = SHIPPED_FILE.read_text(encoding="utf-8").partition("\n")
    return first.removeprefix(CHECKSUM), rest.strip()


def read_values(css: str, house_css: str, wanted: tuple[tuple[str, str], ...]) -> str:
    """The dictionary read from a sheet's text over the shipped sheet's text, which is parsed
    only if the sheet lacks a value (a style folder's sheet is mostly a whole copy)."""
    from ...shared.print_sheet import Css, MissingValueError, print_sheet  # tinycss2: not ours

    values = []
    for pair in wanted:
        try:
            value = typst_value(print_sheet(css), Css(*pair))
        except MissingValueError:
            value = typst_value(print_sheet(house_css), Css(*pair))
        values.append(f"{string(key(*pair))}: {value}")
    return "(\n  " + ",\n  ".join(values) + ",\n)"


def typst_value(sheet: PrintSheet, value: Css) -> str:
    """One value as Typst code: a plain number for a line height, else a length."""
    number, unit = sheet.dimension(value)
    where = f"{PRINT_SHEET}: {value.property} in the rule for {value.selector!r}"
    if value.property in PLAIN_NUMBERS:
        if unit:
            raise BriefexportError(f"{where} is not a plain number")
        return literal(number)
    if unit == "rem":  # the root element's size, which is the brand's body size
        return f"({literal(number)} * brand.body-size)"
    if unit == "px":
        return literal(number * 0.75) + "pt"
    if not unit and number == 0:
        return "0pt"
    if unit not in TYPST_UNITS:
        raise BriefexportError(f"{where} is not a length")
    return literal(number) + unit


def literal(number: float) -> str:
    """A Typst number: ``16``, ``0.06``, ``-0.5``."""
    return str(int(number)) if number.is_integer() else repr(number)


def shipped_file_text(rules: str) -> str:
    """What ``print-sheet.typ`` holds for the house files ``rules`` and the shipped sheet."""
    css = read_style_text(default_style_dir(), PRINT_SHEET)
    wanted = calls(rules)
    return f"{CHECKSUM}{checksum(css, wanted)}\n{read_values(css, css, wanted)}\n"
