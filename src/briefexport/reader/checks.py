"""Checks a grammar cannot make, run after the schema, before the model is built (on a brief
the schema refused too, saying nothing that follows from its refusals).

Ids are unique and every call resolves (:mod:`.call_checks`); dates exist
and agree with their parts; links use http, https or mailto and no link or figure path has a
stray space at an edge (:mod:`.hrefs`); the title is not empty; tables are rectangles
(:mod:`.table_checks`); no text holds a control character XML 1.0 discourages.
Figure paths are checked where the image is read (:mod:`briefexport.reader.blocks`), and here
that no two of them name one file where alike names are one
(:class:`~briefexport.shared.filenames.FigurePaths`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Collection

from lxml import etree

from ..errors import Diagnostic
from ..inlines import XML_WHITE_SPACE
from ..rules.blank import is_blank
from ..rules.partial_dates import partial_date_exists
from ..shared.characters import forbidden_in_tree, forbidden_message
from ..shared.filenames import FigurePaths
from ..shared.languages import knows_language
from ..shared.xmlnames import XLINK_HREF
from .call_checks import check_calls
from .hrefs import check_links, figure_path_problems, trimmed
from .locate import Locator
from .schema_file import schema_document
from .source_screen import may_hold_forbidden
from .table_checks import Refused, check_tables

IDS = etree.XPath("descendant-or-self::*/@id")
FULL_DATE, PARTIAL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}"), re.compile(r"\d{4}(-\d{2}){0,2}")


def check_brief(
    root: etree._Element,
    at: Locator,
    said: Collection[tuple[int, int]] = (),
    source: bytes | None = None,
) -> list[Diagnostic]:
    """Every semantic problem of a brief, errors and warnings, in document order; ``said``: the
    places of the schema's errors, whose consequences are not said again (a call or a licence
    URL the schema refused, a table holding an element it refused, a lead paragraph it refused
    out of place, what needs the body); ``source``: the bytes the tree was parsed from, if
    known, which may show that it holds no forbidden character."""

    def refused(element: etree._Element) -> bool:
        return bool(said) and at.position(element) in said

    found: list[Diagnostic] = []
    found += _check_ids(root, at, refused)
    found += check_calls(root, at, refused)
    found += _check_pub_date(root, at)
    found += _check_string_dates(root, at)
    found += check_links(root, at, refused)
    found += _check_titles(root, at)
    found += _check_lead(root, at, refused)
    found += check_tables(root, at, refused)
    found += _check_language(root, at)
    found += _check_blank_text(root, at)
    found += figure_path_problems(root, at)
    found += _check_figure_paths(root, at)
    if source is None or may_hold_forbidden(source):
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


# whether Babel has a language's data does not change while the process runs; asking it again
# for every brief looked for the package and its file each time
_known_language = functools.lru_cache(maxsize=64)(knows_language)


def _check_language(root: etree._Element, at: Locator) -> list[Diagnostic]:
    language = root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if language is None or _known_language(language):
        return []  # a missing xml:lang is a schema error, reported there
    return [at.error(root, f"xml:lang {language!r} does not name a known language")]


def _check_lead(root: etree._Element, at: Locator, refused: Refused) -> list[Diagnostic]:
    if root.find("body") is None:
        return []  # misspelt or missing: a schema error, reported there
    first = root.find("body/*")
    return [
        at.error(p, "only the first paragraph of the body may be the lead paragraph")
        for p in root.iter("p")
        if p.get("content-type") == "lead" and p is not first
        if not refused(p) and not _in_refused_copy(p, refused)
    ]


def _check_ids(root: etree._Element, at: Locator, refused: Refused) -> list[Diagnostic]:
    """Ids used twice, each at its second use, but for one inside a copy the schema refused
    (a second ``<back>`` pasted after the first: its ids are the copy's)."""
    counts = Counter(str(ident) for ident in IDS(root) if ident)
    if not counts or max(counts.values()) == 1:
        return []
    seen: set[str] = set()
    found = []
    for element in root.iter():
        ident = element.get("id")
        if ident and counts[ident] > 1:
            if ident in seen and not _in_refused_copy(element, refused):
                found.append(at.error(element, f"duplicate id {ident!r}"))
            seen.add(ident)
    return found


def _in_refused_copy(element: etree._Element, refused: Refused) -> bool:
    """Whether ``element`` lies in (or is) one the schema refused that follows a sibling of
    its name."""
    return any(
        refused(e) and any(s.tag == e.tag for s in e.itersiblings(preceding=True))
        for e in (element, *element.iterancestors())
    )


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
    parts = [
        (element.findtext(tag) or "").strip(XML_WHITE_SPACE) for tag in ("year", "month", "day")
    ]
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
