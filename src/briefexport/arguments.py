"""The types the Python API's :func:`briefexport.export` takes,
checked before any work: a value of another type raises a one-line :class:`TypeError` naming
the argument (as :mod:`briefexport.shared.fieldtypes` does for the batch's records), instead of
failing later, deep in a writer, with Python's own words."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from typing import TypedDict

from .model import Brief
from .options import PdfEngine, PdfStandard
from .shared.brand import Paper
from .shared.fieldtypes import Accepted, accepted_keys, check_argument
from .shared.paths import StrPath

PATH: Accepted = (str, os.PathLike)


class ExportKeywords(TypedDict):
    """The keywords of ``export``, as :func:`briefexport.options.default_options` takes them."""

    style_dir: StrPath | None
    pdf_standard: PdfStandard | str | None
    paper: Paper | str | None
    reference_docx: StrPath | None
    timestamp: dt.datetime | None
    smart: bool
    pdf_url: str | None
    pdf_engine: PdfEngine | str | None


EXPORT_KEYWORDS = accepted_keys(ExportKeywords)
"""What each keyword of ``export`` takes, read from :class:`ExportKeywords`."""


def check_export(brief: object, fmt: object, path: object, keywords: Mapping[str, object]) -> None:
    """Raise :class:`TypeError` for the first argument of ``export`` of a type it does not
    take; a brief given as a file name is told to be loaded first."""
    try:
        check_argument("export", "brief", brief, (Brief,))
    except TypeError as error:
        if isinstance(brief, (str, os.PathLike)):  # a file name: say how to read it
            raise TypeError(f"{error}; read the file with briefexport.load() first") from None
        raise
    check_argument("export", "fmt", fmt, (str,))
    check_argument("export", "path", path, PATH)
    for name, value in keywords.items():
        check_argument("export", name, value, EXPORT_KEYWORDS[name])
