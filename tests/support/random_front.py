"""Random front matter for seeded random briefs: series, title, people, affiliations, rights.

Required fields always hold visible words of the brief's script; optional ones are present about
half the time. Names mix the script with Latin, as bylines of translated briefs do.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from briefexport.inlines import canonical
from briefexport.model import (
    Affiliation,
    Contributor,
    Inline,
    Metadata,
    Paragraph,
    Permissions,
    PersonName,
    Text,
)

from .random_text import Script, title_words, words

Rich = Callable[[bool], tuple[Inline, ...]]
"""Formatted text for titles, disclaimers and abstracts; the argument says whether links may
appear (not in titles)."""

ORCIDS = ("https://orcid.org/0000-0002-1825-0097", "https://orcid.org/0000-0001-5109-3700")


def maybe(rng: random.Random, value: Callable[[], str]) -> str | None:
    return value() if rng.random() < 0.5 else None


def person(
    rng: random.Random, script: Script, affiliations: tuple[Affiliation, ...]
) -> Contributor:
    def few() -> str:
        return words(rng, script, 1, 2)

    name = PersonName(few(), maybe(rng, few), maybe(rng, lambda: "Dr"), maybe(rng, lambda: "Jr"))
    chosen = tuple(a for a in affiliations if rng.random() < 0.5)
    orcid = rng.choice(ORCIDS) if rng.random() < 0.3 else None
    email = "someone@example.org" if rng.random() < 0.3 else None
    return Contributor(name, maybe(rng, few), orcid, email, chosen)


def permissions(rng: random.Random, script: Script) -> Permissions:
    def some() -> str:
        return words(rng, script, 1, 5)

    licence = "https://creativecommons.org/licenses/by/4.0/" if rng.random() < 0.5 else None
    year = rng.randint(1990, 2030) if rng.random() < 0.5 else None
    return Permissions(maybe(rng, some), year, maybe(rng, some), licence, maybe(rng, some))


def metadata(rng: random.Random, script: Script, rich: Rich) -> Metadata:
    def some() -> str:
        return words(rng, script, 1, 4)

    affiliations = tuple(
        Affiliation(f"aff{i}", some(), maybe(rng, some), maybe(rng, some))
        for i in range(rng.randint(0, 2))
    )
    title = canonical((Text(title_words(rng, script) + " "), *rich(False)))
    return Metadata(
        language=rng.choice(script.languages),
        series=some(),
        journal_id=some(),
        publisher=some(),
        title=title,
        authors=tuple(person(rng, script, affiliations) for _ in range(rng.randint(1, 3))),
        date=dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(12000)),
        publisher_location=maybe(rng, some),
        doi="10.5555/brief.1" if rng.random() < 0.3 else None,
        publisher_id=maybe(rng, some),
        heading=maybe(rng, some),
        subtitle=rich(False) if rng.random() < 0.5 else (),
        running_head=maybe(rng, some),
        editors=tuple(person(rng, script, affiliations) for _ in range(rng.randint(0, 2))),
        affiliations=affiliations,
        disclaimer=rich(True) if rng.random() < 0.5 else (),
        permissions=permissions(rng, script) if rng.random() < 0.5 else None,
        abstract=tuple(Paragraph(rich(True)) for _ in range(rng.choice((0, 0, 1, 2)))),
        keywords=tuple(some() for _ in range(rng.randint(0, 3))),
    )
