"""The import graph: layers import downwards only and no package's modules import in a circle
(the contracts are in pyproject.toml, checked by import-linter's ``lint-imports``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support.paths import REPO


def test_import_contracts_are_kept() -> None:
    command = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(command), "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "2 kept, 0 broken" in done.stdout
