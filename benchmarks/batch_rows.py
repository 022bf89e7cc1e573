"""The rows of ``batch_vs_pandoc.py``: what one way of converting cost, and the Markdown table
and notes made from them."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass
class Measure:
    """Wall-clock and CPU seconds of a whole batch, and the workers' memory."""

    wall: float
    cpu: float
    peaks_mb: list[float] = dataclasses.field(default_factory=list)
    largest_timeline_mb: list[float] = dataclasses.field(default_factory=list)
    load: float = 0.0
    """The one-minute load average when the run started."""
    own_cpu: float = 0.0
    """CPU seconds of the batch command's own process (local runs), or of the client and the
    in-process scheduler (Dask runs); the rest is the workers'."""
    stolen: float = 0.0
    """The share of the machine's CPU time that its hypervisor gave to other machines during
    the run (``steal`` in ``/proc/stat``, all cores; 0 where it is not reported)."""

    @property
    def cores_used(self) -> float:
        """CPU seconds per wall-clock second: about 1 for one busy worker, 2 for two."""
        return self.cpu / self.wall if self.wall else 0.0


def stolen_ticks() -> tuple[int, int]:
    """The machine's CPU time so far, in clock ticks over all cores: stolen by its hypervisor,
    and in all (``/proc/stat``; zeros where there is none)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
    except OSError:
        return 0, 0
    steal = fields[7] if len(fields) > 7 else 0
    return steal, sum(fields[:8])


class StolenShare:
    """A block's share of the machine's CPU time that its hypervisor took: ``share``, set
    when the block ends (``with StolenShare() as stolen: ...``, then ``stolen.share``)."""

    def __init__(self) -> None:
        self.share = 0.0
        self._start = (0, 0)

    def __enter__(self) -> StolenShare:
        self._start = stolen_ticks()
        return self

    def __exit__(self, *_: object) -> None:
        steal, total = stolen_ticks()
        elapsed = total - self._start[1]
        self.share = (steal - self._start[0]) / elapsed if elapsed > 0 else 0.0


def cores_note(rows: list[Row]) -> str:
    """How many cores each of our runs kept busy, and the load it started under.

    The ``-j 2`` speed-up can only approach 2 when the two workers had two cores to
    themselves: with other processes on the machine, ``-j 2`` uses fewer than 2 cores and the
    speed-up measures the machine, not the batch command. Start-up (interpreter, imports, the
    fork server) is serial and in every wall-clock time, so small collections understate it.
    """
    parts = [
        f"{row.name} -j {jobs} {run.cores_used:.2f} (load {run.load:.1f}, parent CPU "
        f"{run.own_cpu:.2f} s, stolen {run.stolen:.0%})"
        for row in rows
        for jobs, run in sorted(row.ours.items())
    ]
    parts += [
        f"{row.name} Dask {workers} {run.cores_used:.2f} (load {run.load:.1f}, client and "
        f"scheduler CPU {run.own_cpu:.2f} s, stolen {run.stolen:.0%})"
        for row in rows
        for workers, run in sorted(row.dask.items())
    ]
    return (
        "cores used by ours (CPU / wall-clock), the load average at its start, the CPU of "
        "the process that hands out the work and the share of the machine's CPU time its "
        "hypervisor took: " + ", ".join(parts)
    )


@dataclasses.dataclass
class Row:
    """One format measured every way; seconds are per brief."""

    name: str
    count: int
    ours: dict[int, Measure] = dataclasses.field(default_factory=dict)
    pandoc: Measure = dataclasses.field(default_factory=lambda: Measure(0.0, 0.0))
    dask: dict[int, Measure] = dataclasses.field(default_factory=dict)
    """The median run on an already running LocalCluster of 2 workers, and of 1."""
    spread: dict[int, list[float]] = dataclasses.field(default_factory=dict)
    """Wall-clock seconds of every run of ours, in the order run (``--repeat``)."""

    def line(self) -> str:
        one, two, pandoc, n = self.ours[1], self.ours[2], self.pandoc, self.count
        dask = {workers: f"{run.wall / n:.3f}" for workers, run in self.dask.items()}
        dask_cpu = f"{self.dask[2].cpu / n:.3f}" if 2 in self.dask else "-"
        both = 1 in self.dask and 2 in self.dask
        dask_speed = f"{self.dask[1].wall / self.dask[2].wall:.2f}" if both else "-"
        peak = max(*one.peaks_mb, *two.peaks_mb)
        cells = [
            self.name,
            f"{one.wall / n:.3f}",
            f"{one.cpu / n:.3f}",
            f"{two.wall / n:.3f}",
            dask.get(1, "-"),
            dask.get(2, "-"),
            dask_cpu,
            f"{pandoc.wall / n:.3f}",
            f"{pandoc.cpu / n:.3f}",
            f"{one.wall / pandoc.wall:.2f}",
            f"{one.cpu / pandoc.cpu:.2f}",
            f"{one.wall / two.wall:.2f}",
            dask_speed,
            f"{peak:.0f}",
        ]
        return "| " + " | ".join(cells) + " |"


def spread_note(rows: list[Row]) -> str:
    """Every run's wall-clock seconds, and the speed-up of each alternating pair."""
    parts = []
    for row in rows:
        one, two = row.spread[1], row.spread[2]
        pairs = sorted(first / second for first, second in zip(one, two, strict=True))
        parts.append(
            f"{row.name} -j 1 {', '.join(f'{t:.2f}' for t in one)}; -j 2 "
            f"{', '.join(f'{t:.2f}' for t in two)}; speed-up of each pair, sorted: "
            f"{', '.join(f'{ratio:.2f}' for ratio in pairs)}"
        )
    return "every run (s, alternating -j 1 and -j 2): " + " / ".join(parts)


def table(rows: list[Row]) -> list[str]:
    """The Markdown table: seconds per brief, ratios to pandoc, speed-ups, memory."""
    header = (
        "| format | ours -j 1 | ours -j 1 CPU | ours -j 2 | Dask 1 worker | Dask 2 workers "
        "| Dask 2 CPU | pandoc | pandoc CPU | ratio | CPU ratio | speed-up -j 2 | speed-up Dask "
        "| peak MB |"
    )
    return [header, "|" + "---|" * 14, *(row.line() for row in rows)]
