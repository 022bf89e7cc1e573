"""briefexport: publish one policy brief to PDF, EPUB, DOCX, HTML and archival JATS.

Python API::

    import briefexport
    brief = briefexport.load("brief.xml")            # validate and read into the typed model
    briefexport.export(brief, "jats", "out/brief.jats.xml")

Errors in the input raise :class:`briefexport.errors.InvalidBriefError`, whose ``diagnostics``
list every problem as ``FILE:LINE:COL: message``.
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .errors import BriefexportError, Diagnostic, InvalidBriefError, OutputError
from .model import Brief

try:
    __version__ = version("briefexport")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = [
    "Brief",
    "BriefexportError",
    "Diagnostic",
    "InvalidBriefError",
    "OutputError",
    "__version__",
    "export",
    "load",
]

log = logging.getLogger("briefexport")


def load(path: str | Path) -> Brief:
    """Read and validate the brief at ``path``; warnings go to the ``briefexport`` logger."""
    from .reader import read_brief

    brief, warnings = read_brief(Path(path))
    for warning in warnings:
        log.warning("%s", warning)
    return brief


def export(brief: Brief, fmt: str, path: str | Path, **options: object) -> Path:
    """Write ``brief`` as format ``fmt`` to ``path`` atomically and return the path.

    ``options`` override :class:`briefexport.options.WriteOptions` fields (``style_dir``,
    ``pdf_standard``, ``paper``, ``reference_docx``, ``timestamp``).
    """
    from .options import default_options
    from .output import export_brief

    return export_brief(brief, fmt, Path(path), default_options(brief, **options))
