"""What a batch run did: converted, up to date, failed (with every located problem), the
outputs left by briefs that no longer exist, and what was skipped as briefexport's own output.
Printed as a short summary and, with ``--report``,
written as JSON with the same content.

Exit status, as for the other commands, the worst wins: 0 every brief converted or up to date;
1 an output could not be produced or written, or the run was interrupted; 2 a brief is invalid.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..model.record import Record, record
from .jobs import INVALID, OK, OUTPUT_FAILED, JobResult

REPORT_VERSION = 1
LEFT_IN_PLACE = "is a live output's too, by a name alike but for case: left in place"


class ProgressSink(Protocol):
    """Something that shows the run going on (a progress bar), told of each result."""

    def start(self, total: int, up_to_date: int) -> None: ...

    def advance(self, result: JobResult) -> None: ...

    def finish(self) -> None: ...


@record
class Failure(Record):
    """A brief that was not converted, or not to every format, and why, as
    ``FILE:LINE:COL: message`` lines (outputs that could be written were)."""

    source: str
    status: int
    errors: tuple[str, ...]

    @property
    def reason(self) -> str:
        """``invalid`` input or ``output`` failure."""
        return "invalid" if self.status == INVALID else "output"


@dataclass
class Summary:
    """The outcome of :func:`briefexport.batch.convert_collection`. Paths are relative: briefs
    to the collection folder, outputs to the output folder."""

    formats: list[str]
    briefs: int = 0
    converted: list[str] = field(default_factory=list)
    up_to_date: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    not_pruned: list[str] = field(default_factory=list)
    """Outputs of deleted briefs that ``--prune`` could not remove (the warnings say why)."""
    left_in_place: list[str] = field(default_factory=list)
    """Files of outputs of deleted briefs (the output itself, or a figure copied beside it) that
    ``--prune`` left, since each is a live output's file too, under a name alike but for case
    (a brief renamed, on a case-insensitive disk)."""
    skipped: dict[str, str] = field(default_factory=dict)
    """Files and folders of the collection that briefexport wrote, and why each was skipped."""
    importable: int = 0
    """Markdown and text files left out because importing was off."""
    reasons: dict[str, str] = field(default_factory=dict)
    """Each brief the run converts (in a dry run: would convert), to which formats and why:
    ``to docx, epub (brief changed); to pdf (new)``."""
    dry_run: bool = False
    prunes: bool = False
    """Outputs of deleted briefs are removed (in a dry run: would be)."""
    not_started: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    workers_lost: bool = False
    """A worker ended otherwise than it should (killed, or at the time limit): the next run
    looks for the temporary files it may have left (:mod:`.leftovers`)."""

    def add(self, result: JobResult) -> None:
        """Count one finished job."""
        self.warnings.extend(result.warnings)
        if result.status == OK:
            self.converted.append(result.relative)
        else:
            self.failed.append(Failure(result.relative, result.status, result.errors))

    @property
    def exit_status(self) -> int:
        """0 all done, 1 an output failed or the run was interrupted, 2 a brief is invalid."""
        worst = max((failure.status for failure in self.failed), default=OK)
        return max(worst, OUTPUT_FAILED if self.interrupted else OK)

    def error_lines(self) -> Iterator[str]:
        """Every problem of every failed brief, briefs in path order."""
        for failure in sorted(self.failed, key=lambda found: found.source):
            yield from failure.errors

    def lines(self, *, verbose: bool = False) -> Iterator[str]:
        """The summary as printed: failures with their problems (with ``verbose`` also the
        warnings, what was skipped and the briefs converted), outputs of deleted briefs, then one
        line of counts."""
        yield from self.error_lines()
        if verbose:
            yield from self.warnings
            yield from (f"{path}: {why}; skipped" for path, why in self.skipped.items())
            yield from (
                f"{source}: converted {self.reasons.get(source, '')}".rstrip()
                for source in sorted(self.converted)
            )
        if self.dry_run:
            yield from (
                f"{source}: would convert {why}" for source, why in sorted(self.reasons.items())
            )
        for output in self.orphaned:
            yield f"{output}: its brief no longer exists; {self._orphan_state(output, verbose)}"
        yield from (
            f"{name}: copied beside an output whose brief no longer exists; it {LEFT_IN_PLACE}"
            for name in self.left_in_place
            if name not in self.orphaned
        )
        yield self.counts(verbose=verbose)

    def _orphan_state(self, output: str, verbose: bool) -> str:
        if not self.prunes:
            return "kept (use --prune to remove)"
        if self.interrupted:
            return "kept (the run was interrupted before --prune)"
        if output in self.not_pruned:
            return f"kept: a file of it could not be removed{_hint(verbose, 'shows why')}"
        if output in self.left_in_place:
            return f"its file {LEFT_IN_PLACE}"
        return "would be removed" if self.dry_run else "removed"

    def counts(self, *, verbose: bool = False) -> str:
        """``converted 97, up to date 0, failed 3 of 100 briefs in 12.3 s``, and the rest (with
        ``verbose``, without the hints to use ``-v``)."""
        line = self._tally()
        if self.warnings:
            line += f"; {_counted(len(self.warnings), 'warning')}{_hint(verbose, 'shows them')}"
        if self.skipped:
            line += f"; skipped {_counted(len(self.skipped), 'file')}{_hint(verbose, 'says why')}"
        if self.importable and not self.briefs:
            left_out = _counted(self.importable, "Markdown or text file")
            line += f"; {left_out} left out (--import converts {_them(self.importable)})"
        if self.interrupted:
            line += f"; interrupted, {self.not_started} not started (run again to resume)"
        return line

    def _tally(self) -> str:
        if self.dry_run:
            done, took = f"would convert {len(self.reasons)}", "(a dry run: nothing written)"
        else:
            done, took = f"converted {len(self.converted)}", f"in {self.seconds:.1f} s"
        return (
            f"{done}, up to date {len(self.up_to_date)}, "
            f"failed {len(self.failed)} of {self.briefs} briefs {took}"
        )

    def as_data(self) -> dict[str, Any]:
        """The same as :meth:`lines`, as data for ``--report``."""
        return {
            "report": REPORT_VERSION,
            "formats": self.formats,
            "briefs": self.briefs,
            "converted": sorted(self.converted),
            "up_to_date": sorted(self.up_to_date),
            "failed": [
                {"source": item.source, "reason": item.reason, "errors": list(item.errors)}
                for item in sorted(self.failed, key=lambda found: found.source)
            ],
            "warnings": self.warnings,
            "orphaned": self.orphaned,
            "pruned": self.pruned,
            "not_pruned": self.not_pruned,
            "left_in_place": self.left_in_place,
            "skipped": self.skipped,
            "dry_run": self.dry_run,
            "reasons": dict(sorted(self.reasons.items())),
            "interrupted": self.interrupted,
            "not_started": self.not_started,
            "seconds": round(self.seconds, 3),
            "exit_status": self.exit_status,
        }

    def to_json(self) -> str:
        """:meth:`as_data` as indented JSON."""
        return json.dumps(self.as_data(), indent=2, ensure_ascii=False) + "\n"


def _counted(count: int, thing: str) -> str:
    """``1 warning``, ``2 warnings``."""
    return f"{count} {thing}{'' if count == 1 else 's'}"


def _them(count: int) -> str:
    return "it" if count == 1 else "them"


def _hint(verbose: bool, what: str) -> str:
    """`` (-v shows them)``, unless ``-v`` was given."""
    return "" if verbose else f" (-v {what})"
