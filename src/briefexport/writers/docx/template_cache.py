"""Word templates prepared once per thread and copied for every brief.

Screening, parsing and preparing a template (body cleared, styles it lacks copied in from the
shipped reference, :mod:`.template`) costs more than filling it with a short brief, and a
collection uses the same template for every brief. Each thread therefore keeps the templates it
has prepared, keyed by the SHA-256 of the template's bytes and of the shipped reference's: the
prepared document depends on nothing else. The kept document is never handed out: every brief
gets a deep copy of its package, so nothing one brief changes reaches the next, and a fresh
python-docx ``Document`` over the copy (no cached view of the kept one comes along).

Per thread, because lxml trees must not be copied in one thread while another changes them.

The first brief of a thread to use a template fills the document it was prepared into, uncopied,
and a second brief prepares the template again, this time to keep: a single export (a cold run of
the command line) pays no copy, and a collection pays one more preparation per thread.
"""

from __future__ import annotations

import copy
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable

from docx.document import Document

from ...model.record import Record, record
from .stylemap import StyleMap

TEMPLATES_KEPT = 4
"""Prepared templates each thread keeps (a run uses one: its own or the shipped one)."""

Key = tuple[bytes, bytes]


@record
class Prepared(Record):
    """A template ready to fill, and the ids of the styles the writer uses in it."""

    document: Document
    styles: StyleMap


class TemplateCache(threading.local):
    """The prepared templates of one thread, least recently used first."""

    def __init__(self) -> None:
        self.kept: OrderedDict[Key, Prepared] = OrderedDict()
        self.used: set[Key] = set()

    def copy_of(
        self, template: bytes, shipped: bytes, prepare: Callable[[], Prepared]
    ) -> tuple[Document, StyleMap]:
        """The prepared ``template`` (with ``shipped`` as the reference it borrows styles from):
        the first time in this thread the document ``prepare`` made, afterwards a copy of one
        kept; errors of ``prepare`` are not kept."""
        key = (hashlib.sha256(template).digest(), hashlib.sha256(shipped).digest())
        prepared = self.kept.get(key)
        if prepared is None and key not in self.used:
            first = prepare()
            self.used.add(key)
            return first.document, first.styles
        if prepared is None:
            prepared = prepare()
            self.kept[key] = prepared
            while len(self.kept) > TEMPLATES_KEPT:
                self.kept.popitem(last=False)
        self.kept.move_to_end(key)
        package = copy.deepcopy(prepared.document.part.package)
        document: Document = package.main_document_part.document
        return document, prepared.styles


TEMPLATES = TemplateCache()
