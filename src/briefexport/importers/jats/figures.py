"""JATS figures (``fig``, a ``graphic`` standing alone) to the brief's figures.

The image is read relative to the article's folder, with the reader's rules (inside the folder,
PNG, JPEG, GIF or WebP, sound); a path without extension (as eLife writes them) is tried with the
usual ones. A remote image is reported and never fetched. Alt text is taken from ``alt-text`` in
``graphic`` or in ``fig``; without one, the caption (or label) serves, with a warning. A figure
whose image cannot be used keeps its label and caption as a paragraph.
"""

from __future__ import annotations

import re

from lxml import etree

from ...errors import UnsafeResourceError
from ...inlines import canonical, plain_text
from ...model import Block, Figure, Image, Inline, Paragraph, Text
from ...resources import IMAGE_TYPES, check_relative_href, read_image
from ...rules.links import trimmed_href
from ...shared.xmlnames import XLINK_HREF
from ..captions import label_prefix
from .context import Builder, Level, Scope, local_name, text_of
from .inline import inlines

_REMOTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
LEFT_OUT = ("long-desc", "attrib", "permissions", "media", "supplementary-material")


def caption_inlines(element: etree._Element | None, scope: Scope) -> tuple[Inline, ...]:
    """A ``caption``'s title and paragraphs as one caption (joined when there are several)."""
    if element is None:
        return ()
    linked = scope.inner(Level.LINKED)
    parts = [inlines(part, linked) for part in element if local_name(part) in ("title", "p")]
    parts = [part for part in parts if part]
    if len(parts) > 1:
        scope.ctx.notices.repeated(element, "caption title and paragraphs joined into one caption")
    joined: list[Inline] = []
    for part in parts:
        joined += [Text(" "), *part] if joined else list(part)
    return canonical(joined)


def figure_blocks(builder: Builder, element: etree._Element, depth: int) -> list[Block]:
    """A ``fig`` (or a lone ``graphic``) as a figure, or as a paragraph when its image fails."""
    notices = builder.ctx.notices
    is_fig = local_name(element) in ("fig", "table-wrap")  # a table-wrap holding an image
    graphics = list(element.iter("graphic")) if is_fig else [element]
    label = text_of(element.find("label")) or None if is_fig else None
    caption = caption_inlines(element.find("caption"), builder.scope) if is_fig else ()
    for extra in graphics[1:]:
        notices.warning(extra, "only the first image of a figure is kept")
    for child in element.iterfind("*"):
        if local_name(child) in LEFT_OUT:
            notices.dropped(child)
    image = _image(builder, element, graphics[0], caption, label) if graphics else None
    if image is None:
        if not graphics:
            notices.warning(element, "figure without an image; its caption is kept as a paragraph")
        text = canonical((Text(label_prefix(label, caption)), *caption))
        return [Paragraph(text)] if text else []
    ident = builder.ctx.ids.keep(element.get("id"), "fig")
    return [Figure(ident, label, caption, image, notices.position(element))]


def _image(
    builder: Builder,
    fig: etree._Element,
    graphic: etree._Element,
    caption: tuple[Inline, ...],
    label: str | None,
) -> Image | None:
    notices = builder.ctx.notices
    href = trimmed_href(graphic.get(XLINK_HREF) or "")
    if _REMOTE.match(href):
        notices.warning(graphic, f"remote image {href!r} is not fetched; caption kept as text")
        return None
    try:
        href, data, media_type = _read(builder, href)
    except UnsafeResourceError as problem:
        notices.warning(graphic, f"{problem}; the figure's label and caption are kept as text")
        return None
    alt = text_of(graphic.find("alt-text")) or text_of(fig.find("alt-text"))
    if not alt:
        alt = plain_text(caption) or label or "Figure"
        notices.warning(graphic, "figure has no alt-text; its caption serves as alt text")
    return Image(href, alt, media_type, data)


def _read(builder: Builder, href: str) -> tuple[str, bytes, str]:
    """The image at ``href`` (trying the usual extensions when it has none)."""
    base = builder.ctx.base_dir
    candidates = [href]
    if "." not in href.rsplit("/", 1)[-1]:
        candidates += [href + suffix for suffix in IMAGE_TYPES]
    found = next((c for c in candidates if (base / c).is_file()), None)
    if found is None and not check_relative_href(href):
        raise UnsafeResourceError(f"image file {href!r} not found in the article's folder")
    data, media_type = read_image(base, found or href)
    return found or href, data, media_type
