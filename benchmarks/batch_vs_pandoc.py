"""Benchmark (run on demand, never in the test suite): ``briefexport batch`` beside pandoc.

A collection of ``--count`` generated briefs of 4 to 12 pages (the short example's paragraphs
and notes, cycled into titled parts) is written as canonical XML for briefexport and as
Markdown (briefexport's own Markdown writer, same content) for pandoc. In one run it measures:

* briefexport: ``python -m briefexport batch COLLECTION --to FMT -o DIR -j N --force -q`` as a
  fresh process, wall-clock time including start-up, for each format and ``all``, ``-j 1`` and
  ``-j 2``; the peak resident memory of the largest worker (sampled with psutil). The package's
  bytecode is compiled first and read from ``__pycache__`` (``PYTHONDONTWRITEBYTECODE`` unset),
  as a package installed by pip runs;
* pandoc: one ``pandoc BRIEF.md -o OUT`` process per brief and format, run one after another,
  the usual way to script it (PDF through ``--pdf-engine=weasyprint``); ``all`` is the sum;
* Dask: the same batches through ``convert_collection`` on a ``LocalCluster`` of two workers,
  then on one of one worker, each started beforehand (start-up reported apart), with the
  settings of the cluster briefexport starts itself (``LOCAL_CLUSTER_SETTINGS``: Dask's
  profiler off and its diagnostics less often), as the README's cluster recipe sets them; every
  format in turn ``--repeat`` times, the median kept. The Dask speed-up is one worker's time
  over two workers' (neither pays a start-up, unlike ``-j 1``, a fresh process); the Dask CPU
  includes the client's and the in-process scheduler's;
* for each run, ours and pandoc's, the share of the machine's CPU time that its hypervisor gave
  to other machines (``steal`` in ``/proc/stat``): on a virtual machine that time passes on the
  clock with nothing of the run or the machine running, so a run with a larger share is slower
  for a reason outside it;
* for each of our runs, the cores it kept busy (CPU / wall-clock time) and the load average it
  started under: the ``-j 2`` speed-up is meaningful only when that run used close to two cores
  (on a machine shared with other work it cannot), and start-up, serial and included in every
  time, weighs more the fewer briefs there are. With ``--repeat N`` our ``-j 1`` and ``-j 2``
  runs alternate N times and the run of median wall-clock time stands for each; the notes give
  every run's time, so the spread that other work on the machine causes is seen.

Per-brief cost = wall-clock time / briefs. Pandoc comes from PyPI's ``pypandoc-binary`` (it ships
the pandoc binary) installed in any virtual environment; pass its path with ``--pandoc`` or put
``pandoc`` on PATH. Dask needs the ``dask`` extra, psutil comes with it.

Usage: ``python benchmarks/batch_vs_pandoc.py [--count 100] [--pandoc PATH] [--report FILE.md]``
"""

from __future__ import annotations

import argparse
import compileall
import dataclasses
import os
import random
import resource
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
from batch_rows import Measure, Row, StolenShare, cores_note, spread_note, table

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


