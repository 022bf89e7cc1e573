"""Convert whole collections of briefs: in parallel, incrementally, and resumably.

Python API::

    from briefexport.batch import RunOptions, convert_collection
    summary = convert_collection("briefs/", "site/", ["pdf", "epub"], RunOptions(jobs=4))
    print(summary.counts(), summary.exit_status)

Every brief below the collection folder (see :mod:`.discovery`) is converted by worker processes
that import the writers once (:mod:`.local`), or by a Dask cluster (:mod:`.cluster`); outputs
mirror the folder tree. A manifest in the output folder (:mod:`.manifest`) lets a rerun skip
what is up to date and resume what an interrupted run left. Workers use the library's own
reader, importers and writers, so each output is the one ``briefexport BRIEF.xml`` would write.

The names below are imported on first use (PEP 562): a worker process imports only the modules
it runs (:mod:`.jobs`, :mod:`.chunks`), not the parent's planning and dispatching, and the
command line starts the workers' fork server before it imports the rest (:mod:`.server`).
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # as typing.TYPE_CHECKING: typing is not imported before the fork server
if TYPE_CHECKING:
    from typing import Any

    from .convert import RunOptions, convert_collection
    from .jobs import ExportSettings
    from .server import DEFAULT_RECYCLE_AFTER
    from .summary import Failure, Summary

__all__ = [
    "DEFAULT_RECYCLE_AFTER",
    "ExportSettings",
    "Failure",
    "RunOptions",
    "Summary",
    "convert_collection",
]
_HOMES = {
    "DEFAULT_RECYCLE_AFTER": ".server",
    "ExportSettings": ".jobs",
    "Failure": ".summary",
    "RunOptions": ".convert",
    "Summary": ".summary",
    "convert_collection": ".convert",
}


def __getattr__(name: str) -> Any:
    """A public name, from the module that defines it, imported now."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name], __name__), name)
