"""Benchmark (run on demand, never in the test suite): how ``briefexport batch`` scales with the
size of the collection, one worker against two.

For each format and each collection size (generated briefs, as in ``batch_vs_pandoc.py``) it
times ``python -m briefexport batch COLLECTION --to FMT -o DIR -j N --force -q`` as a fresh
process (bytecode compiled and cached, as an installed package runs), ``-j 1`` and ``-j 2``
alternating ``--repeat`` times, and keeps the medians; a
collection of one brief shows what a run costs before it converts anything (interpreter,
imports, the workers' fork server, a worker's first brief). The times of the other sizes are
fitted with a straight line, ``seconds = a + briefs x per-brief``, by least squares:

* *speed-up* is ``-j 1`` time / ``-j 2`` time of whole runs, start-up included;
* *throughput* is briefs per second once running (1 / per-brief): the slope of the line, from
  whole runs only, with no instrument inside the process; its ratio is what a second worker
  adds to a long collection;
* the largest relative distance of a measured time from its line tells whether the cost grows
  linearly with the collection;
* the share of the machine's CPU time its hypervisor took (``steal`` in ``/proc/stat``), over
  the whole run and, least and most, over the runs of each kind and size: on a virtual machine
  a run that lost more is slower for a reason outside it.

With ``--dask`` the same collections then go to a running Dask ``LocalCluster`` of one worker
or of two, with the settings briefexport's own cluster uses, through ``convert_collection`` in
this process, whose client and scheduler share the machine's cores with the workers. As a real
cluster is long-lived (the user passes ``--scheduler ADDRESS``), each size of cluster is started
once, before the clock starts, and serves every format, size and repeat: its workers import
the writers once, as a long-lived cluster's do, and no time holds a start-up. The one-worker
cluster runs everything first, then the two-worker one (one at a time, so an idle cluster takes
nothing from the other), so on Dask the ``--repeat`` runs of one worker and of two do not
alternate as the local runs do.

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
from pathlib import Path

from batch_rows import StolenShare
from batch_vs_pandoc import installed_environment, write_collection

Times = dict[tuple[str, int, int], list[float]]
"""Wall-clock seconds of the runs of each format, number of workers and collection size."""
STOLEN: Times = {}
"""The share of the machine's CPU time its hypervisor took during each of those runs."""


def run_batch(collection: Path, out: Path, fmt: str, jobs: int) -> float:
    """Wall-clock seconds of one batch process."""
    command = [sys.executable, "-m", "briefexport", "batch", str(collection), "--to", fmt]
    command += ["-o", str(out), "-j", str(jobs), "--force", "-q"]
    environment = installed_environment()
    start = time.perf_counter()
    subprocess.run(command, env=environment, check=True)
    return time.perf_counter() - start


def local_times(formats: list[str], collections: dict[int, Path], repeat: int) -> Times:
    """Fresh processes, ``-j 1`` and ``-j 2`` alternating ``repeat`` times per format and size."""
    times: Times = {}
    for fmt in formats:
        for size, folder in collections.items():
            for _ in range(repeat):
                for jobs in (1, 2):
                    with StolenShare() as stolen:
                        seconds = run_batch(folder, folder.parent / f"out-{fmt}-{jobs}", fmt, jobs)
                    STOLEN.setdefault(("local", jobs, size), []).append(stolen.share)
                    times.setdefault((fmt, jobs, size), []).append(seconds)
            print(f"local {fmt} {size}: {[times[fmt, jobs, size] for jobs in (1, 2)]}", flush=True)
    return times


