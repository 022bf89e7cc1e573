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
share between threads, :mod:`.stylesheet`), and so are its contexts.

What a style gives every layout of it (the context, the language, the font description, the
font features) depends only on the style's values, which do not change once computed
(:mod:`.style_memory`). While :func:`remembering_setups` is entered in the current thread (the
PDF writer enters it to lay out and draw a brief), it is worked out once per style object, the
style kept alive with it so that its identity cannot pass to another style meanwhile.
The PDFs are the same.

Installed for the whole process, like :mod:`.math_check`, and pinned like it: WeasyPrint 70.0
and the SHA-256 of ``Layout.setup`` as reviewed; otherwise nothing is replaced.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import logging
import weakref
from collections.abc import Callable
from typing import Any

from .pinned import Once, active_within, is_reviewed

LOGGER = logging.getLogger(__name__)
SETUP_SHA256 = "fb227a55094f41d42fbd57f180d8b7a9a1e741969ec8ddb3fd5cd80920257442"

ContextKey = tuple[str, bytes | None]  # the style's direction, the language asked for
Contexts = dict[ContextKey, tuple[Any, Any]]  # key: the context and its PangoLanguage
_CONTEXTS: weakref.WeakKeyDictionary[Any, Contexts] = weakref.WeakKeyDictionary()


class _Lib:
    """WeasyPrint's cffi handles and constants, looked up once."""

    def __init__(self) -> None:
        from weasyprint.text import ffi, fonts, line_break
        from weasyprint.text.constants import LST_TO_ISO, PANGO_DIRECTION

        self.ffi, self.gobject, self.pango = ffi.ffi, ffi.gobject, ffi.pango
        self.from_units, self.font_features = ffi.FROM_UNITS, fonts.font_features
        self.line_break, self.lst_to_iso, self.directions = line_break, LST_TO_ISO, PANGO_DIRECTION


@functools.cache
def _lib() -> _Lib:
    return _Lib()


class StyleSetup:
    """What every layout of one style is set up with."""

    __slots__ = ("context", "decorated", "description", "features", "language", "style")

    def __init__(self, style: Any, lib: _Lib) -> None:
        self.style = style  # kept alive: no other style can take its id meanwhile
        self.context, self.language = shared_context(style)
        self.description = lib.line_break.get_font_description(style)  # as .style_memory has it
        self.decorated = style["text_decoration_line"] != "none"
        self.features = _font_features(style, lib)


_MEMORY: contextvars.ContextVar[dict[int, StyleSetup] | None] = contextvars.ContextVar(
    "style_setups", default=None
)


def _language_asked(style: Any, lib: _Lib) -> bytes | None:
    """The language WeasyPrint sets on a layout's context, as UTF-8, or None for Pango's
    default (``font-language-override`` first, through WeasyPrint's table, then ``lang``)."""
    override = style["font_language_override"]
    if override != "normal":
        code: str = lib.lst_to_iso.get(override.lower(), override)
    elif style["lang"]:
        code = style["lang"]
    else:
        return None
    return code.encode() or None


def _new_context(style: Any, language: bytes | None, lib: _Lib) -> tuple[Any, Any]:
    """A context made and set up as WeasyPrint 70's ``Layout.setup`` makes one."""
    pango = lib.pango
    context = lib.ffi.gc(
        pango.pango_font_map_create_context(style.font_config.font_map), lib.gobject.g_object_unref
    )
    pango.pango_context_set_round_glyph_positions(context, False)
    pango.pango_context_set_base_dir(context, lib.directions[style["direction"]])
    if language is None:
        return context, pango.pango_language_get_default()
    pango_language = pango.pango_language_from_string(lib.ffi.new("char[]", language))
    pango.pango_context_set_language(context, pango_language)
    return context, pango_language


def shared_context(style: Any) -> tuple[Any, Any]:
    """The context for a layout of ``style`` and its language, made once per font
    configuration, direction and language."""
    lib = _lib()
    contexts = _CONTEXTS.get(style.font_config)
    if contexts is None:
        contexts = _CONTEXTS[style.font_config] = {}
    language = _language_asked(style, lib)
    key = (style["direction"], language)
    found = contexts.get(key)
    if found is None:
        found = contexts[key] = _new_context(style, language, lib)
    return found


