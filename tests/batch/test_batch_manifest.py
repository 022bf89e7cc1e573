"""The manifest's file: records encoded once as they are added (not by the save at the run's
end), saved as ``json.dumps`` with ``indent=1`` writes the whole, and read back the same."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from briefexport.batch import manifest as manifest_module
from briefexport.batch.manifest import MANIFEST_NAME, MANIFEST_VERSION, Manifest, OutputRecord


def record(source: str, fmt: str, figures: dict[str, str]) -> OutputRecord:
    options: dict[str, str | None] = {"paper": None, "typography": 'smart "quoted" é'}
    files = [f"{source}.{fmt}", *figures]
    return OutputRecord(source, fmt, "b" * 64, figures, "1.2", "s" * 64, options, files)


def test_a_saved_manifest_is_the_json_of_its_records(tmp_path: Path) -> None:
    manifest = Manifest(tmp_path, {})
    manifest.save(force=True)  # nothing recorded: nothing written
    assert not (tmp_path / MANIFEST_NAME).exists()
    records = {
        "b/brief.pdf": record("b/brief.xml", "pdf", {}),
        "a.epub": record("a.xml", "epub", {"figures/one.png": "f" * 64, "two.png": "e" * 64}),
    }
    for key, value in records.items():
        manifest.record(tmp_path / key, value)
    manifest.save(force=True)
    manifest.record(tmp_path / "a.epub", record("a.xml", "epub", {}))  # replaced: encoded anew
    manifest.forget(["b/brief.pdf"])
    manifest.save(force=True)
    text = (tmp_path / MANIFEST_NAME).read_text(encoding="utf-8")
    expected = {"a.epub": asdict(record("a.xml", "epub", {}))}
    data = {"manifest": MANIFEST_VERSION, "outputs": expected}
    assert text == json.dumps(data, indent=1) + "\n"
    assert Manifest.load(tmp_path).records == {"a.epub": record("a.xml", "epub", {})}


def test_an_emptied_manifest_is_saved_empty(tmp_path: Path) -> None:
    manifest = Manifest(tmp_path, {"a.pdf": record("a.xml", "pdf", {})})
    manifest.forget(["a.pdf"])
    manifest.save(force=True)
    data = {"manifest": MANIFEST_VERSION, "outputs": {}}
    assert (tmp_path / MANIFEST_NAME).read_text(encoding="utf-8") == json.dumps(
        data, indent=1
    ) + "\n"


def test_a_record_is_encoded_as_it_is_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = Manifest(tmp_path, {})
    manifest.record(tmp_path / "a.pdf", record("a.xml", "pdf", {}))

    def refused(key: str, value: OutputRecord) -> str:
        raise AssertionError(f"{key} encoded by the save")

    monkeypatch.setattr(manifest_module, "encoded_entry", refused)
    manifest.save(force=True)
    data = {"manifest": MANIFEST_VERSION, "outputs": {"a.pdf": asdict(record("a.xml", "pdf", {}))}}
    assert (tmp_path / MANIFEST_NAME).read_text(encoding="utf-8") == json.dumps(
        data, indent=1
    ) + "\n"


@pytest.mark.parametrize(
    ("name", "inside"),
    [
        ("a/b.pdf", True),
        ("a..b/c.pdf", True),
        ("a/./b.pdf", True),
        ("ü/b.pdf", True),
        ("a/../../b.pdf", False),
        ("..", False),
        ("/etc/passwd", False),
        ("//server/share/b.pdf", False),
        ("\\\\server\\share\\b.pdf", False),
        ("a\\..\\..\\b.pdf", False),
        ("C:b.pdf", False),
        ("c:/b.pdf", False),
        ("", False),
        ("a\0b", False),
    ],
)
def test_a_record_naming_a_file_outside_the_folder_is_left_out(name: str, inside: bool) -> None:
    value = asdict(record("a.xml", "pdf", {}))
    value["files"] = [name]
    records, unusable = manifest_module.usable_records({"outputs": {"a.pdf": value}})
    assert (list(records), unusable) == ((["a.pdf"], 0) if inside else ([], 1))
