"""Each PDF object serialised once per write (writers/pdf/serialise_once.py): guard and bytes."""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

import pydyf  # type: ignore[import-untyped]
import pytest

from briefexport.writers.pdf import compression, serialise_once


def small_pdf() -> Any:
    pdf = pydyf.PDF()
    contents = pydyf.Stream([b"BT", b"/F1 12 Tf", b"(Hello) Tj", b"ET"], compress=True)
    pdf.add_object(contents)
    page = pydyf.Dictionary(
        {
            "Type": "/Page",
            "Parent": pdf.pages.reference,
            "MediaBox": pydyf.Array([0, 0, 200, 200]),
            "Contents": contents.reference,
        }
    )
    pdf.add_page(page)
    return pdf


def written(pdf: Any) -> bytes:
    output = io.BytesIO()
    pdf.write(output, b"1.7", True, True)  # with the file identifier, as PDF/A asks
    return output.getvalue()


def test_installed_pydyf_is_the_reviewed_one() -> None:
    assert serialise_once.is_reviewed(serialise_once._getters())
    assert serialise_once.install()
    assert getattr(pydyf.PDF.write, serialise_once.OURS)
    assert compression.is_reviewed(pydyf.Stream.data.fget)  # ours stands over pydyf's own


def test_a_changed_function_is_refused() -> None:
    functions = {**serialise_once._getters(), "Stream": lambda stream: b""}
    assert not serialise_once.is_reviewed(functions)


def test_each_indirect_object_is_formatted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    assert serialise_once.install()
    formatted: Counter[int] = Counter()
    own = serialise_once._original(pydyf.Stream)

    def counting(stream: Any) -> bytes:
        formatted[id(stream)] += 1
        return own(stream)  # type: ignore[no-any-return]

    monkeypatch.setattr(pydyf.Stream, "data", serialise_once._remembered(counting))
    once = written(small_pdf())
    assert formatted
    assert max(formatted.values()) == 1
    formatted.clear()
    monkeypatch.setattr(pydyf.Stream, "data", property(counting))
    twice = written(small_pdf())
    assert max(formatted.values()) == 2  # pydyf alone: written, then hashed for the identifier
    assert once == twice


def test_outside_a_write_the_bytes_are_made_afresh() -> None:
    assert serialise_once.install()
    stream = pydyf.Stream([b"q"], compress=False)
    stream.number = 7
    first = stream.data
    stream.stream.append(b"Q")
    assert stream.data != first