def _font_features(style: Any, lib: _Lib) -> Any:
    """The Pango attribute of the style's OpenType features, as WeasyPrint keeps it in the
    font configuration, or None for no features."""
    features = lib.font_features(
        style["font_kerning"],
        style["font_variant_ligatures"],
        style["font_variant_position"],
        style["font_variant_caps"],
        style["font_variant_numeric"],
        style["font_variant_alternates"],
        style["font_variant_east_asian"],
        style["font_feature_settings"],
    )
    if not features:
        return None
    setting = ",".join(f"{key} {value}" for key, value in features.items()).encode()
    cache = style.font_config.font_features
    if setting not in cache:
        cache[setting] = lib.pango.pango_attr_font_features_new(setting)
    return cache[setting]


def _decoration_metrics(layout: Any, setup: StyleSetup, lib: _Lib) -> None:
    """The ascent and the lines' positions and thicknesses of decorated text."""
    pango = lib.pango
    metrics = lib.ffi.gc(
        pango.pango_context_get_metrics(setup.context, setup.description, layout.language),
        pango.pango_font_metrics_unref,
    )
    units = lib.from_units
    layout.ascent = units * pango.pango_font_metrics_get_ascent(metrics)
    layout.underline_position = units * pango.pango_font_metrics_get_underline_position(metrics)
    layout.strikethrough_position = units * (
        pango.pango_font_metrics_get_strikethrough_position(metrics)
    )
    layout.underline_thickness = units * pango.pango_font_metrics_get_underline_thickness(metrics)
    layout.strikethrough_thickness = units * (
        pango.pango_font_metrics_get_strikethrough_thickness(metrics)
    )


def _style_setup(style: Any, lib: _Lib) -> StyleSetup:
    memory = _MEMORY.get()
    if memory is None:
        return StyleSetup(style, lib)
    found = memory.get(id(style))
    if found is None:
        found = memory[id(style)] = StyleSetup(style, lib)
    return found


def _setting_up(lib: _Lib) -> Callable[[Any, Any], None]:
    gc, pango, unref = lib.ffi.gc, lib.pango, lib.gobject.g_object_unref
    new_layout, auto_dir = pango.pango_layout_new, pango.pango_layout_set_auto_dir
    describe = pango.pango_layout_set_font_description

    def setup(layout: Any, style: Any) -> None:
        """WeasyPrint 70's ``Layout.setup``, the context shared, the style's part remembered."""
        found = _style_setup(style, lib)
        layout.style, layout.first_line_direction, layout.language = style, 0, found.language
        layout.layout = pango_layout = gc(new_layout(found.context), unref)
        auto_dir(pango_layout, False)
        describe(pango_layout, found.description)
        if found.decorated:
            _decoration_metrics(layout, found, lib)
        else:
            layout.ascent = layout.underline_position = layout.strikethrough_position = None
        if found.features is not None:
            attributes = pango.pango_attr_list_new()
            pango.pango_attr_list_insert(attributes, found.features)
            pango.pango_layout_set_attributes(pango_layout, attributes)

    return setup


def _install() -> bool:
    import weasyprint
    from weasyprint.text import line_break

    original = line_break.Layout.setup
    if not is_reviewed(original, SETUP_SHA256, weasyprint.__version__):
        LOGGER.debug("PDF: unreviewed WeasyPrint %s: a context per layout", weasyprint.__version__)
        return False
    setup = _setting_up(_lib())
    setup.__wrapped__ = original  # type: ignore[attr-defined]
    line_break.Layout.setup = setup
    return True


def remembering_setups() -> contextlib.AbstractContextManager[bool]:
    """Within the block, this thread's layouts work out what a style gives them once per
    style; yields whether they can (a reviewed WeasyPrint)."""
    return active_within(install, _MEMORY, dict)


install = Once(_install)
