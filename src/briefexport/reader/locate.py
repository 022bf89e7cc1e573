"""The reader's locator; it lives in :mod:`briefexport.locate`, shared with the JATS importer."""

from __future__ import annotations

from ..locate import Locator

__all__ = ["Locator"]
