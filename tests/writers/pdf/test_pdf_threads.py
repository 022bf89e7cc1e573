"""PDF exports in threads of one process give the bytes they give one after the other."""

from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor

import pytest

import briefexport
from briefexport.formats import get_writer
from briefexport.model import Brief
from briefexport.options import default_options
from support.paths import HARBOUR, TOUR, URDU


def two_in_threads_equal_two_in_sequence(briefs: list[Brief]) -> None:
    """Each brief written with a moment of its own: in turn, then in two threads at once."""
    moments = [dt.datetime(2030, 1, 1, tzinfo=dt.UTC), dt.datetime(2031, 6, 1, tzinfo=dt.UTC)]
    jobs = [
        default_options(brief, timestamp=moment)
        for brief, moment in zip(briefs, moments, strict=True)
    ]
    write = get_writer("pdf")
    environment = dict(os.environ)
    in_sequence = [write(brief, options) for brief, options in zip(briefs, jobs, strict=True)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        in_threads = list(pool.map(write, briefs, jobs))
    assert in_threads == in_sequence
    assert dict(os.environ) == environment


def test_two_short_pdf_exports_in_threads_equal_two_in_sequence() -> None:
    two_in_threads_equal_two_in_sequence([briefexport.load(HARBOUR), briefexport.load(URDU)])


@pytest.mark.slow  # the feature tour: four layouts of its pages
def test_two_pdf_exports_in_threads_equal_two_in_sequence() -> None:
    two_in_threads_equal_two_in_sequence([briefexport.load(HARBOUR), briefexport.load(TOUR)])


def test_font_timestamp_is_per_render() -> None:
    from fontTools.ttLib.tables import _h_e_a_d

    from briefexport.writers.pdf.fonttime import font_timestamp

    outside = _h_e_a_d.timestampNow()
    with font_timestamp(dt.datetime(2030, 1, 1, tzinfo=dt.UTC)):
        inside = _h_e_a_d.timestampNow()
        with ThreadPoolExecutor(max_workers=1) as pool:
            other_thread = pool.submit(_h_e_a_d.timestampNow).result()
    assert inside != outside
    assert other_thread != inside
