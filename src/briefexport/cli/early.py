"""What a command may begin before it is imported: the batch command's workers' fork server.

A batch run's first worker starts once the fork server has imported the reader and the writers
(some 380 M instructions for JATS, 630 M for DOCX) and the command has planned the run. Started
by the command, the fork server waited for the command's own imports (its parser, the model,
the formats' descriptions: some 120 M of the 260 M instructions before it); started here, it
imports while they run. So the program's own run looks first for what plainly asks for local
workers: a folder to convert, a ``--to`` of known formats, and no ``--dry-run``, ``--executor``
(but ``local``) or ``--scheduler`` option, nor help. It reads them by hand, without argparse or
pathlib, whose imports would come before the fork server's start. The command still starts the
fork server once it has checked everything (one already running stays as it is), and argparse
still reports every mistake. What the look misreads (an abbreviated option, flags run together,
an option's value taken for the folder) costs a fork server started in vain, which ends with the
program, or one started later.
"""

from __future__ import annotations

import contextlib
import os.path
from collections.abc import Sequence

from ..format_targets import WRITER_TARGETS, named_formats

VALUE_OPTIONS = {
    "-o": "output_dir",
    "--output-dir": "output_dir",
    "--to": "to",
    "--executor": "executor",
    "--scheduler": "scheduler",
}
"""The options of the look that take a value, as the command's parser spells them."""
FLAGS = {"-n": "dry_run", "--dry-run": "dry_run", "-h": "help", "--help": "help"}
"""The options of the look that take none."""


def _look(args: Sequence[str]) -> dict[str, object] | None:
    """The options that decide whether a batch run starts local workers, read as the command's
    parser reads them (``--to X``, ``--to=X``, ``-oX``; an unknown option is passed over, the
    first other argument is the folder), or None where it would see a mistake. Read by hand,
    and the folder looked at with :mod:`os.path`: importing argparse and pathlib here would
    delay the fork server's start (the command imports them once the server is started)."""
    found: dict[str, object] = {}
    waiting = list(args)
    while waiting:
        arg = waiting.pop(0)
        if arg == "--":
            found.setdefault("collection", waiting[0] if waiting else None)
            break
        name, value = _split(arg)
        if name in FLAGS and value is None:
            found[FLAGS[name]] = True
        elif name in VALUE_OPTIONS:
            if value is None:
                if not waiting or waiting[0].startswith("-"):
                    return None  # a usage error, said once, by the command
                value = waiting.pop(0)
            found[VALUE_OPTIONS[name]] = value
        elif not arg.startswith("-") or arg == "-":
            found.setdefault("collection", arg)
        elif name in FLAGS:
            return None  # a flag given a value, or flags run together: left to the command
    return found


def _split(arg: str) -> tuple[str, str | None]:
    """An option and the value written into the same argument (``--to=X``, ``-oX``), if any."""
    if arg.startswith("--"):
        name, equals, value = arg.partition("=")
        return name, value if equals else None
    if arg.startswith("-") and len(arg) > 2:
        return arg[:2], arg[3:] if arg[2] == "=" else arg[2:]
    return arg, None


def local_formats(args: Sequence[str]) -> tuple[str, ...] | None:
    """The formats of a batch run that plainly asks for local workers (see above), else None."""
    found = _look(args)
    if found is None or found.get("dry_run") or found.get("help") or found.get("scheduler"):
        return None
    if found.get("executor") not in (None, "local"):
        return None
    to, collection = found.get("to"), found.get("collection")
    if not isinstance(to, str) or not (isinstance(collection, str) and os.path.isdir(collection)):
        return None
    names = named_formats(to.split(","))
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
