"""The kept fingerprints of reviewed library functions: the same as ``inspect.getsource`` gives,
and every one a PDF checks is kept (run as a script, this module rewrites the table)."""

from __future__ import annotations

import hashlib
import inspect
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefexport.writers.pdf import source_memo, source_memo_table
from support.paths import HARBOUR, REPO, TOUR

TABLE = REPO / "src" / "briefexport" / "writers" / "pdf" / "source_memo_table.py"
NOTED = textwrap.dedent(
    """
    import json, sys
    import briefexport
    from briefexport.options import default_options
    from briefexport.writers.pdf import source_memo, write
    if sys.argv[1] == "empty":
        source_memo.KNOWN.clear()
    for path in sys.argv[2:]:
        brief = briefexport.load(path)
        write(brief, default_options(brief))
    noted = [
        [f.__module__, f.__qualname__, *source_memo.source_key(f), fingerprint]
        for f, fingerprint in source_memo.COMPUTED
    ]
    print(json.dumps(noted))
    """
)

Noted = list[tuple[str, str, str, int, str]]


def noted_by_pdfs(table: str) -> Noted:
    """Module, name, file SHA-256, first line and fingerprint of every function whose source
    the PDFs of both examples had ``inspect`` read, with the kept table or an ``empty`` one."""
    env = {"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-c", NOTED, table, str(HARBOUR), str(TOUR)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    return [tuple(entry) for entry in json.loads(done.stdout.splitlines()[-1])]


def as_table(noted: Noted) -> dict[str, dict[int, str]]:
    table: dict[str, dict[int, str]] = {}
    for _, _, file_sha256, line, fingerprint in noted:
        table.setdefault(file_sha256, {})[line] = fingerprint
    return table


def table_text(noted: Noted) -> str:
    """:mod:`.source_memo_table` keeping ``noted``, grouped by file, formatted as ruff does."""
    files: dict[str, list[str]] = {}
    for module, name, file_sha256, line, fingerprint in sorted(set(noted)):
        entries = files.setdefault(file_sha256, [f"    # {module}", f'    "{file_sha256}": {{'])
        entries += [f"        # {name}", f'        {line}: "{fingerprint}",']
    body = "\n".join(line for entries in files.values() for line in [*entries, "    },"])
    docstring = inspect.getsource(source_memo_table).split('"""')[1]
    return f'"""{docstring}"""\n\nKNOWN: dict[str, dict[int, str]] = {{\n{body}\n}}\n'


@pytest.mark.slow  # a fresh process writes a PDF
def test_kept_fingerprints_are_the_ones_inspect_gives() -> None:
    assert as_table(noted_by_pdfs("empty")) == source_memo_table.KNOWN


@pytest.mark.slow  # a fresh process writes a PDF
def test_a_pdf_reads_no_reviewed_source_with_inspect() -> None:
    assert noted_by_pdfs("kept") == []


def test_another_file_is_left_to_inspect(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = tmp_path / "reviewed_elsewhere.py"
    module.write_text("def function():\n    return 1  # the body\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    from reviewed_elsewhere import function  # type: ignore[import-not-found]

    digest = hashlib.sha256(module.read_bytes()).hexdigest()
    assert source_memo.source_key(function) == (digest, 1)
    assert source_memo.known_fingerprint(function) is None
    monkeypatch.setitem(source_memo_table.KNOWN, digest, {1: "kept"})
    assert source_memo.known_fingerprint(function) == "kept"
    assert source_memo.known_fingerprint(len) is None  # no source file


if __name__ == "__main__":
    TABLE.write_text(table_text(noted_by_pdfs("empty")), encoding="utf-8")
