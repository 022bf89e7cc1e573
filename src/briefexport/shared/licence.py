"""The licence sentence of a brief, with only the licence's name to be linked.

"This brief is published under the Creative Commons Attribution 4.0 International licence
(CC BY 4.0)." links "Creative Commons Attribution 4.0 International" to the licence, not the
whole sentence. Creative Commons licences are named from their URL (the names the licence
deeds use); the long name is linked where the sentence has it, else the short one. A sentence
naming neither stays plain and the licence follows it as a link of its own.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..model import Inline, Link, Permissions, Text
from ..model.record import Record, record

CC_LICENCE = re.compile(r"/licenses/(by(?:-nc)?(?:-sa|-nd)?)/(\d\.\d)/?$")
CC_ZERO = re.compile(r"/publicdomain/zero/(\d\.\d)/?$")
CC_ELEMENTS = {
    "by": "Attribution",
    "by-sa": "Attribution-ShareAlike",
    "by-nd": "Attribution-NoDerivatives",
    "by-nc": "Attribution-NonCommercial",
    "by-nc-sa": "Attribution-NonCommercial-ShareAlike",
    "by-nc-nd": "Attribution-NonCommercial-NoDerivatives",
}
CC_HOSTS = ("creativecommons.org", "www.creativecommons.org")


@record
class LicenceText(Record):
    """The licence sentence cut around the name to link: ``before`` + ``name`` + ``after``.

    With no licence URL, ``url`` is None and nothing is linked.
    """

    before: str
    name: str
    after: str
    url: str | None


def licence_names(url: str) -> tuple[str, ...]:
    """Names of a Creative Commons licence, long first ("Creative Commons Attribution 4.0
    International", "CC BY 4.0"); none for other URLs."""
    parts = urlsplit(url)
    if parts.hostname not in CC_HOSTS:
        return ()
    zero = CC_ZERO.search(parts.path)
    if zero:
        return (f"CC0 {zero[1]} Universal", f"CC0 {zero[1]}")
    found = CC_LICENCE.search(parts.path)
    if found is None:
        return ()
    code, version = found[1], found[2]
    scope = "International" if version.startswith("4") else "Unported"
    long_name = f"Creative Commons {CC_ELEMENTS[code]} {version} {scope}"
    return (long_name, f"CC {code.upper()} {version}")


def licence_text(rights: Permissions) -> LicenceText | None:
    """The licence sentence cut around the name to link; None without a licence."""
    url, sentence = rights.license_url, rights.license_text
    if sentence is None and url is None:
        return None
    if url is None:
        assert sentence is not None
        return LicenceText(sentence, "", "", None)
    names = licence_names(url)
    if sentence is None:
        return LicenceText("", names[-1] if names else url, "", url)
    for name in names:
        at = sentence.casefold().find(name.casefold())
        if at >= 0:
            end = at + len(name)
            return LicenceText(sentence[:at], sentence[at:end], sentence[end:], url)
    return LicenceText(f"{sentence} ", names[-1] if names else url, "", url)


def licence_inlines(rights: Permissions) -> tuple[Inline, ...]:
    """The licence sentence as model inlines, the name linked to the licence."""
    found = licence_text(rights)
    if found is None:
        return ()
    name: tuple[Inline, ...] = ()
    if found.name:
        text = Text(found.name)
        name = (Link(found.url, (text,)),) if found.url else (text,)
    ends = (Text(found.before),) if found.before else ()
    tail = (Text(found.after),) if found.after else ()
    return (*ends, *name, *tail)
