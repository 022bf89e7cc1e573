"""Every class of bad input gets one clear ``FILE:LINE:COL`` line per problem and exit status 2.

Each case edits a small valid brief and states the message and the position it expects.
"""

from __future__ import annotations

import http.server
import threading
from pathlib import Path
from typing import ClassVar

import pytest

from briefexport.cli import main
from support.paths import TOUR
from support.small_brief import BRIEF, edited


def run_validate(
    tmp_path: Path, source: str | bytes, capsys: pytest.CaptureFixture[str]
) -> tuple[int, list[str]]:
    path = tmp_path / "brief.xml"
    path.write_bytes(source.encode() if isinstance(source, str) else source)
    status = main(["validate", str(path)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return status, [line.replace(str(path), "brief.xml") for line in err.splitlines()]


def test_the_minimal_brief_is_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_validate(tmp_path, BRIEF, capsys) == (0, [])


CASES = [
    (
        "missing-footnote",
        edited('rid="fn1"', 'rid="fn9"'),
        "brief.xml:11:19: error: call to a missing footnote 'fn9'; did you mean 'fn1'?",
    ),
    (
        "duplicate-id",
        edited("</fn>\n", '</fn><fn id="fn1"><p>Again.</p></fn>\n'),
        "brief.xml:14:120: error: duplicate id 'fn1'",
    ),
    (
        "impossible-date",
        edited(
            '"2024-03-05"><day>05</day><month>03</month>',
            '"2024-02-30"><day>30</day><month>02</month>',
        ),
        "brief.xml:7:1: error: publication date '2024-02-30' does not exist",
    ),
    (
        "date-disagrees",
        edited("<day>05</day>", "<day>06</day>"),
        "brief.xml:7:1: error: publication date 2024-03-05 disagrees with day/month/year 2024-03-06",
    ),
    (
        "empty-title",
        edited("Sea walls and their upkeep", "  "),
        "brief.xml:5:14: error: the brief's title is empty",
    ),
    (
        "javascript-link",
        edited("https://example.org/walls", "javascript:alert(1)"),
        "brief.xml:14:21: error: link 'javascript:alert(1)' has scheme 'javascript'; only http, https and mailto links are allowed",
    ),
    (
        "file-link",
        edited("https://example.org/walls", "file:///etc/passwd"),
        "brief.xml:14:21: error: link 'file:///etc/passwd' has scheme 'file'; only http, https and mailto links are allowed",
    ),
    (
        "note-in-note",
        edited(
            "the audit</ext-link>.", 'the audit</ext-link><xref ref-type="fn" rid="fn1">1</xref>.'
        ),
        "brief.xml:14:110: error: a footnote can be called only from the body",
    ),
    (
        "late-lead",
        edited("</p>\n</body>", '</p><p content-type="lead">Late.</p>\n</body>'),
        "brief.xml:11:62: error: only the first paragraph of the body may be the lead paragraph",
    ),
    (
        "absolute-graphic",
        edited(
            "</p>\n</body>",
            '</p><fig><graphic xlink:href="/etc/passwd"><alt-text>x</alt-text></graphic></fig>\n</body>',
        ),
        "brief.xml:11:67: error: path '/etc/passwd' must be relative to the brief's folder (no URL, no absolute path)",
    ),
    (
        "parent-graphic",
        edited(
            "</p>\n</body>",
            '</p><fig><graphic xlink:href="../secret.png"><alt-text>x</alt-text></graphic></fig>\n</body>',
        ),
        "brief.xml:11:67: error: path '../secret.png' leaves the brief's folder",
    ),
    (
        "remote-graphic",
        edited(
            "</p>\n</body>",
            '</p><fig><graphic xlink:href="http://127.0.0.1:9/x.png"><alt-text>x</alt-text></graphic></fig>\n</body>',
        ),
        "brief.xml:11:67: error: path 'http://127.0.0.1:9/x.png' must be relative to the brief's folder (no URL, no absolute path)",
    ),
    (
        "missing-graphic",
        edited(
            "</p>\n</body>",
            '</p><fig><graphic xlink:href="chart.png"><alt-text>x</alt-text></graphic></fig>\n</body>',
        ),
        "brief.xml:11:67: error: file 'chart.png' not found beside the brief",
    ),
    (
        "wrong-root",
        "<html><body/></html>",
        "brief.xml:1:1: error: root element is <html>; a brief is a JATS <article> without a namespace",
    ),
    (
        "namespaced-root",
        '<article xmlns="http://jats.nlm.nih.gov"/>',
        "brief.xml:1:1: error: root element is <article> in namespace http://jats.nlm.nih.gov; a brief is a JATS <article> without a namespace",
    ),
    ("empty-file", "", "brief.xml:1:1: error: file is empty"),
    (
        "html-entity",
        edited("Walls need care", "Walls&nbsp;need care"),
        "brief.xml:11:9: error: &nbsp; is an HTML entity, which XML does not know; write the character itself (U+00A0 NO-BREAK SPACE) or &#xA0;",
    ),
    (
        "xinclude",
        edited(
            "<body>\n",
            '<body>\n<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd"/>\n',
        ),
        "brief.xml:11:1: error: XInclude is refused: a brief is one self-contained file",
    ),
    (
        "xxe",
        '<!DOCTYPE article [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
        + BRIEF.replace("Walls need", "&e; need"),
        "brief.xml:1:1: error: DOCTYPE with an internal subset is refused (no entity or element declarations)",
    ),
    (
        "billion-laughs",
        '<!DOCTYPE article [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>\n'
        + BRIEF.replace("Walls need", "&d; need"),
        "brief.xml:1:1: error: DOCTYPE with an internal subset is refused (no entity or element declarations)",
    ),
]


@pytest.mark.parametrize(("source", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_reported_at_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str, expected: str
) -> None:
    status, lines = run_validate(tmp_path, source, capsys)
    assert status == 2
    assert expected in lines, "\n".join(lines)


def test_secret_file_content_never_appears(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = '<!DOCTYPE article [<!ENTITY e SYSTEM "file:///etc/hostname">]>\n' + BRIEF.replace(
        "Walls", "&e;"
    )
    status, lines = run_validate(tmp_path, source, capsys)
    secret = Path("/etc/hostname").read_text().strip()
    assert status == 2
    assert not any(secret and secret in line for line in lines)


def test_symlink_leaving_the_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "chart.png").symlink_to("/etc/hostname")
    source = edited(
        "</p>\n</body>",
        '</p><fig><graphic xlink:href="chart.png"><alt-text>x</alt-text></graphic></fig>\n</body>',
    )
    status, lines = run_validate(tmp_path, source, capsys)
    assert status == 2
    assert "brief.xml:11:67: error: path 'chart.png' resolves outside the brief's folder" in lines


def test_uncalled_footnote_is_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = edited("</fn>\n", '</fn><fn id="fn2"><p>Spare.</p></fn>\n')
    status, lines = run_validate(tmp_path, source, capsys)
    assert status == 0
    assert "brief.xml:14:120: warning: footnote 'fn2' is never called" in lines


def test_a_misspelt_call_is_one_line_naming_the_note_it_misses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, lines = run_validate(tmp_path, edited('rid="fn1"', 'rid="fnl"'), capsys)
    assert (status, lines) == (
        2,
        ["brief.xml:11:19: error: call to a missing footnote 'fnl'; did you mean 'fn1'?"],
    )


def test_all_schema_errors_come_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = edited("<p>Walls", "<blink/><p>Walls").replace('"electronic"', '"print"')
    source = source.replace('<fn id="fn1"><p>', '<fn id="fn1"><marquee/><p>')
    status, lines = run_validate(tmp_path, source, capsys)
    assert status == 2
    assert [line.split(": error: ")[0] for line in lines] == [
        "brief.xml:7:1",
        "brief.xml:11:1",
        "brief.xml:14:14",
    ]


def test_sections_deeper_than_three_levels_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = "<sec><title>1</title><sec><title>2</title><sec><title>3</title><sec><title>4</title></sec></sec></sec></sec>"
    status, lines = run_validate(tmp_path, edited("</p>\n</body>", f"</p>{deep}\n</body>"), capsys)
    assert status == 2
    assert any(line.startswith("brief.xml:11:") and ": error: " in line for line in lines)


@pytest.mark.parametrize(
    "source",
    [
        bytes(range(256)) * 40,
        b"\x89PNG\r\n\x1a\n" + bytes(500),
        "<article>caf\u00e9</article>".encode("latin-1"),
        '<?xml version="1.0" encoding="UTF-8"?><article>caf\xe9</article>'.encode("latin-1"),
        "<article>".encode("utf-16"),
        b"<article><p>" * 300,
    ],
    ids=[
        "binary",
        "png",
        "latin1-no-declaration",
        "latin1-declared-utf8",
        "utf16-truncated",
        "too-deep",
    ],
)
def test_garbage_gets_a_located_error_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: bytes
) -> None:
    status, lines = run_validate(tmp_path, source, capsys)
    assert status == 2
    assert lines
    assert all(line.startswith("brief.xml:") and ": error: " in line for line in lines)


def test_huge_file_is_refused_before_parsing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = BRIEF.replace("</body>", "<p>" + "x" * (50 * 2**20) + "</p></body>")
    status, lines = run_validate(tmp_path, source, capsys)
    assert status == 2
    assert any("brief.xml:1:1: error: file is" in line and "refused" in line for line in lines)


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_external_dtd_is_refused_and_never_fetched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    # a short poll: shutdown() waits for the loop to look, 0.5 s by default
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/evil.dtd"
        status, lines = run_validate(
            tmp_path, f'<!DOCTYPE article SYSTEM "{url}">\n' + BRIEF, capsys
        )
    finally:
        server.shutdown()
        server.server_close()
    assert status == 2
    assert any(line.startswith("brief.xml:1:1: error: external DTD") for line in lines)
    assert _Recorder.requests == []


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            "<tr><td>a</td><td>b</td></tr><tr><td>c</td></tr>",
            "table tbody: rows have different widths (2, 1 columns)",
        ),
        (
            '<tr><td rowspan="3">a</td><td>b</td></tr><tr><td>c</td></tr>',
            "table tbody: a cell spans more rows than its row group has",
        ),
        (
            '<tr><td>a</td><td rowspan="2">b</td></tr><tr><td colspan="2">c</td></tr>',
            "table tbody: a cell spans into a column a cell from a row above still covers",
        ),
    ],
    ids=["ragged", "rowspan-overflow", "colspan-into-rowspan"],
)
def test_tables_must_be_rectangular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rows: str, message: str
) -> None:
    table = f"<table-wrap><table><tbody>{rows}</tbody></table></table-wrap>"
    status, lines = run_validate(tmp_path, edited("</p>\n</body>", f"</p>{table}\n</body>"), capsys)
    assert status == 2
    assert (
        f"brief.xml:11:{BRIEF.splitlines()[10].index('</p>') + 4 + len('<table-wrap><table>') + 1}: error: {message}"
        in lines
    )