def dask_times(formats: list[str], collections: dict[int, Path], repeat: int) -> Times:
    """Each batch on a running LocalCluster (as in ``batch_vs_pandoc.py``), through
    ``convert_collection`` in this process: a cluster of one worker, started once for every
    format, size and repeat, then one of two workers likewise."""
    from batch_vs_pandoc import dask_cluster

    from briefexport.batch import RunOptions, convert_collection

    times: Times = {}
    for workers in (1, 2):
        with dask_cluster(workers) as cluster:
            options = RunOptions(executor="dask", scheduler=cluster.address, force=True)
            for fmt in formats:
                for size, folder in collections.items():
                    for _ in range(repeat):
                        out = folder.parent / f"dask-{fmt}-{workers}"
                        start = time.perf_counter()
                        with StolenShare() as stolen:
                            summary = convert_collection(folder, out, [fmt], options)
                        seconds = time.perf_counter() - start
                        STOLEN.setdefault(("Dask", workers, size), []).append(stolen.share)
                        if summary.exit_status:
                            raise SystemExit(f"the Dask batch failed: {summary.counts()}")
                        times.setdefault((fmt, workers, size), []).append(seconds)
                    print(f"Dask {workers} {fmt} {size}: {times[fmt, workers, size]}", flush=True)
    return times


def stolen_note() -> str:
    """The least and the most of the machine's CPU time the hypervisor took in a run, by where
    it ran, workers and collection size."""
    parts = [
        f"{where} {jobs} worker{'s' * (jobs > 1)} {size} brief{'s' * (size > 1)} "
        f"{min(shares):.0%} to {max(shares):.0%}"
        for (where, jobs, size), shares in sorted(STOLEN.items())
    ]
    return "runs of each kind, least to most: " + ", ".join(parts)


def line_fit(points: list[tuple[int, float]]) -> tuple[float, float]:
    """Least-squares intercept and slope of ``seconds`` over ``briefs``."""
    mean_x = statistics.fmean(x for x, _ in points)
    mean_y = statistics.fmean(y for _, y in points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
    return mean_y - slope * mean_x, slope


def format_rows(where: str, fmt: str, sizes: list[int], times: Times) -> list[str]:
    """The table rows of one format: one per size, then the fitted line."""
    medians = {
        (jobs, size): statistics.median(times[fmt, jobs, size]) for jobs in (1, 2) for size in sizes
    }
    rows = [
        f"| {where} | {fmt} | {size} | {medians[1, size]:.3f} | {medians[2, size]:.3f} | "
        f"{medians[1, size] / medians[2, size]:.2f} | | | |"
        for size in sizes
    ]
    fitted = [size for size in sizes if size > 1]
    fits = {jobs: line_fit([(size, medians[jobs, size]) for size in fitted]) for jobs in (1, 2)}
    worst = max(
        abs(medians[jobs, size] - (fits[jobs][0] + fits[jobs][1] * size)) / medians[jobs, size]
        for jobs in (1, 2)
        for size in fitted
    )
    per_1, per_2 = fits[1][1], fits[2][1]
    rows.append(
        f"| {where} | {fmt} | line through {min(fitted)} to {max(fitted)} | | | | "
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
    formats = args.formats.split(",")
    with tempfile.TemporaryDirectory() as folder, StolenShare() as whole:
        work = Path(folder)
        collections = {size: write_collection(work / f"c{size}", size)[0] for size in sizes}
        if not args.no_local:
            times = local_times(formats, collections, args.repeat)
            lines += [row for fmt in formats for row in format_rows("local", fmt, sizes, times)]
        if args.dask:
            times = dask_times(formats, collections, args.repeat)
            lines += [row for fmt in formats for row in format_rows("Dask", fmt, sizes, times)]
    after = os.getloadavg()
    lines += [
        "",
        f"- medians of {args.repeat} runs per size; cores: {os.cpu_count()}; local: fresh"
        " processes, -j 1 and -j 2 alternating; Dask: a cluster of one worker, then one of two,"
        " each started once for every run",
        f"- load average at start: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; at the end: "
        f"{after[0]:.1f} {after[1]:.1f} {after[2]:.1f}",
        f"- share of the machine's CPU time its hypervisor took: whole run {whole.share:.0%}; "
        + stolen_note(),
    ]
    print("\n".join(lines))
    if args.report:
        args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
