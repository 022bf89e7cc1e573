"""Local workers: how long they live, which pool comes first, and what the fork server imports
for them (everything a worker's first brief needs, and none of the parent's machinery)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from briefexport.batch.chunks import LARGEST_CHUNK
from briefexport.batch.collection import Workers, make_dispatcher
from briefexport.batch.jobs import ExportSettings, Job, JobResult
from briefexport.batch.local import tasks_per_worker
from briefexport.batch.server import (
    DEFAULT_RECYCLE_AFTER,
    RECYCLE_AFTER_WITHOUT_PAGES,
    WORKER_MODULES,
    recycle_after_for,
)
from briefexport.formats import FORMATS
from support.batch import RecordingExecutor, python_output
from support.paths import HARBOUR

SHORT_LIFE = 50
"""``--recycle-after 50``: too short a life for the longest chunks from the start."""


@pytest.mark.parametrize(
    ("formats", "life"),
    [
        (("jats", "docx", "epub", "html", "markdown"), RECYCLE_AFTER_WITHOUT_PAGES),
        (("jats", "pdf"), DEFAULT_RECYCLE_AFTER),
        (("bag",), DEFAULT_RECYCLE_AFTER),  # the package holds a PDF
        (("dspace-saf", "epub"), DEFAULT_RECYCLE_AFTER),
        (tuple(FORMATS), DEFAULT_RECYCLE_AFTER),
    ],
)
def test_a_worker_is_replaced_sooner_when_it_lays_out_pages(
    formats: tuple[str, ...], life: int
) -> None:
    assert recycle_after_for(formats) == life


def run_dispatcher(
    tmp_path: Path, recycle_after: int, executor: str = "local"
) -> list[tuple[int, int]]:
    """(briefs a task may hold, briefs it held) of every task of a 300-brief run on two local
    workers (or Dask workers), as the collection run sets the dispatcher up."""
    log: list[tuple[int, int]] = []
    jobs = [Job(tmp_path / f"{n}.xml", f"{n}.xml", "xml", (), ExportSettings()) for n in range(300)]
    results: list[JobResult] = []
    workers = Workers(2, executor, None, recycle_after)
    dispatcher = make_dispatcher(
        workers, lambda bound: RecordingExecutor(bound, log), 2, threading.Event(), results.append
    )
    assert dispatcher.run(jobs) == 0
    assert len(results) == 300
    return log


def test_long_lived_workers_take_long_chunks_from_the_first_pool(tmp_path: Path) -> None:
    log = run_dispatcher(tmp_path, RECYCLE_AFTER_WITHOUT_PAGES)
    assert {bound for bound, _ in log} == {LARGEST_CHUNK}  # one pool for the whole run
    assert log[0][1] == 1  # a single brief while no time is known
    assert max(length for _, length in log) == 20  # then 0.2 s of 10 ms briefs
    assert [length for _, length in log][-4:] == [1, 1, 1, 1]  # the last ones end together
    assert tasks_per_worker(RECYCLE_AFTER_WITHOUT_PAGES, LARGEST_CHUNK) * LARGEST_CHUNK <= 1000


def test_dask_tasks_hold_more_work_and_end_as_short(tmp_path: Path) -> None:
    lengths = [length for _, length in run_dispatcher(tmp_path, DEFAULT_RECYCLE_AFTER, "dask")]
    assert lengths[:4] == [1, 1, 1, 1]  # single briefs while no time is known
    assert max(lengths) == LARGEST_CHUNK  # 0.4 s of 10 ms briefs, at most the largest chunk
    assert max(lengths[-4:]) <= 5  # the last ones no longer than a quarter of 0.2 s of them


def test_short_lived_workers_start_on_a_pool_of_single_briefs(tmp_path: Path) -> None:
    log = run_dispatcher(tmp_path, SHORT_LIFE)
    bounds = [bound for bound, _ in log]
    assert bounds[0] == 1
    assert max(bounds) > 1  # widened once times are known
    assert all(tasks_per_worker(SHORT_LIFE, bound) * bound <= SHORT_LIFE for bound in bounds)
    assert min(length for _, length in log[4:]) > 1  # no life spent on single briefs at the end


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter has imported after running ``code``."""
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    return set(json.loads(python_output(script).splitlines()[-1]))


PARENT_ONLY = {"briefexport.batch.convert", "briefexport.batch.manifest", "briefexport.batch.run"}


def test_the_worker_modules_leave_out_the_parents_machinery() -> None:
    loaded = modules_after("\n".join(f"import {module}" for module in WORKER_MODULES))
    assert "briefexport.batch.chunks" in loaded
    assert not loaded & PARENT_ONLY


def test_the_command_line_parser_imports_no_batch_machinery() -> None:
    loaded = modules_after("from briefexport.cli import batch\nbatch.parser()")
    assert not loaded & (PARENT_ONLY | {"briefexport.batch.jobs", "concurrent.futures.process"})


def test_the_package_still_offers_its_names() -> None:
    import briefexport.batch as batch

    assert batch.convert_collection.__module__ == "briefexport.batch.convert"
    assert batch.RunOptions().recycle_after is None
    with pytest.raises(AttributeError):
        _ = batch.no_such_name


# each format is an interpreter of its own: the fast suite keeps the Word writer's, the other
# formats' are in the slow suite
@pytest.mark.parametrize(
    "fmt",
    [
        fmt if fmt == "docx" else pytest.param(fmt, marks=pytest.mark.slow)
        for fmt in ("jats", "docx", "epub", "html", "markdown")
    ],
)
def test_a_forked_worker_imports_no_package_for_its_first_brief(fmt: str, tmp_path: Path) -> None:
    preload = [*WORKER_MODULES, FORMATS[fmt].target.split(":")[0]]
    code = f"""
import importlib, json, sys
from pathlib import Path
for name in {preload!r}:
    importlib.import_module(name)
from briefexport.batch.chunks import run_chunk
from briefexport.batch.jobs import ExportSettings, Job, prepare_worker
before = set(sys.modules)  # as the fork server leaves them
prepare_worker(({fmt!r},), False)
target = Path({str(tmp_path / "out")!r})
[result] = run_chunk((Job(Path({str(HARBOUR)!r}), "a.xml", "xml", (({fmt!r}, target),),
                      ExportSettings()),))
assert result.status == 0, result
new = set(sys.modules) - before  # a standard module or two, such as zipfile's code page
print(json.dumps(sorted(m for m in new if m.split('.')[0] not in sys.stdlib_module_names)))
"""
    assert json.loads(python_output(code).splitlines()[-1]) == []


def test_a_run_starts_no_more_workers_than_briefs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefexport.batch import RunOptions, collection, convert_collection
    from briefexport.batch.local import local_executor

    started: list[int] = []
    real = local_executor

    def recorded(workers: int, *args: object) -> object:
        started.append(workers)
        return real(workers, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(collection, "local_executor", recorded)
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    for name in ("a.xml", "b.xml"):
        (briefs / name).write_bytes(HARBOUR.read_bytes())
    summary = convert_collection(briefs, tmp_path / "out", ["jats"], RunOptions(jobs=64))
    assert sorted(summary.converted) == ["a.xml", "b.xml"]
    assert set(started) == {2}
