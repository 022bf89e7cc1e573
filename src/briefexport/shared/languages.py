"""Whether a language tag names a language Babel (CLDR) knows, as every part of briefexport that
prints dates, labels and quotes needs it to: the reader for ``xml:lang``, the importers for the
language they find in a source. Only the primary subtag (BCP 47) counts."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def knows_language(tag: str) -> bool:
    """Whether Babel knows the primary language of ``tag`` (``en`` of ``en-GB`` or ``en_GB``),
    under its own name or an alias."""
    primary = tag.replace("-", "_").split("_")[0]
    if _has_locale_data(primary):
        return True
    from babel.core import Locale, UnknownLocaleError  # aliases and likely subtags

    try:
        Locale.parse(primary)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def _has_locale_data(primary: str) -> bool:
    """Babel has data for this language under its own name (what ``Locale.parse`` tries
    first), found without importing Babel, which costs more than the rest of a JATS export."""
    if not (primary.isascii() and primary.isalpha()):
        return False
    spec = importlib.util.find_spec("babel")
    folders = (spec.submodule_search_locations if spec else None) or []
    return any((Path(f) / "locale-data" / f"{primary.lower()}.dat").is_file() for f in folders)
