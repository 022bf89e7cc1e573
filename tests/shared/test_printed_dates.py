"""Printed English dates read to ISO 8601 (:mod:`briefexport.rules.dates`), with the month
names written out as the standard library's ``calendar`` gives them in the C locale."""

from __future__ import annotations

import calendar
import os
import subprocess
import sys

import pytest

from briefexport.rules.dates import MONTH_NAMES, printed_date_iso
from support.paths import HARBOUR


def test_month_names_are_calendars_in_the_c_locale() -> None:
    assert tuple(calendar.month_name)[1:] == MONTH_NAMES
    assert tuple(name[:3] for name in MONTH_NAMES) == tuple(calendar.month_abbr)[1:]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("June 14, 2024", "2024-06-14"),
        ("14 June 2024", "2024-06-14"),
        ("Sept. 3, 2021", "2021-09-03"),
        ("Dec 1st, 2020", "2020-12-01"),
        ("May 2024", "2024-05"),
        ("February 30, 2024", None),
    ],
)
def test_printed_dates(text: str, iso: str | None) -> None:
    assert printed_date_iso(text) == iso


def test_reading_a_brief_compiles_no_printed_date_pattern() -> None:
    # the reader checks ISO dates only: the printed forms are compiled for the importers
    code = (
        "import sys, briefexport\n"
        "from briefexport.rules.dates import date_patterns\n"
        "briefexport.load(sys.argv[1])\n"
        "print(date_patterns.cache_info().currsize)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", code, str(HARBOUR)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0"]
