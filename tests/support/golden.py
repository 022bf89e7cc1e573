"""Golden files: reviewed outputs kept in the repository and compared byte for byte.

Without ``--accept`` a difference fails the test with a unified diff. With ``--accept`` a golden
file that is missing or differs is rewritten and the test still fails, saying which file to
review (``git diff``): an accept run never passes by writing what it then compares against. A
golden file that already matches is left alone and the test passes on its own comparison.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

DIFF_LINES = 80


def _lines(data: bytes) -> list[str]:
    """Text lines; markup written without line breaks is shown one tag per line."""
    text = data.decode("utf-8", "replace")
    return (text.replace("><", ">\n<") if text.startswith("<") else text).splitlines()


def _diff(expected: bytes, actual: bytes, name: str) -> str:
    lines = difflib.unified_diff(
        _lines(expected), _lines(actual), f"golden/{name}", "output", lineterm=""
    )
    shown = list(lines)
    more = len(shown) - DIFF_LINES
    return "\n".join(shown[:DIFF_LINES] + ([f"... {more} more diff lines"] if more > 0 else []))


def check_golden(golden: Path, output: bytes, accept: bool) -> None:
    """Compare ``output`` with the golden file; under ``accept`` rewrite it and fail for review."""
    current = golden.read_bytes() if golden.is_file() else None
    if current == output:
        return
    if accept:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(output)
        pytest.fail(
            f"rewrote {golden.name}: review it (git diff), then run pytest without --accept"
        )
    if current is None:
        pytest.fail(f"no golden file {golden.name}; review the output, then run pytest --accept")
    pytest.fail(
        f"output differs from {golden.name} (review, then pytest --accept):\n"
        + _diff(current, output, golden.name)
    )
