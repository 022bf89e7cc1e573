"""One Pango context per font map, direction and language, not one per Pango layout (WeasyPrint 70).

WeasyPrint 70 makes a ``PangoLayout`` for every piece of text it breaks into lines, measures or
draws (``Layout.setup`` in ``weasyprint/text/line_break.py``), a few thousand for a brief of a
dozen pages, and for each one a new ``PangoContext`` from the font configuration's font map, set
up through cffi: glyph positions not rounded, the base direction of the text's style and, when
the style has one, its language (``font-language-override`` first). About a third of each
setup goes to that context, the same one each time.

A context holds only those settings and its font map (the font map keeps track of its own
changes, such as fonts added by a later ``@font-face``, and a context asks it at each use). A
layout keeps a reference to the context it was made from and only reads it; WeasyPrint changes
a context only in ``setup``, before making the layout. So :func:`install` gives ``Layout`` a
``setup`` that takes its context from those already made for the same font configuration,
direction and language (kept per configuration, weakly: they go with it), and does the rest
exactly as WeasyPrint does: the same layout, font description, decoration metrics and font
features. A font configuration is used by one thread at a time (Pango's font map is not safe to
share between threads, :mod:`.stylesheet`), and so are its contexts. The PDFs are the same.

Installed for the whole process, like :mod:`.math_check`, and pinned like it: WeasyPrint 70.0
and the SHA-256 of ``Layout.setup`` as reviewed; otherwise nothing is replaced.
"""

from __future__ import annotations

import logging
import weakref
from typing import Any

from .pinned import Once, is_reviewed

LOGGER = logging.getLogger(__name__)
SETUP_SHA256 = "fb227a55094f41d42fbd57f180d8b7a9a1e741969ec8ddb3fd5cd80920257442"

ContextKey = tuple[str, bytes | None]  # the style's direction, the language asked for
Contexts = dict[ContextKey, tuple[Any, Any]]  # key: the context and its PangoLanguage
_CONTEXTS: weakref.WeakKeyDictionary[Any, Contexts] = weakref.WeakKeyDictionary()


def _language_asked(style: Any) -> bytes | None:
    """The language WeasyPrint sets on a layout's context, as UTF-8, or None for Pango's
    default (``font-language-override`` first, through WeasyPrint's table, then ``lang``)."""
    from weasyprint.text.constants import LST_TO_ISO

    override = style["font_language_override"]
    if override != "normal":
        code: str = LST_TO_ISO.get(override.lower(), override)
    elif style["lang"]:
        code = style["lang"]
    else:
        return None
    return code.encode() or None


def _new_context(style: Any, language: bytes | None) -> tuple[Any, Any]:
    """A context made and set up as WeasyPrint 70's ``Layout.setup`` makes one."""
    from weasyprint.text.constants import PANGO_DIRECTION
    from weasyprint.text.ffi import ffi, gobject, pango

    context = ffi.gc(
        pango.pango_font_map_create_context(style.font_config.font_map), gobject.g_object_unref
    )
    pango.pango_context_set_round_glyph_positions(context, False)
    pango.pango_context_set_base_dir(context, PANGO_DIRECTION[style["direction"]])
    if language is None:
        return context, pango.pango_language_get_default()
    pango_language = pango.pango_language_from_string(ffi.new("char[]", language))
    pango.pango_context_set_language(context, pango_language)
    return context, pango_language


def shared_context(style: Any) -> tuple[Any, Any]:
    """The context for a layout of ``style`` and its language, made once per font
    configuration, direction and language."""
    contexts = _CONTEXTS.get(style.font_config)
    if contexts is None:
        contexts = _CONTEXTS[style.font_config] = {}
    language = _language_asked(style)
    key = (style["direction"], language)
    found = contexts.get(key)
    if found is None:
        found = contexts[key] = _new_context(style, language)
    return found


def _decoration_metrics(layout: Any, style: Any, context: Any, description: Any) -> None:
    """The ascent and the lines' positions and thicknesses, for decorated text only."""
    from weasyprint.text.ffi import FROM_UNITS, ffi, pango

    if style["text_decoration_line"] == "none":
        layout.ascent = layout.underline_position = layout.strikethrough_position = None
        return
    metrics = ffi.gc(
        pango.pango_context_get_metrics(context, description, layout.language),
        pango.pango_font_metrics_unref,
    )
    layout.ascent = FROM_UNITS * pango.pango_font_metrics_get_ascent(metrics)
    layout.underline_position = FROM_UNITS * pango.pango_font_metrics_get_underline_position(
        metrics
    )
    layout.strikethrough_position = FROM_UNITS * (
        pango.pango_font_metrics_get_strikethrough_position(metrics)
    )
    layout.underline_thickness = FROM_UNITS * pango.pango_font_metrics_get_underline_thickness(
        metrics
    )
    layout.strikethrough_thickness = FROM_UNITS * (
        pango.pango_font_metrics_get_strikethrough_thickness(metrics)
    )


def _font_features(layout: Any, style: Any) -> None:
    """The style's OpenType features as the layout's attributes, as WeasyPrint sets them."""
    from weasyprint.text.ffi import pango
    from weasyprint.text.fonts import font_features

    features = font_features(
        style["font_kerning"],
        style["font_variant_ligatures"],
        style["font_variant_position"],
        style["font_variant_caps"],
        style["font_variant_numeric"],
        style["font_variant_alternates"],
        style["font_variant_east_asian"],
        style["font_feature_settings"],
    )
    if features:
        setting = ",".join(f"{key} {value}" for key, value in features.items()).encode()
        attribute = style.font_config.font_features.setdefault(
            setting, pango.pango_attr_font_features_new(setting)
        )
        attributes = pango.pango_attr_list_new()
        pango.pango_attr_list_insert(attributes, attribute)
        pango.pango_layout_set_attributes(layout.layout, attributes)


def setup(layout: Any, style: Any) -> None:
    """WeasyPrint 70's ``Layout.setup``, the context taken from :func:`shared_context`."""
    from weasyprint.text import line_break
    from weasyprint.text.ffi import ffi, gobject, pango

    layout.style = style
    layout.first_line_direction = 0
    context, layout.language = shared_context(style)
    assert not isinstance(style["font_family"], str), "font_family should be a list"
    description = line_break.get_font_description(style)  # as wrapped by .style_memory
    layout.layout = ffi.gc(pango.pango_layout_new(context), gobject.g_object_unref)
    pango.pango_layout_set_auto_dir(layout.layout, False)
    pango.pango_layout_set_font_description(layout.layout, description)
    _decoration_metrics(layout, style, context, description)
    _font_features(layout, style)


def _install() -> bool:
    import weasyprint
    from weasyprint.text import line_break

    original = line_break.Layout.setup
    if not is_reviewed(original, SETUP_SHA256, weasyprint.__version__):
        LOGGER.debug("PDF: unreviewed WeasyPrint %s: a context per layout", weasyprint.__version__)
        return False
    setup.__wrapped__ = original  # type: ignore[attr-defined]
    line_break.Layout.setup = setup
    return True


install = Once(_install)
