"""Which brand settings (``styles/brand.toml``) each Word style of the reference document takes.

Read by :mod:`.reference`, which writes ``styles/reference.docx``. Sizes and colours name fields
of the brand's ``[sizes]`` and ``[colors]`` tables (a test resolves every one), fonts a role.
"""

from __future__ import annotations

from ...model.record import Record, record
from ...shared.brand import FontRole
from . import stylemap as sm


@record
class StyleSpec(Record):
    """One style: its kind, parent and the brand keys it takes its look from."""

    name: str
    kind: str = "paragraph"  # or "character"
    base: str | None = "Normal"
    font: FontRole | None = None
    size: str | None = None
    color: str | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False
    superscript: bool = False
    space_before: float | None = None
    space_after: float | None = None
    keep_next: bool = False
    center: bool = False
    hanging: float | None = None  # hanging indent in points (the note number hangs in it)
    word_name: str | None = None  # Word's internal name of a built-in style, when it differs


HEADING_SIZES = ("heading_1", "heading_2", "heading_3")

SPECS: tuple[StyleSpec, ...] = (
    StyleSpec(sm.TITLE, font="heading", size="title", color="accent", bold=True, space_after=6),
    StyleSpec(sm.SUBTITLE, font="heading", size="subtitle", color="muted", space_after=12),
    *(
        StyleSpec(name, font="heading", size=size, color="accent", bold=True, space_before=14,
                  space_after=4, keep_next=True, word_name=name.lower())
        for name, size in zip(sm.HEADINGS, HEADING_SIZES, strict=True)
    ),
    StyleSpec(sm.BODY_TEXT, space_after=6),
    StyleSpec(sm.LEAD, base=sm.BODY_TEXT, bold=True),
    StyleSpec(sm.LIST_BULLET, space_after=3),
    StyleSpec(sm.LIST_NUMBER, space_after=3),
    StyleSpec(sm.LIST_CONTINUE, space_after=3),
    StyleSpec(sm.QUOTE, italic=True, color="muted", space_after=6),
    StyleSpec(sm.ATTRIBUTION, base=sm.QUOTE, italic=False, space_after=10),
    StyleSpec(sm.CAPTION, size="caption", color="muted", italic=True, space_after=8,
              keep_next=True, word_name="caption"),
    StyleSpec(sm.FIGURE, center=True, keep_next=True, space_after=2),
    StyleSpec(sm.TABLE_TEXT, size="caption", space_after=0),
    StyleSpec(sm.TABLE_HEADING, base=sm.TABLE_TEXT, bold=True),
    StyleSpec(sm.FOOTNOTE_TEXT, size="footnote", space_after=2, hanging=12,
              word_name="footnote text"),
    StyleSpec(sm.FOOTNOTE_REFERENCE, kind="character", base=None, superscript=True,
              word_name="footnote reference"),
    StyleSpec(sm.HYPERLINK, kind="character", base=None, color="link", underline=True,
              word_name=sm.HYPERLINK),
    StyleSpec(sm.CITATION_TITLE, kind="character", base=None),
    StyleSpec(sm.CITATION_SOURCE, kind="character", base=None, italic=True),
    StyleSpec(sm.VERBATIM, kind="character", base=None, font="monospace"),
    StyleSpec(sm.SERIES, font="heading", size="series", color="accent", bold=True, space_after=8),
    StyleSpec(sm.BYLINE, color="muted", space_before=8, space_after=0, keep_next=True),
    StyleSpec(sm.AUTHOR, bold=True, space_after=0, keep_next=True),
    StyleSpec(sm.AUTHOR_ROLE, italic=True, color="muted", space_after=0, keep_next=True),
    StyleSpec(sm.AFFILIATION, italic=True, color="muted", space_after=0, keep_next=True),
    StyleSpec(sm.EDITOR, bold=True, space_after=0),
    StyleSpec(sm.PUBLICATION_DATE, color="muted", space_before=8, space_after=4),
    StyleSpec(sm.DISCLAIMER, size="caption", italic=True, color="muted", space_before=6,
              space_after=12),
    StyleSpec(sm.ABSTRACT_TITLE, font="heading", color="accent", bold=True, keep_next=True),
    StyleSpec(sm.ABSTRACT, base=sm.BODY_TEXT, italic=True),
    StyleSpec(sm.KEYWORDS, size="caption", color="muted", space_after=12),
    StyleSpec(sm.REFERENCE_ENTRY, size="caption", space_after=4),
    StyleSpec(sm.CONTACT, size="caption", color="muted", space_after=0, keep_next=True),
    StyleSpec(sm.IDENTITY, size="caption", color="muted", space_after=0),
    StyleSpec(sm.CITATION_LABEL, font="heading", size="caption", color="accent", bold=True,
              space_before=12, space_after=2, keep_next=True),
    StyleSpec(sm.SUGGESTED_CITATION, size="caption", space_after=4, keep_next=True),
    StyleSpec(sm.RIGHTS, size="caption", color="muted", space_before=8),
    StyleSpec(sm.RUNNING_HEAD, font="heading", size="running_header", color="muted",
              space_after=0),
)  # fmt: skip
