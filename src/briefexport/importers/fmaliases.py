"""Front matter as pandoc and Quarto users write it, read as the brief's own keys.

Aliases (pandoc's and Quarto's name on the left, the brief's key on the right)::

    author, authors -> authors      lang -> language        subject -> heading
    editor -> editors               rights -> copyright

A person may be written as pandoc and Quarto do: a string, or a mapping with ``name`` (a string,
or Quarto's ``given``/``family``/``literal``), ``affiliation``/``affiliations`` (strings, ids,
``ref: id`` or mappings with Quarto's ``name`` for the institution), ``orcid``, ``email``,
``role``/``roles``. A string ``keywords`` is split at commas; a string ``copyright`` is its
statement. Keys pandoc or Quarto know that a brief has no place for (``format``, ``toc``,
``bibliography``, an ``editor: visual`` setting, a person's ``url``...) are ignored with a
warning; a key neither the brief nor pandoc nor Quarto knows stays an error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .problems import Problems

LineOf = Callable[[str], int]

ALIASES = {
    "author": "authors",
    "lang": "language",
    "subject": "heading",
    "editor": "editors",
    "rights": "copyright",
}
TOOL_SETTINGS = frozenset(
    {"format", "toc", "toc-depth", "toc-title", "number-sections", "numbersections",
     "bibliography", "csl", "link-citations", "nocite", "reference-section-title", "citation",
     "documentclass", "classoption", "geometry", "fontsize", "mainfont", "sansfont", "monofont",
     "mathfont", "linestretch", "papersize", "header-includes", "include-before",
     "include-after", "execute", "jupyter", "engine", "knitr", "title-block-banner",
     "title-block-style", "categories", "category", "description", "image", "draft", "freeze",
     "filters", "lof", "lot", "thanks", "dir", "author-meta", "title-meta", "date-meta",
     "date-format", "pagetitle", "abstract-title", "theme", "css", "self-contained",
     "embed-resources", "highlight-style", "code-fold", "cover-image", "institute", "params",
     "crossref", "google-scholar", "appendix-style", "license-title"}
)  # fmt: skip
PERSON_EXTRAS = frozenset(
    {"url", "corresponding", "equal-contributor", "deceased", "note", "attributes", "degrees",
     "id", "number", "acknowledgements", "phone", "fax", "metadata"}
)  # fmt: skip
QUARTO_NAME = {"given": "given-names", "family": "surname"}


def read_aliases(values: dict[str, Any], line_of: LineOf, problems: Problems) -> dict[str, str]:
    """Rewrite ``values`` in place to the brief's keys; return canonical key -> key as written.

    ``line_of(key)`` gives the source line of a top-level key, for diagnostics.
    """
    written: dict[str, str] = {}
    for key in list(values):
        if key in TOOL_SETTINGS or (key == "editor" and _is_editor_setting(values[key])):
            problems.warning(
                line_of(key),
                f"{key!r} is a pandoc/Quarto setting a brief has no place for; ignored",
            )
            del values[key]
        elif key in ALIASES:
            canonical = ALIASES[key]
            if canonical in values:
                problems.error(
                    line_of(key), f"{key!r} and {canonical!r} say the same thing; keep one"
                )
                continue
            values[canonical] = values.pop(key)
            written[canonical] = key
    _normalise_values(values, lambda key: line_of(written.get(key, key)), problems)
    return written


def _is_editor_setting(value: object) -> bool:
    """Quarto's ``editor: visual`` (or a mapping of editor options) is not a person."""
    if isinstance(value, str):
        return value.strip() in ("visual", "source")
    return isinstance(value, dict) and bool({"markdown", "mode", "render-on-save"} & set(value))


def _normalise_values(values: dict[str, Any], line_of: LineOf, problems: Problems) -> None:
    for key in ("authors", "editors"):
        if key in values:
            people = values[key] if isinstance(values[key], list) else [values[key]]
            values[key] = [_person(p, line_of(key), problems) for p in people]
    if "affiliations" in values:
        listed = values["affiliations"]
        listed = listed if isinstance(listed, list) else [listed]
        line = line_of("affiliations")
        values["affiliations"] = [_affiliation(item, line, problems) for item in listed]
    if isinstance(values.get("keywords"), str):
        values["keywords"] = [
            word.strip() for word in values["keywords"].split(",") if word.strip()
        ]
    if isinstance(values.get("copyright"), str):
        values["copyright"] = {"statement": values["copyright"]}
    licence = values.get("license")
    if isinstance(licence, str) and not licence.strip().lower().startswith(("http:", "https:")):
        values["license"] = {"text": licence}


def _person(value: object, line: int, problems: Problems) -> object:
    if not isinstance(value, dict):
        return value
    person = dict(value)
    for key in sorted(PERSON_EXTRAS & set(person)):
        problems.warning(line, f"a person's {key!r} has no place in a brief; ignored")
        del person[key]
    if "roles" in person and "role" not in person:
        roles = person.pop("roles")
        listed = roles if isinstance(roles, list) else [roles]
        person["role"] = ", ".join(_role_text(role) for role in listed)
    if isinstance(person.get("name"), dict):
        person["name"] = _name(person["name"])
    for key in ("affiliation", "affiliations"):
        if key in person:
            listed = person[key] if isinstance(person[key], list) else [person[key]]
            person[key] = [_affiliation(item, line, problems) for item in listed]
    return person


def _role_text(role: object) -> str:
    """A role as Quarto writes it: a string, or ``{role: text}``/``{credit: text}``."""
    if isinstance(role, dict):
        return str(next(iter(role.values()), ""))
    return str(role)


def _name(name: dict[str, Any]) -> object:
    """Quarto's name parts as the brief's: particles join the surname or the given names."""
    if "literal" in name and not ({"given", "family", "surname"} & set(name)):
        return str(name["literal"])
    if not ({"given", "family"} & set(name)):
        return name
    parts = {QUARTO_NAME.get(key, key): value for key, value in name.items() if key != "literal"}
    surname_particle = parts.pop("non-dropping-particle", None)
    if surname_particle and "surname" in parts:
        parts["surname"] = f"{surname_particle} {parts['surname']}"
    given_particle = parts.pop("dropping-particle", None)
    if given_particle and "given-names" in parts:
        parts["given-names"] = f"{parts['given-names']} {given_particle}"
    return parts


AFFILIATION_KEYS = ("id", "institution", "department", "country")


def _affiliation(value: object, line: int, problems: Problems) -> object:
    """Quarto's ``{ref: id}`` is the id; its ``name`` is the institution."""
    if not isinstance(value, dict):
        return value
    if "ref" in value and len(value) == 1:
        return str(value["ref"])
    kept = {key: item for key, item in value.items() if key in AFFILIATION_KEYS}
    if "institution" not in kept and "name" in value:
        kept["institution"] = value["name"]
    for key in sorted(set(value) - {*AFFILIATION_KEYS, "name"}):
        problems.warning(line, f"an affiliation's {key!r} has no place in a brief; ignored")
    return kept
