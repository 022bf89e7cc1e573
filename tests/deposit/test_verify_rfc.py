"""``briefexport verify`` against the letter of RFC 8493: ``fetch.txt`` (section 2.2.3), the exact
form of ``bagit.txt`` (2.1.1), tag manifests (2.2.1), ``bag-info.txt`` values (2.2.2) and file
names with CR or LF (2.1.3). Each bag is written by hand, so every expected line is known."""

from __future__ import annotations

import hashlib
from pathlib import Path

import bagit
import pytest

from briefexport.cli import main

DECLARATION = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
PAYLOAD = {"data/report.txt": b"tide gauges\n", "data/maps/harbour.csv": b"x,y\n1,2\n"}


def write_bag(
    folder: Path, payload: dict[str, bytes], tags: dict[str, bytes] | None = None
) -> Path:
    """A bag with one SHA-256 manifest of ``payload`` and ``bag-info.txt`` counting it; each of
    ``tags`` (name: bytes) replaces or adds a tag file."""
    files = {
        "bagit.txt": DECLARATION,
        "manifest-sha256.txt": "".join(
            f"{hashlib.sha256(data).hexdigest()}  {path.replace(chr(10), '%0A')}\n"
            for path, data in sorted(payload.items())
        ).encode(),
        "bag-info.txt": f"Payload-Oxum: {sum(map(len, payload.values()))}.{len(payload)}\n".encode(),
        **payload,
    }
    files.update(tags or {})
    for path, data in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
    return folder


def verify(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(["verify", str(path)])
    return status, capsys.readouterr().err.splitlines()


def test_the_hand_made_bag_verifies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert verify(write_bag(tmp_path / "bag", PAYLOAD), capsys) == (0, [])


# ---------------------------------------------------------------- fetch.txt


def test_a_fetched_file_no_manifest_lists_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fetch = b"https://example.org/extra.bin 5 data/extra.bin\n"
    bag = write_bag(tmp_path / "bag", PAYLOAD, {"fetch.txt": fetch})
    assert verify(bag, capsys) == (
        2,
        [f"{bag}/fetch.txt:1:1: error: names data/extra.bin, not listed in manifest-sha256.txt"],
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            b"https://example.org/a 4 bagit.txt",
            "names bagit.txt, outside data/: it may name payload files only",
        ),
        (
            b"https://example.org/a - data/../../outside.txt",
            "'data/../../outside.txt': path with an empty, '.' or '..' segment",
        ),
        (b"https://example.org/a - /etc/hostname", "'/etc/hostname': absolute or non-POSIX path"),
        (b"extra.bin 12 data/report.txt", "URL 'extra.bin' is not absolute"),
        (b"https://example.org/a 99 data/report.txt", "gives data/report.txt 99 bytes; it has 12"),
        (b"https://example.org/a data/report.txt", "not a 'URL length path' line"),
    ],
    ids=["tag-file", "dot-dot", "absolute", "relative-url", "length", "malformed"],
)
def test_each_fetch_problem_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: bytes, message: str
) -> None:
    (tmp_path / "outside.txt").write_bytes(b"not the bag's")
    bag = write_bag(tmp_path / "bag", PAYLOAD, {"fetch.txt": line + b"\n"})
    assert verify(bag, capsys) == (2, [f"{bag}/fetch.txt:1:1: error: {message}"])


def test_a_file_fetched_twice_is_named_with_both_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = b"https://example.org/r 12 data/report.txt\n"
    bag = write_bag(tmp_path / "bag", PAYLOAD, {"fetch.txt": line + line})
    assert verify(bag, capsys) == (
        2,
        [f"{bag}/fetch.txt:2:1: error: names data/report.txt again (first on line 1)"],
    )


