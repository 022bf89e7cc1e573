"""Links an importer may keep: http, https and mailto, as the canonical profile allows.

Sources write links in forms the profile does not take as they are: a bare DOI (``10.7554/...``
or ``doi:10.7554/...``) becomes ``https://doi.org/...``, a bare ``www.`` address gets ``https://``,
an e-mail address gets ``mailto:``. What still breaks the profile's link rule
(:func:`briefexport.rules.links.link_problem`, the reader's) is refused here, so the importer
can keep the link text and say so.
"""

from __future__ import annotations

import re

from ..rules.links import link_problem, trimmed_link
from ..shared.urls import DOI_RESOLVER

_DOI = re.compile(r"(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(?P<doi>10\.\d{4,9}/\S+)", re.I)
_EMAIL = re.compile(r"[^@\s:/]+@[^@\s/]+\.[^@\s/]+")


def doi_url(doi: str) -> str | None:
    """``https://doi.org/...`` for a DOI written bare, with ``doi:`` or as a URL; else None."""
    found = _DOI.fullmatch(doi.strip())
    return DOI_RESOLVER + found["doi"] if found else None


def usable_href(href: str) -> str | None:
    """``href`` as a link the canonical profile accepts, or None when it cannot be one."""
    href = trimmed_link(href)
    if _EMAIL.fullmatch(href):
        href = f"mailto:{href}"
    elif href.lower().startswith("www."):
        href = f"https://{href}"
    elif not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", href) or href.lower().startswith("doi:"):
        href = doi_url(href) or href
    return None if link_problem(href) else href
