"""A local pool's manager thread failing a task the dispatcher had cancelled (CPython
gh-107219) shows no traceback; any other error of a thread is shown as usual."""

from __future__ import annotations

import threading
from concurrent.futures import Future, InvalidStateError
from concurrent.futures.process import BrokenProcessPool, _ExecutorManagerThread
from pathlib import Path

import pytest

from briefexport.batch import RunOptions, convert_collection, local


@pytest.fixture
def usual_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test starts with Python's own hook, and makes a local pool (which puts its own)."""
    monkeypatch.setattr(threading, "excepthook", threading.__excepthook__)
    local.local_executor(1, ("jats",), 10).shutdown()


def failing_cancelled() -> BaseException:
    """What the manager thread meets: a cancelled task failed as the pool breaks."""
    future: Future[None] = Future()
    future.cancel()
    try:
        future.set_exception(BrokenProcessPool("a worker died"))
    except InvalidStateError as error:
        return error
    raise AssertionError("a cancelled future took an exception")


def manager_thread() -> threading.Thread:
    """A pool's manager thread as the hook sees it (never started; its pool is not made)."""
    manager = _ExecutorManagerThread.__new__(_ExecutorManagerThread)
    threading.Thread.__init__(manager, name="manager")
    return manager


def hook_of(error: BaseException, thread: threading.Thread) -> None:
    args = threading.ExceptHookArgs([type(error), error, error.__traceback__, thread])
    threading.excepthook(args)


@pytest.mark.usefixtures("usual_hook")
def test_the_manager_thread_failing_a_cancelled_task_shows_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    hook_of(failing_cancelled(), manager_thread())
    assert capsys.readouterr().err == ""


@pytest.mark.usefixtures("usual_hook")
def test_other_errors_of_threads_are_shown(capsys: pytest.CaptureFixture[str]) -> None:
    hook_of(ValueError("other"), manager_thread())
    assert "ValueError: other" in capsys.readouterr().err
    hook_of(failing_cancelled(), threading.Thread(name="another"))
    assert "InvalidStateError: CANCELLED" in capsys.readouterr().err


def test_a_run_from_python_puts_back_the_hook_it_found(
    monkeypatch: pytest.MonkeyPatch, collection: Path, tmp_path: Path
) -> None:
    def own(args: threading.ExceptHookArgs) -> None:
        raise AssertionError("never called")

    monkeypatch.setattr(threading, "excepthook", own)
    convert_collection(collection, tmp_path / "out", ["jats"], RunOptions(jobs=1))
    assert threading.excepthook is own
