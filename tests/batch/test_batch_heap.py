"""A worker's memory: the heap it inherits frozen, a laid-out brief's cyclic garbage freed as
soon as the brief is done, other briefs' left to the collector."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefexport.batch.chunks import run_chunk
from briefexport.batch.heap import free_brief_garbage
from briefexport.batch.jobs import OK, ExportSettings, Job
from support.batch import python_output
from support.paths import HARBOUR


class Node:
    """Something to put in a reference cycle."""

    partner: Node | None = None


@pytest.fixture
def collector_paused() -> Iterator[None]:
    """No automatic collection within the test, so only the code under test frees cycles."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def cycle() -> weakref.ref[Node]:
    """A weak reference to one of two objects that are garbage once this returns."""
    first, second = Node(), Node()
    first.partner, second.partner = second, first
    return weakref.ref(first)


@pytest.mark.usefixtures("collector_paused")
def test_only_a_brief_with_pages_is_followed_by_a_collection() -> None:
    garbage = cycle()
    free_brief_garbage(("jats", "docx", "epub", "html", "markdown"))
    assert garbage() is not None
    free_brief_garbage(("jats", "bag"))  # a bag holds a PDF
    assert garbage() is None


@pytest.mark.usefixtures("collector_paused")
def test_a_pdf_brief_leaves_no_cyclic_garbage_behind(tmp_path: Path) -> None:
    job = Job(HARBOUR, HARBOUR.name, "xml", (("pdf", tmp_path / "a.pdf"),), ExportSettings())
    [result] = run_chunk((job,))
    assert result.status == OK
    assert gc.collect() < 200  # without the collection after the brief: over 10,000 objects


def test_a_local_worker_freezes_what_it_inherited() -> None:
    script = (
        "import gc\n"
        "from briefexport.batch.limits import prepare_local_worker\n"
        "before = gc.get_freeze_count()\n"
        "prepare_local_worker(('jats',), 0o022, None)\n"
        "print(before, gc.get_freeze_count() > 10_000)\n"
    )
    assert python_output(script).split() == ["0", "True"]
