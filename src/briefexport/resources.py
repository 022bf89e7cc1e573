"""Read files a brief refers to (figure images), only from inside the brief's own folder.

A path is refused when it is absolute, carries a URL scheme, leaves the folder once ``..`` and
symbolic links are resolved, or holds a backslash (``xlink:href`` and a Markdown image's
destination are URI references, RFC 3986, whose separator is ``/``: only Windows would read
``figures\\chart.png`` as a folder and a file); these checks run before any byte is read.
Images must then be sound PNG, JPEG, GIF or WebP files (checked with Pillow) that every writer
can embed.
"""

from __future__ import annotations

import contextlib
import io
import re
import threading
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from .errors import UnsafeResourceError
from .rules.links import trimmed_href
from .shared.paths import inside

TYPE_CHECKING = False  # as typing.TYPE_CHECKING: Pillow is imported only when an image is read
if TYPE_CHECKING:
    from PIL.Image import Image as PilImage

MAX_IMAGE_BYTES = 20 * 2**20
IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
PILLOW_FORMATS = {
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/gif": "GIF",
    "image/webp": "WEBP",
}
MAX_PIXELS = 40_000_000
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def check_relative_href(href: str) -> str | None:
    """Why ``href`` may not name a file of the brief, or None when its form is acceptable."""
    if not trimmed_href(href):
        return "empty file path"
    if _SCHEME.match(href) or href.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", href):
        return f"path {href!r} must be relative to the brief's folder (no URL, no absolute path)"
    if _climbs(href):
        return f"path {href!r} has a '..' part; name the file from the brief's folder down"
    if "\\" in href:  # a URI reference has no backslash: Windows alone would read a separator
        return (
            f"path {href!r} separates folders with a backslash; a figure path is a URI"
            f" reference, where '/' separates them: write {href.replace(chr(92), '/')!r}"
        )
    return None


def _climbs(href: str) -> bool:
    return ".." in PurePosixPath(href.replace("\\", "/")).parts


def resolve_inside(base_dir: Path, href: str) -> Path:
    """The real path of ``href`` under ``base_dir``; raises when it is not a file inside it.

    A path with a ``..`` part is refused even when it stays inside (the JATS and Markdown
    exports copy each figure to its path beside them, and EPUB names it so in its package); it
    is said to leave the folder only when, resolved, it does.
    """
    root = base_dir.resolve()
    problem = check_relative_href(href)
    if problem and _climbs(href) and inside(root, href.replace("\\", "/")) is None:
        problem = f"path {href!r} leaves the brief's folder"
    if problem:
        raise UnsafeResourceError(problem)
    path = inside(root, href)
    if path is None:
        raise UnsafeResourceError(f"path {href!r} resolves outside the brief's folder")
    if not path.exists():
        raise UnsafeResourceError(f"file {href!r} not found beside the brief")
    if not path.is_file():
        raise UnsafeResourceError(f"file {href!r} is not a regular file")
    return path


def _guessed_type(name: str) -> str | None:
    """The media type :mod:`mimetypes` guesses for a suffix outside ``IMAGE_TYPES`` (imported
    here: reading its tables costs every start, and most briefs' figures have known suffixes)."""
    import mimetypes

    return mimetypes.guess_type(name)[0]


def read_image(base_dir: Path, href: str) -> tuple[bytes, str]:
    """The bytes and media type of an image inside ``base_dir``."""
    path = resolve_inside(base_dir, href)
    media_type = IMAGE_TYPES.get(path.suffix.lower()) or _guessed_type(path.name)
    if media_type is None or media_type not in IMAGE_TYPES.values():
        raise UnsafeResourceError(f"file {href!r} is not a PNG, JPEG, GIF or WebP image")
    if path.stat().st_size > MAX_IMAGE_BYTES:
        raise UnsafeResourceError(f"image {href!r} is larger than {MAX_IMAGE_BYTES} bytes")
    data = path.read_bytes()
    problem = image_problem(data, media_type)
    if problem:
        raise UnsafeResourceError(f"image {href!r} {problem}")
    return data, media_type


def image_problem(data: bytes, media_type: str) -> str | None:
    """Why ``data`` is not a sound image of ``media_type`` that every writer can embed: its
    headers and checksums are checked, then, if its size is within :data:`MAX_PIXELS`, its
    pixels are decoded (a damaged or truncated image would otherwise be embedded as it is, and
    shown black or grey)."""
    import struct
    import zlib

    from PIL import Image

    damaged: tuple[type[Exception], ...] = (OSError, SyntaxError, ValueError, EOFError)
    damaged += (struct.error, zlib.error)
    try:
        with _quiet_bombs(), Image.open(io.BytesIO(data)) as image:
            kind, (width, height) = image.format, image.size
            image.verify()
    except Image.DecompressionBombError:  # over twice Pillow's limit, which is over ours
        return f"has more than {MAX_PIXELS} pixels, the most a figure may have"
    except damaged:
        return "is damaged or not an image"
    if kind != PILLOW_FORMATS[media_type]:
        return f"holds a {kind} image, not what its extension says"
    if not 0 < width * height <= MAX_PIXELS:
        return f"is {width} by {height} pixels; figures must be at most {MAX_PIXELS} pixels"
    try:
        with Image.open(io.BytesIO(data)) as image:  # verify() leaves the image unusable
            _load_strictly(image)
    except damaged:
        return "is damaged: its pixels cannot be decoded"
    return None


_STRICT = threading.Lock()


def _load_strictly(image: PilImage) -> None:
    """Decode ``image`` with Pillow's ``ImageFile.LOAD_TRUNCATED_IMAGES`` off, whatever the
    process set: WeasyPrint turns it on as it is imported, and Pillow then takes a truncated
    JPEG or broken PNG data for a whole image. The setting is Pillow's, for the whole process;
    it is restored at once, and the lock keeps two checks from restoring each other's."""
    from PIL import ImageFile

    with _STRICT:
        tolerant = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            image.load()
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = tolerant


@contextlib.contextmanager
def _quiet_bombs() -> Iterator[None]:
    """Pillow warns (``DecompressionBombWarning``) when it opens an image of between its own
    pixel limit and twice that, and refuses larger ones; :data:`MAX_PIXELS` is lower, and an
    image over it is reported as an error in its place, so the warning is silenced while the
    image is opened. ``warnings.catch_warnings`` saves and restores the process's whole list of
    filters: in a program whose other threads change the filters while an image is opened, a
    filter they add then is lost, and this warning may stay silenced. The command line and the
    batch's workers change no filters in other threads."""
    import warnings

    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        yield
