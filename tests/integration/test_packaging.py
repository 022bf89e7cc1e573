"""A wheel (not only an editable install) carries the schema, the styles and the type marker."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from support.paths import HARBOUR, REPO

PACKAGE_DATA = [
    "briefexport/schema/brief.rng",
    "briefexport/py.typed",
    "briefexport/styles/brand.toml",
    "briefexport/styles/labels.toml",
    "briefexport/styles/reference.docx",
    "briefexport/styles/pdf.css",
    "briefexport/styles/common.css",
    "briefexport/writers/typst/house-lines.typ",
    "briefexport/writers/typst/house.typ",
    "briefexport/writers/typst/house-front.typ",
    "briefexport/writers/typst/house-body.typ",
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("briefexport-*.whl")
    return built


@pytest.mark.slow
def test_wheel_holds_the_package_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert [name for name in PACKAGE_DATA if name not in names] == []


@pytest.mark.slow
def test_unpacked_wheel_exports_with_its_own_style_and_schema(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    script = (
        "import briefexport, briefexport.shared.styles as s, sys\n"
        "from briefexport.cli import main\n"
        f"assert briefexport.__file__.startswith({str(site)!r}), briefexport.__file__\n"
        f"assert str(s.default_style_dir()).startswith({str(site)!r})\n"
        f"sys.exit(main([{str(HARBOUR)!r}, '--to', 'jats,html', '-q', '-o', {str(tmp_path / 'out')!r}]))\n"
    )
    subprocess.run(
        [sys.executable, "-c", script], check=True, cwd=tmp_path, env={"PYTHONPATH": str(site)}
    )
    assert (tmp_path / "out" / "harbour-resilience.jats.xml").is_file()
    assert (tmp_path / "out" / "harbour-resilience.html").is_file()
