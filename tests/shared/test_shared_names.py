"""Namespaces, qualified names, resolvers and XML's white space, which several layers use, are
each defined once, in ``briefexport.shared.xmlnames``, ``briefexport.shared.urls`` or
``briefexport.inlines``; no other module assigns the same string to a constant of its own."""

from __future__ import annotations

import ast
from pathlib import Path

import briefexport
from briefexport import inlines
from briefexport.shared import urls, xmlnames

PACKAGE = Path(briefexport.__file__).parent
SHARED = {
    "shared/xmlnames.py": {
        "XML_NS": xmlnames.XML_NS,
        "XML_LANG": xmlnames.XML_LANG,
        "XLINK": xmlnames.XLINK,
        "XLINK_HREF": xmlnames.XLINK_HREF,
        "ALI": xmlnames.ALI,
        "ALI_LICENSE_REF": xmlnames.ALI_LICENSE_REF,
        "DC": xmlnames.DC,
        "MATHML_NS": xmlnames.MATHML_NS,
        "W_NS": xmlnames.W_NS,
    },
    "shared/urls.py": {"DOI_RESOLVER": urls.DOI_RESOLVER, "ORCID_RESOLVER": urls.ORCID_RESOLVER},
    "inlines.py": {"XML_WHITE_SPACE": inlines.XML_WHITE_SPACE},
}


def constants(source: str) -> list[tuple[str, str, int]]:
    """Each module-level ``NAME = "string"`` of ``source``: name, string and line."""
    found = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            value = node.value
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                found += [
                    (t.id, value.value, node.lineno) for t in targets if isinstance(t, ast.Name)
                ]
    return found


def copies(package: Path) -> list[str]:
    """``module:line NAME`` for every constant outside its shared module that repeats a shared
    string."""
    shared = {value: module for module, names in SHARED.items() for value in names.values()}
    found = []
    for path in sorted(package.rglob("*.py")):
        module = path.relative_to(package).as_posix()
        for name, value, line in constants(path.read_text(encoding="utf-8")):
            if value in shared and shared[value] != module:
                found.append(f"{module}:{line} {name}")
    return found


def test_no_module_defines_a_shared_name_again() -> None:
    assert copies(PACKAGE) == []


def test_a_copy_is_found(tmp_path: Path) -> None:
    (tmp_path / "writers").mkdir()
    copy = 'XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"\n'
    (tmp_path / "writers" / "epub.py").write_text("import re\n\n" + copy, encoding="utf-8")
    assert copies(tmp_path) == ["writers/epub.py:3 XML_LANG"]


def test_the_shared_names_are_what_their_specs_say() -> None:
    assert xmlnames.XML_LANG == "{http://www.w3.org/XML/1998/namespace}lang"
    assert xmlnames.ALI_LICENSE_REF == "{http://www.niso.org/schemas/ali/1.0/}license_ref"
    assert xmlnames.XLINK_HREF == "{http://www.w3.org/1999/xlink}href"
    assert xmlnames.W_NS == "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    assert urls.DOI_RESOLVER == "https://doi.org/"
    assert inlines.XML_WHITE_SPACE == " \t\r\n"  # XML 1.0, production S
