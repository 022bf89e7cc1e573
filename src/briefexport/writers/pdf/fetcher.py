"""A sandboxed URL fetcher for WeasyPrint 70 (``weasyprint.urls.URLFetcher`` API).

WeasyPrint's default fetcher follows ``http:``, ``ftp:`` and ``file:`` URLs anywhere the process can
read. Briefs never need that: figures arrive in the model as bytes and are rendered as ``data:``
URIs, and stylesheets, fonts and logos live in the style folder. This fetcher therefore answers
``data:`` URIs and ``file:`` URLs that resolve (after ``..`` and symbolic links) to a file inside
one of its allowed folders, and refuses everything else before any connection or file access.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

from ...errors import UnsafeResourceError
from ...shared.paths import inside_any

MAX_RESOURCE_BYTES = 20 * 2**20
FONT_TYPES = {".ttf": "font/ttf", ".otf": "font/otf", ".woff": "font/woff", ".woff2": "font/woff2"}


class RefusedFetchError(UnsafeResourceError):
    """A URL the fetcher refused; ``url`` is the whole URL, to find where a sheet names it."""

    def __init__(self, url: str, message: str) -> None:
        super().__init__(message)
        self.url = url


class SandboxedFetcher(URLFetcher):  # type: ignore[misc]
    """Fetch only ``data:`` URIs and files inside ``roots``; raise RefusedFetchError otherwise."""

    def __init__(self, roots: Iterable[Path]) -> None:
        super().__init__(allowed_protocols={"data"}, allow_redirects=False, fail_on_errors=True)
        self.roots = tuple(root.resolve() for root in roots)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            response: URLFetcherResponse = super().fetch(url, headers)
            return response
        if scheme == "file":
            return self._fetch_file(url)
        return self._refuse(url, f"URL scheme {scheme or 'none'!r} is not allowed")

    def _fetch_file(self, url: str) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return self._refuse(url, "file URL names another host")
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if not inside_any(self.roots, path):
            return self._refuse(url, "file is outside the style folder")
        if not path.is_file():
            return self._refuse(url, "file not found")
        if path.stat().st_size > MAX_RESOURCE_BYTES:
            return self._refuse(url, f"file is larger than {MAX_RESOURCE_BYTES} bytes")
        media_type = FONT_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
        headers = {"Content-Type": media_type or "application/octet-stream"}
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), headers)

    def _refuse(self, url: str, reason: str) -> URLFetcherResponse:
        shown = url if len(url) <= 120 else url[:117] + "..."
        self.refused.append(url)
        raise RefusedFetchError(url, f"refused to fetch {shown}: {reason}")
