"""The YAML front matter of a Markdown brief to the model's :class:`Metadata`.

Keys (see ``docs/markdown.md``): ``series``, ``heading``, ``title``, ``subtitle``,
``running-head``, ``authors``, ``editors``, ``affiliations``, ``date``, ``publisher``,
``publisher-location``, ``journal-id``, ``doi``, ``publisher-id``, ``disclaimer``, ``abstract``,
``keywords``, ``language``, ``copyright``, ``license``. Title, subtitle and disclaimer are
Markdown inline text; the abstract is Markdown paragraphs. Unknown keys are errors.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any, TypeAlias

from ..model import Contributor, Inline, Metadata, Paragraph, Permissions
from ..rules.blank import is_blank
from ..rules.dates import printed_date
from ..rules.links import link_problem
from .defaults import DEFAULT_LANGUAGE, DEFAULT_SERIES
from .fmaliases import read_aliases
from .fmload import FrontMatter
from .fmtypes import check_types
from .fmyaml import LoadedYaml, YamlRefusedError, load_yaml
from .mdcontext import BodyContext
from .names import journal_id_for
from .people import AffiliationRegistry, contributor, optional_text
from .placement import Place, misplaced

InlineParser: TypeAlias = Callable[[str, int], tuple[Inline, ...]]
ParagraphParser: TypeAlias = Callable[[str, int], tuple[Paragraph, ...]]

KNOWN_KEYS = frozenset(
    {
        *("series", "heading", "title", "subtitle", "running-head", "language"),
        *("authors", "editors", "affiliations", "date", "disclaimer", "abstract", "keywords"),
        *("publisher", "publisher-location", "journal-id", "doi", "publisher-id"),
        *("copyright", "license", "references"),
    }
)


def load_front_matter(text: str, first_line: int, context: BodyContext) -> FrontMatter:
    """Parse the YAML, reporting what cannot be read at its line and column."""
    problems = context.problems
    try:
        loaded = load_yaml(text, first_line) if text.strip() else LoadedYaml({})
    except YamlRefusedError as refusal:
        problems.error(first_line + refusal.position[0], refusal.message, refusal.position[1])
        return FrontMatter({}, first_line, failed=True)
    if not isinstance(loaded.values, dict):
        problems.error(first_line, "front matter must be a mapping of keys to values")
        return FrontMatter({}, first_line, failed=True)
    front = FrontMatter(loaded.values, first_line, loaded=loaded)
    for path, (line, column), message in loaded.problems:
        problems.error(first_line + line, message, column)
        front.reported.add(str(path[0]) if path else "")
    front.written = read_aliases(loaded.values, front.line, problems)
    front.reported |= {key for key, alias in front.written.items() if alias in front.reported}
    check_types(front, problems)
    return front


def build_metadata(
    front: FrontMatter, context: BodyContext, inline: InlineParser, blocks: ParagraphParser
) -> Metadata | None:
    """The metadata, or None when something required is missing (reported)."""
    _check_values(front, context)
    registry = _affiliations(front, context)
    authors = _people(front, "authors", registry, context)
    editors = _people(front, "editors", registry, context)
    title = _field_inlines(front, "title", inline, context)
    date = _date(front, context)
    _report_missing(front, context, title, authors)
    if not title or not authors or date is None:
        return None
    publisher = _publisher(front, authors, context)
    return Metadata(
        language=str(front.values.get("language") or DEFAULT_LANGUAGE),
        series=_series(front, context),
        journal_id=_journal_id(front, publisher),
        publisher=publisher,
        title=title,
        authors=authors,
        date=date,
        editors=editors,
        affiliations=tuple(registry.by_id.values()),
        permissions=_permissions(front, context),
        abstract=_abstract(front, blocks),
        **_optional_fields(front, inline, context),
    )


def _check_values(front: FrontMatter, context: BodyContext) -> None:
    """Report every unknown key and every value that holds only blank characters."""
    problems = context.problems
    for key, value in front.values.items():
        if key not in KNOWN_KEYS:
            problems.error(
                front.line(key),
                f"unknown front matter key {key!r}: neither a brief key nor a pandoc or Quarto"
                " one (see docs/markdown.md)",
            )
        if _holds_blank_text(value):
            message = f"{key!r} holds only blank characters (such as U+2009); it needs visible text"
            problems.error(front.line(key), message)


def _report_missing(
    front: FrontMatter,
    context: BodyContext,
    title: tuple[Inline, ...],
    authors: tuple[Contributor, ...],
) -> None:
    """Report a missing title or author, unless a problem with the key is reported already."""
    if not title and "title" not in front.reported:
        context.problems.error(front.line("title"), "the brief needs a title")
    if not authors and "authors" not in front.reported:
        context.problems.error(front.line("authors"), "the brief needs at least one author")


def _journal_id(front: FrontMatter, publisher: str) -> str:
    """The journal id written, else the one known for the publisher, else the publisher."""
    return optional_text(front.values, "journal-id") or journal_id_for(publisher) or publisher


def _field_inlines(
    front: FrontMatter, key: str, inline: InlineParser, context: BodyContext
) -> tuple[Inline, ...]:
    """The Markdown of field ``key`` as inlines; what its place cannot hold is reported."""
    found = inline(str(front.values.get(key) or ""), front.line(key))
    problem = misplaced(found, Place.PARAGRAPH if key == "disclaimer" else Place.PHRASE)
    if problem is not None:
        context.problems.error(front.line(key), f"{key}: {problem}")
    return found


def _optional_fields(
    front: FrontMatter, inline: InlineParser, context: BodyContext
) -> dict[str, Any]:
    values = front.values
    return {
        "publisher_location": optional_text(values, "publisher-location"),
        "doi": optional_text(values, "doi"),
        "publisher_id": optional_text(values, "publisher-id"),
        "heading": optional_text(values, "heading"),
        "subtitle": _field_inlines(front, "subtitle", inline, context),
        "running_head": optional_text(values, "running-head"),
        "disclaimer": _field_inlines(front, "disclaimer", inline, context),
        "keywords": tuple(str(k) for k in _as_list(values.get("keywords"))),
    }


def _affiliations(front: FrontMatter, context: BodyContext) -> AffiliationRegistry:
    report = _reporter(context, front.line("affiliations"))
    registry = AffiliationRegistry()
    for entry in _as_list(front.values.get("affiliations")):
        registry.declare(entry, report)
    return registry


def _people(
    front: FrontMatter, key: str, registry: AffiliationRegistry, context: BodyContext
) -> tuple[Contributor, ...]:
    report = _reporter(context, front.line(key))  # an affiliation written in the person too
    people = (contributor(value, registry, report) for value in _as_list(front.values.get(key)))
    return tuple(person for person in people if person is not None)


def _reporter(context: BodyContext, line: int) -> Callable[[str], None]:
    """Report a problem as an error at ``line``."""
    return functools.partial(context.problems.error, line)


def _date(front: FrontMatter, context: BodyContext) -> dt.date | None:
    value = front.values.get("date")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    parsed = printed_date(str(value)) if value is not None else None
    if parsed is None and "date" not in front.reported:
        found = "none is given" if value is None else f"not {value!r}"
        context.problems.error(
            front.line("date"), f"the brief needs a date such as 2024-06-14, {found}"
        )
    return parsed


def _series(front: FrontMatter, context: BodyContext) -> str:
    series = optional_text(front.values, "series")
    if series is None:
        context.problems.warning(front.line("series"), f"no series given; using {DEFAULT_SERIES!r}")
    return series or DEFAULT_SERIES


def _publisher(front: FrontMatter, authors: tuple[Contributor, ...], context: BodyContext) -> str:
    publisher = optional_text(front.values, "publisher")
    if publisher or "publisher" in front.reported:
        return publisher or ""
    institutions = [aff.institution for person in authors for aff in person.affiliations]
    if institutions:
        return institutions[0]
    context.problems.error(
        front.line("publisher"), "no publisher, and no author affiliation to take it from"
    )
    return ""


def _permissions(front: FrontMatter, context: BodyContext) -> Permissions | None:
    copyright_ = front.values.get("copyright") or {}
    license_ = front.values.get("license") or {}
    if isinstance(license_, str):
        license_ = {"url": license_}
    if not isinstance(copyright_, dict) or not isinstance(license_, dict):
        context.problems.error(front.line("copyright"), "copyright and license must be mappings")
        return None
    if "copyright" not in front.values and "license" not in front.values:
        return None
    year = copyright_.get("year")
    url = optional_text(license_, "url")
    if url is not None and (problem := link_problem(url)) is not None:
        context.problems.error(front.line("license"), f"license url: {problem}")
    return Permissions(
        statement=optional_text(copyright_, "statement"),
        year=int(str(year)) if str(year).isdigit() else None,
        holder=optional_text(copyright_, "holder"),
        license_url=url,
        license_text=optional_text(license_, "text"),
    )


def _abstract(front: FrontMatter, blocks: ParagraphParser) -> tuple[Paragraph, ...]:
    text = front.values.get("abstract")
    return blocks(str(text), front.line("abstract")) if text else ()


def _holds_blank_text(value: object) -> bool:
    """True when a text in ``value`` shows nothing but is not plain white space either (which
    means absent): only Unicode spaces or invisible characters, as the XML reader refuses."""
    if isinstance(value, dict):
        return any(_holds_blank_text(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_blank_text(item) for item in value)
    return isinstance(value, str) and bool(value.strip(" \t\r\n")) and is_blank(value)


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
