"""Locate style folders and read the brand file (``brand.toml``) that drives every format.

The default style ships as package data (``briefexport/styles`` in the wheel, ``styles/`` at the
top of the repository in a source checkout).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .errors import BriefexportError

BRAND_FILE = "brand.toml"


def default_style_dir() -> Path:
    """The shipped house style: packaged copy first, then the source checkout's ``styles/``."""
    packaged = Path(__file__).resolve().parent / "styles"
    if (packaged / BRAND_FILE).is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "styles"


def load_brand(style_dir: Path) -> dict[str, Any]:
    """Read ``brand.toml`` from a style folder."""
    path = style_dir / BRAND_FILE
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise BriefexportError(f"{path}: style folder has no {BRAND_FILE}") from None
    except tomllib.TOMLDecodeError as error:
        raise BriefexportError(f"{path}: {error}") from None
