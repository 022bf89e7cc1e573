"""Benchmark (run on demand, never in the test suite): how ``briefexport batch`` scales with the
size of the collection, one worker against two.

For each format and each collection size (generated briefs, as in ``batch_vs_pandoc.py``) it
times ``python -m briefexport batch COLLECTION --to FMT -o DIR -j N --force -q`` as a fresh
process, ``-j 1`` and ``-j 2`` alternating ``--repeat`` times, and keeps the medians; a
collection of one brief shows what a run costs before it converts anything (interpreter,
imports, the workers' fork server, a worker's first brief). The times of the other sizes are
fitted with a straight line, ``seconds = a + briefs x per-brief``, by least squares:

* *speed-up* is ``-j 1`` time / ``-j 2`` time of whole runs, start-up included;
* *throughput* is briefs per second once running (1 / per-brief): the slope of the line, from
  whole runs only, with no instrument inside the process; its ratio is what a second worker
  adds to a long collection;
* the largest relative distance of a measured time from its line tells whether the cost grows
  linearly with the collection.

With ``--dask`` the same collections then go to a running Dask ``LocalCluster`` of one worker
or of two (started before the clock starts, so no time holds a start-up; one at a time, so an
idle cluster takes nothing from the other), with the settings briefexport's own cluster uses,
through ``convert_collection`` in this process, whose client and scheduler share the machine's
cores with the workers.

Usage: ``python benchmarks/batch_scaling.py [--formats docx,epub,jats] [--sizes 100,200,400,800]
[--repeat 5] [--dask [--no-local]] [--report FILE.md]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from batch_vs_pandoc import REPO, write_collection

Runner = Callable[[Path, Path, str, int], float]
"""Wall-clock seconds of one batch: collection, output folder, format, workers."""


def run_batch(collection: Path, out: Path, fmt: str, jobs: int) -> float:
    """Wall-clock seconds of one batch process."""
    command = [sys.executable, "-m", "briefexport", "batch", str(collection), "--to", fmt]
    command += ["-o", str(out), "-j", str(jobs), "--force", "-q"]
    environment = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    start = time.perf_counter()
    subprocess.run(command, env=environment, check=True)
    return time.perf_counter() - start


@contextmanager
def dask_runner() -> Iterator[Runner]:
    """Batches on a running LocalCluster of one or of two workers (started before the clock
    starts, as in ``batch_vs_pandoc.py``), through ``convert_collection`` in this process. One
    cluster runs at a time: an idle cluster's own diagnostics would take processor time from
    the other's workers."""
    from batch_vs_pandoc import Cluster, dask_cluster

    from briefexport.batch import RunOptions, convert_collection

    current: list[tuple[int, Cluster, ExitStack]] = []

    def cluster_of(workers: int) -> Cluster:
        if current and current[0][0] != workers:
            current.pop()[2].close()
        if not current:
            stack = ExitStack()
            current.append((workers, stack.enter_context(dask_cluster(workers)), stack))
        return current[0][1]

    def run(collection: Path, out: Path, fmt: str, workers: int) -> float:
        options = RunOptions(executor="dask", scheduler=cluster_of(workers).address, force=True)
        start = time.perf_counter()
        summary = convert_collection(collection, out, [fmt], options)
        if summary.exit_status:
            raise SystemExit(f"the Dask batch failed: {summary.counts()}")
        return time.perf_counter() - start

    try:
        yield run
    finally:
        for _, _, stack in current:
            stack.close()


def line_fit(points: list[tuple[int, float]]) -> tuple[float, float]:
    """Least-squares intercept and slope of ``seconds`` over ``briefs``."""
    mean_x = statistics.fmean(x for x, _ in points)
    mean_y = statistics.fmean(y for _, y in points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
    return mean_y - slope * mean_x, slope


def measure_format(
    where: str, run: Runner, fmt: str, collections: dict[int, Path], repeat: int
) -> list[str]:
    """The table rows of one format: one per size, then the fitted line."""
    medians: dict[tuple[int, int], float] = {}
    for size, folder in collections.items():
        times: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(repeat):
            for jobs in times:
                times[jobs].append(run(folder, folder.parent / f"out-{fmt}-{jobs}", fmt, jobs))
        for jobs, runs in times.items():
            medians[jobs, size] = statistics.median(runs)
        print(f"{where} {fmt} {size}: 1 {times[1]}, 2 {times[2]}", flush=True)
    rows = [
        f"| {where} | {fmt} | {size} | {medians[1, size]:.3f} | {medians[2, size]:.3f} | "
        f"{medians[1, size] / medians[2, size]:.2f} | | | |"
        for size in collections
    ]
    sizes = [size for size in collections if size > 1]
    fits = {jobs: line_fit([(size, medians[jobs, size]) for size in sizes]) for jobs in (1, 2)}
    worst = max(
        abs(medians[jobs, size] - (fits[jobs][0] + fits[jobs][1] * size)) / medians[jobs, size]
        for jobs in (1, 2)
        for size in sizes
    )
    per_1, per_2 = fits[1][1], fits[2][1]
    rows.append(
        f"| {where} | {fmt} | line through {min(sizes)} to {max(sizes)} | | | | "
        f"{1 / per_1:.0f} / {1 / per_2:.0f} | {per_1 / per_2:.2f} | {100 * worst:.1f} % |"
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="docx,epub,jats")
    parser.add_argument("--sizes", default="100,200,400,800")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--report", type=Path, help="also write the table to this file")
    parser.add_argument("--dask", action="store_true", help="also on LocalClusters of 1 and 2")
    parser.add_argument("--no-local", action="store_true", help="with --dask: only on Dask")
    args = parser.parse_args()
    sizes = sorted({1, *(int(size) for size in args.sizes.split(","))})
    if len([size for size in sizes if size > 1]) < 2:
        parser.error("--sizes needs two sizes above 1 to fit a line through")
    load = os.getloadavg()
    lines = [
        "| workers | format | briefs | 1 worker s | 2 workers s | speed-up | briefs/s 1 / 2 | "
        "throughput ratio | farthest from the line |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        collections = {size: write_collection(work / f"c{size}", size)[0] for size in sizes}
        for fmt in [] if args.no_local else args.formats.split(","):
            lines += measure_format("local", run_batch, fmt, collections, args.repeat)
        if args.dask:
            with dask_runner() as run_dask:
                for fmt in args.formats.split(","):
                    lines += measure_format("Dask", run_dask, fmt, collections, args.repeat)
    after = os.getloadavg()
    lines += [
        "",
        f"- medians of {args.repeat} alternating runs per size; cores: {os.cpu_count()}; local:"
        " fresh processes (-j 1, -j 2), Dask: an already running cluster, one at a time",
        f"- load average at start: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; at the end: "
        f"{after[0]:.1f} {after[1]:.1f} {after[2]:.1f}",
    ]
    print("\n".join(lines))
    if args.report:
        args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
