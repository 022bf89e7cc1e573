"""Checks a grammar cannot make, run on a schema-valid brief before the model is built.

Ids are unique and every call resolves; a footnote is called only from the body; dates exist
and agree with their parts; links use http, https or mailto and no link or figure path has a
stray space at an edge (:mod:`.hrefs`); the title is not empty; no text holds a control
character XML 1.0 discourages.
Figure paths are checked where the image is read (:mod:`briefexport.reader.blocks`), and here
that no two of them name one file where alike names are one
(:class:`~briefexport.shared.filenames.FigurePaths`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter

from lxml import etree

from ..errors import Diagnostic
from ..rules.blank import is_blank
from ..rules.partial_dates import partial_date_exists
from ..shared.characters import forbidden_in_tree, forbidden_message
from ..shared.filenames import FigurePaths
from ..shared.languages import knows_language
from ..shared.tables import lay_out
from ..shared.xmlnames import XLINK_HREF
from .hrefs import check_links, figure_path_problems, trimmed
from .locate import Locator
from .schema_file import schema_document
from .tokens import XML_SPACE

NOTE_FREE_PLACES = ("fn", "abstract", "author-notes", "ref")
_POSITIVE_INTEGER = re.compile(r"[ \t\r\n]*\+?([0-9]+)[ \t\r\n]*")
FULL_DATE, PARTIAL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}"), re.compile(r"\d{4}(-\d{2}){0,2}")


def check_brief(root: etree._Element, at: Locator) -> list[Diagnostic]:
    """Every semantic problem of a schema-valid brief, errors and warnings, in document order."""
    found: list[Diagnostic] = []
    found += _check_ids(root, at)
    found += _check_calls(root, at)
    found += _check_pub_date(root, at)
    found += _check_string_dates(root, at)
    found += check_links(root, at)
    found += _check_titles(root, at)
    found += _check_lead(root, at)
    found += _check_tables(root, at)
    found += _check_language(root, at)
    found += _check_blank_text(root, at)
    found += figure_path_problems(root, at)
    found += _check_figure_paths(root, at)
    found += _check_characters(root, at)
    return found


def _check_characters(root: etree._Element, at: Locator) -> list[Diagnostic]:
    """XML 1.0 takes DEL and the C1 controls but discourages them: refused, as every importer
    refuses them (:mod:`briefexport.shared.characters`)."""
    return [at.error(where, forbidden_message(found)) for where, found in forbidden_in_tree(root)]


def _check_figure_paths(root: etree._Element, at: Locator) -> list[Diagnostic]:
    paths = FigurePaths()
    found = []
    for graphic in root.iter("graphic"):
        href = trimmed(graphic.get(XLINK_HREF, ""))
        problem = paths.conflict(href, at.position(graphic)[0])
        if problem:
            found.append(at.error(graphic, problem))
    return found


@functools.cache
def _required_text_elements() -> tuple[str, ...]:
    """The elements the schema types ``required.text``, read from the schema itself."""
    rng = schema_document()
    names = rng.xpath(
        "//r:element[r:ref[@name='required.text']]/@name",
        namespaces={"r": "http://relaxng.org/ns/structure/1.0"},
    )
    return tuple(sorted({str(name) for name in names}))


def _check_blank_text(root: etree._Element, at: Locator) -> list[Diagnostic]:
    found = []
    for element in root.iter(*_required_text_elements()):
        text = "".join(element.itertext())
        if text.strip(" \t\r\n") and is_blank(text):  # XML white space only: schema error
            message = f"<{element.tag!s}> holds only blank characters; it needs visible text"
            found.append(at.error(element, message))
    return found


def _check_language(root: etree._Element, at: Locator) -> list[Diagnostic]:
    language = root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if language is None or knows_language(language):
        return []  # a missing xml:lang is a schema error, reported there
    return [at.error(root, f"xml:lang {language!r} does not name a known language")]


def _check_tables(root: etree._Element, at: Locator) -> list[Diagnostic]:
    found = []
    for table in root.iter("table"):
        if any(len(row) == 0 for row in table.iter("tr")):
            continue  # the schema reports the empty row
        problems, widths, starts = [], set(), set[int]()
        for group in table.iterfind("*"):
            rows = [[_span(c) for c in row] for row in group.iterfind("tr")]
            problem, width = grid_shape(rows, starts)
            widths.add(width)
            if problem:
                problems.append(at.error(group, f"table {group.tag!s}: {problem}"))
        if len(widths) > 1 and not problems:
            problems.append(at.error(table, "the table's header and body have different widths"))
        if not problems:
            problems += _empty_columns(table, at, max(widths, default=0), starts)
        found += problems
    return found


def _empty_columns(
    table: etree._Element, at: Locator, width: int, starts: set[int]
) -> list[Diagnostic]:
    """HTML requires a cell to start in every column; a colspan past the real width fails."""
    missing = sorted(set(range(width)) - starts)
    if not missing:
        return []
    real = len(starts)
    message = (
        f"no cell starts in table column {missing[0] + 1}: a colspan reaches past the table's"
        f" real width of {real} column{'s' if real != 1 else ''}"
    )
    return [at.error(table, message)]


def span_value(text: str | None) -> int:
    """A ``colspan`` or ``rowspan`` read as the schema reads an xsd:positiveInteger (blanks
    around, a leading ``+``); absent, or invalid (the schema reports it), means 1. The reader
    builds cells with the same reading, so the checked grid is the written one."""
    match = _POSITIVE_INTEGER.fullmatch(text or "")
    return int(match.group(1)) if match else 1


def _span(cell: etree._Element) -> tuple[int, int]:
    return span_value(cell.get("colspan")), span_value(cell.get("rowspan"))


def grid_shape(
    rows: list[list[tuple[int, int]]], starts: set[int] | None = None
) -> tuple[str | None, int]:
    """Why rows of (colspan, rowspan) cells do not form a rectangle (None when they do),
    and the width of the first row; ``starts`` collects the columns where a cell starts."""
    grid = lay_out(rows)
    if starts is not None:
        starts.update(cell.column for cell in grid.cells)
    widths = [len(row) for row in grid.rows]
    width = widths[0] if widths else 0
    if any(row != set(range(len(row))) for row in grid.rows):
        return "a row has a hole between its cells", 0
    if grid.overhanging:
        return "a cell spans more rows than its row group has", width
    if grid.overlapping:
        return "a cell spans into a column a cell from a row above still covers", width
    if len(set(widths)) > 1:
        return f"rows have different widths ({', '.join(map(str, widths))} columns)", width
    return None, width


def _check_lead(root: etree._Element, at: Locator) -> list[Diagnostic]:
    first = root.find("body/*")
    return [
        at.error(p, "only the first paragraph of the body may be the lead paragraph")
        for p in root.iter("p")
        if p.get("content-type") == "lead" and p is not first
    ]


def _check_ids(root: etree._Element, at: Locator) -> list[Diagnostic]:
    counts = Counter(element.get("id") for element in root.iter() if element.get("id"))
    seen: set[str] = set()
    found = []
    for element in root.iter():
        ident = element.get("id")
        if ident and counts[ident] > 1:
            if ident in seen:
                found.append(at.error(element, f"duplicate id {ident!r}"))
            seen.add(ident)
    return found


def _targets(root: etree._Element, xpath: str) -> set[str]:
    return {str(value) for value in root.xpath(xpath)}


def _check_calls(root: etree._Element, at: Locator) -> list[Diagnostic]:
    targets = {
        "fn": _targets(root, "back/fn-group/fn/@id"),
        "bibr": _targets(root, "back/ref-list/ref/@id"),
        "aff": _targets(root, "front/article-meta/aff/@id"),
    }
    kinds = {"fn": "footnote", "bibr": "reference", "aff": "affiliation"}
    found = []
    for xref in root.iter("xref"):
        kind, rid = xref.get("ref-type", ""), xref.get("rid", "")
        if kind not in targets:
            continue  # a schema error, reported there
        if rid not in targets[kind]:
            found.append(at.error(xref, f"call to a missing {kinds.get(kind, kind)} {rid!r}"))
        elif kind == "fn" and _inside(xref, NOTE_FREE_PLACES):
            found.append(at.error(xref, "a footnote can be called only from the body"))
    found += _uncalled_notes(root, at)
    return found


def _inside(element: etree._Element, tags: tuple[str, ...]) -> bool:
    return any(ancestor.tag in tags for ancestor in element.iterancestors())


def _uncalled_notes(root: etree._Element, at: Locator) -> list[Diagnostic]:
    called = _targets(root, "body//xref/@rid")  # a wrong ref-type is a schema error
    return [
        at.warning(note, f"footnote {note.get('id')!r} is never called")
        for note in root.iterfind("back/fn-group/fn")
        if note.get("id") not in called
    ]


def _check_pub_date(root: etree._Element, at: Locator) -> list[Diagnostic]:
    element = root.find("front/article-meta/pub-date")
    if element is None:
        return []
    iso = element.get("iso-8601-date", "")
    if not FULL_DATE.fullmatch(iso):
        return []  # not written YYYY-MM-DD: a schema error, reported there
    try:
        declared = dt.date.fromisoformat(iso)
    except ValueError:
        return [at.error(element, f"publication date {iso!r} does not exist")]
    parts = [(element.findtext(tag) or "").strip(XML_SPACE) for tag in ("year", "month", "day")]
    if not all(part.isdecimal() for part in parts) or any(len(part) for part in element):
        return []  # a part missing, not a number or holding elements: a schema error
    try:
        spelled = dt.date(*(int(part) for part in parts))
    except ValueError:
        return [
            at.error(element, f"publication date year/month/day {'-'.join(parts)} does not exist")
        ]
    if spelled != declared:
        return [
            at.error(
                element,
                f"publication date {iso} disagrees with day/month/year {spelled.isoformat()}",
            )
        ]
    return []


def _check_string_dates(root: etree._Element, at: Locator) -> list[Diagnostic]:
    return [
        at.error(element, f"date {element.get('iso-8601-date')!r} does not exist")
        for element in root.iter("string-date")
        if PARTIAL_DATE.fullmatch(iso := element.get("iso-8601-date", ""))
        and not partial_date_exists(iso)  # a value of another form is a schema error
    ]


def _check_titles(root: etree._Element, at: Locator) -> list[Diagnostic]:
    found = []
    for title in root.iter("article-title", "title"):
        parent = title.getparent()
        in_heading = parent is not None and str(parent.tag) in ("title-group", "sec")
        if in_heading and not any(char.isalnum() for char in "".join(title.itertext())):
            what = "the brief's title" if title.tag == "article-title" else "a section title"
            found.append(at.error(title, f"{what} is empty"))
    return found
