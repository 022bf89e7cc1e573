"""A brief's metadata (JATS ``front``): series, title, people, dates, rights, abstract."""

from __future__ import annotations

import datetime as dt

from .content import Inline, Paragraph
from .record import Record, record


@record
class Affiliation(Record):
    """An institution, with the centre or department inside it."""

    id: str
    institution: str
    department: str | None = None
    country: str | None = None


@record
class PersonName(Record):
    """A person's name as JATS splits it."""

    surname: str
    given_names: str | None = None
    prefix: str | None = None
    suffix: str | None = None

    @property
    def display(self) -> str:
        """The name as printed on a title page: "Dr Jane Doe Jr"."""
        parts = (self.prefix, self.given_names, self.surname, self.suffix)
        return " ".join(part for part in parts if part)

    @property
    def sortable(self) -> str:
        """The name for sorting and catalogues: "Doe, Jane"."""
        return f"{self.surname}, {self.given_names}" if self.given_names else self.surname


@record
class Contributor(Record):
    """An author or editor."""

    name: PersonName
    role: str | None = None
    orcid: str | None = None
    email: str | None = None
    affiliations: tuple[Affiliation, ...] = ()


@record
class Permissions(Record):
    """Copyright and licence."""

    statement: str | None = None
    year: int | None = None
    holder: str | None = None
    license_url: str | None = None
    license_text: str | None = None


@record
class Metadata(Record):
    """Everything in ``front``: series, title, people, date, rights, abstract, keywords."""

    language: str
    series: str
    journal_id: str
    publisher: str
    title: tuple[Inline, ...]
    authors: tuple[Contributor, ...]
    date: dt.date
    publisher_location: str | None = None
    doi: str | None = None
    publisher_id: str | None = None
    heading: str | None = None
    subtitle: tuple[Inline, ...] = ()
    running_head: str | None = None
    editors: tuple[Contributor, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    disclaimer: tuple[Inline, ...] = ()
    permissions: Permissions | None = None
    abstract: tuple[Paragraph, ...] = ()
    keywords: tuple[str, ...] = ()

    @property
    def series_label(self) -> str:
        """The label printed above the title: the series, then the heading if there is one and
        it does not repeat the series ("Policy Paper · Policy Paper")."""
        if not self.heading or self.heading.casefold().strip() == self.series.casefold().strip():
            return self.series
        return f"{self.series} · {self.heading}"
