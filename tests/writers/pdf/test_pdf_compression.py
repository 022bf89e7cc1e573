"""PDF streams deflated at zlib's default level: readable, smaller than raw, reproducible."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import pydyf  # type: ignore[import-untyped]
import pytest

from briefexport.writers.pdf import compression


@pytest.fixture
def real_zlib() -> Iterator[None]:
    """pydyf with the real zlib during the test, whatever was installed before."""
    installed = pydyf.zlib
    pydyf.zlib = zlib
    try:
        yield
    finally:
        pydyf.zlib = installed


def stream_bytes(text: bytes) -> bytes:
    return pydyf.Stream([text], compress=True).data  # type: ignore[no-any-return]


def deflated_part(data: bytes) -> bytes:
    return data.split(b"\nstream\n", 1)[1].rsplit(b"\nendstream", 1)[0]


def test_the_reviewed_pydyf_is_recognised(real_zlib: None) -> None:
    assert pydyf.__version__ == "0.13.0"
    assert compression.is_reviewed(pydyf.Stream.data.fget)
    assert not compression.is_reviewed(lambda stream: b"")
    assert compression.install()
    assert isinstance(pydyf.zlib, compression.DefaultLevelZlib)
    assert compression.install()  # once only


def test_streams_use_the_default_level_and_read_back(real_zlib: None) -> None:
    text = b"".join(b"<</Type /StructElem /S /P /K [%d] /Pg 3 0 R>>\n" % n for n in range(3000))
    slowest = deflated_part(stream_bytes(text))
    assert compression.install()
    data = stream_bytes(text)
    deflated = deflated_part(data)
    assert zlib.decompress(deflated) == text
    assert deflated == zlib.compress(text, compression.LEVEL)
    assert deflated != slowest
    assert b"/Filter /FlateDecode" in data
    assert data == stream_bytes(text)  # the same bytes every time


def test_other_zlib_functions_are_the_real_ones(real_zlib: None) -> None:
    assert compression.install()
    assert pydyf.zlib.compress is zlib.compress
    assert pydyf.zlib.decompress(zlib.compress(b"abc")) == b"abc"