def children_cpu() -> float:
    """CPU seconds of this process's children that have ended and been waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class ProcessSampler:
    """Every 0.1 s: resident memory and CPU time of each descendant of ``root``.

    Local workers are children of the fork server, not of the batch process, so their CPU time
    never reaches ``RUSAGE_CHILDREN``; the last sample of each stands for it.
    """

    def __init__(self, root: int) -> None:
        self.root = root
        self.memory: dict[int, list[int]] = {}
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> ProcessSampler:
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
                    rss, times = child.memory_info().rss, child.cpu_times()
                except psutil.Error:
                    continue
                if rss:  # an exited process not yet reaped reads as 0
                    self.memory.setdefault(child.pid, []).append(rss)
                self.cpu[child.pid] = times.user + times.system

    def measure(self, wall: float, direct_cpu: float) -> Measure:
        """Peaks per process in MB, and the largest one's memory at each quarter of its life."""
        peaks = {pid: max(samples) for pid, samples in self.memory.items()}
        largest = self.memory[max(peaks, key=peaks.__getitem__)] if peaks else [0]
        quarters = [largest[min(len(largest) - 1, len(largest) * q // 4)] for q in (1, 2, 3, 4)]
        return Measure(
            wall,
            direct_cpu + sum(self.cpu.values()),
            [rss / 2**20 for rss in peaks.values()],
            [rss / 2**20 for rss in quarters],
        )


def installed_environment() -> dict[str, str]:
    """The environment of a measured briefexport process: the package in ``src/`` with its
    bytecode compiled and read from ``__pycache__``, as a package installed by pip is run."""
    compileall.compile_dir(REPO / "src", quiet=1)
    environment = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def run_ours(collection: Path, out: Path, formats: str, jobs: int) -> Measure:
    """One batch process: its time, CPU time and the workers' memory."""
    command = [sys.executable, "-m", "briefexport", "batch", str(collection), "--to", formats]
    command += ["-o", str(out), "-j", str(jobs), "--force", "-q"]
    environment = installed_environment()
    load = os.getloadavg()[0]
    cpu_before, start = children_cpu(), time.perf_counter()
    with StolenShare() as stolen:
        process = subprocess.Popen(command, env=environment)
        with ProcessSampler(process.pid) as sampler:
            status = process.wait()
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"briefexport batch failed with status {status}")
    direct = children_cpu() - cpu_before  # the batch process: its workers are not its to wait for
    measured = sampler.measure(wall, direct)
    return dataclasses.replace(measured, load=load, own_cpu=direct, stolen=stolen.share)


def run_pandoc(pandoc: str, markdown_folder: Path, out: Path, fmt: str) -> Measure:
    """One pandoc process per brief, one after another: time and CPU time."""
    out.mkdir(parents=True, exist_ok=True)
    engine = ["--pdf-engine", str(Path(sys.executable).parent / "weasyprint")]
    cpu_before, start = children_cpu(), time.perf_counter()
    with StolenShare() as stolen:
        for source in sorted(markdown_folder.glob("*.md")):
            target = out / f"{source.stem}.{PANDOC_TARGET.get(fmt, fmt)}"
            command = [pandoc, str(source), "-s", "-o", str(target)]
            subprocess.run(command + engine * (fmt == "pdf"), check=True, capture_output=True)
    wall = time.perf_counter() - start
    return Measure(wall, children_cpu() - cpu_before, stolen=stolen.share)


def worker_state() -> tuple[float, int]:
    """CPU seconds and peak resident kilobytes of the calling (Dask worker) process."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


@dataclasses.dataclass
class Cluster:
    """A running two-worker LocalCluster."""

    address: str
    startup: float
    probe: Callable[[], dict[str, tuple[float, int]]]


@contextmanager
def dask_cluster(workers: int) -> Iterator[Cluster]:
    """Start a LocalCluster of single-threaded workers as briefexport starts one; time its
    start."""
    import dask.config
    from distributed import Client, LocalCluster

    from briefexport.batch.cluster import LOCAL_CLUSTER_SETTINGS

    start = time.perf_counter()
    with dask.config.set(LOCAL_CLUSTER_SETTINGS):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None)
    with cluster, Client(cluster) as client:
        startup = time.perf_counter() - start
        yield Cluster(cluster.scheduler_address, startup, lambda: client.run(worker_state))


def run_dask(cluster: Cluster, collection: Path, out: Path, formats: tuple[str, ...]) -> Measure:
    """One batch on the cluster (client connection included); CPU of workers and client."""
    before, own_before = cluster.probe(), time.process_time()
    load, start = os.getloadavg()[0], time.perf_counter()
    options = RunOptions(executor="dask", scheduler=cluster.address, force=True)
    with StolenShare() as stolen:
        summary = convert_collection(collection, out, formats, options)
    wall = time.perf_counter() - start
    if summary.exit_status:
        raise SystemExit(f"the Dask batch failed: {summary.counts()}")
    after, own = cluster.probe(), time.process_time() - own_before
    cpu = sum(after[name][0] - before[name][0] for name in after) + own
    peaks = [after[name][1] / 1024 for name in after]
    return Measure(wall, cpu, peaks, load=load, own_cpu=own, stolen=stolen.share)


def measure(args: argparse.Namespace, work: Path) -> tuple[list[Row], list[str]]:
    """Every way for every format; returns the rows and notes for the table."""
    xml_folder, markdown_folder = write_collection(work / "collection", args.count)
    rows = [Row(name, args.count) for name in (*args.formats, *(() if args.skip_all else ["all"]))]
    for row in rows:
        formats = ",".join(ALL) if row.name == "all" else row.name
        runs: dict[int, list[Measure]] = {1: [], 2: []}
        for _ in range(args.repeat):
            for jobs, measures in runs.items():
                out = work / f"ours-{row.name}-{jobs}"
                shutil.rmtree(out, ignore_errors=True)
                measures.append(run_ours(xml_folder, out, formats, jobs))
                print(f"ours {row.name} -j {jobs}: {measures[-1]}", flush=True)
        for jobs, measures in runs.items():
            row.ours[jobs] = sorted(measures, key=lambda run: run.wall)[len(measures) // 2]
            row.spread[jobs] = [run.wall for run in measures]
    pandoc = {
        fmt: run_pandoc(args.pandoc, markdown_folder, work / f"pandoc-{fmt}", fmt)
        for fmt in dict.fromkeys((*args.formats, *(() if args.skip_all else ALL)))
    }
    print(f"pandoc: {pandoc}", flush=True)
    shares = ", ".join(f"{fmt} {run.stolen:.0%}" for fmt, run in pandoc.items())
    for row in rows:
        row.pandoc = pandoc.get(row.name) or Measure(
            sum(pandoc[fmt].wall for fmt in ALL), sum(pandoc[fmt].cpu for fmt in ALL)
        )
    pages = page_range(work / "ours-pdf-1")
    notes = [f"{args.count} generated briefs; PDF pages per brief: {pages}"]
    notes.append(f"share of the machine's CPU time its hypervisor took, pandoc's runs: {shares}")
    pdf_run = rows[args.formats.index("pdf")].ours[1] if "pdf" in args.formats else None
    if pdf_run:
        timeline = ", ".join(f"{mb:.0f}" for mb in pdf_run.largest_timeline_mb)
        notes.append(f"largest local worker of the PDF -j 1 run, MB at each quarter: {timeline}")
    if not args.skip_dask:
        notes.append(dask_rows(rows, xml_folder, work, args.repeat))
    notes.insert(1, cores_note(rows))
    if args.repeat > 1:
        notes.insert(2, spread_note(rows))
    return rows, notes


def dask_rows(rows: list[Row], collection: Path, work: Path, repeat: int) -> str:
    """The Dask columns: each batch on a running cluster of two workers, then of one, every
    format in turn ``repeat`` times and the median kept; and a note on start-up and memory."""
    startups, peaks = [], []
    for workers in (2, 1):
        with dask_cluster(workers) as cluster:
            runs: dict[str, list[Measure]] = {row.name: [] for row in rows}
            for _ in range(repeat):
                for row in rows:
                    formats = ALL if row.name == "all" else (row.name,)
                    out = work / f"dask-{workers}-{row.name}"
                    runs[row.name].append(run_dask(cluster, collection, out, formats))
                    print(f"dask {workers} {row.name}: {runs[row.name][-1]}", flush=True)
        startups.append(f"{workers} worker{'s' * (workers > 1)} {cluster.startup:.1f} s")
        for row in rows:
            row.dask[workers] = sorted(runs[row.name], key=lambda run: run.wall)[repeat // 2]
            peaks.append(f"{row.name} {max(max(run.peaks_mb) for run in runs[row.name]):.0f}")
    return (
        f"LocalCluster start-up {', '.join(startups)} (not in the Dask columns, which are "
        "medians of --repeat runs on the running cluster; speed-up Dask = 1 worker / 2 "
        f"workers); the Dask workers' peak memory in MB, two workers then one: {', '.join(peaks)}"
    )


def page_range(folder: Path) -> str:
    import pikepdf

    pages = [len(pikepdf.open(path).pages) for path in folder.glob("*.pdf")]
    return f"{min(pages)} to {max(pages)}" if pages else "not counted (no PDF run)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--pandoc", default=shutil.which("pandoc") or "pandoc")
    parser.add_argument("--formats", type=lambda text: tuple(text.split(",")), default=FORMATS)
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-all", action="store_true", help="no row for --to all")
    parser.add_argument("--report", type=Path, help="also write the table to this file")
    parser.add_argument(
        "--repeat", type=int, default=1, help="alternate our -j 1 and -j 2 runs this many times"
    )
    args = parser.parse_args()
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as folder, StolenShare() as stolen:
        rows, notes = measure(args, Path(folder))
    version = subprocess.run([args.pandoc, "--version"], capture_output=True, text=True)
    notes.append(f"pandoc: {version.stdout.splitlines()[0]}; cores: {os.cpu_count()}")
    notes.append(f"load average at start: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    notes.append(
        f"share of the machine's CPU time its hypervisor took, whole run: {stolen.share:.0%}"
    )
    lines = [*table(rows), "", *(f"- {note}" for note in notes)]
    print("\n".join(lines))
    if args.report:
        args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
