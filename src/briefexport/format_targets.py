"""Where each output format's writer lives, as plain text: ``module:function``.

:mod:`.formats` describes each format with these, and the batch command reads them to start its
workers' fork server before it imports the model and the formats' descriptions (a run's first
tens of milliseconds), so this module imports nothing. The order is :data:`.formats.FORMATS`'s.
"""

from collections.abc import Iterable

ALL = "all"
"""The name that stands for every format, in the order of :data:`.formats.FORMATS`."""

WRITER_TARGETS = {
    "jats": "briefexport.writers.jats:write",
    "markdown": "briefexport.writers.markdown:write",
    "pdf": "briefexport.writers.pdf_engine:write",
    "html": "briefexport.writers.html:write",
    "epub": "briefexport.writers.epub:write",
    "docx": "briefexport.writers.docx:write",
    "bag": "briefexport.deposit.bag:write",
    "dspace-saf": "briefexport.deposit.saf:write",
}


def named_formats(items: Iterable[str]) -> list[str]:
    """The format names ``items`` ask for, trimmed and in lower case, :data:`ALL` expanded and
    empty items left out; unknown names are kept for the caller to judge."""
    names: list[str] = []
    for item in items:
        name = item.strip().lower()
        if name == ALL:
            names.extend(WRITER_TARGETS)
        elif name:
            names.append(name)
    return names


def writer_module(name: str) -> str:
    """The module of format ``name``'s writer (``KeyError`` for an unknown format)."""
    return WRITER_TARGETS[name].split(":")[0]
