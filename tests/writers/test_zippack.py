"""The zip packages laid out by hand are, byte for byte, what Python's zipfile writes."""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile

import pytest

from briefexport.writers import zippack

WHEN = dt.datetime(2024, 5, 17, 13, 45, 31, tzinfo=dt.UTC)


def _entries(seed: int) -> list[tuple[str, bytes]]:
    rng = random.Random(seed)
    texts = [b"", b"mimetype-like", b"<w:p>words</w:p>" * rng.randint(1, 400)]
    noise = [rng.randbytes(rng.randint(0, 5000)) for _ in range(3)]
    names = ["mimetype", "word/document.xml", "EPUB/text/ch\u00e4pter.xhtml", "fonts/f.odttf"]
    names += [f"data/file{number}.bin" for number in range(len(texts) + len(noise) - len(names))]
    return list(zip(names, texts + noise, strict=True))


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("level", [None, 1, 9])
def test_pack_writes_what_zipfile_writes(seed: int, level: int | None) -> None:
    entries = _entries(seed)
    stored = frozenset({"mimetype"})
    fast = frozenset({"fonts/f.odttf", "data/file0.bin"})
    ours = zippack.pack(entries, WHEN, stored, level, fast)
    assert ours == zippack.pack_with_zipfile(entries, WHEN, stored, level, fast)
    with zipfile.ZipFile(io.BytesIO(ours)) as package:
        assert package.testzip() is None
        assert [(name, package.read(name)) for name in package.namelist()] == entries


def test_a_fast_entry_met_again_is_deflated_once_and_packed_alike() -> None:
    font = random.Random(7).randbytes(20_000)
    entries = [("word/fonts/font1.odttf", font), ("word/document.xml", b"<w:document/>")]
    fast = frozenset({"word/fonts/font1.odttf"})
    zippack._kept_deflation.cache_clear()
    first = zippack.pack(entries, WHEN, fast=fast)
    again = zippack.pack(entries, WHEN, fast=fast)
    assert zippack._kept_deflation.cache_info().hits == len(entries)
    assert first == again == zippack.pack_with_zipfile(entries, WHEN, fast=fast)


@pytest.mark.parametrize("level", [None, 9])
def test_an_entry_met_again_is_deflated_once_at_its_level_unless_large(level: int | None) -> None:
    styles = b"<w:style/>" * 3000
    large = random.Random(3).randbytes(zippack.KEPT_SIZE + 1)
    entries = [("word/styles.xml", styles), ("media/image1.bin", large)]
    zippack._kept_deflation.cache_clear()
    first = zippack.pack(entries, WHEN, level=level)
    again = zippack.pack(entries, WHEN, level=level)
    assert zippack._kept_deflation.cache_info()[:2] == (1, 1)  # hits, misses: styles only
    other = zippack.pack(entries, WHEN, level=1)  # another level is another deflation
    assert zippack._kept_deflation.cache_info().misses == 2
    assert first == again == zippack.pack_with_zipfile(entries, WHEN, level=level)
    assert other == zippack.pack_with_zipfile(entries, WHEN, level=1)


def test_the_kept_deflations_are_bounded() -> None:
    zippack._kept_deflation.cache_clear()
    for number in range(zippack.KEPT_ENTRIES + 5):
        zippack.pack([("f.odttf", number.to_bytes(4, "big"))], WHEN, fast=frozenset({"f.odttf"}))
    assert zippack._kept_deflation.cache_info().currsize == zippack.KEPT_ENTRIES


def test_times_outside_the_zip_range_are_moved_into_it() -> None:
    early = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    entries = [("a.txt", b"a")]
    with zipfile.ZipFile(io.BytesIO(zippack.pack(entries, early))) as package:
        assert package.getinfo("a.txt").date_time == (1980, 1, 1, 0, 0, 0)