def test_header_and_body_widths_must_agree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = "<table-wrap><table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td><td>c</td></tr></tbody></table></table-wrap>"
    status, lines = run_validate(tmp_path, edited("</p>\n</body>", f"</p>{table}\n</body>"), capsys)
    assert status == 2
    assert any(
        line.endswith("error: the table's header and body have different widths") for line in lines
    )


@pytest.mark.parametrize(
    "prolog",
    [
        '<?xml version="1.0"?>\n<!-- a < b -->\n<!DOCTYPE article SYSTEM "{dtd}">\n',
        "<?pi <x>?><!DOCTYPE article SYSTEM '{dtd}'>\n",
        '<!-- < --><!DOCTYPE article [<!ENTITY x SYSTEM "{dtd}">]>\n',
        '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 20210610//EN" "{dtd}" [<!ENTITY x "y">]>\n',
    ],
    ids=["comment-with-lt", "pi-with-lt", "subset-after-comment", "jats-id-with-subset"],
)
def test_no_doctype_trick_opens_a_local_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], prolog: str
) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY x "SECRET">')
    status, lines = run_validate(tmp_path, prolog.format(dtd=dtd) + BRIEF, capsys)
    assert status == 2
    assert len(lines) == 1
    assert "DOCTYPE with an internal subset is refused" in lines[0] or "external DTD" in lines[0]


