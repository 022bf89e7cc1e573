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
from briefexport.shared.styles import default_style_dir, read_style_text
from briefexport.writers.docx.print_sheet import PRINT_SHEET, print_sheet
from briefexport.writers.docx.reference import build_reference


def main(argv: list[str]) -> int:
    """Write ``reference.docx`` into the style folder."""
    style_dir = Path(argv[0]) if argv else default_style_dir()
    target = style_dir / "reference.docx"
    sheet = print_sheet(read_style_text(style_dir, PRINT_SHEET))
    target.write_bytes(build_reference(load_brand(style_dir), sheet))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
