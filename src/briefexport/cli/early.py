"""What a command may begin before it is imported: the batch command's workers' fork server.

A batch run's first worker starts once the fork server has imported the reader and the writers
(some 380 M instructions for JATS, 630 M for DOCX) and the command has planned the run. Started
by the command, the fork server waited for the command's own imports (its parser, the model,
the formats' descriptions: some 120 M of the 260 M instructions before it); started here, it
imports while they run. So the program's own run looks first for what plainly asks for local
workers: a folder to convert, a ``--to`` of known formats, and no ``--dry-run``, ``--executor``
(but ``local``) or ``--scheduler`` option, nor help. The command still starts the fork server
once it has checked everything (one already running stays as it is), and argparse still reports
every mistake. What the look misreads (an abbreviated option, an option's value taken for the
folder) costs a fork server started in vain, which ends with the program, or one started later.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Sequence
from pathlib import Path

from ..format_targets import WRITER_TARGETS, named_formats


class _Quiet(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise ValueError(message)  # the command's own parser says it, once


def _look() -> _Quiet:
    """The options that decide whether a batch run starts local workers, and nothing else."""
    look = _Quiet(add_help=False, allow_abbrev=False)
    look.add_argument("collection", nargs="?")
    look.add_argument("-o", "--output-dir")
    look.add_argument("--to")
    look.add_argument("-n", "--dry-run", action="store_true")
    look.add_argument("--executor")
    look.add_argument("--scheduler")
    look.add_argument("-h", "--help", action="store_true")
    return look


def local_formats(args: Sequence[str]) -> tuple[str, ...] | None:
    """The formats of a batch run that plainly asks for local workers (see above), else None."""
    try:
        found, _ = _look().parse_known_args(list(args))
    except ValueError:
        return None
    if found.dry_run or found.help or found.executor not in (None, "local") or found.scheduler:
        return None
    if not found.to or not (found.collection and Path(found.collection).is_dir()):
        return None
    names = named_formats(found.to.split(","))
    if not names or any(name not in WRITER_TARGETS for name in names):
        return None
    return tuple(dict.fromkeys(names))


def start_batch_workers(args: Sequence[str]) -> None:
    """Start the fork server of a batch run given ``args`` (after ``batch``), if they plainly
    ask for local workers."""
    formats = local_formats(args)
    if formats is None:
        return
    from ..batch.server import start_worker_server

    # a failure is the command's to report: it starts the fork server again once it has checked
    with contextlib.suppress(Exception):
        start_worker_server(formats)
