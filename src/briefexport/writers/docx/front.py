"""The brief's first page and its back matter, in our own named paragraph styles.

Order as on a think-tank brief: series, title, subtitle, "By" block (name, role, affiliations,
ORCID iD, e-mail), "Edited by" block, long date, identity lines, disclaimer, abstract and
keywords; at the end the reference list and the colophon (identity lines or the suggested
citation where the brand's ``[front]`` places them, then copyright and licence, only the
licence's name linked). The colophon's paragraphs keep with the next, so no line of it is left
alone on a last page.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import replace
from typing import cast

from docx.oxml.ns import qn

from ...model import Contributor, Inline, Link, Permissions, Text
from ...shared import i18n
from ...shared.brand import Placement
from ...shared.citation import citation_inlines
from ...shared.front import (
    affiliation_text,
    copyright_line,
    identity_lines,
    orcid_url,
    sentence,
    shown_role,
)
from ...shared.licence import licence_inlines
from . import stylemap as sm
from .blocks import paragraph_to_docx, styled_paragraph
from .context import Context
from .inlines import inlines_to_docx, reference_bookmark
from .spacing import AFTER_SPACING, IDENTITY_SPACE_VAR, set_spacing, style_spacing, var_twips
from .xml import Element, RunFormat, text_run, w, whole_compounds

# CT_PPr children after w:pBdr (ECMA-376 Part 1, 17.3.1.26).
AFTER_BORDERS = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:bidi", "w:spacing", *AFTER_SPACING)


def text_paragraph(ctx: Context, style_name: str, text: str) -> Element:
    """A paragraph holding plain text (runs in the other direction isolated)."""
    return inline_paragraph(ctx, style_name, (Text(text),))


def inline_paragraph(ctx: Context, style_name: str, inlines: Sequence[Inline]) -> Element:
    """A paragraph holding inline content."""
    node = styled_paragraph(ctx, style_name)
    node.extend(inlines_to_docx(ctx, inlines, RunFormat(rtl=ctx.rtl)))
    return node


def label(ctx: Context, key: str) -> str:
    """A word printed around the brief's text, in the brief's language."""
    return i18n.label(ctx.language, key, ctx.style_dir)


def front_to_docx(ctx: Context) -> list[Element]:
    """Everything above the lead paragraph."""
    meta = ctx.brief.meta
    nodes = [text_paragraph(ctx, sm.SERIES, meta.series_label)]
    nodes.append(whole_compounds(inline_paragraph(ctx, sm.TITLE, meta.title)))
    if meta.subtitle:
        nodes.append(whole_compounds(inline_paragraph(ctx, sm.SUBTITLE, meta.subtitle)))
    nodes += people_to_docx(ctx, label(ctx, "by"), sm.AUTHOR, meta.authors)
    nodes += people_to_docx(ctx, label(ctx, "edited_by"), sm.EDITOR, meta.editors)
    nodes.append(text_paragraph(ctx, sm.PUBLICATION_DATE, i18n.long_date(meta.date, ctx.language)))
    nodes += identity_to_docx(ctx, Placement.TITLE_PAGE)
    if meta.disclaimer:
        nodes.append(inline_paragraph(ctx, sm.DISCLAIMER, meta.disclaimer))
    nodes += citation_to_docx(ctx, Placement.TITLE_PAGE)
    if meta.abstract:
        nodes.append(text_paragraph(ctx, sm.ABSTRACT_TITLE, label(ctx, "abstract")))
        nodes += [paragraph_to_docx(ctx, para, sm.ABSTRACT) for para in meta.abstract]
    if meta.keywords:
        nodes.append(keywords_to_docx(ctx, meta.keywords))
    return nodes


def keywords_to_docx(ctx: Context, keywords: Sequence[str]) -> Element:
    """ "Keywords:" in the Keywords Label style, then the keywords."""
    node = styled_paragraph(ctx, sm.KEYWORDS)
    fmt = RunFormat(rtl=ctx.rtl)
    heading = replace(fmt, style_id=ctx.style(sm.KEYWORDS_LABEL))
    node.extend(inlines_to_docx(ctx, (Text(f"{label(ctx, 'keywords')}:"),), heading))
    node.extend(inlines_to_docx(ctx, (Text(f" {', '.join(keywords)}"),), fmt))
    return node


def people_to_docx(
    ctx: Context, heading: str, name_style: str, people: Sequence[Contributor]
) -> list[Element]:
    """The "By" or "Edited by" label, then name, role and affiliations of each person.

    The name style's space before is the print's space after each contributor; the first name
    has none of its own (direct spacing), so that the label's space after parts the two, as in
    the print."""
    if not people:
        return []
    nodes = [text_paragraph(ctx, sm.BYLINE, heading)]
    for person in people:
        nodes.append(text_paragraph(ctx, name_style, person.name.display))
        if len(nodes) == 2:
            set_spacing(nodes[-1], before="0")
        role = shown_role(person, heading)
        if role:
            nodes.append(text_paragraph(ctx, sm.AUTHOR_ROLE, role))
        nodes += [
            text_paragraph(ctx, sm.AFFILIATION, affiliation_text(aff, ctx.language))
            for aff in person.affiliations
        ]
        nodes += contact_to_docx(ctx, person)
    return nodes


def contact_to_docx(ctx: Context, person: Contributor) -> list[Element]:
    """The person's ORCID iD and e-mail address as links, when the brand shows them."""
    front = ctx.brand.front
    links: list[tuple[str, str]] = []
    if front.orcid and person.orcid:
        links.append((orcid_url(person.orcid), orcid_url(person.orcid)))
    if front.email and person.email:
        links.append((f"mailto:{person.email}", person.email))
    return [inline_paragraph(ctx, sm.CONTACT, (Link(href, (Text(text),)),)) for href, text in links]


