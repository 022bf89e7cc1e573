"""A progress bar for batch runs on a terminal, drawn with ``rich`` on standard error.

Shows briefs done of those to convert, how many failed, the rate in briefs per second, the time
spent and the time left. ``rich`` is imported only here, when a bar is wanted, so no other
command pays for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .jobs import OK, JobResult

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


class RichProgress:
    """A :class:`~briefexport.batch.summary.ProgressSink` drawing one live bar."""

    def __init__(self) -> None:
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._failed = 0

    def start(self, total: int, up_to_date: int) -> None:
        """Show the bar for ``total`` briefs to convert."""
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed"),
            _rate_column(),
            TimeElapsedColumn(),
            TextColumn("elapsed"),
            TimeRemainingColumn(),
            TextColumn("left"),
            console=Console(stderr=True),
            transient=False,
        )
        label = f"converting ({up_to_date} up to date)" if up_to_date else "converting"
        self._task = self._bar.add_task(label, total=total, failed=0)
        self._bar.start()

    def advance(self, result: JobResult) -> None:
        """One more brief done (or failed)."""
        if self._bar is None or self._task is None:
            return
        self._failed += result.status != OK
        self._bar.update(self._task, advance=1, failed=self._failed)

    def finish(self) -> None:
        """Leave the final state of the bar on screen."""
        if self._bar is not None:
            self._bar.stop()


def _rate_column() -> Any:
    """A column of briefs per second; its class is built only once rich is imported."""
    from rich.progress import ProgressColumn, Task
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Briefs per second since the start: steadier than an estimate from the last few."""

        def render(self, task: Task) -> Text:
            elapsed = task.finished_time or task.elapsed
            if not elapsed or not task.completed:
                return Text("-- briefs/s")
            return Text(f"{task.completed / elapsed:.1f} briefs/s")

    return RateColumn()
