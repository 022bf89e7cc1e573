"""Which brand settings (``styles/brand.toml``) each Word style of the reference document takes.

Read by :mod:`.reference`, which writes ``styles/reference.docx``. Sizes and colours name fields
of the brand's ``[sizes]`` and ``[colors]`` tables (a test resolves every one), fonts a role.
Spacing, alignment, rules and shading follow the print stylesheet (``styles/pdf.css``), so the
Word copy and the PDF look alike: the numbers below are the ones that stylesheet uses (lengths
in points, or in ems of the brand's body size where the stylesheet counts in ems).
"""

from __future__ import annotations

from ...model.record import Record, record
from ...shared.brand import FontRole
from . import stylemap as sm


@record
class Rule(Record):
    """A line beside or below a paragraph: a brand colour, its width in points and the gap
    between it and the text (``space``) in ems of the body size."""

    color: str
    width: float
    space: float


@record
class Box(Record):
    """A paragraph set off from the text: a ``rule`` on the side where lines start, an optional
    shading (``fill``, a brand colour) with the rule's gap as padding on every side, and a
    ``margin`` (ems of the body size) between the page margins and the box on both sides."""

    rule: Rule
    fill: str | None = None
    margin: float = 0


@record
class StyleSpec(Record):
    """One style: its kind, parent and the brand keys it takes its look from.

    ``leading`` is the line height as a multiple of the style's own size (the brand's
    ``line_height`` when None), for the styles that set a size of their own; the others take
    Normal's (body size times ``line_height``).
    """

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
    caps: bool = False
    tracking: float = 0  # letter spacing in ems
    space_before: float | None = None
    space_after: float | None = None
    leading: float | None = None
    keep_next: bool = False
    align: str | None = None  # w:jc: "center", "both" (justified) or "end"
    hyphenate: bool = False  # Word's automatic hyphenation, off in Normal, on for running text
    hanging: float | None = None  # hanging indent in points (the note number hangs in it)
    box: Box | None = None
    rule_below: Rule | None = None
    word_name: str | None = None  # Word's internal name of a built-in style, when it differs


HEADING_SIZES = ("heading_1", "heading_2", "heading_3")
HEADING_SPACE = ((16, 6), (12, 4), (10, 3))  # before and after, as main h2, h3, h4
ABSTRACT_BOX = Box(Rule("accent", 2, 0.9), fill="table_header_fill")
QUOTE_BOX = Box(Rule("rule", 1.5, 0.8), margin=1.2)

SPECS: tuple[StyleSpec, ...] = (
    StyleSpec(sm.TITLE, font="heading", size="title", color="accent", bold=True, space_after=6,
              leading=1.2),
    StyleSpec(sm.SUBTITLE, font="heading", size="subtitle", color="muted", space_after=8,
              leading=1.3),
    *(
        StyleSpec(name, font="heading", size=size, color="accent", bold=True, italic=level == 3,
                  space_before=space[0], space_after=space[1], leading=1.25, keep_next=True,
                  word_name=name.lower())
        for level, name, size, space in zip((1, 2, 3), sm.HEADINGS, HEADING_SIZES,
                                            HEADING_SPACE, strict=True)
    ),
    StyleSpec(sm.BODY_TEXT, space_after=7, align="both", hyphenate=True),
    # The front matter's last paragraph has no space after: the lead keeps the PDF's 14 pt.
    StyleSpec(sm.LEAD, base=sm.BODY_TEXT, bold=True, space_before=14, space_after=10),
    # Word's list styles add no space between items (w:contextualSpacing): this is after a list.
    StyleSpec(sm.LIST_BULLET, space_after=7, align="both", hyphenate=True),
    StyleSpec(sm.LIST_NUMBER, space_after=7, align="both", hyphenate=True),
    StyleSpec(sm.LIST_CONTINUE, space_after=7, align="both", hyphenate=True),
    StyleSpec(sm.QUOTE, italic=True, space_before=0, space_after=4, align="both",
              hyphenate=True, box=QUOTE_BOX),
    StyleSpec(sm.ATTRIBUTION, size="caption", color="muted", space_after=10, align="end"),
    StyleSpec(sm.CAPTION, font="heading", size="caption", color="muted", space_before=5,
              space_after=10, leading=1.3, keep_next=True, word_name="caption"),
    StyleSpec(sm.CAPTION_LABEL, kind="character", base=None, color="accent", bold=True),
    StyleSpec(sm.FIGURE, align="center", keep_next=True, space_before=4, space_after=0),
    StyleSpec(sm.TABLE_TEXT, size="caption", space_after=0, leading=1.3),
    StyleSpec(sm.TABLE_HEADING, base=sm.TABLE_TEXT, bold=True),
    StyleSpec(sm.FOOTNOTE_TEXT, size="footnote", space_after=1.5, leading=1.3, hanging=12,
              word_name="footnote text"),
    StyleSpec(sm.FOOTNOTE_REFERENCE, kind="character", base=None, superscript=True,
              color="accent", word_name="footnote reference"),
    StyleSpec(sm.HYPERLINK, kind="character", base=None, color="link", underline=True,
              word_name=sm.HYPERLINK),
    StyleSpec(sm.CITATION_TITLE, kind="character", base=None),
    StyleSpec(sm.CITATION_SOURCE, kind="character", base=None, italic=True),
    StyleSpec(sm.VERBATIM, kind="character", base=None, font="monospace"),
    StyleSpec(sm.SERIES, font="heading", size="series", color="accent", bold=True, caps=True,
              tracking=0.06, space_after=14, rule_below=Rule("accent", 1.5, 0.5)),
    StyleSpec(sm.BYLINE, size="caption", color="muted", space_before=12, space_after=2,
              keep_next=True),
    StyleSpec(sm.AUTHOR, bold=True, space_before=6, space_after=0, keep_next=True),
    StyleSpec(sm.AUTHOR_ROLE, italic=True, color="muted", space_after=0, keep_next=True),
    StyleSpec(sm.AFFILIATION, italic=True, color="muted", space_after=0, keep_next=True),
    StyleSpec(sm.EDITOR, bold=True, space_before=6, space_after=0),
    StyleSpec(sm.PUBLICATION_DATE, bold=True, space_before=12, space_after=4),
    StyleSpec(sm.DISCLAIMER, size="caption", italic=True, color="muted", space_before=10,
              space_after=0),
    StyleSpec(sm.ABSTRACT_TITLE, font="heading", size="heading_1", color="accent", bold=True,
              space_before=10, space_after=4, leading=1.25, keep_next=True, box=ABSTRACT_BOX),
    StyleSpec(sm.ABSTRACT, base=sm.BODY_TEXT, space_after=4, box=ABSTRACT_BOX),
    StyleSpec(sm.KEYWORDS, size="caption", color="muted", space_before=14, space_after=0),
    StyleSpec(sm.KEYWORDS_LABEL, kind="character", base=None, font="heading", color="accent",
              bold=True),
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
