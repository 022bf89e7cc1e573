"""PDFs kept for the rest of the test run, by brief and options.

Several test modules write the same brief with the same options (the feature tour with the
defaults, a long brief with notes) before comparing it with a PDF written another way. The
writer is reproducible, so each is written once in a run: call :func:`written_pdf` before a
test changes anything the writer uses (a monkeypatched module, a file in a style folder), never
after.

Under pytest-xdist the test processes share the PDFs through a folder of the run
(:func:`share_in`, called by the top ``conftest.py``): a PDF is named by a digest of the pickled
brief and options, and a lock on its name lets one process write it while another that wants it
waits, then reads it. :func:`pdfs_written_once` lets a test's exports (``export_brief``, the
packages, the command run in the test's process) take their PDFs from here too.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import pickle
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from briefexport.model import Brief
from briefexport.options import WriteOptions, default_options
from briefexport.writers import pdf_engine

_WRITTEN: dict[tuple[Brief, WriteOptions], bytes] = {}
_SHARED: list[Path] = []  # the run's folder of PDFs, once share_in has named it
_WRITE = pdf_engine.write  # the writer itself, even while pdfs_written_once stands in for it


def share_in(folder: Path) -> None:
    """Keep the PDFs in ``folder`` too, for the other test processes of this run."""
    folder.mkdir(parents=True, exist_ok=True)
    _SHARED[:] = [folder]


def written_pdf(brief: Brief, options: WriteOptions | None = None) -> bytes:
    """``brief``'s PDF with ``options`` (the defaults if None), written once per run."""
    key = (brief, options if options is not None else default_options(brief))
    if key not in _WRITTEN:
        _WRITTEN[key] = _shared_pdf(*key) if _SHARED else _WRITE(*key)
    return _WRITTEN[key]


def _shared_pdf(brief: Brief, options: WriteOptions) -> bytes:
    """The PDF from the run's folder, written there first if no process has written it yet."""
    digest = hashlib.sha256(pickle.dumps((brief, options))).hexdigest()
    path = _SHARED[0] / f"{digest}.pdf"
    with (_SHARED[0] / f"{digest}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            partial = path.with_suffix(f".{os.getpid()}.part")
            partial.write_bytes(_WRITE(brief, options))
            partial.replace(path)
        return path.read_bytes()


def exported_pdf(brief: Brief, options: WriteOptions) -> bytes:
    """:func:`written_pdf` for an export, whose options name the output file: a PDF is the same
    whatever its file is called (only the deposit packages read the name; a test of the PDF
    writer holds it to that), so exports to other names share one PDF."""
    return written_pdf(brief, replace(options, package_name=None))


@contextlib.contextmanager
def pdfs_written_once() -> Iterator[None]:
    """Within the block, every PDF written in this process comes from :func:`written_pdf`:
    for tests about what the exports hold, not about how the PDF writer gets there."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_engine, "write", exported_pdf)
        yield