def identity_to_docx(ctx: Context, where: Placement) -> list[Element]:
    """Publisher, series and report number, DOI, when the brand places them ``where``."""
    if ctx.brand.front.identifiers is not where:
        return []
    return [
        inline_paragraph(ctx, sm.IDENTITY, inlines) for _, inlines in identity_lines(ctx.brief.meta)
    ]


def citation_to_docx(ctx: Context, where: Placement) -> list[Element]:
    """The suggested citation under its label, when the brand places it ``where``."""
    if ctx.brand.front.citation is not where:
        return []
    return [
        text_paragraph(ctx, sm.CITATION_LABEL, label(ctx, "suggested_citation")),
        inline_paragraph(ctx, sm.SUGGESTED_CITATION, citation_inlines(ctx.brief.meta)),
    ]


def back_to_docx(ctx: Context) -> list[Element]:
    """The reference list, then the copyright and licence lines.

    Each entry starts with its number as the PDF's list shows it ("1.") and a tab to the
    Reference Entry style's hanging indent, typed rather than a Word list: the calls in the
    text ("[1]") are typed links to the number's bookmark, which a list renumbering the entries
    would leave behind."""
    nodes: list[Element] = []
    if ctx.brief.references:
        nodes.append(text_paragraph(ctx, sm.HEADINGS[0], label(ctx, "references")))
    for reference in ctx.brief.references:
        node = styled_paragraph(ctx, sm.REFERENCE_ENTRY)
        start, end = ctx.notes.bookmark(reference_bookmark(reference.number))
        fmt = RunFormat(rtl=ctx.rtl)
        node.extend([start, text_run(f"{reference.number}.", fmt.properties()), end])
        node.append(tab_run(fmt))
        node.extend(inlines_to_docx(ctx, (reference.citation,), fmt))
        nodes.append(node)
    colophon = identity_to_docx(ctx, Placement.COLOPHON) + citation_to_docx(ctx, Placement.COLOPHON)
    if ctx.brief.meta.permissions is not None:
        colophon += rights_to_docx(ctx, ctx.brief.meta.permissions)
    if colophon:
        open_colophon(ctx, colophon)
    for node in colophon[:-1]:  # the colophon stays on one page
        keep_with_next(node)
    return nodes + colophon


