"""Both packages are reproducible (same brief and timestamp, same bytes) and written atomically."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from briefexport.deposit import bag, renditions, saf
from briefexport.errors import OutputError
from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.output import export_brief
from support.deposit import Built

LATER = dt.datetime(2031, 5, 6, 7, 8, 10, tzinfo=dt.UTC)


@pytest.mark.slow
def test_a_fresh_rendering_gives_the_same_bytes(tour_package: Built) -> None:
    named = replace(default_options(tour_package.brief), package_name=tour_package.stem)
    renditions._renditions.cache_clear()  # render every format again, not from the cache
    assert bag.write(tour_package.brief, named) == tour_package.bag.read_bytes()
    assert saf.write(tour_package.brief, named) == tour_package.saf.read_bytes()


@pytest.mark.slow
def test_the_timestamp_sets_bagging_date_and_entry_times(tour_package: Built) -> None:
    options = default_options(tour_package.brief, timestamp=LATER)
    package = bag.write(tour_package.brief, options)
    archive = zipfile.ZipFile(io.BytesIO(package))
    assert {info.date_time for info in archive.infolist()} == {(2031, 5, 6, 7, 8, 10)}
    assert b"Bagging-Date: 2031-05-06\n" in archive.read("brief/bag-info.txt")


def test_a_failed_package_leaves_the_good_one_and_no_partial_file(
    harbour: Brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "harbour-resilience.bag.zip"
    target.write_bytes(b"an earlier, good package")

    def broken(name: str):  # type: ignore[no-untyped-def]
        def write(brief: Brief, options: object) -> bytes:
            raise RuntimeError(f"{name} writer broke")

        return write

    monkeypatch.setattr(renditions, "get_writer", broken)
    renditions._renditions.cache_clear()
    with pytest.raises(OutputError, match="bag writer failed: RuntimeError: pdf writer broke"):
        export_brief(harbour, "bag", target, default_options(harbour))
    assert target.read_bytes() == b"an earlier, good package"
    assert [path.name for path in tmp_path.iterdir()] == [target.name]
