"""Benchmark (run on demand, never in the test suite): PDF time of briefexport beside pandoc.

For each brief, the same content goes two ways in one process, each timed as the median of
``--runs`` warm runs:

* briefexport: ``briefexport.load`` + ``briefexport.writers.pdf.write`` (footnote checks and
  corrections, PDF/A-3b, tags);
* briefexport with the Typst engine (``briefexport.writers.typst.write``, the same checks), when
  the ``typst`` package is installed;
* pandoc: ``pandoc -f jats -t html5 --standalone`` on the canonical JATS, then WeasyPrint on
  that HTML with no extra stylesheet (pandoc's own HTML→WeasyPrint route: notes at the end).

Usage: ``python benchmarks/pdf_vs_pandoc.py [--runs 3] [--long]`` (needs ``pandoc`` on PATH).
``--long`` adds the generated 40-page brief with 80 notes from the tests.
"""

from __future__ import annotations

import argparse
import io
import logging
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

import pikepdf
from weasyprint import HTML

import briefexport
from briefexport.model import Brief
from briefexport.options import PdfEngine, WriteOptions, default_options
from briefexport.writers import jats, pdf

REPO = Path(__file__).resolve().parents[1]


def median_time(action: Callable[[], bytes], runs: int) -> tuple[float, bytes]:
    times, result = [], b""
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def pandoc_route(jats_path: Path) -> bytes:
    command = ["pandoc", "-f", "jats", "-t", "html5", "--standalone", str(jats_path)]
    html = subprocess.run(command, capture_output=True, check=True).stdout.decode("utf-8")
    result: bytes = HTML(string=html, base_url=str(jats_path.parent)).write_pdf()
    return result


def pages(data: bytes) -> int:
    return len(pikepdf.open(io.BytesIO(data)).pages)


def typst_writer() -> Callable[[Brief, WriteOptions], bytes] | None:
    """The Typst engine's writer, or None without the ``typst`` package."""
    try:
        from briefexport.writers.typst import write
    except ImportError:
        return None
    return write


def briefs(include_long: bool) -> list[tuple[str, Brief]]:
    found = [
        (path.name, briefexport.load(path)) for path in sorted((REPO / "examples").glob("*.xml"))
    ]
    if include_long:
        sys.path.insert(0, str(REPO / "tests"))
        from test_pdf_briefs import long_brief

        found.append(("generated 40 pages, 80 notes", long_brief()))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--long", action="store_true")
    args = parser.parse_args()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    typst_write = typst_writer()
    print(
        f"{'brief':32} {'ours s':>7} {'pages':>5} {'typst s':>7} {'pages':>5} "
        f"{'pandoc s':>8} {'pages':>5} {'ratio':>6}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for name, brief in briefs(args.long):
            options = default_options(brief)
            jats_path = Path(folder) / "brief.xml"
            jats_path.write_bytes(jats.write(brief, options))
            ours, ours_pdf = median_time(partial(pdf.write, brief, options), args.runs)
            typst_cells = f"{'-':>7} {'-':>5}"
            if typst_write is not None:
                engine = replace(options, pdf_engine=PdfEngine.TYPST)
                fast, fast_pdf = median_time(partial(typst_write, brief, engine), args.runs)
                typst_cells = f"{fast:7.2f} {pages(fast_pdf):5}"
            theirs, their_pdf = median_time(partial(pandoc_route, jats_path), args.runs)
            print(
                f"{name[:32]:32} {ours:7.2f} {pages(ours_pdf):5} {typst_cells} {theirs:8.2f} "
                f"{pages(their_pdf):5} {ours / theirs:6.2f}"
            )


if __name__ == "__main__":
    main()
