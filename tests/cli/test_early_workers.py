"""``briefexport batch`` starts its workers' server from a first look at its words: only for
local workers, with the formats the command's parser will read."""

from __future__ import annotations

import pytest

from briefexport.cli.batch import parser
from briefexport.cli.early_workers import local_formats


@pytest.mark.parametrize(
    "words",
    [
        ["briefs", "--to", "jats,docx", "-o", "out"],
        ["briefs", "-o", "out", "--to=EPUB", "-j", "2"],
        ["--to", "pdf", "--to", "all", "briefs", "-o", "out"],  # the last one counts
    ],
)
def test_the_formats_are_those_the_parser_reads(words: list[str]) -> None:
    read = parser().parse_args(words).to
    assert local_formats(words) == local_formats(["--to", read])
    assert local_formats(words) is not None


@pytest.mark.parametrize(
    "words",
    [
        ["briefs", "--to", "jats", "-o", "out", "--executor", "dask"],
        ["briefs", "--to", "jats", "-o", "out", "--scheduler=tcp://host:8786"],
        ["briefs", "--to", "jats", "-o", "out", "-n"],
        ["briefs", "--to", "jats", "-o", "out", "-qn"],
        ["briefs", "--to", "jats", "--dry-run", "-o", "out"],
        ["--help"],
        ["briefs", "--to", "nonsense", "-o", "out"],
        ["briefs", "-o", "out", "--to"],
        ["briefs", "-o", "out", "--", "--to", "jats"],
    ],
)
def test_no_server_starts_for_a_run_without_local_workers_or_an_unclear_one(
    words: list[str],
) -> None:
    assert local_formats(words) is None
