"""Work out a style's line strut and Pango font description once, not per text box (WeasyPrint 70).

WeasyPrint 70 asks two questions of a computed style for every piece of text it lays out or
draws, and answers each from scratch:

* ``strut`` (``weasyprint/text/line_break.py``, called from ``layout/inline.py`` for every line
  and text box): the used ``line-height`` and baseline. It keeps its own cache, but its key is
  the ``str()`` of fourteen font properties, built again at each call;
* ``get_font_description`` (``weasyprint/text/fonts.py``, called by ``Layout.setup`` in
  ``text/line_break.py`` for every Pango layout made, when breaking lines and again when
  drawing): a new ``PangoFontDescription`` set property by property through cffi.

Both answers depend only on the style's values, which do not change once computed (WeasyPrint
changes a style in place only right after copying it, before laying anything out with the copy).
While :func:`remembering_styles` is entered in the current thread (other WeasyPrint users in the
process are untouched), each answer is kept per style object, and the style is kept alive with
it so that its identity cannot pass to another style meanwhile. Pango copies a font description
when a layout takes it and only reads it otherwise, so one description serves many layouts.
The PDFs are the same.

Pinned like :mod:`.notes_stay`: WeasyPrint 70.0 and the SHA-256 of both functions' source as
reviewed; with another version nothing is wrapped.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Callable
from typing import Any

from .pinned import Once, active_within, is_reviewed

LOGGER = logging.getLogger(__name__)
STRUT_SHA256 = "b57885b70dd08efe92f72a746709e08c576f47b90edb36f02925fefa15bb761a"
DESCRIPTION_SHA256 = "85734b8947b9bf64ef27ff11d8f5355db76a2ae8efc9a6fed925dc9e2a1056ce"

Answers = dict[int, tuple[Any, Any]]  # id of a style: the style, its answer
_MEMORY: contextvars.ContextVar[dict[str, Answers] | None] = contextvars.ContextVar(
    "style_answers", default=None
)


def _remembering(original: Callable[[Any], Any], question: str) -> Callable[[Any], Any]:
    def remembered(style: Any) -> Any:
        memory = _MEMORY.get()
        if memory is None:
            return original(style)
        answers = memory[question]
        found = answers.get(id(style))
        if found is None:
            found = answers[id(style)] = style, original(style)
        return found[1]

    remembered.__name__ = original.__name__
    remembered.__wrapped__ = original  # type: ignore[attr-defined]
    return remembered


def _install() -> bool:
    import weasyprint
    from weasyprint.layout import inline
    from weasyprint.text import fonts, line_break

    version = weasyprint.__version__
    strut, description = line_break.strut, fonts.get_font_description
    if not (
        is_reviewed(strut, STRUT_SHA256, version)
        and is_reviewed(description, DESCRIPTION_SHA256, version)
        and inline.strut is strut
        and line_break.get_font_description is description
    ):
        LOGGER.debug("PDF: unreviewed WeasyPrint %s: styles are asked again each time", version)
        return False
    inline.strut = _remembering(strut, "strut")
    line_break.get_font_description = _remembering(description, "description")
    return True


def remembering_styles() -> contextlib.AbstractContextManager[bool]:
    """Within the block, this thread's layouts and drawings work out each style's strut and
    font description once; yields whether they can (a reviewed WeasyPrint)."""
    return active_within(install, _MEMORY, lambda: {"strut": {}, "description": {}})


install = Once(_install)
