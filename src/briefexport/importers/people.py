"""Authors, editors and affiliations as the Markdown front matter writes them.

A person is a string ("Dr Jane Doe") or a mapping with ``name`` (a string or a mapping of
``surname``, ``given-names``, ``prefix``, ``suffix``), ``role``, ``orcid``, ``email`` and
``affiliation``/``affiliations``. An affiliation is the id of an entry of the top-level
``affiliations`` list, a string "Department, Institution", or a mapping with ``institution``,
``department``, ``country`` (and ``id``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..inlines import collapse_space
from ..model import Affiliation, Contributor, PersonName
from .names import orcid_url, split_affiliation, split_name

EMAIL = re.compile(r"\s*[^@\s]+@[^@\s]+\s*")
"""An e-mail address as the profile's schema takes it (``schema/brief.rng``)."""

Report = Callable[[str], None]


class AffiliationRegistry:
    """Affiliations in order of first appearance, shared by reference between people. Each call
    is given where to report a problem of the affiliation it reads: the top-level list's, or
    the list of people that names it."""

    def __init__(self) -> None:
        self.by_id: dict[str, Affiliation] = {}

    def declare(self, value: object, report: Report) -> Affiliation | None:
        """Add one entry of the top-level ``affiliations`` list."""
        affiliation = self._build(value, report)
        if affiliation is not None:
            self.by_id[affiliation.id] = affiliation
        return affiliation

    def resolve(self, value: object, report: Report) -> Affiliation | None:
        """The affiliation a person names: by id, or a new (or equal, existing) one."""
        if isinstance(value, str) and value in self.by_id:
            return self.by_id[value]
        affiliation = self._build(value, report)
        if affiliation is None:
            return None
        for known in self.by_id.values():
            if (known.institution, known.department, known.country) == (
                affiliation.institution,
                affiliation.department,
                affiliation.country,
            ):
                return known
        self.by_id[affiliation.id] = affiliation
        return affiliation

    def _next_id(self) -> str:
        number = len(self.by_id) + 1
        while f"aff{number}" in self.by_id:
            number += 1
        return f"aff{number}"

    def _build(self, value: object, report: Report) -> Affiliation | None:
        if isinstance(value, str) and value.strip():
            return split_affiliation(value, self._next_id())
        if isinstance(value, dict) and isinstance(value.get("institution"), str):
            value = _texts_only(value, ("id", "department", "country"), report)
            return Affiliation(
                id=str(value.get("id") or self._next_id()),
                institution=value["institution"],
                department=optional_text(value, "department"),
                country=optional_text(value, "country"),
            )
        report(f"affiliation {value!r} needs an institution")
        return None


def contributor(value: object, registry: AffiliationRegistry, report: Report) -> Contributor | None:
    """A person of the ``authors`` or ``editors`` list."""
    if isinstance(value, str):
        return Contributor(name=split_name(value))
    if not isinstance(value, dict):
        report(f"a person must be a name or a mapping, not {value!r}")
        return None
    _check_keys(value, {"name", "role", "orcid", "email", "affiliation", "affiliations"}, report)
    value = _texts_only(value, ("role", "orcid", "email"), report)
    name = _person_name(value.get("name"), report)
    if name is None:
        return None
    affiliations = value.get("affiliations", value.get("affiliation", []))
    listed = affiliations if isinstance(affiliations, list) else [affiliations]
    found = (registry.resolve(item, report) for item in listed)
    resolved = tuple(affiliation for affiliation in found if affiliation is not None)
    return Contributor(
        name=name,
        role=optional_text(value, "role"),
        orcid=_orcid(value, report),
        email=_email(value, report),
        affiliations=resolved,
    )


def _orcid(person: dict[str, Any], report: Report) -> str | None:
    written = optional_text(person, "orcid")
    if written is None:
        return None
    url = orcid_url(written)
    if url is None:
        report(f"ORCID {written!r} is not an ORCID iD such as 0000-0002-1825-0097")
    return url


def _email(person: dict[str, Any], report: Report) -> str | None:
    written = optional_text(person, "email")
    if written is not None and not EMAIL.fullmatch(written):
        report(f"email {written!r} is not an e-mail address such as name@example.org")
    return written


def _person_name(value: object, report: Report) -> PersonName | None:
    if isinstance(value, str) and value.strip():
        return split_name(value)
    if isinstance(value, dict) and isinstance(value.get("surname"), str):
        _check_keys(value, {"surname", "given-names", "prefix", "suffix"}, report)
        value = _texts_only(value, ("given-names", "prefix", "suffix"), report)
        return PersonName(
            surname=value["surname"],
            given_names=optional_text(value, "given-names"),
            prefix=optional_text(value, "prefix"),
            suffix=optional_text(value, "suffix"),
        )
    report(f"a person needs a name (a string or a mapping with a surname), not {value!r}")
    return None


def optional_text(mapping: dict[str, Any], key: str) -> str | None:
    """The value of ``key`` with XML white space collapsed, as the reader reads it (Unicode
    spaces such as U+00A0 kept), or None when it is missing or empty."""
    value = mapping.get(key)
    return collapse_space(str(value)) or None if value is not None else None


def _texts_only(mapping: dict[str, Any], keys: tuple[str, ...], report: Report) -> dict[str, Any]:
    """``mapping`` without the values at ``keys`` that are lists or mappings (reported)."""
    wrong = [key for key in keys if isinstance(mapping.get(key), list | dict)]
    for key in wrong:
        report(
            f"{key!r} must be text, not a {'list' if isinstance(mapping[key], list) else 'mapping'}"
        )
    return {key: item for key, item in mapping.items() if key not in wrong}


def _check_keys(mapping: dict[str, Any], known: set[str], report: Report) -> None:
    for key in mapping:
        if key not in known:
            report(f"unknown key {key!r} (known: {', '.join(sorted(known))})")
