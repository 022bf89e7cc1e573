"""The one rule for "a file inside this folder", used for figures, styles and fetched resources."""

from __future__ import annotations

from pathlib import Path


def inside(root: Path, relative: str | Path) -> Path | None:
    """The real path of ``relative`` under ``root`` after ``..`` and symbolic links are resolved,
    or None when it leaves ``root``. ``root`` must already be resolved."""
    path = (root / relative).resolve()
    return path if path.is_relative_to(root) else None


def inside_any(roots: tuple[Path, ...], path: Path) -> bool:
    """Whether the resolved ``path`` lies in one of the resolved ``roots``."""
    return any(path.is_relative_to(root) for root in roots)
