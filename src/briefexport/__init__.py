"""briefexport: publish one policy brief to PDF, EPUB, DOCX, HTML and archival JATS.

Python API::

    import briefexport
    brief = briefexport.load("brief.xml")            # validate and read into the typed model
    briefexport.export(brief, "jats", "out/brief.jats.xml")

Errors in the input raise :class:`briefexport.errors.InvalidBriefError`, whose ``diagnostics``
list every problem as ``FILE:LINE:COL: message``.
"""

from __future__ import annotations

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, which type checkers read; typing is not imported
if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from .arguments import ExportKeywords
    from .errors import BriefexportError, Diagnostic, InvalidBriefError, OutputError
    from .model import Brief
    from .options import PdfEngine, PdfStandard
    from .shared.brand import Paper
    from .shared.paths import StrPath

    __version__: str

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

# The public names defined in other modules are imported when first asked for, so that
# ``import briefexport.cli`` (and ``briefexport --version``) loads no more than it uses.
_LAZY = {
    "Brief": "briefexport.model",
    "BriefexportError": "briefexport.errors",
    "Diagnostic": "briefexport.errors",
    "InvalidBriefError": "briefexport.errors",
    "OutputError": "briefexport.errors",
}


def load(path: str | Path) -> Brief:
    """Read and validate the brief at ``path``; warnings go to the ``briefexport`` logger."""
    import logging
    import os
    from pathlib import Path

    from .reader import read_brief
    from .shared.fieldtypes import check_argument

    check_argument("load", "path", path, (str, os.PathLike))

    brief, warnings = read_brief(Path(path))
    for warning in warnings:
        logging.getLogger(__name__).warning("%s", warning)
    return brief


def export(
    brief: Brief,
    fmt: str,
    path: str | Path,
    *,
    style_dir: StrPath | None = None,
    pdf_standard: PdfStandard | str | None = None,
    paper: Paper | str | None = None,
    reference_docx: StrPath | None = None,
    timestamp: dt.datetime | None = None,
    smart: bool = True,
    pdf_url: str | None = None,
    pdf_engine: PdfEngine | str | None = None,
) -> Path:
    """Write ``brief`` as format ``fmt`` to ``path`` atomically and return the path.

    The keywords are those of :func:`briefexport.options.default_options`; unset ones take the
    house style, PDF/A-3b, the brand's paper size, the reproducible timestamp and WeasyPrint
    for PDF (``pdf_engine="typst"`` for Typst). An argument of another type than it takes
    raises :class:`TypeError` before any work.
    """
    keywords: ExportKeywords = {
        "style_dir": style_dir,
        "pdf_standard": pdf_standard,
        "paper": paper,
        "reference_docx": reference_docx,
        "timestamp": timestamp,
        "smart": smart,
        "pdf_url": pdf_url,
        "pdf_engine": pdf_engine,
    }
    return _checked_export(brief, fmt, path, keywords)


def _checked_export(brief: Brief, fmt: str, path: str | Path, keywords: ExportKeywords) -> Path:
    """Check the arguments' types, then make the options, log the style folder's warnings
    (:mod:`.output.style_check`) and write the file."""
    from pathlib import Path

    from .arguments import check_export
    from .options import default_options
    from .output import export_brief
    from .output.style_check import log_style_warnings

    check_export(brief, fmt, path, keywords)
    options = default_options(brief, **keywords)
    log_style_warnings(options.style_dir, [fmt], options.pdf_engine)
    return export_brief(brief, fmt, Path(path), options)


def __getattr__(name: str) -> object:
    # the version is read from the installed metadata only when asked for
    if name == "__version__":
        from ._version import installed_version

        return installed_version()
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
