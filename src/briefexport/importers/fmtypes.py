"""Check that each front matter value has the type its key needs (see ``docs/markdown.md``).

A text key takes a YAML scalar, kept as it is written (``title: 1.10`` is "1.10", ``title: yes``
is "yes", not the number or truth value YAML reads); ``keywords`` takes text or a list of texts;
``copyright`` and ``license`` take text or a mapping of texts (a copyright ``year`` is a year
from 1 to 9999); a reference's ``id``, ``citation`` and ``type`` are texts. Anything else, such
as a list where a text is needed, is an error at the value, and the key is left out.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .fmload import FrontMatter
from .language import language_problem
from .problems import Problems

TEXT_KEYS = (
    *("series", "heading", "title", "subtitle", "running-head", "language", "publisher"),
    *("publisher-location", "journal-id", "doi", "publisher-id", "disclaimer", "abstract"),
)
INNER_TEXT = {"copyright": ("statement", "holder"), "license": ("url", "text")}
REFERENCE_TEXT = ("id", "citation", "type")
SCALARS = (str, int, float, bool, dt.date)


def check_types(front: FrontMatter, problems: Problems) -> None:
    """Report (and drop) values of the wrong type; make the scalars of text keys text."""
    for key in TEXT_KEYS:
        _text(front, problems, front.values, key, key)
    _keywords(front, problems)
    if isinstance(front.values.get("date"), list | dict):
        _wrong(front, problems, front.values, "date", "a date such as 2024-06-14", "date")
    for key, names in INNER_TEXT.items():
        inner = front.values.get(key)
        if isinstance(inner, dict):
            for name in names:
                _text(front, problems, inner, name, key, name)
    _year(front, problems)
    language = front.values.get("language")
    if isinstance(language, str) and language.strip() and (problem := language_problem(language)):
        front.error(problems, problem, "language")
    references = front.values.get("references")
    if isinstance(references, list):
        for index, entry in enumerate(references):
            if isinstance(entry, dict):
                for name in REFERENCE_TEXT:
                    _text(front, problems, entry, name, "references", index, name)


def _text(
    front: FrontMatter, problems: Problems, mapping: dict[Any, Any], name: Any, *path: str | int
) -> None:
    value = mapping.get(name)
    if value is None or isinstance(value, str):
        return
    if not isinstance(value, SCALARS):
        _wrong(front, problems, mapping, name, "text", *path)
        return
    raw = front.loaded.raw.get(_written(front, path)) if front.loaded is not None else None
    mapping[name] = raw if raw is not None else str(value)


def _keywords(front: FrontMatter, problems: Problems) -> None:
    keywords = front.values.get("keywords")
    if isinstance(keywords, dict):
        _wrong(front, problems, front.values, "keywords", "text or a list of texts", "keywords")
    elif isinstance(keywords, list):
        words = dict(enumerate(keywords))
        for index in range(len(keywords)):
            _text(front, problems, words, index, "keywords", index)
        front.values["keywords"] = list(words.values())


def _year(front: FrontMatter, problems: Problems) -> None:
    copyright_ = front.values.get("copyright")
    if not isinstance(copyright_, dict) or copyright_.get("year") is None:
        return
    year = copyright_["year"]
    text = str(year).strip()
    if isinstance(year, bool) or not (text.isdigit() and len(text) <= 4 and int(text) > 0):
        _wrong(front, problems, copyright_, "year", "a year such as 2024", "copyright", "year")


def _wrong(
    front: FrontMatter,
    problems: Problems,
    mapping: dict[Any, Any],
    name: Any,
    needed: str,
    *path: str | int,
) -> None:
    shown = ".".join(str(part) for part in path)
    found = _kind(mapping[name])
    front.error(problems, f"{shown!r} must be {needed}, not {found}", str(path[0]), *path[1:])
    del mapping[name]


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value) if len(repr(value)) < 40 else f"{type(value).__name__}"


def _written(front: FrontMatter, path: tuple[str | int, ...]) -> tuple[str | int, ...]:
    return (front.written.get(str(path[0]), str(path[0])), *path[1:])
