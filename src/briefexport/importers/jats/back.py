"""The back matter of a JATS article: footnotes, the reference list, and back sections.

Every ``ref`` of the article (in ``ref-list``s of ``back`` or of sections) becomes an entry of
the reference list, numbered in document order; its ``mixed-citation`` is kept as printed, an
``element-citation`` printed in one plain shape (:mod:`.citations`). Footnotes are the ``fn`` of
``back`` (``fn-group`` or elsewhere in it) and ``fn`` written inline in paragraphs. Back sections
a brief has no place for in its back matter (``ack``, ``app-group``/``app``, ``sec``, ``notes``,
``glossary``) move to the end of the body as sections, reported; the rest is dropped, reported.
"""

from __future__ import annotations

from lxml import etree

from ...inlines import canonical
from ...model import Block, Citation, Footnote, Paragraph, PublicationType, Reference, Text
from ...rules.citations import citation_from_text
from .blocks import BlockBuilder
from .citations import citation
from .context import JatsContext, Level, Scope, local_name, text_of
from .inline import inlines
from .structure import section_blocks

CITATION_TAGS = ("mixed-citation", "element-citation", "nlm-citation", "citation")
MOVED = {"ack": "Acknowledgements", "app": "Appendix", "sec": "", "notes": "Notes",
         "glossary": "Glossary", "bio": "About the authors"}  # fmt: skip


def references(root: etree._Element, ctx: JatsContext) -> dict[str, Reference]:
    """Every ``ref`` outside sub-articles, by source id, numbered in document order."""
    found: dict[str, Reference] = {}
    for ref in root.iter("ref"):
        if _in_sub_article(ref):
            continue
        ident = ctx.ids.keep(ref.get("id"), "ref")
        found[ref.get("id") or ident] = Reference(ident, len(found) + 1, _citation(ref, ctx))
    return found


def _citation(ref: etree._Element, ctx: JatsContext) -> Citation:
    candidates = [c for tag in CITATION_TAGS for c in ref.iter(tag)]
    mixed = [c for c in candidates if local_name(c) == "mixed-citation"]
    chosen = (mixed or candidates)[0] if candidates else None
    if len(candidates) > 1:
        ctx.notices.repeated(ref, "references with several citations keep one")
    if chosen is None:
        ctx.notices.warning(ref, "reference without a citation element kept as its text")
        return Citation(PublicationType.OTHER, canonical([Text(text_of(ref))]))
    return citation(chosen, Scope(ctx, Level.NOTE))


def back_notes(root: etree._Element, ctx: JatsContext) -> dict[str, Footnote]:
    """The footnotes of ``back`` and of ``fn-group``s, by source id (numbered later)."""
    builder = BlockBuilder(ctx, Level.NOTE)
    notes: dict[str, Footnote] = {}
    for element in root.iter("fn"):
        if not _is_listed_note(element):
            continue
        ident = ctx.ids.keep(element.get("id"), "fn")
        paragraphs = builder.flat_paragraphs(element, "a footnote")
        if not paragraphs:
            ctx.notices.warning(element, "empty footnote dropped")
            continue
        where = ctx.notices.position(element)
        notes[element.get("id") or ident] = Footnote(ident, 0, _cited(paragraphs), where)
    return notes


def _cited(paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """A note that reads as a web citation gets a structured citation, as in Markdown."""
    found = citation_from_text(paragraphs[0].children) if len(paragraphs) == 1 else None
    return (Paragraph((found,)),) if found else paragraphs


def _is_listed_note(element: etree._Element) -> bool:
    """A note of ``back`` or of an ``fn-group`` (not an author note, table note or inline note)."""
    ancestors = [local_name(a) for a in element.iterancestors()]
    if {"sub-article", "response", "author-notes", "table-wrap-foot", "p"} & set(ancestors):
        return False
    return "back" in ancestors or (bool(ancestors) and ancestors[0] == "fn-group")


def inline_note(element: etree._Element, ctx: JatsContext) -> Footnote:
    """A footnote written where it is called (``<p>...<fn><p>...</p></fn></p>``)."""
    paragraphs = BlockBuilder(ctx, Level.NOTE).flat_paragraphs(element, "a footnote")
    if element.find("p") is None:  # a note of bare text
        content = inlines(element, Scope(ctx, Level.NOTE))
        paragraphs = (Paragraph(content),) if content else paragraphs
    if not paragraphs:
        ctx.notices.warning(element, "empty footnote kept as an empty note")
        paragraphs = (Paragraph(()),)
    ident = ctx.ids.keep(element.get("id"), "fn")
    return Footnote(ident, 0, paragraphs, ctx.notices.position(element))


def back_sections(root: etree._Element, ctx: JatsContext) -> list[Block]:
    """The back's sections, acknowledgements and appendices, as sections for the body's end."""
    back = root.find("back")
    if back is None:
        return []
    builder = BlockBuilder(ctx, Level.BODY)
    out: list[Block] = []
    for child in back.iter():
        name = local_name(child)
        parent = child.getparent()
        if name not in MOVED or parent is None or _moved_ancestor(parent, back):
            continue
        ctx.notices.warning(child, f"<{name}> moved to the end of the body as a section")
        out += section_blocks(builder, child, 1, MOVED[name])
    for child in back:
        if local_name(child) not in (*MOVED, *KEPT_IN_BACK):
            ctx.notices.dropped(child)
    return out


KEPT_IN_BACK = ("fn-group", "ref-list", "app-group", "label", "title", "")


def _moved_ancestor(element: etree._Element, back: etree._Element) -> bool:
    """True when an ancestor below ``back`` is itself moved (its content goes with it)."""
    current: etree._Element | None = element
    while current is not None and current is not back:
        if local_name(current) in MOVED:
            return True
        current = current.getparent()
    return False


def _in_sub_article(element: etree._Element) -> bool:
    return any(local_name(a) in ("sub-article", "response") for a in element.iterancestors())
