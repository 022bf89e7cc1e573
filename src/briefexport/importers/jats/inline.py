"""JATS inline content to the model's inlines, within what each place of a brief may hold.

Formatting the profile has (``bold``, ``italic``, ``underline``, ``sup``, ``sub``, ``sc``,
``monospace``) is kept; other formatting and semantic wrappers (``strike``, ``named-content``,
``abbrev``...) keep their text. Links become ``ext-link``s when they are http, https or mailto.
``xref ref-type="fn"`` and inline ``fn`` become footnote calls, ``xref ref-type="bibr"`` reference
calls (an author-date call keeps its text before the number); other cross-references keep their
text. Formulas are kept as their text. Each simplification is reported (see ``notices``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from ...inlines import canonical, mixed_content
from ...model import CitationRef, FootnoteRef, Inline, Link, Styled, Text, TextStyle
from ...shared.xmlnames import MATHML_NS, XLINK_HREF
from ..links import usable_href
from .context import Level, Scope, local_name, text_of

STYLES = {style.value: style for style in TextStyle}
CITATIONS = frozenset({"mixed-citation", "element-citation", "nlm-citation"})
DROPPED = frozenset(
    {"inline-graphic", "inline-media", "private-char", "target", "index-term", "fn-group",
     "supplementary-material", "inline-supplementary-material", "media"}
)  # fmt: skip
_NUMBERED_CALL = r"[\[(]?\s*\d+(?:\s*[-\u2013,]\s*\d+)*\s*[\])]?"


def inlines(element: etree._Element | None, scope: Scope) -> tuple[Inline, ...]:
    """The element's mixed content in normal form (nothing for an absent element)."""
    return () if element is None else canonical(children(element, scope))


def children(element: etree._Element, scope: Scope) -> list[Inline]:
    """The element's text and children, converted in order (not yet normalised)."""
    return mixed_content(element, lambda child: inline(child, scope))


def inline(element: etree._Element, scope: Scope) -> list[Inline]:
    """One inline element."""
    name = local_name(element)
    if name in STYLES:
        return _styled(element, STYLES[name], scope)
    handler = HANDLERS.get(name)
    if handler is not None:
        return handler(element, scope)
    if name in CITATIONS:
        return _citation(element, scope)
    if name in DROPPED:
        scope.ctx.notices.dropped(element)
        return []
    if name.startswith("mml:") or name in ("inline-formula", "disp-formula", "tex-math"):
        return formula(element, scope)
    scope.ctx.notices.repeated(element, f"<{name}> kept as its text")
    return children(element, scope.inner())


def _styled(element: etree._Element, style: TextStyle, scope: Scope) -> list[Inline]:
    content = children(element, scope.inner())
    calls_only = all(isinstance(i, FootnoteRef | CitationRef) for i in content)
    if content and calls_only and not "".join(element.itertext()).strip():
        return content  # <sup><xref ref-type="fn"/></sup>: writers print calls raised anyway
    return [Styled(style, tuple(content))]


def _link(element: etree._Element, scope: Scope) -> list[Inline]:
    target = element.get(XLINK_HREF) or text_of(element)
    href = usable_href(target)
    text = children(element, scope.inner(Level.PHRASE)) or [Text(target)]
    if scope.level < Level.LINKED:
        scope.ctx.notices.repeated(element, "link inside a title or citation part kept as text")
        return text
    if href is None:
        scope.ctx.notices.warning(
            element, f"link {target[:80]!r} is not http, https or mailto; text kept"
        )
        return text
    return [Link(href, tuple(text), scope.ctx.notices.position(element))]


def _email(element: etree._Element, scope: Scope) -> list[Inline]:
    address = text_of(element)
    if scope.level < Level.LINKED or usable_href(f"mailto:{address}") is None:
        return [Text(address)]
    where = scope.ctx.notices.position(element)
    return [Link(f"mailto:{address}", (Text(address),), where)]


def _xref(element: etree._Element, scope: Scope) -> list[Inline]:
    kind = element.get("ref-type", "")
    if kind == "fn":
        return _note_call(element, scope)
    if kind == "bibr":
        return _reference_call(element, scope)
    scope.ctx.notices.repeated(element, f"cross-reference to a {kind or 'target'} kept as its text")
    return children(element, scope.inner(Level.PHRASE))


def _note_call(element: etree._Element, scope: Scope) -> list[Inline]:
    notices = scope.ctx.notices
    if scope.level < Level.BODY:
        notices.repeated(
            element, "footnote call outside the body dropped (notes are called from the body)"
        )
        return []
    note = scope.ctx.notes.get(element.get("rid", "").split(" ")[0])
    if note is None:
        notices.warning(element, f"call to a missing footnote {element.get('rid')!r} dropped")
        return []
    return [FootnoteRef(note)]


def _reference_call(element: etree._Element, scope: Scope) -> list[Inline]:
    text = children(element, scope.inner(Level.PHRASE))
    if scope.level < Level.NOTE:
        scope.ctx.notices.repeated(element, "reference call in a title or caption kept as its text")
        return text
    references = [scope.ctx.references.get(rid) for rid in element.get("rid", "").split()]
    calls: list[Inline] = [CitationRef(ref) for ref in references if ref is not None]
    if not calls:
        scope.ctx.notices.warning(
            element, f"call to a missing reference {element.get('rid')!r} kept as text"
        )
        return text
    if re.fullmatch(_NUMBERED_CALL, text_of(element)) or not text_of(element):
        return calls
    scope.ctx.notices.repeated(
        element, "author-date reference call keeps its text, then its number"
    )
    return [*text, Text(" "), *calls]


def _inline_note(element: etree._Element, scope: Scope) -> list[Inline]:
    build = scope.ctx.build_note
    if scope.level < Level.BODY or build is None:
        scope.ctx.notices.dropped(element, "a footnote can only be called from the body")
        return []
    return [FootnoteRef(build(element))]


def _citation(element: etree._Element, scope: Scope) -> list[Inline]:
    build = scope.ctx.build_citation
    if scope.level < Level.NOTE or not scope.top or build is None:
        scope.ctx.notices.repeated(element, "citation outside a paragraph kept as its text")
        return children(element, scope.inner())
    return [build(element)]


def formula(element: etree._Element, scope: Scope) -> list[Inline]:
    """A formula as text: its MathML's text when it has some, else its TeX source."""
    maths = element.iter(f"{{{MATHML_NS}}}math")
    source = next(maths, None)
    if source is None:
        source = next(element.iter("tex-math"), element)
    scope.ctx.notices.repeated(
        element, "formula kept as plain text (MathML and TeX markup dropped)"
    )
    return [Text(" ".join("".join(source.itertext()).split()))]


def _alternatives(element: etree._Element, scope: Scope) -> list[Inline]:
    for child in element:
        if local_name(child) in ("inline-formula", "tex-math", "mml:math", "textual-form"):
            return formula(child, scope)
    scope.ctx.notices.dropped(element, "no textual alternative")
    return []


HANDLERS: dict[str, Callable[[etree._Element, Scope], list[Inline]]] = {
    "ext-link": _link,
    "uri": _link,
    "email": _email,
    "xref": _xref,
    "fn": _inline_note,
    "break": lambda element, scope: [Text(" ")],
    "alternatives": _alternatives,
}
