"""The accessibility checkers publishing uses, run in Debian's headless Chromium.

- EPUB: Ace by DAISY (npm ``@daisy/ace-cli``, command ``ace-cli``: the checker with its
  puppeteer runner; the ``ace`` of ``@daisy/ace`` runs Electron, whose browser cannot be
  installed from the npm registry, and its ``ace-puppeteer`` is this one);
- HTML: axe-core (npm ``axe-core``) injected by ``axe_page.cjs`` through ``puppeteer-core``, with
  the WCAG 2.0 to 2.2 level A and AA rules, in light and dark colours.

Both take ``chromium-offline`` beside this module as their browser (``PUPPETEER_EXECUTABLE_PATH``),
which keeps Chromium off the network. A test is skipped, with what is missing named, where
Chromium, Node.js or a package is not installed (``scripts/setup --test`` installs them; under CI
the skip fails, :mod:`support.skips`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from .skips import require_command, require_tool

HERE = Path(__file__).resolve().parent
CHROMIUM_OFFLINE = HERE / "chromium-offline"
AXE_PAGE = HERE / "axe_page.cjs"
NODE_PACKAGES = ("puppeteer-core", "axe-core")


def chromium_environment() -> dict[str, str]:
    """The environment that points puppeteer at Chromium (off the network) and Node.js at the
    globally installed packages."""
    require_command("chromium", "Debian package chromium")
    require_command("node", "Node.js")
    npm = require_command("npm", "npm")
    root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True, check=True)
    modules = root.stdout.strip()
    for package in NODE_PACKAGES:
        installed = (Path(modules) / package / "package.json").is_file()
        require_tool(installed, f"the npm package {package}", "npm install -g")
    return os.environ | {"PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM_OFFLINE), "NODE_PATH": modules}


def ace_violations(book: Path, report_dir: Path) -> list[str]:
    """Every violation Ace by DAISY finds in the EPUB ``book``, as ``IMPACT RULE DOCUMENT``
    lines, from the JSON report it writes into ``report_dir``."""
    ace = shutil.which("ace-puppeteer") or require_command("ace-cli", "npm package @daisy/ace-cli")
    command = [ace, "--force", "--silent", "--outdir", str(report_dir), str(book)]
    run = subprocess.run(
        command, env=chromium_environment(), capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, f"ace failed ({run.returncode}): {run.stderr}"
    report = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))
    found = []
    for subject in report["assertions"]:
        for test in subject.get("assertions", []):
            rule = test["earl:test"]
            found.append(
                f"{rule['earl:impact']} {rule['dct:title']} {subject['earl:testSubject']['url']}"
            )
    return found


def axe_violations(pages: Iterable[Path]) -> list[str]:
    """Every WCAG 2.x A/AA violation axe-core finds in the HTML ``pages``, in light and dark
    colours, as ``PAGE SCHEME: IMPACT RULE TARGETS`` lines."""
    command = [require_command("node", "Node.js"), str(AXE_PAGE), *map(str, pages)]
    run = subprocess.run(
        command, env=chromium_environment(), capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, f"axe_page.cjs failed ({run.returncode}): {run.stderr}"
    return [
        f"{Path(page).name}: {v['impact']} {v['id']} {', '.join(v['targets'])}"
        for page, violations in json.loads(run.stdout).items()
        for v in violations
    ]
