"""The PDF writer fetches nothing outside data: URIs and the style folder, and never connects.

A local HTTP server on 127.0.0.1 records every request; each hostile case must leave it empty.
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from weasyprint.urls import URLFetcherResponse

import briefexport
from briefexport.errors import BriefexportError, UnsafeResourceError
from briefexport.model import Paragraph, Text
from briefexport.options import default_options
from briefexport.shared.styles import default_style_dir
from briefexport.writers.pdf import write
from briefexport.writers.pdf.fetcher import SandboxedFetcher
from support.briefs import brief_with_blocks
from support.paths import HARBOUR


class RecordingServer:
    """An HTTP server on loopback that answers 200 and remembers every path asked for."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        recorder = self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                recorder.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "text/css")
                self.end_headers()
                self.wfile.write(b"p { color: red }")

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        # a short poll: shutdown() waits for the loop to look, 0.5 s by default in each test
        serve = functools.partial(self.server.serve_forever, poll_interval=0.02)
        self.thread = threading.Thread(target=serve, daemon=True)

    def __enter__(self) -> RecordingServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def server() -> Iterator[RecordingServer]:
    with RecordingServer() as running:
        yield running


@pytest.fixture
def style_copy(tmp_path: Path) -> Path:
    target = tmp_path / "style"
    shutil.copytree(default_style_dir(), target)
    return target


def test_server_records_requests(server: RecordingServer) -> None:
    # The detector itself works: a plain request is recorded.
    import urllib.request

    with urllib.request.urlopen(server.url + "/probe") as response:
        assert response.status == 200
    assert server.requests == ["/probe"]


def test_fetcher_refuses_http_without_connecting(server: RecordingServer, tmp_path: Path) -> None:
    fetcher = SandboxedFetcher([tmp_path])
    with pytest.raises(UnsafeResourceError, match="scheme 'http'"):
        fetcher.fetch(server.url + "/logo.png")
    assert server.requests == []


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "file://otherhost/etc/hostname", "ftp://127.0.0.1/x", "gopher://x"],
)
def test_fetcher_refuses_other_places(url: str, tmp_path: Path) -> None:
    with pytest.raises(UnsafeResourceError, match="refused"):
        SandboxedFetcher([tmp_path]).fetch(url)


def test_fetcher_refuses_dotdot_and_symlink_escapes(tmp_path: Path) -> None:
    root = tmp_path / "style"
    root.mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    (root / "link.txt").symlink_to(tmp_path / "secret.txt")
    fetcher = SandboxedFetcher([root])
    for url in (f"{root.as_uri()}/../secret.txt", f"{root.as_uri()}/link.txt"):
        with pytest.raises(UnsafeResourceError, match="outside the style folder"):
            fetcher.fetch(url)
    assert fetcher.refused == [f"{root.as_uri()}/../secret.txt", f"{root.as_uri()}/link.txt"]


def test_fetcher_serves_data_uris_and_style_files(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text("<svg/>")
    fetcher = SandboxedFetcher([tmp_path])
    inside = fetcher.fetch((tmp_path / "logo.svg").as_uri())
    assert isinstance(inside, URLFetcherResponse)
    assert inside.read() == b"<svg/>"
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"


def _small_brief() -> briefexport.Brief:
    return brief_with_blocks((Paragraph((Text("A short paragraph."),)),))


@pytest.mark.parametrize(
    "hostile_css",
    [
        '@import url("{server}/evil.css");',
        'body {{ background: url("{server}/pixel.png") }}',
        'body {{ background: url("file:///etc/passwd") }}',
        'body {{ background: url("../../../../etc/hostname") }}',
        '@font-face {{ font-family: X; src: url("{server}/font.ttf") }} body {{ font-family: X }}',
    ],
)
def test_hostile_stylesheet_is_refused_without_request(
    hostile_css: str, server: RecordingServer, style_copy: Path
) -> None:
    css = style_copy / "pdf.css"
    css.write_text(hostile_css.format(server=server.url) + "\n" + css.read_text())
    brief = _small_brief()
    with pytest.raises(UnsafeResourceError, match="refused to fetch"):
        write(brief, default_options(brief, style_dir=style_copy, pdf_standard="none"))
    assert server.requests == []


@pytest.mark.parametrize(
    "href", ["{server}/remote.png", "file:///etc/passwd", "../../../etc/hostname"]
)
def test_hostile_brief_is_refused_without_request(
    href: str, server: RecordingServer, tmp_path: Path
) -> None:
    source = HARBOUR.read_text(encoding="utf-8")
    figure = (
        '<fig id="fig-hostile"><label>Figure 1</label><caption><p>Hostile</p></caption>'
        f'<graphic xlink:href="{href.format(server=server.url)}">'
        "<alt-text>Nothing</alt-text></graphic></fig>"
    )
    marker = "    <p>Closures of this kind"
    assert marker in source
    path = tmp_path / "hostile.xml"
    path.write_text(source.replace(marker, figure + "\n" + marker, 1), encoding="utf-8")
    with pytest.raises(BriefexportError):
        _load_and_write(path)
    assert server.requests == []


def _load_and_write(path: Path) -> bytes:
    brief = briefexport.load(path)
    return write(brief, default_options(brief, pdf_standard="none"))
