"""Import a Word document (DOCX) as a canonical brief: the way back for editors who received the
Word copy and edited it.

Why mammoth: it is a small, maintained reader of WordprocessingML that resolves what a brief
needs from Word and python-docx does not offer: footnote and endnote calls where they stand, with
their bodies (python-docx has no footnote API at all, its oldest open issue), hyperlinks with
their targets, list numbering (ordered or not, and its level), style names, merged table cells
and pictures with their alt text. Its document tree is taken through its public
``transform_document`` hook (:mod:`.package`); the HTML it would write is not used.

Styles map to structure (:mod:`.styles`): the front matter (:mod:`.front`), the body
(:mod:`.blocks`), the reference list and rights (:mod:`.back`); the package's properties fill
what the paragraphs do not say (:mod:`.metadata`). Diagnostics name the paragraph: ``FILE:N:1``
is the N-th paragraph or table of the body (1 for the package as a whole).
"""

from __future__ import annotations

from ...model import Brief
from ..defaults import Fallbacks
from ..problems import Problems
from .back import read_references, read_rights, split_back
from .blocks import BodyBuilder
from .front import FrontReader
from .inline import Reading
from .items import body_items, note_bookmarks
from .metadata import metadata
from .package import PackageError, open_document


def import_docx(
    data: bytes, problems: Problems, fallbacks: Fallbacks, name: str = "figure"
) -> Brief:
    """The brief in the Word document ``data``; its figures are named after ``name``."""
    try:
        word = open_document(data)
    except PackageError as error:
        problems.error(1, " ".join(str(error).split()))  # one line, whatever the message
        problems.raise_if_errors()
        raise  # not reached: raise_if_errors raised
    for message in dict.fromkeys(word.messages):
        problems.warning(1, f"while reading the document: {message}")
    reading = Reading(problems, word.tree.notes.resolve)
    for value in word.properties.values():  # at line 1: the package as a whole
        reading.refuse_forbidden(value)
    reading.note_bookmarks = note_bookmarks(word.tree)
    front, rest = FrontReader(reading).read(body_items(word.tree, reading))
    body, reference_items, rights = split_back(rest)
    references = read_references(reference_items, reading)
    blocks = BodyBuilder(reading, name).build(body)
    meta = metadata(front, word.properties, read_rights(rights, reading), fallbacks, problems)
    reading.flush()
    problems.diagnostics.sort(key=lambda found: (found.line, found.column))
    problems.raise_if_errors()
    assert meta is not None  # metadata() reports an error whenever it gives None
    notes = tuple(sorted(reading.notes.values(), key=lambda note: note.number))
    return Brief(meta, tuple(blocks), notes, references)
