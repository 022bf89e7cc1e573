"""Warn about characters that no installed font can draw (they would print as blank boxes).

Pango falls back through every font fontconfig knows, so a character is drawable when any
installed font covers it (:mod:`briefexport.shared.coverage`); fonts of the style folder are
added to the same check. The PDF writer starts the listing early
(:func:`~briefexport.shared.coverage.prefetch_installed_charsets`), so that ``fc-list`` runs
while the brief is turned into markup.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from ...shared.coverage import installed_charsets, uncovered
from ...shared.located import at_text

LOGGER = logging.getLogger(__name__)


def missing_characters(texts: Iterable[str], style_dir: Path) -> list[str]:
    """Characters of ``texts`` that neither an installed font nor a style font covers."""
    charsets = installed_charsets()
    if not charsets:
        return []
    return uncovered(texts, (charset for _, charset in charsets), [style_dir])


def warn_missing_characters(texts: Iterable[str], style_dir: Path) -> list[str]:
    """Log one warning per character no font can draw; return them."""
    missing = missing_characters(texts, style_dir)
    for char in missing:
        name = unicodedata.name(char, "unnamed character")
        message = "PDF: no installed font can draw U+%04X %s (%r)"
        LOGGER.warning(message, ord(char), name, char, extra=at_text(char))
    return missing
