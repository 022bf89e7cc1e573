"""The reader's locator, which lives in :mod:`briefexport.shared.locate` (the JATS importer
uses it too)."""

from __future__ import annotations

from ..shared.locate import Locator

__all__ = ["Locator"]
