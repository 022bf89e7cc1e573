"""A PDF laid out on one roomy frame-stack chunk (writers/pdf/roomy_stack.py): the call is the
same call, the frame claims the room, and the PDF bytes do not change."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from briefexport.options import default_options
from briefexport.writers import pdf
from briefexport.writers.pdf import roomy_stack
from support.briefs import long_brief
from support.skips import skipif_platform
from support.written_pdfs import written_pdf

CPYTHON = sys.implementation.name == "cpython"


def _caller_stack_bytes(depth: int = 1) -> int:
    """The value stack claimed by the code of the frame ``depth`` calls up (1: the caller)."""
    return sys._getframe(depth).f_code.co_stacksize * roomy_stack.SLOT_BYTES


def test_call_passes_arguments_and_result() -> None:
    def joined(first: str, second: str, *, sep: str) -> str:
        return first + sep + second

    assert roomy_stack.call(joined, "a", "b", sep="-") == "a-b"


def test_call_lets_errors_through() -> None:
    def failing() -> None:
        raise KeyError("kept")

    with pytest.raises(KeyError, match="kept"):
        roomy_stack.call(failing)


@skipif_platform(not CPYTHON, reason="frame-stack chunks are CPython's")
def test_the_calling_frame_claims_the_room() -> None:
    claimed = roomy_stack.call(_caller_stack_bytes)
    assert claimed >= roomy_stack.FRAME_BYTES - roomy_stack.SLOT_BYTES
    assert claimed < roomy_stack.CHUNK_BYTES


@skipif_platform(not CPYTHON, reason="frame-stack chunks are CPython's")
def test_the_pdf_is_written_on_the_roomy_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    claimed: list[int] = []

    def recording(*args: Any) -> bytes:
        claimed.append(_caller_stack_bytes(2))
        return b"%PDF"

    monkeypatch.setattr(pdf, "_write", recording)
    brief = long_brief(pages=1, notes=1)
    assert pdf.write(brief, default_options(brief)) == b"%PDF"
    assert claimed
    assert claimed[0] >= roomy_stack.FRAME_BYTES - roomy_stack.SLOT_BYTES


def test_the_roomy_stack_changes_no_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    brief = long_brief(pages=3, notes=6)
    roomy = written_pdf(brief)
    monkeypatch.setattr(roomy_stack, "call", lambda function, *args: function(*args))
    plain = pdf.write(brief, default_options(brief))
    assert roomy == plain
