"""The brief's metadata as the YAML front matter the Markdown importer reads.

Names are written as mappings (surname, given names, prefix, suffix) and affiliations by id,
so nothing depends on the importer's guesses when the file is read back.
"""

from __future__ import annotations

from typing import Any

import yaml

from ...model import Affiliation, Brief, Contributor, Metadata, Permissions
from .blocks import paragraph_to_markdown
from .inlines import inlines_to_markdown


def front_matter(brief: Brief) -> str:
    """The ``---`` delimited YAML block."""
    values = _metadata(brief.meta)
    if brief.references:
        values["references"] = [
            {"id": ref.id, "citation": inlines_to_markdown((ref.citation,))}
            for ref in brief.references
        ]
    text = yaml.safe_dump(values, sort_keys=False, allow_unicode=True, width=10_000)
    return f"---\n{text}---"


def _metadata(meta: Metadata) -> dict[str, Any]:
    values: dict[str, Any] = {
        "series": meta.series,
        "heading": meta.heading,
        "title": inlines_to_markdown(meta.title),
        "subtitle": inlines_to_markdown(meta.subtitle) or None,
        "running-head": meta.running_head,
        "language": meta.language,
        "date": meta.date,
        "publisher": meta.publisher,
        "publisher-location": meta.publisher_location,
        "journal-id": meta.journal_id,
        "doi": meta.doi,
        "publisher-id": meta.publisher_id,
        "affiliations": [_affiliation(aff) for aff in meta.affiliations] or None,
        "authors": [_person(person) for person in meta.authors],
        "editors": [_person(person) for person in meta.editors] or None,
        "disclaimer": inlines_to_markdown(meta.disclaimer) or None,
        "abstract": "\n\n".join(paragraph_to_markdown(p) for p in meta.abstract) or None,
        "keywords": list(meta.keywords) or None,
    }
    values.update(_permissions(meta.permissions))
    return {key: value for key, value in values.items() if value is not None}


def _affiliation(affiliation: Affiliation) -> dict[str, str]:
    values = {
        "id": affiliation.id,
        "department": affiliation.department,
        "institution": affiliation.institution,
        "country": affiliation.country,
    }
    return {key: value for key, value in values.items() if value is not None}


def _person(person: Contributor) -> dict[str, Any]:
    name = {
        "surname": person.name.surname,
        "given-names": person.name.given_names,
        "prefix": person.name.prefix,
        "suffix": person.name.suffix,
    }
    values: dict[str, Any] = {
        "name": {key: value for key, value in name.items() if value is not None},
        "role": person.role,
        "orcid": person.orcid,
        "email": person.email,
        "affiliations": [aff.id for aff in person.affiliations] or None,
    }
    return {key: value for key, value in values.items() if value is not None}


def _permissions(permissions: Permissions | None) -> dict[str, Any]:
    if permissions is None:
        return {}
    copyright_ = {
        "statement": permissions.statement,
        "year": permissions.year,
        "holder": permissions.holder,
    }
    license_ = {"url": permissions.license_url, "text": permissions.license_text}
    values = {
        "copyright": {k: v for k, v in copyright_.items() if v is not None} or None,
        "license": {k: v for k, v in license_.items() if v is not None} or None,
    }
    present = {key: value for key, value in values.items() if value is not None}
    return present or {"copyright": {}}  # empty permissions still exist
