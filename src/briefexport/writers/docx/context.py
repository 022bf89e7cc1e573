"""What the DOCX writer's functions share while walking a brief (pandoc's ``WriterState``)."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from docx.document import Document
from docx.opc.part import Part

from ...model import Brief
from ...model.record import Record, record
from ...shared.brand import Brand
from .footnotes import NoteCalls
from .style_chain import StyleChain
from .stylemap import StyleMap


@record
class Context(Record):
    """The output document, its styles, the note calls so far and the story being written.

    ``part`` is the part whose relationships hold the hyperlinks of the text being written: the
    main document for the body, the footnotes part inside notes. ``chain`` reads the document's
    style hierarchy, once for the whole document; ``table_indent`` is every table's
    (:mod:`.table_edge`).
    """

    brief: Brief
    document: Document
    styles: StyleMap
    chain: StyleChain
    table_indent: int | None
    notes: NoteCalls
    part: Part
    rtl: bool
    language: str
    style_dir: Path
    brand: Brand = field(default_factory=Brand)
    counters: dict[str, int] = field(default_factory=dict)

    def count(self, sequence: str) -> int:
        """One more item of a numbered sequence (figures, tables); its ordinal from 1."""
        self.counters[sequence] = self.counters.get(sequence, 0) + 1
        return self.counters[sequence]

    def style(self, name: str) -> str:
        """The style id of a named style."""
        return self.styles.id(name)