def test_a_file_still_to_fetch_is_missing_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bag = write_bag(
        tmp_path / "bag", PAYLOAD, {"fetch.txt": b"https://example.org/r\t12\tdata/report.txt\r\n"}
    )
    (bag / "data" / "report.txt").unlink()
    status, errors = verify(bag, capsys)
    assert status == 2
    assert errors == [
        f"{bag}/data/report.txt: error: missing, listed in manifest-sha256.txt; not fetched"
        " (fetch.txt line 1)",
        f"{bag}/bag-info.txt:1:1: error: Payload-Oxum is 20.2, the payload 8.1",
    ]


# ---------------------------------------------------------------- bagit.txt, exactly


@pytest.mark.parametrize(
    ("declaration", "expected"),
    [
        (
            b"BagIt-Version: 1.0\n\nTag-File-Character-Encoding: UTF-8\n",
            ["it has 3", ":2:1: error: line 2"],
        ),
        (b"BagIt-Version:1.0\nTag-File-Character-Encoding: UTF-8\n", [":1:1: error: line 1"]),
        (b"BagIt-Version : 1.0\nTag-File-Character-Encoding: UTF-8\n", [":1:1: error: line 1"]),
        (b"BagIt-Version: 1.0\nTag-File-Character-Encoding:  UTF-8\n", [":2:1: error: line 2"]),
        (
            b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\nContact-Name: A\n",
            ["it has 3"],
        ),
    ],
    ids=["blank-line", "no-space", "space-before-colon", "two-spaces", "third-line"],
)
def test_bagit_txt_is_read_in_its_exact_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], declaration: bytes, expected: list[str]
) -> None:
    bag = write_bag(tmp_path / "bag", PAYLOAD, {"bagit.txt": declaration})
    status, errors = verify(bag, capsys)
    assert status == 2
    assert len(errors) == len(expected)
    for line, part in zip(errors, expected, strict=True):
        assert line.startswith(f"{bag}/bagit.txt")
        assert part in line


def test_a_declaration_with_cr_line_ends_is_exact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bag = write_bag(tmp_path / "bag", PAYLOAD, {"bagit.txt": DECLARATION.replace(b"\n", b"\r")})
    assert verify(bag, capsys) == (0, [])


# ---------------------------------------------------------------- tag manifests, bag-info.txt


def test_a_tag_manifest_listing_a_tag_manifest_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bag = write_bag(tmp_path / "bag", PAYLOAD)
    md5 = f"{hashlib.md5(DECLARATION).hexdigest()}  bagit.txt\n".encode()
    (bag / "tagmanifest-md5.txt").write_bytes(md5)
    listing = f"{hashlib.sha256(md5).hexdigest()}  tagmanifest-md5.txt\n"
    (bag / "tagmanifest-sha256.txt").write_text(listing)
    assert verify(bag, capsys) == (
        2,
        [
            f"{bag}/tagmanifest-sha256.txt:1:1: error: lists tagmanifest-md5.txt: a tag manifest"
            " lists no tag manifest"
        ],
    )


@pytest.mark.parametrize(
    ("info", "message"),
    [
        ("Bagging-Date: 2024-02-30\n", "Bagging-Date '2024-02-30' is not a YYYY-MM-DD date"),
        (
            "Payload-Oxum: \u0662\u0660.\u0662\n",
            "Payload-Oxum '\u0662\u0660.\u0662' is not octets.files",
        ),
    ],
    ids=["no-such-day", "arabic-indic-digits"],
)
def test_bag_info_values_are_checked_to_the_letter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], info: str, message: str
) -> None:
    bag = write_bag(tmp_path / "bag", PAYLOAD, {"bag-info.txt": info.encode()})
    assert verify(bag, capsys) == (2, [f"{bag}/bag-info.txt:1:1: error: {message}"])


def test_a_byte_order_mark_in_bag_info_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bag = write_bag(
        tmp_path / "bag", PAYLOAD, {"bag-info.txt": b"\xef\xbb\xbfBagging-Date: 2024-06-14\n"}
    )
    assert verify(bag, capsys) == (2, [f"{bag}/bag-info.txt: error: starts with a byte-order mark"])


# ---------------------------------------------------------------- CR and LF in file names


