"""The shipped TOML files are read from their stored values, exactly as tomllib reads them.

``python tests/shared/test_toml_files.py`` rewrites :mod:`briefexport.shared.toml_files_table`
after a shipped file changed (then ``ruff format`` it).
"""

from __future__ import annotations

import pprint
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from briefexport.shared import toml_files_table
from briefexport.shared.toml_files import stored_key, toml_value
from briefexport.shared.toml_files_table import STORED
from support.paths import REPO

SHIPPED = ("brand.toml", "labels.toml")
TABLE = REPO / "src" / "briefexport" / "shared" / "toml_files_table.py"


@pytest.mark.parametrize("name", SHIPPED)
def test_a_shipped_file_has_its_stored_value(name: str) -> None:
    # so that the stored values stay in use: a changed file needs the table rewritten
    data = (REPO / "styles" / name).read_bytes()
    assert stored_key(data) in STORED
    assert toml_value(data.decode()) == tomllib.loads(data.decode())


def test_each_call_gets_a_new_value() -> None:
    text = (REPO / "styles" / "brand.toml").read_text(encoding="utf-8")
    first = toml_value(text)
    first["colors"]["accent"] = "#000000"
    assert toml_value(text)["colors"]["accent"] != "#000000"


def test_other_text_is_parsed_by_tomllib() -> None:
    assert toml_value('[colors]\naccent = "#123456"\n') == {"colors": {"accent": "#123456"}}
    with pytest.raises(tomllib.TOMLDecodeError):
        toml_value("[colors\n")


def test_an_export_imports_no_tomllib(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom briefexport.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('tomllib' in sys.modules)\n"
    )
    brief = str(REPO / "examples" / "harbour-resilience.xml")
    command = [sys.executable, "-c", code, brief, "--to", "html", "-q", "-o", str(tmp_path)]
    env = {"PYTHONPATH": str(REPO / "src"), "PATH": ""}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    assert done.stdout.splitlines()[-1] == "False"


def table_text() -> str:
    """:mod:`.toml_files_table` for the shipped files as they are."""
    docstring = toml_files_table.__doc__ or ""
    noqa = "# ruff: noqa: RUF001  (the labels' typographic quotes and stops)\n"
    parts = [f'"""{docstring}"""\n\n{noqa}\nfrom __future__ import annotations\n']
    parts.append("from collections.abc import Callable\nfrom typing import Any\n")
    entries = []
    for name in SHIPPED:
        data = (REPO / "styles" / name).read_bytes()
        function = "_" + name.removesuffix(".toml")
        value = pprint.pformat(tomllib.loads(data.decode()), width=88, sort_dicts=False)
        parts.append(f"\ndef {function}() -> dict[str, Any]:\n    return {value}\n")
        length, crc = stored_key(data)
        entries.append(f"    ({length}, {crc}): {function},  # styles/{name}\n")
    table = "STORED: dict[tuple[int, int], Callable[[], dict[str, Any]]] = {\n"
    return "\n".join(parts) + "\n" + table + "".join(entries) + "}\n"


if __name__ == "__main__":
    TABLE.write_text(table_text(), encoding="utf-8")
