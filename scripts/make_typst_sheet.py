#!/usr/bin/env python3
"""Regenerate the Typst house style's values of the shipped print stylesheet
(``src/briefexport/writers/typst/print-sheet.typ``) from ``styles/pdf.css`` and the house files.

Usage: ``.venv/bin/python scripts/make_typst_sheet.py``. The writer reads the sheet itself when
the committed file was made from another sheet or other house files (a checksum says which);
``tests/writers/typst/test_typst_print_sheet.py`` fails when the committed file is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from briefexport.writers.typst.sheet import SHIPPED_FILE, shipped_file_text
from briefexport.writers.typst.style import house_rules


def main() -> int:
    """Write ``print-sheet.typ`` beside the house files."""
    SHIPPED_FILE.write_text(shipped_file_text(house_rules()), encoding="utf-8")
    print(f"wrote {SHIPPED_FILE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
