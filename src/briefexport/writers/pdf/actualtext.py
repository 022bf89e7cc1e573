"""Give complex-script text in the PDF its real characters (``/ActualText``, ISO 32000-1, 14.9.4).

Why: a PDF maps each glyph to text once, through the font's ``/ToUnicode`` map. WeasyPrint 70
fills that map from the first occurrence of each glyph (``draw/text.py``, ``draw_first_line``):
in a HarfBuzz cluster of several glyphs, the last glyph receives the whole cluster's text and
the others receive none. In Devanagari (and the other Brahmic scripts) a cluster is a whole
syllable, so:

* a glyph first met inside a larger cluster maps to nothing in the whole document, and loses
  its character everywhere after (in "पानी बचाओ", ``च`` vanishes from "बचाओ");
* a vowel sign drawn before its consonant (``ि`` in "स्थिति") is a glyph with no text that
  still takes room, so extractors read a gap and insert a space ("स्थि ति").

No single glyph-to-text map can be right for reordered or shared glyphs; a marked-content
sequence can carry the text it stands for. WeasyPrint already wraps each text box of a tagged
PDF in ``/Span <</MCID n>> BDC ... EMC``; this module adds ``/ActualText`` (the box's own text,
in logical order: a line's run of one element, so a line mixing scripts is marked whole) to
that property list for boxes holding characters of such scripts. Readers that honour
``/ActualText`` use it for search, copy and extraction; poppler's ``pdftotext`` does (the tests
check with it; other readers were not tried here). Other text is left as it is: its glyph map
is already right, and the content stream stays small.

Pinned like :mod:`.notes_stay`: ``Stream.marked`` is replaced only when it is WeasyPrint 70.0's
own, checked by a SHA-256 of its source; otherwise nothing changes and the text layer keeps
WeasyPrint's map. The PDFs are always tagged here (``pdf_tags``), the only case where WeasyPrint
writes these marked-content sequences.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from typing import Any

from .pinned import SUPPORTED_VERSION, Once, has_fingerprint

LOGGER = logging.getLogger(__name__)
MARKED_SOURCE_SHA256 = "3fa3acacbbf66422e7b0de4346b6eaf638657280a0f62c73172e3c445b888692"
OURS = "_briefexport_actual_text"

# Scripts whose glyph clusters hold several glyphs or reorder them: the Brahmic scripts of
# India and Sri Lanka (Devanagari to Sinhala), Thai and Lao (the font draws SARA AM as two glyphs
# in one cluster with the tone mark: "น้ำ" extracted as "นา", and later every SARA AA as "้ำ"),
# Tibetan, Myanmar, Khmer, Devanagari Extended.
# Combining marks of Latin, Greek and Cyrillic (diacritical marks, their extension and supplement,
# marks for symbols, half marks): a letter carrying several marks that the font positions as one
# cluster lost one of them ("q\u0323\u0307" extracted as "q\u0307 \u0323"; found by the
# generated-brief run).
# Not Arabic script: its Naskh glyphs map back one by one already, and poppler lays the text
# of an /ActualText span out left to right, so a right-to-left line would extract reversed.
COMPLEX_SCRIPTS = re.compile(
    "[\u0300-\u036f\u0900-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u1ab0-\u1aff"
    "\u1dc0-\u1dff\u20d0-\u20ff\ua8e0-\ua8ff\ufe20-\ufe2f]"
)


def needs_actual_text(text: str) -> bool:
    """Whether a text box's glyphs may not map back to its characters one by one."""
    return COMPLEX_SCRIPTS.search(text) is not None


def _install() -> bool:
    import weasyprint
    from weasyprint.pdf.stream import Stream

    original = Stream.marked
    if weasyprint.__version__ != SUPPORTED_VERSION or hasattr(original, OURS):
        return _not_installed(weasyprint.__version__)
    if not has_fingerprint(original, MARKED_SOURCE_SHA256):
        return _not_installed(weasyprint.__version__)
    setattr(marked, OURS, True)
    Stream.marked = marked
    return True


def _not_installed(version: str) -> bool:
    LOGGER.debug("PDF: unreviewed WeasyPrint %s: no /ActualText for complex scripts", version)
    return False


@contextlib.contextmanager
def marked(stream: Any, box: Any, tag: str) -> Iterator[None]:
    """WeasyPrint 70's ``Stream.marked``, with ``/ActualText`` on complex-script text boxes."""
    import pydyf  # type: ignore[import-untyped]
    from weasyprint.formatting_structure.boxes import TextBox

    tagged = stream._tags is not None
    if tagged:
        mcid = len(stream._tags)
        assert box not in stream._tags
        stream._tags[box] = {"tag": tag, "mcid": mcid}
        properties: dict[str, Any] = {"MCID": mcid}
        if isinstance(box, TextBox) and needs_actual_text(box.text):
            properties["ActualText"] = pydyf.String(box.text)
        stream.begin_marked_content(tag, pydyf.Dictionary(properties))
    try:
        yield
    finally:
        if tagged:
            stream.end_marked_content()


install = Once(_install)
