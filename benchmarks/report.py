"""Cells of the benchmark, the Markdown table and the issue's targets judged on them."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path

HEADER = (
    "| brief | format | briefexport s, median (min-max) | pandoc s, median (min-max) | ratio "
    "| CPU s ours / pandoc (ratio) | peak MB ours / pandoc | pages ours / pandoc "
    "| s per page ours / pandoc | notes on calling page ours / pandoc |\n|" + "---|" * 10
)
SEED_BRIEF = "seed"


@dataclass
class Usage:
    """What one run of a command cost."""

    seconds: float
    cpu_seconds: float
    peak_mb: float

    def __add__(self, other: Usage) -> Usage:
        peak = max(self.peak_mb, other.peak_mb)
        return Usage(self.seconds + other.seconds, self.cpu_seconds + other.cpu_seconds, peak)


@dataclass
class Side:
    """Wall and CPU times (s) and peak memory (MB) of one tool in one cell."""

    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    peak_mb: float = 0.0

    def add(self, usage: Usage) -> None:
        self.seconds.append(usage.seconds)
        self.cpu_seconds.append(usage.cpu_seconds)
        self.peak_mb = max(self.peak_mb, usage.peak_mb)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_seconds)

    def spread(self) -> str:
        return f"{self.median:.2f} ({min(self.seconds):.2f}-{max(self.seconds):.2f})"


@dataclass
class Cell:
    """One brief in one format, both tools; for PDFs the pages and notes kept on their page."""

    brief: str
    fmt: str
    ours: Side
    peers: Side
    pages: tuple[int, int] = (0, 0)
    kept: tuple[tuple[int, int], tuple[int, int]] = ((0, 0), (0, 0))

    @property
    def ratio(self) -> float:
        return self.ours.median / self.peers.median

    @property
    def seconds_per_page(self) -> float:
        return self.ours.median / self.pages[0]

    @property
    def all_notes_kept(self) -> bool:
        kept, notes = self.kept[0]
        return kept == notes

    def row(self) -> str:
        ours, peers = self.ours, self.peers
        cpu = f"{ours.cpu_median:.2f} / {peers.cpu_median:.2f}"
        cells = [self.brief, self.fmt, ours.spread(), peers.spread(), f"{self.ratio:.2f}"]
        cells.append(f"{cpu} ({ours.cpu_median / peers.cpu_median:.2f})")
        cells.append(f"{ours.peak_mb:.0f} / {peers.peak_mb:.0f}")
        if self.fmt == "pdf":
            per_page = (ours.median / self.pages[0], peers.median / self.pages[1])
            cells.append(f"{self.pages[0]} / {self.pages[1]}")
            cells.append(f"{per_page[0]:.3f} / {per_page[1]:.3f}")
            cells.append(" / ".join(f"{kept} of {notes}" for kept, notes in self.kept))
        else:
            cells.extend(["-"] * 3)
        return "| " + " | ".join(cells) + " |"


def _judged(what: str, value: float, limit: float, met: bool, unit: str = "x pandoc") -> str:
    return f"- {what}: {value:.2f}{unit} (target <= {limit}): {'met' if met else 'NOT met'}"


def pdf_targets(cells: list[Cell]) -> list[str]:
    """Seed at most pandoc's time, long briefs within 1.3x, flat time per page, notes kept."""
    pdf = {cell.brief: cell for cell in cells if cell.fmt == "pdf"}
    lines = []
    if SEED_BRIEF in pdf:
        seed = pdf[SEED_BRIEF]
        met = seed.ratio <= 1.0 and seed.all_notes_kept
        lines.append(_judged("PDF, seed, every note on its page", seed.ratio, 1.0, met))
    generated = sorted(
        (cell for name, cell in pdf.items() if name.startswith("generated")),
        key=lambda cell: cell.pages[0],
    )
    for cell in (cell for cell in generated if cell.pages[0] >= 30):
        met = cell.ratio <= 1.3 and cell.all_notes_kept
        lines.append(_judged(f"PDF, {cell.brief}, every note on its page", cell.ratio, 1.3, met))
    if len(generated) >= 2:
        growth = generated[-1].seconds_per_page / generated[0].seconds_per_page
        what = f"PDF s/page, {generated[-1].brief} over {generated[0].brief}"
        lines.append(_judged(what, growth, 1.2, growth <= 1.2, unit=""))
    return lines


def format_targets(cells: list[Cell]) -> list[str]:
    """DOCX, EPUB and JATS within 1.5x pandoc, all four at most 0.7x pandoc's four runs."""
    limits = {"docx": 1.5, "epub": 1.5, "jats": 1.5, "all": 0.7}
    return [
        _judged(f"{cell.fmt}, seed", cell.ratio, limits[cell.fmt], cell.ratio <= limits[cell.fmt])
        for cell in cells
        if cell.fmt in limits and cell.brief == SEED_BRIEF
    ]


def write_report(path: Path, command: str, context: list[str], cells: list[Cell]) -> None:
    title = "# briefexport beside pandoc, whole processes, cold"
    table = [HEADER, *(cell.row() for cell in cells)]
    goals = ["", "Targets (wall-time ratios of this run):", ""]
    goals += pdf_targets(cells) + format_targets(cells)
    text = "\n".join([title, "", f"`{command}`", "", *context, "", *table, *goals, ""])
    path.write_text(text, "utf-8")
    print(text)
