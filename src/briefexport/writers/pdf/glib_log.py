"""Pango's own messages as the brief's warning lines, not raw lines on standard error.

Pango reports through GLib's message log (GLib's ``g_log``, the "Message Logging" chapter of
the GLib reference): a failed check inside Pango is a message of level ``CRITICAL`` in the
``Pango`` domain, which GLib's default handler prints as ``(process:N): Pango-CRITICAL **:
...``, whatever ``-q`` says and without naming the brief. Pango 1.50 prints one when it makes
small capitals from a colour bitmap font (Noto Color Emoji) named in a font stack: the font has
no capital height to scale by, and the size it computes is negative (the text is still set at
its own size).

While a PDF is written (:func:`pango_messages_routed`, in any thread), a handler for the
``Pango`` domain (``g_log_set_handler``) logs each warning, critical and plain message to the
library's logger, where it becomes a warning line of the brief being written (``-q`` hides it;
a batch reports it with the brief). Debug and informational messages stay with GLib's default
handler, which drops them. When the last PDF being written is done, the handler is removed
(``g_log_remove_handler``): a program that embeds briefexport and uses Pango itself gets its own
messages as before. GLib is opened by its file name (Linux); where it cannot be, nothing changes.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import logging
import threading
from collections.abc import Iterator

LOGGER = logging.getLogger(__name__)
GLIB = "libglib-2.0.so.0"
DOMAIN = b"Pango"
# GLogLevelFlags (gmessages.h): the recursion flag, then the levels.
FLAG_RECURSION = 1 << 0
CRITICAL, WARNING, MESSAGE = 1 << 3, 1 << 4, 1 << 5
# Without FLAG_FATAL: a message made fatal (G_DEBUG=fatal-criticals) goes to GLib's default
# handler, which prints it before the process aborts, where a logged line would be lost.
LEVELS = CRITICAL | WARNING | MESSAGE | FLAG_RECURSION
LEVEL_NAMES = {CRITICAL: "critical", WARNING: "warning", MESSAGE: "message"}
HINTS = {
    "pango_font_description_set_size": (
        "small capitals from a font without capitals, such as a colour emoji font"
        " named in the style's font families"
    ),
}

LogFunc = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p)


def pango_line(level: int, message: str) -> str:
    """What the warning line says for a Pango message of ``level``."""
    name = next((n for bit, n in LEVEL_NAMES.items() if level & bit), "message")
    hint = next((text for prefix, text in HINTS.items() if message.startswith(prefix)), None)
    said = f"PDF: the text layout library Pango reported ({name}): {message}"
    return f"{said} ({hint})" if hint else said


def _log(domain: bytes | None, level: int, message: bytes | None, data: object) -> None:
    text = (message or b"").decode("utf-8", "replace").strip()
    LOGGER.warning("%s", pango_line(level, text))


class _Routing:
    """The handler GLib calls while PDFs are written, and how many are."""

    lock = threading.Lock()
    writing = 0
    handler_id = 0  # GLib's handler ids start at 1
    callback = LogFunc(_log)  # kept for the life of the process: GLib holds its address


@functools.cache
def _glib() -> ctypes.CDLL | None:
    try:
        glib = ctypes.CDLL(GLIB)
    except OSError:
        return None
    glib.g_log_set_handler.argtypes = (ctypes.c_char_p, ctypes.c_int, LogFunc, ctypes.c_void_p)
    glib.g_log_set_handler.restype = ctypes.c_uint
    glib.g_log_remove_handler.argtypes = (ctypes.c_char_p, ctypes.c_uint)
    glib.g_log_remove_handler.restype = None
    return glib


@contextlib.contextmanager
def pango_messages_routed() -> Iterator[bool]:
    """Within the block (in any thread), Pango's messages go to the library's logger; yields
    whether they do (False where GLib cannot be opened)."""
    glib = _glib()
    if glib is None:
        yield False
        return
    with _Routing.lock:
        if _Routing.writing == 0:
            _Routing.handler_id = glib.g_log_set_handler(DOMAIN, LEVELS, _Routing.callback, None)
        _Routing.writing += 1
    try:
        yield True
    finally:
        with _Routing.lock:
            _Routing.writing -= 1
            if _Routing.writing == 0:
                glib.g_log_remove_handler(DOMAIN, _Routing.handler_id)
