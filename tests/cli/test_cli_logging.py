"""Running the command line inside another program leaves that program's logging as it was.

The commands send the library's warnings to standard error (errors only with ``-q``) while they
run; a test, notebook or service that calls :func:`briefexport.cli.main` in its own process must
hear the library's warnings afterwards as before, however the command was called.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from briefexport.cli import main
from briefexport.cli.common import CURRENT_INPUT
from support.paths import HARBOUR


def state(logger: logging.Logger) -> tuple[object, ...]:
    return (list(logger.handlers), logger.level, logger.propagate, logger.disabled)


@pytest.mark.parametrize("quiet", [["-q"], []])
@pytest.mark.parametrize("command", [[], ["batch"]])
def test_the_library_logger_is_as_before_a_command_ran(
    command: list[str], quiet: list[str], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    library = logging.getLogger("briefexport")
    noisy = logging.getLogger("fontTools")
    before, noisy_level = state(library), noisy.level
    source = HARBOUR if not command else HARBOUR.parent
    assert main([*command, str(source), "--to", "jats", *quiet, "-o", str(tmp_path)]) == 0
    assert state(library) == before
    assert noisy.level == noisy_level
    assert CURRENT_INPUT.get() == "briefexport"
    logging.getLogger("briefexport.writers.html").warning("still heard after the command")
    assert "still heard after the command" in caplog.text
