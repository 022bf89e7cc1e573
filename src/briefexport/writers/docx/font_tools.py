"""fontTools' subsetter and the modules of the font tables it reads, imported at once.

The Word copy imports fontTools only when it embeds fonts (:mod:`.font_subset`), and fontTools
imports a table's module when it first reads the table. A batch worker imports this module
before its first brief (``Format.preload``), so that no brief pays for those imports.
"""

from __future__ import annotations

from fontTools import subset  # noqa: F401
from fontTools.ttLib import getTableModule

# the tables of the Noto and DejaVu fonts, which subsetting reads and writes
TABLES = ("head", "hhea", "maxp", "OS/2", "name", "cmap", "post", "glyf", "loca", "hmtx", "GDEF",
          "GSUB", "GPOS", "cvt ", "fpgm", "prep", "gasp", "DSIG", "kern", "FFTM")  # fmt: skip

for _tag in TABLES:
    getTableModule(_tag)
