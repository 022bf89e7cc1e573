"""``briefexport verify``: every missing, altered or unlisted file and every malformed tag file
is named on its own line; an untouched bag verifies, zipped or unpacked, ours or bagit-python's."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import bagit
import pytest

from briefexport.cli import main
from support.deposit import Built, members

LINE = re.compile(r"(?P<where>\S.*?)(?::(?P<line>\d+):1)?: error: (?P<message>.+)")
Change = Callable[[dict[str, bytes]], object]


def verify(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    status = main(["verify", str(path)])
    captured = capsys.readouterr()
    return status, captured.err.splitlines(), captured.out


def altered_copy(built: Built, form: str, tmp_path: Path, change: Change) -> tuple[Path, str]:
    """The bag with ``change`` applied to its files (paths relative to the bag), as a zip or a
    folder; returns it and the prefix its files are printed with."""
    files = {name.removeprefix(f"{built.stem}/"): data for name, data in members(built.bag).items()}
    change(files)
    if form == "zip":
        target = tmp_path / built.bag.name
        with zipfile.ZipFile(target, "w") as archive:
            for path, data in files.items():
                archive.writestr(f"{built.stem}/{path}", data)
        return target, f"{target}/{built.stem}/"
    folder = tmp_path / built.stem
    for path, data in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
    return folder, f"{folder}/"


FORMS = ["zip", "folder"]


@pytest.mark.parametrize("form", FORMS)
def test_an_untouched_bag_verifies(
    tour_package: Built, form: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package, _ = altered_copy(tour_package, form, tmp_path, lambda files: None)
    status, errors, out = verify(package, capsys)
    assert (status, errors) == (0, [])
    assert "complete and valid BagIt 1.0 bag, 6 payload files" in out


def test_the_written_bag_itself_verifies(
    urdu_package: Built, capsys: pytest.CaptureFixture[str]
) -> None:
    assert verify(urdu_package.bag, capsys)[:2] == (0, [])


def flip_a_byte(path: str) -> Change:
    def change(files: dict[str, bytes]) -> None:
        data = bytearray(files[path])
        data[len(data) // 2] ^= 0x01
        files[path] = bytes(data)

    return change


@pytest.mark.parametrize("form", FORMS)
def test_one_altered_byte_is_named(
    tour_package: Built, form: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = f"data/{tour_package.stem}.html"
    package, prefix = altered_copy(tour_package, form, tmp_path, flip_a_byte(target))
    status, errors, _ = verify(package, capsys)
    assert status == 2
    assert errors == [
        f"{prefix}{target}: error: altered: its checksum differs from manifest-sha256.txt,"
        " manifest-sha512.txt"
    ]


@pytest.mark.parametrize("form", FORMS)
def test_a_deleted_file_is_named(
    tour_package: Built, form: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = f"data/{tour_package.stem}.epub"
    package, prefix = altered_copy(tour_package, form, tmp_path, lambda files: files.pop(target))
    status, errors, _ = verify(package, capsys)
    assert status == 2
    assert (
        f"{prefix}{target}: error: missing, listed in manifest-sha256.txt, manifest-sha512.txt"
        in errors
    )
    # the only other consequence: bag-info.txt's Payload-Oxum no longer counts the payload
    others = [line for line in errors if target not in line]
    assert [LINE.fullmatch(line)["where"] for line in others] == [f"{prefix}bag-info.txt"]  # type: ignore[index]
    assert "Payload-Oxum" in others[0]


@pytest.mark.parametrize("form", FORMS)
def test_a_stray_file_is_named(
    tour_package: Built, form: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def add(files: dict[str, bytes]) -> None:
        files["data/notes/stray.txt"] = b"left behind"

    package, prefix = altered_copy(tour_package, form, tmp_path, add)
    status, errors, _ = verify(package, capsys)
    assert status == 2
    assert (
        f"{prefix}data/notes/stray.txt: error: not listed in manifest-sha256.txt,"
        " manifest-sha512.txt" in errors
    )


def replace_line(path: str, number: int, new: Callable[[bytes], bytes]) -> Change:
    def change(files: dict[str, bytes]) -> None:
        lines = files[path].split(b"\n")
        lines[number - 1] = new(lines[number - 1])
        files[path] = b"\n".join(lines)

    return change


def test_a_malformed_manifest_line_is_named_with_its_line(
    tour_package: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = members(tour_package.bag)[f"{tour_package.stem}/manifest-sha256.txt"].split(b"\n")[1]
    victim = listed.split(b"  ", 1)[1].decode()
    change = replace_line("manifest-sha256.txt", 2, lambda line: b"not-a-checksum " + line[64:])
    package, prefix = altered_copy(tour_package, "zip", tmp_path, change)
    status, errors, _ = verify(package, capsys)
    assert status == 2
    assert set(errors) == {
        f"{prefix}manifest-sha256.txt:2:1: error: not a 'sha256 checksum, path' line",
        f"{prefix}{victim}: error: not listed in manifest-sha256.txt",
        f"{prefix}manifest-sha256.txt: error: altered: its checksum differs from"
        " tagmanifest-sha256.txt, tagmanifest-sha512.txt",
    }


def test_a_wrong_checksum_in_a_manifest_names_the_file_and_the_manifest(
    tour_package: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = members(tour_package.bag)[f"{tour_package.stem}/manifest-sha512.txt"].split(b"\n")[0]
    victim = line.split(b"  ", 1)[1].decode()
    flipped = lambda text: (b"0" if text[:1] != b"0" else b"1") + text[1:]  # noqa: E731
    package, prefix = altered_copy(
        tour_package, "folder", tmp_path, replace_line("manifest-sha512.txt", 1, flipped)
    )
    status, errors, _ = verify(package, capsys)
    assert status == 2
    assert set(errors) == {
        f"{prefix}{victim}: error: altered: its checksum differs from manifest-sha512.txt",
        f"{prefix}manifest-sha512.txt: error: altered: its checksum differs from"
        " tagmanifest-sha256.txt, tagmanifest-sha512.txt",
    }


def test_a_malformed_tag_file_is_named_with_its_line(
    tour_package: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def break_bag_info(files: dict[str, bytes]) -> None:
        files["bag-info.txt"] = b"this line has no label\n" + files["bag-info.txt"]

    package, prefix = altered_copy(tour_package, "zip", tmp_path, break_bag_info)
    status, errors, _ = verify(package, capsys)
    assert status == 2
    assert set(errors) == {
        f"{prefix}bag-info.txt:1:1: error: not a 'Label: value' line",
        f"{prefix}bag-info.txt: error: altered: its checksum differs from"
        " tagmanifest-sha256.txt, tagmanifest-sha512.txt",
    }


def test_a_broken_declaration_is_named(
    tour_package: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def declare_badly(files: dict[str, bytes]) -> None:
        files["bagit.txt"] = b"\xef\xbb\xbfBagIt-Version: 1.0\n"

    package, prefix = altered_copy(tour_package, "zip", tmp_path, declare_badly)
    status, errors, _ = verify(package, capsys)
    assert status == 2
    assert f"{prefix}bagit.txt: error: starts with a byte-order mark" in errors
    assert (
        f"{prefix}bagit.txt: error: must be exactly two lines, BagIt-Version then"
        " Tag-File-Character-Encoding; it has 1" in errors
    )


# ---------------------------------------------------------------- bags made by bagit-python


@pytest.fixture
def bagit_bag(tmp_path: Path) -> Path:
    folder = tmp_path / "made-by-bagit"
    (folder / "chapters").mkdir(parents=True)
    (folder / "chapters" / "één.txt").write_text("first chapter\n", encoding="utf-8")
    (folder / "report 100%.csv").write_bytes(b"a,b\n1,2\n")
    info = {"Source-Organization": "Institute of Maritime and Coastal Affairs"}
    bagit.make_bag(str(folder), info, checksums=["sha256", "sha512"])
    return folder


def zip_folder(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
    return target


def test_a_bag_made_by_bagit_python_verifies(
    bagit_bag: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, errors, out = verify(bagit_bag, capsys)
    assert (status, errors) == (0, [])
    assert "BagIt 0.97 bag, 2 payload files" in out
    zipped = zip_folder(bagit_bag, tmp_path / "made-by-bagit.bag.zip")
    assert verify(zipped, capsys)[:2] == (0, [])


def test_bagit_python_and_verify_agree_on_an_altered_file(
    bagit_bag: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = bagit_bag / "data" / "report 100%.csv"
    target.write_bytes(b"a,b\n1,3\n")
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(bagit_bag)).validate()
    status, errors, _ = verify(bagit_bag, capsys)
    assert status == 2
    assert errors == [
        f"{bagit_bag}/data/report 100%.csv: error: altered: its checksum differs from"
        " manifest-sha256.txt, manifest-sha512.txt"
    ]


# ---------------------------------------------------------------- untrusted zips


def zip_with(bag: Path, target: Path, extra: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    zip_folder(bag, target)
    with zipfile.ZipFile(target, "a") as archive:
        for name, data in extra:
            archive.writestr(name, data)
    return target


def symlink_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = 0o120777 << 16
    return info


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ("made-by-bagit/../../escaped.txt", "path with an empty, '.' or '..' segment"),
        ("made-by-bagit/data/../../../escaped.txt", "path with an empty, '.' or '..' segment"),
        ("/escaped.txt", "absolute or non-POSIX path"),
        ("made-by-bagit\\..\\escaped.txt", "absolute or non-POSIX path"),
        (symlink_entry("made-by-bagit/data/link"), "symbolic link"),
    ],
    ids=["dot-dot", "deep-dot-dot", "absolute", "backslashes", "symlink"],
)
def test_unsafe_entries_are_named_and_never_written(
    bagit_bag: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    entry: zipfile.ZipInfo | str,
    reason: str,
) -> None:
    package = zip_with(bagit_bag, tmp_path / "evil.bag.zip", [(entry, b"/etc/passwd")])
    before = sorted(tmp_path.parent.rglob("*"))
    status, errors, _ = verify(package, capsys)
    name = entry.filename if isinstance(entry, zipfile.ZipInfo) else entry
    assert status == 2
    assert f"{package}: error: zip entry {name!r}: {reason}; not read" in errors
    assert sorted(tmp_path.parent.rglob("*")) == before  # nothing extracted anywhere


def test_a_zip_without_one_top_folder_is_not_a_bag(
    bagit_bag: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = zip_with(bagit_bag, tmp_path / "two.bag.zip", [("other/bagit.txt", b"")])
    status, errors, _ = verify(package, capsys)
    assert status == 2
    assert errors == [
        f"{package}: error: a serialized bag holds exactly one top folder, the bag;"
        " found made-by-bagit, other"
    ]


def test_a_duplicated_entry_is_named(
    bagit_bag: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.warns(UserWarning, match="Duplicate name"):
        package = zip_with(
            bagit_bag, tmp_path / "twice.bag.zip", [("made-by-bagit/bagit.txt", b"x")]
        )
    status, errors, _ = verify(package, capsys)
    assert status == 2
    assert (
        f"{package}: error: zip entry 'made-by-bagit/bagit.txt': appears more than once in the"
        " zip; not read" in errors
    )


def test_a_folder_bag_with_a_symbolic_link_names_it(
    bagit_bag: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (bagit_bag / "data" / "outside").symlink_to("/etc/hostname")
    status, errors, _ = verify(bagit_bag, capsys)
    assert status == 2
    assert errors[0] == f"{bagit_bag}/data/outside: error: symbolic link, not followed"


def test_unreadable_packages_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.bag.zip"
    junk.write_bytes(b"PK\x03\x04 but not a zip")
    assert verify(junk, capsys)[:2] == (
        1,
        [f"{junk}: error: neither a folder nor a readable zip: File is not a zip file"],
    )
    absent = tmp_path / "absent.bag.zip"
    assert verify(absent, capsys)[:2] == (
        1,
        [f"{absent}: error: cannot be read: No such file or directory"],
    )


def test_oversized_zips_are_refused_before_reading(
    bagit_bag: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefexport.deposit import sources

    monkeypatch.setattr(sources, "MAX_TOTAL_BYTES", 10)
    package = zip_folder(bagit_bag, tmp_path / "big.bag.zip")
    status, errors, _ = verify(package, capsys)
    assert status == 1
    assert errors == [
        f"{package}: error: too large to verify: more than 100000 entries or 10 bytes"
    ]


def test_worst_status_wins_and_every_package_is_checked(
    tour_package: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    absent = tmp_path / "absent.bag.zip"
    broken, _ = altered_copy(
        tour_package, "zip", tmp_path, flip_a_byte(f"data/{tour_package.stem}.pdf")
    )
    status = main(["verify", str(absent), str(tour_package.bag), str(broken)])
    captured = capsys.readouterr()
    assert status == 2
    assert "complete and valid" in captured.out
    assert len(captured.err.splitlines()) == 2


def test_help_documents_the_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as shown:
        main(["verify", "--help"])
    assert shown.value.code == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert (
        "exit status: 0 every package is a complete and valid bag, 1 a package cannot be read,"
        " 2 a package fails verification" in help_text
    )
