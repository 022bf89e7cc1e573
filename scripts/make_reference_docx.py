#!/usr/bin/env python3
"""Regenerate a style folder's ``reference.docx`` from its ``brand.toml`` and ``pdf.css``
(default: ``styles/``).

Usage: ``.venv/bin/python scripts/make_reference_docx.py [STYLE_DIR]``. The output is
reproducible; ``tests/test_docx_reference.py`` fails when the committed file is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from briefexport.shared.brand import load_brand
from briefexport.shared.styles import default_style_dir
from briefexport.writers.docx.template import reference_for


def main(argv: list[str]) -> int:
    """Write ``reference.docx`` into the style folder."""
    style_dir = Path(argv[0]) if argv else default_style_dir()
    target = style_dir / "reference.docx"
    target.write_bytes(reference_for(style_dir, load_brand(style_dir)))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
