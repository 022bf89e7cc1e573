"""The XHTML marks a footnote call right after another with ``after-call``, in every placement.

The stylesheets print the comma of "1,2" from that class (``styles/common.css``, ``pdf.css``).
"""

from __future__ import annotations

import pytest

from briefexport.writers.xhtml import NotePlacement, brief_to_xhtml
from support.note_calls import MARKED, calls_by_paragraph, note_calls_brief


@pytest.mark.parametrize("placement", list(NotePlacement), ids=lambda p: p.value)
def test_only_a_call_right_after_another_is_marked(placement: NotePlacement) -> None:
    root = brief_to_xhtml(note_calls_brief(), placement)
    assert calls_by_paragraph(root) == MARKED
