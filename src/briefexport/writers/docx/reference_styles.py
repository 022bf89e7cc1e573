"""Which brand settings (``styles/brand.toml``) and which values of the print stylesheet
(``styles/pdf.css``) each Word style of the reference document takes.

Read by :mod:`.reference`, which writes ``styles/reference.docx``. Sizes and colours name fields
of the brand's ``[sizes]`` and ``[colors]`` tables (a test resolves every one), fonts a role.
Spacing, leading, indents, alignment, hyphenation, rules, shading and the link's underline
name the print stylesheet's rule and property they copy (:class:`.Css`), so the Word copy and
the PDF look alike and change together. The few spaces the stylesheet has no value for are the
Word copy's own and name a key of the brand's ``[word]`` table (:class:`Own`), so no number is
written here.

Word spaces two paragraphs by the larger of the first one's space after and the second one's
space before (ECMA-376 Part 1, 17.3.1.33; the settings of ours do not ask for the additive
spacing of Word before 2000, ``w:doNotUseHTMLParagraphAutoSpacing``), as CSS collapses adjoining
margins: a style takes its element's margins as they are. What Word cannot express, and how
the styles come close:

* CSS spaces blocks by their containers (the block quote, the figure, the colophon), Word only by
  paragraphs: the first and last paragraph of a container take its margins, and every
  paragraph of a style has the same. The Quote style has the quotation's margins; between two
  paragraphs of one quotation the writer sets Body Text's space after and no space before
  (direct spacing), where Word would leave the larger margin (10 pt) and the PDF leaves a
  paragraph's (7 pt). The colophon's first
  paragraph is the citation label in the house style, which takes the colophon's margin, its top
  rule (a paragraph border, the padding as its gap) and keeps the colophon's paragraph margin; a
  colophon that starts otherwise (with the identity lines or the rights) gets the label style's
  rule and space before from the writer, which then spaces the identity lines and the label as
  the colophon's other paragraphs.
* Word has no space around a table: the table's space below is kept as a document variable, and
  the writer gives the paragraph after a table that space before (:mod:`.spacing`).
* The caption below a figure (Figure Caption) and the one above a table (Table Caption) have
  styles of their own, based on Word's Caption, as the stylesheet spaces them differently:
  the figure's caption ends the figure (its margin after), the table's starts the table (the
  table's margin before, the caption's after). Word's Caption itself, which Insert Caption
  applies above or below, has a space after of the Word copy's own (``[word] caption_after``).
* The reference list is numbered as the PDF's list ("1.", a tab), typed rather than by Word
  numbering, which would renumber the entries but not the typed calls in the text ("[1]"): its
  entries are set at the body size with the list's indent, the number hanging in it, and the
  list's space after the last (``w:contextualSpacing``: none between entries).
* A link is coloured, not underlined, as in the PDF (Word's Hyperlink style, without the
  underline Word gives it).
"""

from __future__ import annotations

from typing import TypedDict

from ...model.record import Record, record
from ...shared.brand import FontRole
from ...shared.print_sheet import Css, Sum
from . import stylemap as sm


@record
class Own(Record):
    """A space of the Word copy's own, in points: the key of the brand's ``[word]`` table."""

    key: str


Length = Css | Sum | Own


@record
class Rule(Record):
    """A paragraph's rule above (``side`` "top") or below ("bottom"): the ``border-{side}`` of
    the print stylesheet's rule ``selector``, its ``padding-{side}`` between rule and text."""

    selector: str
    side: str


@record
class Box(Record):
    """A paragraph set off from the text as the print stylesheet sets off the block of rule
    ``selector``: its ``border-inline-start`` (width and brand colour) on the side where lines
    start, its ``padding`` between the rule and the text, its inline ``margin`` on both sides, and,
    when ``filled``, its ``background`` as shading with the padding on every side."""

    selector: str
    filled: bool = False


@record
class StyleSpec(Record):
    """One style: its kind, parent, the brand keys and the print stylesheet's values it takes its
    look from. Lengths counted in ems in the stylesheet are ems of the style's own size.

    ``scale`` is for a character style the print sets in ems of the text around it (code):
    Word's sizes are absolute, so the style has that many times the body size, and the writer
    sizes its runs in other text alike (:mod:`.code_size`).
    ``leading`` is the line height as a multiple of the style's own size (the brand's
    ``line_height`` when None), for the styles that set a size of their own; the others take
    Normal's (body size times ``line_height``).
    ``align`` and ``hyphenate`` name the print rule whose ``text-align`` and ``hyphens`` the
    style copies (justified or ragged, hyphenated or not), so a paragraph of the Word copy sets
    its lines as the PDF does; a plain ``w:jc`` value is the Word copy's own (the figure's
    centring, which the PDF gets from its image's auto margins).
    """

    name: str
    kind: str = "paragraph"  # or "character"
    base: str | None = "Normal"
    font: FontRole | None = None
    size: str | None = None
    scale: Css | None = None  # a print font-size in ems: that many times the body size
    color: str | None = None
    bold: bool = False
    italic: bool = False
    underline: bool | Css = False  # a text-decoration: "underline" underlines
    superscript: bool = False
    caps: bool = False
    tracking: float | Css = 0  # letter spacing in ems
    space_before: Length | None = None
    space_after: Length | None = None
    leading: float | Css | None = None
    keep_next: bool = False
    align: Css | str | None = None  # the print rule's text-align, or w:jc ("center")
    hyphenate: bool | Css = False  # Word's automatic hyphenation: as the rule's hyphens say
    hanging: Length | None = None  # hanging indent (the note number hangs in it)
    contextual: bool = False  # no space between paragraphs of this style (w:contextualSpacing)
    box: Box | None = None
    rule: Rule | None = None  # a print rule's border on one side, its padding there the gap
    word_name: str | None = None  # Word's internal name of a built-in style, when it differs


