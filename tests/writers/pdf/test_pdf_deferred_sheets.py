"""WeasyPrint's form and presentational-hint sheets: parsed on first use, the same once parsed,
and only for the reviewed ``weasyprint/html.py``."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from importlib.machinery import ModuleSpec, PathFinder, SourceFileLoader
from pathlib import Path

import pytest

from briefexport.writers.pdf import deferred_sheets
from briefexport.writers.pdf.deferred_sheets import ParsedOnUse

from .test_pdf_startup import SRC, run_fresh


def test_the_installed_html_py_is_the_reviewed_one() -> None:
    import weasyprint

    spec = PathFinder.find_spec(deferred_sheets.MODULE, weasyprint.__path__)
    assert spec is not None
    assert spec.origin is not None
    digest = hashlib.sha256(Path(spec.origin).read_bytes()).hexdigest()
    assert digest == deferred_sheets.REVIEWED_SHA256
    assert deferred_sheets.is_reviewed(spec)


def test_only_sheets_without_counter_styles_wait() -> None:
    made: list[dict[str, object]] = []

    def made_sheet(**kwargs: object) -> dict[str, object]:
        made.append(kwargs)
        return kwargs

    sheet = deferred_sheets.deferring(made_sheet)
    waiting = sheet(string="p { color: red }", counter_style=None)
    assert isinstance(waiting, ParsedOnUse)
    assert made == []
    assert waiting.get("string") == "p { color: red }"  # parsed on the first attribute
    assert waiting.keys() == made[0].keys()
    assert len(made) == 1, "parsed once"
    counters = sheet(string="@counter-style x { system: cyclic; symbols: a }")
    assert not isinstance(counters, ParsedOnUse)
    assert not isinstance(sheet(filename="sheet.css"), ParsedOnUse)


def test_weasyprint_defers_the_form_and_hint_sheets_only() -> None:
    printed = run_fresh(
        """
        import sys
        import briefexport.writers.pdf
        import weasyprint
        from weasyprint import html
        from briefexport.writers.pdf import deferred_sheets
        sheets = (html.UA_STYLESHEET, html.UA_FORM_STYLESHEET, html.PH_STYLESHEET)
        print(*(type(sheet).__name__ for sheet in sheets))
        print(html.CSS is weasyprint.CSS, deferred_sheets.FINDER in sys.meta_path)
        print(weasyprint.PH_STYLESHEET is html.PH_STYLESHEET, len(html.UA_COUNTER_STYLE) > 0)
        """
    )
    assert printed.split() == [
        "CSS", "ParsedOnUse", "ParsedOnUse", "True", "False", "True", "True"
    ]  # fmt: skip


RULES = """
import sys
{first}
import weasyprint
from weasyprint import html
for sheet in (html.UA_FORM_STYLESHEET, html.PH_STYLESHEET):
    rules = sheet.matcher.lower_local_name_selectors
    print(sorted((name, len(found)) for name, found in rules.items()))
page = "<table border=2 cellpadding=3><tr><td bgcolor=red>x</td></tr></table><input value=y>"
document = weasyprint.HTML(string=page).render(presentational_hints=True, pdf_forms=True)
print(len(document.pages), document.pages[0]._page_box.children[0].children[0].element_tag)
"""


@pytest.mark.slow  # fresh processes: the sheets as the first import leaves them
def test_once_used_the_sheets_are_weasyprints_own() -> None:
    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}
    outputs = []
    for first in ("import briefexport.writers.pdf", ""):
        command = [sys.executable, "-c", RULES.format(first=first)]
        done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert "('table', 14)" in outputs[0]


def test_another_html_py_is_left_alone(tmp_path: Path) -> None:
    changed = tmp_path / "html.py"
    changed.write_text("PH = ''\n", encoding="utf-8")
    loader = SourceFileLoader(deferred_sheets.MODULE, str(changed))
    spec = ModuleSpec(deferred_sheets.MODULE, loader, origin=str(changed))
    assert not deferred_sheets.is_reviewed(spec)
