"""On a screen of reading width, a web address in the HTML page breaks only between its pieces
(after a slash, before a dot), never at its own hyphens (html.css), as Chromium lays it out."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from lxml import html

import briefexport
from support.accessibility import CHROMIUM_OFFLINE
from support.paths import TOUR
from support.skips import require_command

# Narrows the reading column step by step and lists every piece of an address that a line
# break splits, with the column's width in pixels.
PROBE = """
const split = [];
for (let width = 460; width <= 820; width += 2) {
  document.body.style.maxWidth = width + "px";
  for (const part of document.querySelectorAll("a.url .url-part")) {
    if (part.getClientRects().length > 1) split.push(width + ": " + part.textContent);
  }
}
document.body.setAttribute("data-split", JSON.stringify(split));
"""


@pytest.mark.slow
def test_no_piece_of_an_address_is_split_at_reading_widths(tmp_path: Path) -> None:
    require_command("chromium", "Debian package chromium")
    page = briefexport.export(briefexport.load(TOUR), "html", tmp_path / "tour.html")
    probe = tmp_path / "probe.html"
    probe.write_text(page.read_text(encoding="utf-8") + f"<script>{PROBE}</script>")
    run = subprocess.run(
        [str(CHROMIUM_OFFLINE), "--headless", f"--user-data-dir={tmp_path / 'profile'}",
         "--window-size=1000,800", "--dump-dom", probe.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    body = html.fromstring(run.stdout).find("body")
    assert body is not None, run.stderr[-2000:]
    assert "data-split" in body.attrib, run.stderr[-2000:]  # the probe ran
    split = json.loads(body.get("data-split", "[]"))
    assert re.search(r"class=\"url-part\">[^<]*-", page.read_text(encoding="utf-8"))  # hyphens
    assert split == []
