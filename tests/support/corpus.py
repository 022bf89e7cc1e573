"""The briefs every writer is tried on: the shipped examples, the right-to-left test briefs and,
where the shared folder holds it, the real seed brief (read through the text importer).
"""

from __future__ import annotations

import briefexport
from briefexport.importers import import_file
from briefexport.model import Brief

from .paths import SEED, example_paths, rtl_paths


def load_corpus() -> dict[str, Brief]:
    """Briefs by file stem; the seed brief is ``"seed"`` and is present only when the file is."""
    found = {path.stem: briefexport.load(path) for path in [*example_paths(), *rtl_paths()]}
    assert len(found) >= 4, "the examples and the right-to-left test briefs are missing"
    assert "urdu-brief" in found
    if SEED.is_file():
        found["seed"] = import_file(SEED)
        assert found["seed"].footnotes, "the seed brief has footnotes"
    return found
