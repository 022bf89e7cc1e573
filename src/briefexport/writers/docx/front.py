"""The brief's first page and its back matter, in our own named paragraph styles.

Order as on a think-tank brief: series, title, subtitle, "By" block, "Edited by" block, long
date, disclaimer, abstract and keywords; at the end the reference list, copyright and licence.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Contributor, Inline, Link, Permissions, Text
from ...shared import i18n
from ...shared.front import affiliation_text, copyright_line, licence_line
from . import stylemap as sm
from .blocks import paragraph_to_docx, styled_paragraph
from .context import Context
from .inlines import inlines_to_docx, reference_bookmark
from .xml import Element, RunFormat, text_run


def text_paragraph(ctx: Context, style_name: str, text: str) -> Element:
    """A paragraph holding plain text."""
    node = styled_paragraph(ctx, style_name)
    node.append(text_run(text, RunFormat(rtl=ctx.rtl).for_text(text).properties()))
    return node


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
    nodes.append(inline_paragraph(ctx, sm.TITLE, meta.title))
    if meta.subtitle:
        nodes.append(inline_paragraph(ctx, sm.SUBTITLE, meta.subtitle))
    nodes += people_to_docx(ctx, label(ctx, "by"), sm.AUTHOR, meta.authors)
    nodes += people_to_docx(ctx, label(ctx, "edited_by"), sm.EDITOR, meta.editors)
    nodes.append(text_paragraph(ctx, sm.PUBLICATION_DATE, i18n.long_date(meta.date, ctx.language)))
    if meta.disclaimer:
        nodes.append(inline_paragraph(ctx, sm.DISCLAIMER, meta.disclaimer))
    if meta.abstract:
        nodes.append(text_paragraph(ctx, sm.ABSTRACT_TITLE, label(ctx, "abstract")))
        nodes += [paragraph_to_docx(ctx, para, sm.ABSTRACT) for para in meta.abstract]
    if meta.keywords:
        keywords = f"{label(ctx, 'keywords')}: {', '.join(meta.keywords)}"
        nodes.append(text_paragraph(ctx, sm.KEYWORDS, keywords))
    return nodes


def people_to_docx(
    ctx: Context, heading: str, name_style: str, people: Sequence[Contributor]
) -> list[Element]:
    """The "By" or "Edited by" label, then name, role and affiliations of each person."""
    if not people:
        return []
    nodes = [text_paragraph(ctx, sm.BYLINE, heading)]
    for person in people:
        nodes.append(text_paragraph(ctx, name_style, person.name.display))
        if person.role:
            nodes.append(text_paragraph(ctx, sm.AUTHOR_ROLE, person.role))
        nodes += [
            text_paragraph(ctx, sm.AFFILIATION, affiliation_text(aff))
            for aff in person.affiliations
        ]
    return nodes


def back_to_docx(ctx: Context) -> list[Element]:
    """The reference list, then the copyright and licence lines."""
    nodes: list[Element] = []
    if ctx.brief.references:
        nodes.append(text_paragraph(ctx, sm.HEADINGS[0], label(ctx, "references")))
    for reference in ctx.brief.references:
        node = styled_paragraph(ctx, sm.REFERENCE_ENTRY)
        start, end = ctx.notes.bookmark(reference_bookmark(reference.number))
        fmt = RunFormat(rtl=ctx.rtl)
        node.extend([start, text_run(f"[{reference.number}]", fmt.properties()), end])
        node.append(text_run(" ", fmt.properties()))
        node.extend(inlines_to_docx(ctx, (reference.citation,), fmt))
        nodes.append(node)
    if ctx.brief.meta.permissions is not None:
        nodes += rights_to_docx(ctx, ctx.brief.meta.permissions)
    return nodes


def rights_to_docx(ctx: Context, rights: Permissions) -> list[Element]:
    """The copyright line, then the licence linked to its text when it has one."""
    statement = copyright_line(rights)
    nodes = [text_paragraph(ctx, sm.RIGHTS, statement)] if statement else []
    licence: tuple[Inline, ...] = (Text(licence_line(rights) or ""),)
    if rights.license_url:
        licence = (Link(rights.license_url, licence),)
    if rights.license_text or rights.license_url:
        nodes.append(inline_paragraph(ctx, sm.RIGHTS, licence))
    return nodes
