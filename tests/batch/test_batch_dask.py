"""The same work on a Dask ``LocalCluster`` of two worker processes: same outputs, same report."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from briefexport.batch import ExportSettings, RunOptions, convert_collection
from support.batch import BROKEN, GOOD, copied_style
from support.skips import require_module

# Every test here is slow: Dask is imported by the tests that run, not when the fast suite
# collects this module.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def distributed() -> ModuleType:
    module: ModuleType = require_module("distributed", "test extra")
    return module


@pytest.fixture(scope="module")
def cluster(distributed: ModuleType) -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local.scheduler_address


def test_a_dask_cluster_writes_what_local_workers_write(
    cluster: str, collection: Path, tmp_path: Path
) -> None:
    formats = ["jats", "html", "docx"]
    local = convert_collection(collection, tmp_path / "local", formats, RunOptions(jobs=2))
    on_dask = convert_collection(
        collection, tmp_path / "dask", formats, RunOptions(executor="dask", scheduler=cluster)
    )
    assert sorted(on_dask.converted) == sorted(local.converted) == GOOD
    assert [failure.source for failure in on_dask.failed] == [BROKEN]
    assert on_dask.exit_status == 2
    produced = sorted(p.relative_to(tmp_path / "dask") for p in (tmp_path / "dask").rglob("*.*"))
    expected = sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local").rglob("*.*"))
    assert produced == expected
    for relative in expected:
        if relative.name != ".briefexport-manifest.json":
            local_bytes = (tmp_path / "local" / relative).read_bytes()
            assert (tmp_path / "dask" / relative).read_bytes() == local_bytes, relative
    rerun = convert_collection(
        collection, tmp_path / "dask", formats, RunOptions(executor="dask", scheduler=cluster)
    )
    assert rerun.up_to_date == GOOD
    assert not rerun.converted


def _diagnostics_of_this_worker() -> tuple[dict[str, object], bool, float, float]:
    """The worker's settings of the cluster's list, whether it profiles, how often it checks
    its event loop and how often it samples its own CPU and memory (in seconds)."""
    import dask
    import distributed

    from briefexport.batch.cluster import LOCAL_CLUSTER_SETTINGS

    worker = distributed.get_worker()
    settings = {name: dask.config.get(name) for name in LOCAL_CLUSTER_SETTINGS}
    monitor = worker.periodic_callbacks["monitor"].callback_time / 1000
    return settings, "profile" in worker.periodic_callbacks, worker._tick_interval, monitor


@pytest.mark.usefixtures("distributed")
def test_the_cluster_started_for_a_run_runs_dasks_diagnostics_less_often() -> None:
    import dask

    from briefexport.batch.cluster import LOCAL_CLUSTER_SETTINGS, dask_executor

    with dask_executor(None, 1, ("jats",)) as (executor, threads):
        assert threads == 1
        settings, profiles, tick, monitor = executor.submit(_diagnostics_of_this_worker).result()
    assert settings == LOCAL_CLUSTER_SETTINGS
    assert (profiles, tick, monitor) == (False, 1.0, 2.0)
    # the settings hold for that cluster only
    assert {name: dask.config.get(name) for name in LOCAL_CLUSTER_SETTINGS} != settings


def test_workers_that_outlive_a_run_read_the_style_files_of_the_next(
    cluster: str, collection: Path, tmp_path: Path
) -> None:
    style = copied_style(tmp_path / "style")
    export = ExportSettings(style_dir=style)
    run = RunOptions(executor="dask", scheduler=cluster)
    convert_collection(collection, tmp_path / "out", "html", run, export)
    page = tmp_path / "out" / "harbour-resilience.html"
    assert "Suggested citation" in page.read_text(encoding="utf-8")
    labels = style / "labels.toml"
    text = labels.read_text(encoding="utf-8")
    labels.write_text(text.replace('"Suggested citation"', '"Cite this brief as"'), "utf-8")
    summary = convert_collection(collection, tmp_path / "out", "html", run, export)
    assert sorted(summary.converted) == GOOD
    assert "Cite this brief as" in page.read_text(encoding="utf-8")


def test_dask_workers_write_under_the_submitting_process_umask(
    cluster: str, collection: Path, tmp_path: Path
) -> None:
    """The cluster's workers started under this process's umask of the time (022, usually);
    the run's outputs follow the umask it has when it submits the run, as local ones do."""
    out = tmp_path / "out"
    previous = os.umask(0o077)
    try:
        summary = convert_collection(
            collection, out, "html,jats", RunOptions(executor="dask", scheduler=cluster)
        )
    finally:
        os.umask(previous)
    assert sorted(summary.converted) == GOOD
    written = [path for path in out.rglob("*") if path.is_file()]
    assert len(written) > 2 * len(GOOD)  # the outputs, figure copies and the manifest
    modes = {path.relative_to(out): stat.S_IMODE(path.stat().st_mode) for path in written}
    assert modes == dict.fromkeys(modes, 0o600)


def _warning_lines_of_a_brief(source: str) -> tuple[list[str], str]:
    """The lines a Python warning gives while a worker converts ``source``, and the name of the
    worker's ``warnings.showwarning``."""
    import warnings

    from briefexport.shared.warning_lines import thread_warnings

    with thread_warnings(Path(source), searchable=False) as lines:
        warnings.warn("a face has no glyph for it", UserWarning, stacklevel=1)
    return list(lines), warnings.showwarning.__name__


def test_dask_workers_log_python_warnings_as_the_briefs_warning_lines(
    cluster: str, distributed: ModuleType
) -> None:
    from briefexport.batch.cluster import BriefexportWorkerPlugin

    with distributed.Client(cluster) as client:
        client.register_plugin(BriefexportWorkerPlugin(("jats",)))
        lines, shown = client.submit(_warning_lines_of_a_brief, "a.xml", pure=False).result()
        client.unregister_worker_plugin(BriefexportWorkerPlugin.name)
        after = client.run(lambda: __import__("warnings").showwarning.__name__)
    assert lines == ["a.xml:1:1: warning: UserWarning: a face has no glyph for it"]
    assert shown == "log_python_warning"
    assert after  # every worker answered
    assert "log_python_warning" not in after.values()  # put back as the plugin went


def test_a_dask_run_removes_leftovers_when_it_ends(
    cluster: str, collection: Path, tmp_path: Path
) -> None:
    """A cluster reruns the task of a worker it lost without telling the run, so a Dask run
    sweeps its output folder when it ends, even where no earlier run was left unfinished."""
    out = tmp_path / "out"
    on_dask = RunOptions(executor="dask", scheduler=cluster)
    convert_collection(collection, out, ["jats"], on_dask)
    left = out / ".a.xml.0123456789ab.tmp"  # as a worker killed mid-write leaves it
    left.write_bytes(b"")
    convert_collection(collection, out, ["jats"], on_dask)
    assert not left.exists()
