"""Benchmark (run on demand, never in the test suite): ``briefexport batch`` beside pandoc.

A collection of ``--count`` generated briefs of 4 to 12 pages (the short example's paragraphs
and notes, cycled into titled parts) is written as canonical XML for briefexport and as
Markdown (briefexport's own Markdown writer, same content) for pandoc. In one run it measures:

* briefexport: ``python -m briefexport batch COLLECTION --to FMT -o DIR -j N --force -q`` as a
  fresh process, wall-clock time including start-up, for each format and ``all``, ``-j 1`` and
  ``-j 2``; the peak resident memory of the largest worker (sampled with psutil);
* pandoc: one ``pandoc BRIEF.md -o OUT`` process per brief and format, run one after another,
  the usual way to script it (PDF through ``--pdf-engine=weasyprint``); ``all`` is the sum;
* Dask: the same batches through ``convert_collection`` on a two-worker ``LocalCluster``
  started beforehand (its start-up is reported apart).

Per-brief cost = wall-clock time / briefs. Pandoc comes from PyPI's ``pypandoc-binary`` (it ships
the pandoc binary) installed in any virtual environment; pass its path with ``--pandoc`` or put
``pandoc`` on PATH. Dask needs the ``dask`` extra, psutil comes with it.

Usage: ``python benchmarks/batch_vs_pandoc.py [--count 100] [--pandoc PATH] [--report FILE.md]``
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil

import briefexport
from briefexport.batch import RunOptions, convert_collection
from briefexport.model import Block, Brief, Paragraph, Section, Text
from briefexport.options import default_options
from briefexport.writers import jats, markdown

REPO = Path(__file__).resolve().parents[1]
FORMATS = ("docx", "epub", "jats", "pdf")
ALL = ("pdf", "epub", "docx", "jats", "html", "markdown")
PANDOC_TARGET = {"html": "html", "markdown": "md"}
# measured: 17 paragraphs fill 4 pages; later pages carry no new notes and take about 8 more
FIRST_FOUR_PAGES, PARAGRAPHS_PER_LATER_PAGE = 17, 8.0


def generated_brief(base: Brief, number: int, rng: random.Random) -> Brief:
    """The base brief's lead paragraph, then its paragraphs cycled into parts of 13: 4 to 12
    pages."""
    paragraphs = [block for block in base.body if isinstance(block, Paragraph)]
    count = FIRST_FOUR_PAGES + round((rng.randint(4, 12) - 4) * PARAGRAPHS_PER_LATER_PAGE)
    cycled = [
        dataclasses.replace(paragraphs[index % len(paragraphs)], lead=False)
        for index in range(1, count)
    ]
    parts: list[Block] = [paragraphs[0]]  # the lead paragraph opens the body
    for start in range(0, len(cycled), 13):
        title = (Text(f"Part {start // 13 + 1}"),)
        parts.append(Section(f"part-{start // 13 + 1}", title, tuple(cycled[start : start + 13])))
    meta = dataclasses.replace(base.meta, title=(Text(f"Generated brief {number:03}"),))
    return dataclasses.replace(base, meta=meta, body=tuple(parts))


def write_collection(folder: Path, count: int) -> tuple[Path, Path]:
    """``count`` briefs as XML in ``folder/xml`` and as Markdown in ``folder/markdown``."""
    base = briefexport.load(REPO / "examples" / "harbour-resilience.xml")
    rng = random.Random(11)
    xml_folder, markdown_folder = folder / "xml", folder / "markdown"
    xml_folder.mkdir(parents=True)
    markdown_folder.mkdir()
    for number in range(1, count + 1):
        brief = generated_brief(base, number, rng)
        options = default_options(brief)
        (xml_folder / f"brief-{number:03}.xml").write_bytes(jats.write(brief, options))
        (markdown_folder / f"brief-{number:03}.md").write_bytes(markdown.write(brief, options))
    return xml_folder, markdown_folder


class MemorySampler:
    """Peak resident memory per descendant process of ``root``, sampled every 0.1 s."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.peaks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            try:
                children = psutil.Process(self.root).children(recursive=True)
            except psutil.Error:
                continue
            for child in children:
                try:
                    rss = child.memory_info().rss
                except psutil.Error:
                    continue
                self.peaks[child.pid] = max(self.peaks.get(child.pid, 0), rss)

    def worker_peaks_mb(self) -> list[float]:
        """Peaks in MB, in order of the processes' first appearance."""
        return [rss / 2**20 for rss in self.peaks.values()]


def run_ours(collection: Path, out: Path, formats: str, jobs: int) -> tuple[float, list[float]]:
    """Seconds for one batch process, and each worker's peak memory."""
    command = [sys.executable, "-m", "briefexport", "batch", str(collection), "--to", formats]
    command += ["-o", str(out), "-j", str(jobs), "--force", "-q"]
    environment = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    start = time.perf_counter()
    process = subprocess.Popen(command, env=environment)
    with MemorySampler(process.pid) as sampler:
        status = process.wait()
    seconds = time.perf_counter() - start
    if status not in (0,):
        raise SystemExit(f"briefexport batch failed with status {status}")
    return seconds, sampler.worker_peaks_mb()