def above(selector: str) -> Css:
    """The top margin of a print rule."""
    return Css(selector, "margin-top")


def below(selector: str) -> Css:
    """The bottom margin of a print rule."""
    return Css(selector, "margin-bottom")


def leading(selector: str) -> Css:
    """The line height of a print rule, a multiple of its font size."""
    return Css(selector, "line-height")


class Lines(TypedDict):
    """How a style sets its lines: the print rule's ``text-align`` and ``hyphens``."""

    align: Css
    hyphenate: Css


def set_like(selector: str) -> Lines:
    """Alignment and hyphenation as the print rule ``selector`` sets its lines."""
    return Lines(align=Css(selector, "text-align"), hyphenate=Css(selector, "hyphens"))


HEADING_SIZES = ("heading_1", "heading_2", "heading_3")
HEADING_RULES = ("h2", "h3", "h4")  # the brief's title is h1; main h2 is a first-level heading
LINES = below("header.front p")  # no space between the front matter's lines
COLOPHON = leading("footer.back")
RUNNING_TEXT = set_like("main p")
LIST_TEXT = set_like("main li")
ABSTRACT_BOX = Box("section.abstract", filled=True)
QUOTE_BOX = Box("blockquote")

SPECS: tuple[StyleSpec, ...] = (
    StyleSpec(sm.TITLE, font="heading", size="title", color="accent", bold=True,
              space_after=below("h1.title"), leading=leading("h1.title")),
    StyleSpec(sm.SUBTITLE, font="heading", size="subtitle", color="muted",
              space_after=below("p.subtitle"), leading=leading("p.subtitle")),
    *(
        StyleSpec(name, font="heading", size=size, color="accent", bold=True, italic=level == 3,
                  space_before=above(f"main {rule}"), space_after=below(f"main {rule}"),
                  leading=leading(rule), keep_next=True, word_name=name.lower())
        for level, name, size, rule in zip((1, 2, 3), sm.HEADINGS, HEADING_SIZES,
                                           HEADING_RULES, strict=True)
    ),
    StyleSpec(sm.BODY_TEXT, space_after=below("main p"), **RUNNING_TEXT),
    # The front matter's last paragraph has no space after: the lead keeps the PDF's gap.
    StyleSpec(sm.LEAD, base=sm.BODY_TEXT, bold=True, space_before=below("header.front"),
              space_after=below("p.lead")),
    # Word's list styles add no space between items (w:contextualSpacing): this is after a list.
    StyleSpec(sm.LIST_BULLET, space_after=below("ul"), **LIST_TEXT),
    StyleSpec(sm.LIST_NUMBER, space_after=below("ol"), **LIST_TEXT),
    StyleSpec(sm.LIST_CONTINUE, space_after=below("ul"), **LIST_TEXT),
    # The quote's paragraphs make one box in Word, each with the quote's margins (the writer
    # spaces the paragraphs inside a quotation as running text).
    StyleSpec(sm.QUOTE, italic=True, space_before=above("blockquote"),
              space_after=below("blockquote"), box=QUOTE_BOX, **RUNNING_TEXT),
    StyleSpec(sm.ATTRIBUTION, size="caption", color="muted", space_before=above("main p"),
              space_after=below("main p"), align=Css("blockquote .attribution", "text-align")),
    # Word's Caption, for a caption an editor adds (Insert Caption puts it above or below):
    # the print sheet's look and a space after of the Word copy's own. The writer's captions
    # take the figure's or the table's spacing in a style based on it.
    StyleSpec(sm.CAPTION, font="heading", size="caption", color="muted",
              space_before=above("figcaption"), space_after=Own("caption_after"),
              leading=leading("figcaption"), word_name="caption"),
    StyleSpec(sm.FIGURE_CAPTION, base=sm.CAPTION, space_before=above("figcaption"),
              space_after=below("figure")),
    # Above its table, kept with it (break-after: avoid).
    StyleSpec(sm.TABLE_CAPTION, base=sm.CAPTION, space_before=above("table"),
              space_after=below("table caption"), keep_next=True),
    StyleSpec(sm.CAPTION_LABEL, kind="character", base=None, color="accent", bold=True),
    StyleSpec(sm.FIGURE, align="center", keep_next=True,
              space_before=above("figure"), space_after=below("figure img")),
    StyleSpec(sm.TABLE_TEXT, size="caption", space_after=Own("table_text_after"),
              leading=leading("table")),
    StyleSpec(sm.TABLE_HEADING, base=sm.TABLE_TEXT, bold=True),
    StyleSpec(sm.FOOTNOTE_TEXT, size="footnote", space_after=below("span.footnote"),
              leading=leading("span.footnote"),
              hanging=Css("span.footnote", "padding-inline-start"), word_name="footnote text"),
    StyleSpec(sm.FOOTNOTE_REFERENCE, kind="character", base=None, superscript=True,
              color="accent", word_name="footnote reference"),
    # The number at the head of the note: bold, in the accent, on the line (footnote-marker).
    StyleSpec(sm.FOOTNOTE_NUMBER, kind="character", base=None, color="accent", bold=True),
    StyleSpec(sm.HYPERLINK, kind="character", base=None, color="link",
              underline=Css("a", "text-decoration"), word_name=sm.HYPERLINK),
    StyleSpec(sm.CITATION_TITLE, kind="character", base=None),
    StyleSpec(sm.CITATION_SOURCE, kind="character", base=None, italic=True),
    StyleSpec(sm.VERBATIM, kind="character", base=None, font="monospace",
              scale=Css("code", "font-size")),
    StyleSpec(sm.SERIES, font="heading", size="series", color="accent", bold=True, caps=True,
              tracking=Css("p.series", "letter-spacing"), space_after=below("p.series"),
              rule=Rule("p.series", "bottom")),
    StyleSpec(sm.BYLINE, size="caption", color="muted", space_before=above("div.byline"),
              space_after=below("p.byline-label"), keep_next=True),
    # The print sheet's space after each contributor is the Word copy's space before each (the
    # writer leaves it off the first, which the label's space after parts from the label).
    StyleSpec(sm.AUTHOR, bold=True, space_before=below("div.contributor"), space_after=LINES,
              keep_next=True),
    StyleSpec(sm.AUTHOR_ROLE, italic=True, color="muted", space_after=LINES, keep_next=True),
    StyleSpec(sm.AFFILIATION, italic=True, color="muted", space_after=LINES, keep_next=True),
    StyleSpec(sm.EDITOR, bold=True, space_before=below("div.contributor"), space_after=LINES),
    # The identity lines follow the date.
    StyleSpec(sm.PUBLICATION_DATE, bold=True, space_before=above("p.date"),
              space_after=above("div.identity")),
    StyleSpec(sm.DISCLAIMER, size="caption", italic=True, color="muted",
              space_before=above("p.disclaimer"), space_after=LINES),
    StyleSpec(sm.ABSTRACT_TITLE, font="heading", size="heading_1", color="accent", bold=True,
              space_before=above("section.abstract"),
              space_after=below("section.abstract h2"), leading=leading("h2"),
              keep_next=True, box=ABSTRACT_BOX),
    StyleSpec(sm.ABSTRACT, base=sm.BODY_TEXT, space_after=above("section.abstract p + p"),
              box=ABSTRACT_BOX),
    StyleSpec(sm.KEYWORDS, size="caption", color="muted", space_before=below("section.abstract"),
              space_after=below("p.keywords")),
    StyleSpec(sm.KEYWORDS_LABEL, kind="character", base=None, font="heading", color="accent",
              bold=True),
    # The reference list is a list in the PDF's text: body size, the list's space after it and
    # its indent, in which the number hangs.
    StyleSpec(sm.REFERENCE_ENTRY, space_after=below("ol"), contextual=True,
              hanging=Css("ol", "padding-inline-start"), **LIST_TEXT),
    StyleSpec(sm.CONTACT, size="caption", color="muted", space_after=LINES, keep_next=True),
    StyleSpec(sm.IDENTITY, size="caption", color="muted", space_after=LINES),
    # The colophon's margin, rule and padding above its first paragraph, the citation label;
    # the colophon's paragraph margin wins over the label's own (footer.back p is more specific).
    StyleSpec(sm.CITATION_LABEL, font="heading", size="caption", color="accent", bold=True,
              space_before=above("footer.back"), rule=Rule("footer.back", "top"),
              space_after=below("footer.back p"), leading=COLOPHON, keep_next=True),
    StyleSpec(sm.SUGGESTED_CITATION, size="caption", space_after=below("footer.back p"),
              leading=COLOPHON, keep_next=True),
    StyleSpec(sm.RIGHTS, size="caption", color="muted", space_before=above("footer.back p"),
              leading=COLOPHON),
    StyleSpec(sm.RUNNING_HEAD, font="heading", size="running_header", color="muted",
              space_after=Own("running_head_after")),
)  # fmt: skip