def open_colophon(ctx: Context, colophon: list[Element]) -> None:
    """The colophon's rule and space above its first paragraph: the Citation Label style has
    them; another first paragraph (an identity line, the rights) gets the style's as direct
    formatting, as the PDF draws the rule above whatever the colophon starts with, and the
    paragraphs below it are spaced as the colophon's (:func:`space_colophon`)."""
    label_id = ctx.style(sm.CITATION_LABEL)
    properties = colophon[0].find(qn("w:pPr"))
    if properties is None or properties.xpath("string(w:pStyle/@w:val)") == label_id:
        return
    style = ctx.document.styles.element.get_by_id(label_id)
    borders = style.xpath("w:pPr/w:pBdr") if style is not None else []
    if borders:
        properties.insert_element_before(copy.deepcopy(borders[0]), *AFTER_BORDERS)
    set_spacing(colophon[0], before=style_spacing(ctx, label_id, "before"))
    space_colophon(ctx, colophon)


def space_colophon(ctx: Context, colophon: list[Element]) -> None:
    """A colophon that starts with the identity lines: each of them is followed by the
    colophon's paragraph space (the label style's space after), and the citation label below
    them has the colophon's paragraph space before (the Rights style's) and no rule of its own,
    as the PDF sets all of them as paragraphs of one block."""
    label_id, identity_id = ctx.style(sm.CITATION_LABEL), ctx.style(sm.IDENTITY)
    if colophon[0].xpath("string(w:pPr/w:pStyle/@w:val)") == identity_id:
        widen_rule_gap(ctx, colophon[0])
    for node in colophon:
        style_id = node.xpath("string(w:pPr/w:pStyle/@w:val)")
        if style_id == identity_id:
            set_spacing(node, after=style_spacing(ctx, label_id, "after"))
        elif style_id == label_id:
            set_spacing(node, before=style_spacing(ctx, ctx.style(sm.RIGHTS), "before"))
            no_top_rule(node)


def widen_rule_gap(ctx: Context, node: Element) -> None:
    """The gap between the colophon's rule and its first identity line: the colophon's padding
    and the identity block's own space above (its margin, inside the padding in the PDF, so the
    two add up); a border's ``w:space`` is in whole points (17.18.68)."""
    extra = round(var_twips(ctx, IDENTITY_SPACE_VAR) / 20)
    for top in node.xpath("w:pPr/w:pBdr/w:top"):
        top.set(qn("w:space"), str(int(top.get(qn("w:space"), "0")) + extra))


def no_top_rule(node: Element) -> None:
    """No rule above a paragraph whose style draws one (``w:top`` of value ``nil``)."""
    properties = cast(Element, node.find(qn("w:pPr")))
    borders = properties.insert_element_before(w("pBdr"), *AFTER_BORDERS)
    borders.append(w("top", val="nil"))


def tab_run(fmt: RunFormat) -> Element:
    """A run holding a tab: after a reference's number, to the entry's hanging indent."""
    run = w("r")
    properties = fmt.properties()
    if len(properties):
        run.append(properties)
    run.append(w("tab"))
    return run


def keep_with_next(node: Element) -> None:
    """Set ``w:keepNext`` on a paragraph (after its style, before its direction)."""
    properties = node.find(qn("w:pPr"))
    if properties is None:
        properties = w("pPr")
        node.insert(0, properties)
    style = properties.find(qn("w:pStyle"))
    properties.insert(1 if style is not None else 0, w("keepNext"))


def rights_to_docx(ctx: Context, rights: Permissions) -> list[Element]:
    """One paragraph: the copyright sentence, then the licence sentence with its name linked."""
    statement = copyright_line(rights)
    inlines: list[Inline] = [Text(sentence(statement, ctx.language))] if statement else []
    licence = licence_inlines(rights)
    if inlines and licence:
        inlines.append(Text(" "))
    inlines += licence
    return [inline_paragraph(ctx, sm.RIGHTS, inlines)] if inlines else []
