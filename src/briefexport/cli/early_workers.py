"""Start ``briefexport batch``'s worker server from the command's words, before the rest of
the command line is imported.

The local workers fork from a server that first imports the reader and the writers
(:mod:`briefexport.batch.server`): in a run of short conversions the workers wait for it, so the
sooner it starts the sooner they work. This looks only for ``--to`` and for what runs no local
worker (``--executor``, ``--scheduler``, ``--dry-run``, ``--help``); the command's own parser
reads the words again, and starts the server if this did not (with the same formats, or those it
reads: a server already running keeps the writers it imported, and a worker imports any other
itself).
"""

from __future__ import annotations

NO_LOCAL_WORKERS = ("--executor", "--scheduler", "-n", "--dry-run", "-h", "--help")


def start_workers_early(args: list[str]) -> None:
    """Start the worker server for the formats ``args`` name, if they surely ask for local
    workers (:func:`local_formats`)."""
    formats = local_formats(args)
    if formats is not None:
        from ..batch.server import start_worker_server

        start_worker_server(formats)


def local_formats(args: list[str]) -> tuple[str, ...] | None:
    """The formats of a batch's words that surely ask for local workers; None for anything
    else, or unclear (the command's parser says what is wrong). An option shortened to a
    prefix (``--dry``) is not seen: the server then starts for nothing."""
    given = None
    for index, word in enumerate(args):
        if word == "--":
            break
        if word.split("=", 1)[0] in NO_LOCAL_WORKERS or _short_flags(word) & {"n", "h"}:
            return None
        if word == "--to" and index + 1 < len(args):
            given = args[index + 1]
        elif word.startswith("--to="):
            given = word.removeprefix("--to=")
    if given is None:
        return None
    from ..errors import BriefexportError
    from ..formats import format_names

    try:
        return format_names(given)
    except BriefexportError:
        return None


def _short_flags(word: str) -> set[str]:
    """The letters of a cluster of short flags (``-qn``)."""
    if word.startswith("-") and not word.startswith("--") and word[1:].isalpha():
        return set(word[1:])
    return set()
