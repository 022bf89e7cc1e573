"""Put first on the fork server's list of modules to import by a test: on import it leaves the
file ``importing`` in the folder named by ``BRIEFEXPORT_TEST_MARKS``, then waits for the file
``go-on``, so that the test signals the fork server while it is amid its imports."""

from __future__ import annotations

import os
import time
from pathlib import Path

_MARKS = Path(os.environ["BRIEFEXPORT_TEST_MARKS"])
(_MARKS / "importing").touch()
while not (_MARKS / "go-on").exists():
    time.sleep(0.01)
