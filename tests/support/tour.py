"""A private copy of the feature tour (the example brief with a figure) for tests that write
beside it or change its files."""

from __future__ import annotations

import shutil
from pathlib import Path

from support.paths import EXAMPLES, TOUR

TOUR_FIGURE = "figures/heat-calls.png"
"""The ``xlink:href`` of the tour's one figure."""


def copy_tour(folder: Path, name: str = TOUR.name) -> Path:
    """The feature tour as ``folder/name``, its figures beside it; returns the brief's path."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(EXAMPLES / "figures", folder / "figures", dirs_exist_ok=True)
    brief = folder / name
    shutil.copy(TOUR, brief)
    return brief