def run_pandoc(pandoc: str, markdown_folder: Path, out: Path, fmt: str) -> float:
    """Seconds for one pandoc process per brief, one after another."""
    out.mkdir(parents=True, exist_ok=True)
    engine = ["--pdf-engine", str(Path(sys.executable).parent / "weasyprint")]
    start = time.perf_counter()
    for source in sorted(markdown_folder.glob("*.md")):
        target = out / f"{source.stem}.{PANDOC_TARGET.get(fmt, fmt)}"
        command = [pandoc, str(source), "-s", "-o", str(target)] + (engine if fmt == "pdf" else [])
        subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def peak_kilobytes() -> int:
    """The calling process's peak resident memory (Linux reports kilobytes)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


@contextmanager
def dask_cluster() -> Iterator[tuple[str, float, Callable[[], list[float]]]]:
    """A two-worker LocalCluster: its address, start-up seconds and a memory probe."""
    from distributed import Client, LocalCluster

    start = time.perf_counter()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None)
    with cluster, Client(cluster) as client:
        startup = time.perf_counter() - start

        def worker_memory() -> list[float]:
            usage = client.run(peak_kilobytes)
            return [kilobytes / 1024 for kilobytes in usage.values()]

        yield cluster.scheduler_address, startup, worker_memory


def run_dask(address: str, collection: Path, out: Path, formats: tuple[str, ...]) -> float:
    """Seconds for one batch on the cluster (client connection included)."""
    start = time.perf_counter()
    run = RunOptions(executor="dask", scheduler=address, force=True)
    summary = convert_collection(collection, out, formats, run)
    if summary.exit_status:
        raise SystemExit(f"the Dask batch failed: {summary.counts()}")
    return time.perf_counter() - start


@dataclasses.dataclass
class Row:
    """One format: per-brief seconds for each way, and memory."""

    name: str
    ours: dict[int, float] = dataclasses.field(default_factory=dict)
    memory: dict[int, list[float]] = dataclasses.field(default_factory=dict)
    pandoc: float = 0.0
    dask: float | None = None
    dask_memory: list[float] = dataclasses.field(default_factory=list)

    def line(self) -> str:
        one, two = self.ours[1], self.ours[2]
        dask = f"{self.dask:.3f}" if self.dask is not None else "-"
        peak = max(max(self.memory[1]), max(self.memory[2]))
        return (
            f"| {self.name} | {one:.3f} | {two:.3f} | {self.pandoc:.3f} | {one / self.pandoc:.2f} "
            f"| {two / self.pandoc:.2f} | {one / two:.2f} | {dask} | {peak:.0f} |"
        )


def measure(args: argparse.Namespace, work: Path) -> tuple[list[Row], list[str]]:
    xml_folder, markdown_folder = write_collection(work / "collection", args.count)
    notes = [f"{args.count} generated briefs"]
    rows = [Row(name) for name in (*args.formats, "all")]
    for row in rows:
        formats = ",".join(ALL) if row.name == "all" else row.name
        for jobs in (1, 2):
            seconds, peaks = run_ours(xml_folder, work / f"ours-{row.name}-{jobs}", formats, jobs)
            row.ours[jobs], row.memory[jobs] = seconds / args.count, peaks
            print(f"ours {row.name} -j {jobs}: {seconds:.1f} s, worker peaks {peaks}", flush=True)
    for row in rows[:-1]:
        row.pandoc = run_pandoc(args.pandoc, markdown_folder, work / f"pandoc-{row.name}", row.name)
        row.pandoc /= args.count
        print(f"pandoc {row.name}: {row.pandoc * args.count:.1f} s", flush=True)
    others = [fmt for fmt in ALL if fmt not in args.formats]
    extra = sum(run_pandoc(args.pandoc, markdown_folder, work / f"pandoc-{f}", f) for f in others)
    rows[-1].pandoc = sum(row.pandoc for row in rows[:-1]) + extra / args.count
    if not args.skip_dask:
        notes.append(dask_rows(rows, xml_folder, work, args.count))
    notes.append(f"pages per brief: {page_range(work / 'ours-pdf-1')}")
    return rows, notes


def dask_rows(rows: list[Row], collection: Path, work: Path, count: int) -> str:
    with dask_cluster() as (address, startup, worker_memory):
        for row in rows:
            formats = ALL if row.name == "all" else (row.name,)
            row.dask = run_dask(address, collection, work / f"dask-{row.name}", formats) / count
            row.dask_memory = worker_memory()
            print(f"dask {row.name}: {row.dask * count:.1f} s, peaks {row.dask_memory}", flush=True)
    peaks = ", ".join(f"{row.name} {max(row.dask_memory):.0f}" for row in rows)
    return f"LocalCluster start-up {startup:.1f} s; Dask worker peak MB after each run: {peaks}"


def page_range(folder: Path) -> str:
    import pikepdf

    pages = [len(pikepdf.open(path).pages) for path in folder.glob("*.pdf")]
    return f"{min(pages)} to {max(pages)}" if pages else "no PDF"


def table(rows: list[Row]) -> list[str]:
    header = (
        "| format | ours -j 1 s/brief | ours -j 2 s/brief | pandoc s/file | ratio -j 1 "
        "| ratio -j 2 | speed-up -j 2 | Dask 2 workers s/brief | largest worker peak MB |"
    )
    return [header, "|" + "---|" * 9, *(row.line() for row in rows)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--pandoc", default=shutil.which("pandoc") or "pandoc")
    parser.add_argument("--formats", type=lambda text: tuple(text.split(",")), default=FORMATS)
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--report", type=Path, help="also write the table to this file")
    args = parser.parse_args()
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as folder:
        rows, notes = measure(args, Path(folder))
    version = subprocess.run([args.pandoc, "--version"], capture_output=True, text=True)
    notes.append(f"pandoc: {version.stdout.splitlines()[0]}; cores: {os.cpu_count()}")
    notes.append(f"load average at start: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    lines = [*table(rows), "", *(f"- {note}" for note in notes)]
    print("\n".join(lines))
    if args.report:
        args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
