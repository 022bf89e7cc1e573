"""What a command may begin before it is imported: the batch command's workers' fork server.

The fork server imports the reader and the writers for some 100 ms before the first worker can
start, and the batch command itself imports its parser, the model and the formats'
descriptions for some 40 ms before it could start it. So the program's own run looks, first,
for what plainly asks for local workers: a ``--to`` of known formats, and no ``--dry-run``,
``--executor`` or ``--scheduler`` option, nor help; the command starts the fork server anyway
once it has checked everything, and a fork server already running stays as it is. Whatever
the look misreads (an abbreviated option, a usage error) costs at most a fork server started in
vain, which ends with the program; argparse still reports every mistake, as before.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Sequence

from ..format_targets import WRITER_TARGETS

EVERY_FORMAT = "all"


class _Quiet(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise ValueError(message)  # the command's own parser says it, once


def _look() -> _Quiet:
    """The options that decide whether a batch run starts local workers, and nothing else."""
    look = _Quiet(add_help=False, allow_abbrev=False)
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
    if not found.to:
        return None
    names: list[str] = []
    for item in found.to.split(","):
        name = item.strip().lower()
        names.extend(WRITER_TARGETS if name == EVERY_FORMAT else [name] if name else [])
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
