"""Each file a rerun looks at is read once by the run's own process: a brief read for the
figure-clash check is not read again to be hashed."""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefexport.batch import digests
from support.batch import GOOD, BatchRun


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Counter[Path]:
    """How often each file was opened to be read or hashed, from now on."""
    counts: Counter[Path] = Counter()
    real = digests._opened

    @contextlib.contextmanager
    def counting(path: Path) -> Iterator[object]:
        counts[path] += 1
        with real(path) as found:
            yield found

    monkeypatch.setattr(digests, "_opened", counting)
    return counts


def test_a_rerun_reads_each_brief_once(
    batch: BatchRun, collection: Path, opened: Counter[Path]
) -> None:
    batch("--to", "jats")  # copies figures: the clash check reads every brief
    opened.clear()
    _, _, report = batch("--to", "jats")
    assert report["up_to_date"] == GOOD
    briefs = {collection / name for name in GOOD}
    assert briefs <= set(opened)
    assert max(opened.values()) == 1, opened
