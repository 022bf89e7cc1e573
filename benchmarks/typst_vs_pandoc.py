"""Benchmark (run on demand, never in the test suite): the Typst PDF engine beside pandoc's routes.

Part 1, cold (whole processes, the real seed brief; median of ``--runs`` after one warm-up run):

* ``briefexport seed.xml --to pdf --pdf-engine typst`` (and, for reference, the WeasyPrint engine,
  and ``--to jats``: the start-up and reading every export pays);
* pandoc's WeasyPrint route: ``pandoc seed.md -t html5 -s`` then ``python -m weasyprint``;
* pandoc's Typst route: ``pandoc seed.md -t typst -s`` then a Python process compiling it with the
  ``typst`` package (pandoc's template uses Typst's bundled fonts, so no system font is read).

Part 2, in process (``briefexport.writers.typst.write``, warm, median of ``--runs``): the
examples, and generated briefs of 4 to 400 pages with two notes a page, to show time per page.

Usage: ``python benchmarks/typst_vs_pandoc.py [--runs 5] [--max-pages 400]``. It needs the
``typst`` package and pandoc (on PATH, or the binary of the ``pypandoc-binary`` package). Python
is run with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` unset), as an installed package runs.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pikepdf

import briefexport
from briefexport.model import Brief, Footnote, FootnoteRef, Inline, Paragraph, Section, Text
from briefexport.options import default_options
from briefexport.writers import typst as typst_writer

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seeds" / "000_6953af264a2119c8.txt"
WORDS = ("harbour", "coast", "policy", "budget", "council", "storm", "sensor", "record", "tide")


def pandoc_binary() -> str:
    found = shutil.which("pandoc")
    if found:
        return found
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(REPO / "src")
    return env


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median_seconds(
    commands: list[list[str]], runs: int, env: dict[str, str]
) -> tuple[float, float]:
    """Median wall time and CPU time (user + system) of running ``commands`` one after the
    other, after one warm-up run."""
    walls, cpus = [], []
    for run in range(runs + 1):
        start, start_cpu = time.perf_counter(), children_cpu()
        for command in commands:
            subprocess.run(command, check=True, capture_output=True, env=env)
        if run:
            walls.append(time.perf_counter() - start)
            cpus.append(children_cpu() - start_cpu)
    return statistics.median(walls), statistics.median(cpus)


def cold_routes(folder: Path, pandoc: str) -> dict[str, list[list[str]]]:
    python = sys.executable
    seed_xml, markdown = folder / "seed.xml", folder / "seed.md"
    html, typ = folder / "p.html", folder / "p.typ"
    out = str(folder / "out")
    typst_compile = (
        "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], "
        "ignore_system_fonts=True)"
    )
    ours = [python, "-m", "briefexport", str(seed_xml), "--to", "pdf", "-q", "-o", out]
    to_html = [pandoc, str(markdown), "-f", "markdown", "-t", "html5", "-s", "-o", str(html)]
    to_typst = [pandoc, str(markdown), "-f", "markdown", "-t", "typst", "-s", "-o", str(typ)]
    return {
        "briefexport, Typst engine": [[*ours, "--pdf-engine", "typst"]],
        "briefexport --to jats (start-up and reading only)": [
            [python, "-m", "briefexport", str(seed_xml), "--to", "jats", "-q", "-o", out]
        ],
        "briefexport, WeasyPrint engine": [ours],
        "pandoc -> WeasyPrint": [
            to_html,
            [python, "-m", "weasyprint", str(html), str(folder / "p-weasy.pdf")],
        ],
        "pandoc -> Typst": [
            to_typst,
            [python, "-c", typst_compile, str(typ), str(folder / "p-typst.pdf")],
        ],
    }


def cold(runs: int) -> None:
    env = environment()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        shutil.copy(SEED, folder / "seed.md")
        importing = [sys.executable, "-m", "briefexport", "import", str(SEED)]
        subprocess.run([*importing, "-o", str(folder / "seed.xml"), "-q"], check=True, env=env)
        times = {
            route: median_seconds(commands, runs, env)
            for route, commands in cold_routes(folder, pandoc_binary()).items()
        }
    wall, cpu = times["briefexport, Typst engine"]
    print(f"\nCold, whole process, the seed brief (median of {runs})\n")
    print("| route | wall s | CPU s | Typst engine / route, wall | CPU |")
    print("|---|---:|---:|---:|---:|")
    for route, (seconds, used) in times.items():
        print(f"| {route} | {seconds:.3f} | {used:.3f} | {wall / seconds:.2f} | {cpu / used:.2f} |")


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(WORDS, k=words)).capitalize() + "."


def generated(pages: int, seed: int = 11) -> Brief:
    """About ``pages`` A4 pages: eight paragraphs and two notes a page."""
    rng = random.Random(seed)
    example = briefexport.load(REPO / "examples" / "harbour-resilience.xml")
    notes: list[Footnote] = []
    blocks: list[Paragraph] = []
    for index in range(pages * 8):
        children: list[Inline] = [Text(" ".join(sentence(rng, 12) for _ in range(4)))]
        if index % 4 == 1:
            number = len(notes) + 1
            text = " ".join(sentence(rng, 10) for _ in range(rng.choice((1, 2))))
            notes.append(Footnote(f"n{number}", number, (Paragraph((Text(text),)),)))
            children += [FootnoteRef(notes[-1]), Text(" " + sentence(rng, 8))]
        blocks.append(Paragraph(tuple(children)))
    body = (Section("s1", (Text("Findings"),), tuple(blocks)),)
    return Brief(example.meta, body, tuple(notes))


def median_call(action: Callable[[], bytes], runs: int) -> tuple[float, float, bytes]:
    """Median wall time and CPU time of ``action``, and its last result."""
    walls, cpus, result = [], [], b""
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = action()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    return statistics.median(walls), statistics.median(cpus), result


def page_count(data: bytes) -> int:
    with pikepdf.open(io.BytesIO(data)) as document:
        return len(document.pages)


def in_process(runs: int, max_pages: int) -> None:
    briefs = [
        (path.name, briefexport.load(path)) for path in sorted((REPO / "examples").glob("*.xml"))
    ]
    briefs += [
        (f"generated, {pages} pages", generated(pages))
        for pages in (4, 40, 100, 200, 400)
        if pages <= max_pages
    ]
    print(f"\nIn process, warm (median of {runs})\n")
    print("| brief | pages | notes | wall ms | CPU ms | CPU ms per page |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, brief in briefs:
        options = default_options(brief, pdf_engine="typst")
        typst_writer.write(brief, options)  # warm-up: fonts indexed, caches filled
        wall, cpu, data = median_call(partial(typst_writer.write, brief, options), runs)
        pages = page_count(data)
        print(
            f"| {name} | {pages} | {len(brief.footnotes)} | {wall * 1000:.0f} "
            f"| {cpu * 1000:.0f} | {cpu * 1000 / pages:.1f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--max-pages", type=int, default=400)
    args = parser.parse_args()
    logging.getLogger("briefexport").setLevel(logging.ERROR)
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    cold(args.runs)
    in_process(args.runs, args.max_pages)


if __name__ == "__main__":
    main()
