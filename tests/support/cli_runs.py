"""The type of the ``cli`` fixture: run ``briefexport`` in this process, get status and stderr."""

from __future__ import annotations

from collections.abc import Callable

RunCli = Callable[..., tuple[int, str]]
