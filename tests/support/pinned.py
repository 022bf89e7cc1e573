"""What the tests of the pinned WeasyPrint adaptations share: whether the installed WeasyPrint
is the reviewed one, and a brief's PDF written with and without one adaptation.

A test of an adaptation is skipped under another WeasyPrint release, which it leaves alone; under
CI that skip fails (:mod:`support.skips`): CI is to test the reviewed release, so a new one
installed there is to be reviewed (or kept out) first."""

from __future__ import annotations

from types import ModuleType

import pytest
import weasyprint

from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.writers import pdf
from briefexport.writers.pdf import pinned

from .written_pdfs import written_pdf

SUPPORTED = weasyprint.__version__ == pinned.SUPPORTED_VERSION
needs_reviewed = pytest.mark.skipif(not SUPPORTED, reason="another WeasyPrint: nothing is wrapped")


def with_and_without(
    adaptation: ModuleType, brief: Brief, monkeypatch: pytest.MonkeyPatch
) -> tuple[bytes, bytes]:
    """``brief``'s PDF with ``adaptation`` installed, then with its ``install`` doing nothing."""
    options = default_options(brief)
    adapted = written_pdf(brief, options)
    monkeypatch.setattr(adaptation, "install", lambda: False)
    return adapted, pdf.write(brief, options)