def test_a_bag_with_a_line_feed_in_a_file_name_verifies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "made-by-bagit"
    folder.mkdir()
    (folder / "two\nlines.txt").write_bytes(b"a name in two lines\n")
    bagit.make_bag(str(folder), checksums=["sha256"])
    assert verify(folder, capsys) == (0, [])


def test_a_percent_sign_in_a_bagit_python_file_name_is_the_name_s_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """bagit-python declares BagIt 0.97 and writes ``%`` as it is: ``%25`` is not decoded."""
    folder = tmp_path / "made-by-bagit"
    folder.mkdir()
    (folder / "rise%25.csv").write_bytes(b"year,rise\n2030,0.2\n")
    (folder / "50%.txt").write_bytes(b"half\n")
    bagit.make_bag(str(folder), checksums=["sha256"])
    assert "data/rise%25.csv" in (folder / "manifest-sha256.txt").read_text()
    assert verify(folder, capsys) == (0, [])


@pytest.mark.parametrize("name", ["rise%.csv", "rise%25.csv", "rise%0A.csv"])
def test_a_percent_sign_in_a_bagit_1_0_file_name_is_encoded_as_25(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    bag = write_bag(tmp_path / "bag", {**PAYLOAD, f"data/{name}": b"x\n"})
    listed = hashlib.sha256(b"x\n").hexdigest() + "  data/" + name.replace("%", "%25") + "\n"
    lines = (bag / "manifest-sha256.txt").read_text().splitlines(keepends=True)
    lines = [listed if line.endswith(f"data/{name}\n") else line for line in lines]
    (bag / "manifest-sha256.txt").write_text("".join(lines))
    assert verify(bag, capsys) == (0, [])


def test_a_problem_with_a_line_feed_in_its_path_stays_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    payload = {**PAYLOAD, "data/two\nlines.txt": b"first\n"}
    bag = write_bag(tmp_path / "bag", payload)
    (bag / "data" / "two\nlines.txt").write_bytes(b"fired\n")
    assert verify(bag, capsys) == (
        2,
        [
            f"{bag}/data/two%0Alines.txt: error: altered: its checksum differs from manifest-sha256.txt"
        ],
    )


# ---------------------------------------------------------------- paths in manifests


def test_a_manifest_path_leaving_the_bag_is_named_and_never_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "outside.txt"
    secret.write_bytes(b"not the bag's")
    bag = write_bag(tmp_path / "bag", PAYLOAD)
    line = f"{hashlib.sha256(b'other').hexdigest()}  data/../../outside.txt\n".encode()
    with (bag / "manifest-sha256.txt").open("ab") as manifest:
        manifest.write(line)
    assert verify(bag, capsys) == (
        2,
        [
            f"{bag}/manifest-sha256.txt:3:1: error: 'data/../../outside.txt': path with an"
            " empty, '.' or '..' segment"
        ],
    )


def test_two_files_whose_names_differ_only_in_normalisation_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    composed, decomposed = "data/caf\u00e9.txt", "data/cafe\u0301.txt"
    bag = write_bag(tmp_path / "bag", {**PAYLOAD, composed: b"listed\n"})
    (bag / decomposed).write_bytes(b"never listed, never hashed\n")
    status, errors = verify(bag, capsys)
    assert status == 2
    assert (
        f"{bag}/{composed}: error: the same name as {decomposed} in Unicode NFC: one of"
        in (errors[0])
    )


def test_an_oversized_tag_file_is_one_finding_at_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefexport.deposit import sources

    bag = write_bag(
        tmp_path / "bag", PAYLOAD, {"bag-info.txt": b"Source-Organization: " + b"x" * 250}
    )
    monkeypatch.setattr(sources, "MAX_TAG_BYTES", 200)
    assert verify(bag, capsys) == (
        2,
        [
            f"{bag}/bag-info.txt: error: larger than 200 bytes, the most a tag file may have;"
            " not read"
        ],
    )
