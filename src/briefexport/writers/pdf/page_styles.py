"""Pages matched by the same ``@page`` rules share their computed styles (WeasyPrint 70).

WeasyPrint 70 gives every page a page type of its own (its side, whether it is blank or the
first, its name, its index and page groups: ``PageType`` in ``weasyprint/layout/page.py``),
matches the sheets' ``@page`` rules against it and computes new styles for the page, its
margin boxes and its footnote area (``set_page_type_computed_styles``), each property on first
use: for every page the same few hundred values again, a few per cent of a brief's run.

A computed style depends only on its cascaded declarations, on the style it inherits from (the
root element's, for a page; the page's, for its margin boxes) and on what every style of the
document shares (the base URL, the font configuration, the first page's size for viewport
units). While :func:`sharing_page_styles` is entered in the current thread (other WeasyPrint
users in the process are untouched), the rules are matched as WeasyPrint matches them, and a
page whose page and pseudo-elements got the very same declarations (the same parsed values, by
identity, with the same weights, in the same order) as an earlier page takes that page's
computed styles instead of computing its own. The first page never shares: its styles are
computed before the first page's size is known, the later pages' after. WeasyPrint writes two
things into a page's style while it makes the page, the same for every page: the root's
``overflow``, and the ``page`` counter's increment made explicit, which a second page sharing
the style finds already done (``_standardize_page_based_counters``). The PDFs are the same.

Pinned like :mod:`.notes_stay`: WeasyPrint 70.0 and the SHA-256 of
``set_page_type_computed_styles`` and ``StyleFor.add_page_declarations`` as reviewed;
otherwise nothing is wrapped.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Callable, Hashable
from typing import Any

from .pinned import Once, active_within, all_reviewed

LOGGER = logging.getLogger(__name__)
REVIEWED_SHA256 = {
    "set_page_type_computed_styles": (
        "4e68b396b35c4a0640453f413be69acdc81a82b37e0f806fd00999c937a126bb"
    ),
    "add_page_declarations": "78e388ade2325011754b44f2aedbff51b93a0789adb53fb70efb57fc46244f18",
}

# by the declarations of a page and its pseudo-elements: the earliest page type that had them,
# and its cascaded declarations, kept so that the declared values' identities stay theirs
Earlier = tuple[Any, list[Any]]
_EARLIER: contextvars.ContextVar[dict[Hashable, Earlier] | None] = contextvars.ContextVar(
    "page_styles", default=None
)


def _weight(weight: tuple[Any, Any, Any]) -> tuple[Any, Any, tuple[int, ...]]:
    """A declaration's weight (precedence, layer, specificity, a list for ``@page`` rules) as
    a key."""
    precedence, layer, specificity = weight
    return precedence, layer, tuple(specificity)


def _declarations(style_for: Any, page_type: Any) -> tuple[list[Any], Hashable]:
    """The pseudo-element types with declarations for ``page_type`` (None: the page), and a
    key naming every declaration of the page and of them, in order."""
    pseudo_types, key = [], []
    for (element, pseudo_type), declarations in style_for.get_cascaded_styles().items():
        if element == page_type:
            pseudo_types.append(pseudo_type)
            named = [
                (name, id(value), *_weight(weight))
                for name, (value, weight) in declarations.items()
            ]
            key.append((pseudo_type, tuple(named)))
    return pseudo_types, tuple(key)


def _compute(page_type: Any, html: Any, style_for: Any, pseudo_types: list[Any]) -> None:
    """WeasyPrint's computed styles of a page, then of its pseudo-elements."""
    root = html.etree_element
    style_for.set_computed_styles(page_type, root=root, parent=root, base_url=html.base_url)
    for pseudo_type in pseudo_types:
        if pseudo_type:
            style_for.set_computed_styles(
                page_type, pseudo_type=pseudo_type, root=root, parent=page_type,
                base_url=html.base_url,
            )  # fmt: skip


def _sharing(original: Callable[..., None]) -> Callable[..., None]:
    def set_page_type_computed_styles(page_type: Any, html: Any, style_for: Any) -> None:
        earlier = _EARLIER.get()
        if earlier is None or page_type.index == 0:
            original(page_type, html, style_for)
            return
        style_for.add_page_declarations(page_type)
        pseudo_types, key = _declarations(style_for, page_type)
        found = earlier.get(key)
        if found is None:
            _compute(page_type, html, style_for, pseudo_types)
            values = [style_for.get_cascaded_styles()[page_type, kind] for kind in pseudo_types]
            earlier[key] = (page_type, values)
            return
        computed = style_for.get_computed_styles()
        for pseudo_type in {None, *pseudo_types}:
            computed[page_type, pseudo_type] = computed[found[0], pseudo_type]

    set_page_type_computed_styles.__wrapped__ = original  # type: ignore[attr-defined]
    return set_page_type_computed_styles


def _install() -> bool:
    import weasyprint
    from weasyprint.css import StyleFor
    from weasyprint.layout import page

    version = weasyprint.__version__
    functions = {
        "set_page_type_computed_styles": page.set_page_type_computed_styles,
        "add_page_declarations": StyleFor.add_page_declarations,
    }
    if not all_reviewed(functions, REVIEWED_SHA256, version):
        LOGGER.debug("PDF: unreviewed WeasyPrint %s: styles computed for each page", version)
        return False
    page.set_page_type_computed_styles = _sharing(page.set_page_type_computed_styles)
    return True


def sharing_page_styles() -> contextlib.AbstractContextManager[bool]:
    """Within the block, this thread's pages share computed styles when the same ``@page``
    rules give them the same declarations; yields whether they can (a reviewed WeasyPrint)."""
    return active_within(install, _EARLIER, dict)


install = Once(_install)