def test_the_jats_doctype_after_comments_is_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prolog = '<?xml version="1.0"?>\n<!-- a < b --><?pi <x>?>\n<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 20210610//EN" "JATS-archivearticle1-3.dtd">\n'
    status, lines = run_validate(tmp_path, prolog + BRIEF, capsys)
    assert (status, lines) == (0, [])


def test_a_malformed_url_is_an_error_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, lines = run_validate(
        tmp_path, edited("https://example.org/walls", "http://[::1"), capsys
    )
    assert status == 2
    assert any(
        line.startswith("brief.xml:14:21: error: link 'http://[::1' is not a valid URL")
        for line in lines
    )


def _jpeg_bytes() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, format="JPEG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "chart.png",
            b"\x89PNG\r\n\x1a\n" + bytes(64),
            "image 'chart.png' is damaged or not an image",
        ),
        ("chart.png", b"", "image 'chart.png' is damaged or not an image"),
        ("chart.png", None, "image 'chart.png' holds a JPEG image, not what its extension says"),
        (
            "chart.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"/>',
            "file 'chart.svg' is not a PNG, JPEG, GIF or WebP image",
        ),
    ],
    ids=["damaged-png", "empty-png", "jpeg-named-png", "svg"],
)
def test_figures_must_be_sound_images(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes | None,
    message: str,
) -> None:
    (tmp_path / name).write_bytes(_jpeg_bytes() if content is None else content)
    figure = f'<fig><graphic xlink:href="{name}"><alt-text>x</alt-text></graphic></fig>'
    status, lines = run_validate(
        tmp_path, edited("</p>\n</body>", f"</p>{figure}\n</body>"), capsys
    )
    assert status == 2
    assert f"brief.xml:11:67: error: {message}" in lines


def test_a_title_of_invisible_characters_is_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, lines = run_validate(
        tmp_path, edited("Sea walls and their upkeep", "\u200b\u200d"), capsys
    )
    assert status == 2
    assert "brief.xml:5:14: error: the brief's title is empty" in lines


def test_an_unknown_language_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = run_validate(
        tmp_path, edited('xml:lang="en"', 'xml:lang="zz-Qaaa-x-foo"'), capsys
    )
    assert status == 2
    assert "brief.xml:1:1: error: xml:lang 'zz-Qaaa-x-foo' does not name a known language" in lines


def test_a_misspelt_reference_call_names_the_reference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = TOUR.read_text(encoding="utf-8")
    assert source.count('rid="ref2"') == 1
    status, lines = run_validate(tmp_path, source.replace('rid="ref2"', 'rid="rf2"'), capsys)
    assert status == 2
    assert [line.split(": ", 1)[1] for line in lines] == [
        "error: call to a missing reference 'rf2'; did you mean 'ref2'?"
    ]
