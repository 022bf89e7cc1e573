"""Make an institution's Word template safe to build on (ECMA-376 Part 2 OPC; Part 1 17.16 fields).

A template is untrusted input, like a brief. Every XML part is parsed with the briefs' hardened
parser, and a part declaring a DOCTYPE or entities is refused. Then whatever would make Word
reach outside the document when the output is opened is removed:

- relationships with ``TargetMode="External"`` other than hyperlinks (linked images, attached
  templates, sub-documents, mail-merge sources, linked objects), with the elements naming them;
- the attached template and the mail merge set-up of ``word/settings.xml``;
- fields that fetch content (``INCLUDEPICTURE``, ``INCLUDETEXT`` and their older names, ``LINK``,
  ``DDE``): the field is unlinked, its last shown result is kept as plain content.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from ...errors import InvalidTemplateError
from ...shared.safexml import hardened_parser
from ...shared.xmlnames import W_NS

MAX_UNPACKED_BYTES = 200 * 2**20
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HYPERLINK = f"{R_NS}/hyperlink"
SETTINGS_PART = "word/settings.xml"
UNSAFE_SETTINGS = ("attachedTemplate", "mailMerge")
# Elements that mean nothing once the external relationship they name is gone.
NAMING_ONLY = frozenset(
    {"attachedTemplate", "subDoc", "dataSource", "headerSource", "src", "recipientData",
     "OLEObject", "altChunk"}
)  # fmt: skip
FETCHING_FIELDS = frozenset(
    {"INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "IMPORT", "LINK", "DDE", "DDEAUTO"}
)
DECLARATIONS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)


def screen_template(data: bytes, origin: str) -> bytes:
    """The template package with every external reach removed; raises for unsafe XML."""
    infos, parts = read_package(data, origin)
    trees = {name: parse_part(content, name, origin) for name, content in parts.items()
             if is_xml_part(name)}  # fmt: skip
    changed = drop_external_relationships(trees) | drop_unsafe_settings(trees)
    changed |= {name for name, tree in trees.items() if unlink_fetching_fields(tree)}
    if not changed:
        return data
    for name in changed:
        parts[name] = etree.tostring(trees[name], xml_declaration=True, encoding="UTF-8",
                                     standalone=True)  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in infos:
            copy.writestr(info, parts[info.filename])
    return out.getvalue()


def read_package(data: bytes, origin: str) -> tuple[list[zipfile.ZipInfo], dict[str, bytes]]:
    """The package's entries and the bytes of each, refused when it unpacks to too much."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
            if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
                raise InvalidTemplateError(
                    f"{origin}: unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MiB"
                )
            return infos, {info.filename: package.read(info) for info in infos}
    except (
        zipfile.BadZipFile,
        ValueError,
        OSError,
        EOFError,
        RuntimeError,
        NotImplementedError,
    ) as error:
        raise InvalidTemplateError(f"{origin}: not a Word document (.docx): {error}") from None


def is_xml_part(name: str) -> bool:
    """True for the parts Word reads as XML."""
    return name.lower().endswith((".xml", ".rels"))


def parse_part(content: bytes, name: str, origin: str) -> etree._Element:
    """One part, parsed as untrusted XML; DOCTYPE and entity declarations are refused unread."""
    if any(marker in content for marker in DECLARATIONS):
        raise InvalidTemplateError(
            f"{origin}: part {name} declares a DOCTYPE or entities, which Word templates never"
            " need; refused"
        )
    parser = hardened_parser()
    try:
        return etree.fromstring(content, parser)
    except etree.XMLSyntaxError as error:
        reason = " ".join(str(error).split())
        raise InvalidTemplateError(
            f"{origin}: part {name} is not well-formed XML: {reason}"
        ) from None


def source_of(rels_name: str) -> str:
    """The part a relationships part belongs to (``word/_rels/x.xml.rels`` -> ``word/x.xml``)."""
    folder, _, leaf = rels_name.rpartition("_rels/")
    return folder + leaf.removesuffix(".rels")


def drop_external_relationships(trees: dict[str, etree._Element]) -> set[str]:
    """Remove external relationships but hyperlinks, and what names them; the changed parts."""
    changed = set()
    for name in [name for name in trees if name.endswith(".rels")]:
        removed = set()
        for rel in list(trees[name]):
            external = rel.get("TargetMode", "").lower() == "external"
            if external and rel.get("Type") != HYPERLINK:
                removed.add(rel.get("Id", ""))
                trees[name].remove(rel)
        source = source_of(name)
        if removed:
            changed.add(name)
            if source in trees:
                forget_relationships(trees[source], removed)
                changed.add(source)
    return changed


def forget_relationships(root: etree._Element, removed: set[str]) -> None:
    """Remove references to ``removed`` relationship ids, and elements that are only that."""
    for element in list(root.iter()):
        names = [key for key, value in element.attrib.items()
                 if key.startswith(f"{{{R_NS}}}") and value in removed]  # fmt: skip
        for key in names:
            del element.attrib[key]
        parent = element.getparent()
        if names and etree.QName(element).localname in NAMING_ONLY and parent is not None:
            parent.remove(element)


def drop_unsafe_settings(trees: dict[str, etree._Element]) -> set[str]:
    """Remove the attached template and mail merge from the settings; the changed parts."""
    settings = trees.get(SETTINGS_PART)
    if settings is None:
        return set()
    unsafe = [node for tag in UNSAFE_SETTINGS for node in settings.iter(f"{{{W_NS}}}{tag}")]
    for node in unsafe:
        parent = node.getparent()
        if parent is not None:
            parent.remove(node)
    return {SETTINGS_PART} if unsafe else set()


def fetches(instruction: str) -> bool:
    """True when a field instruction names a field that reads outside the document."""
    words = instruction.split()
    return bool(words) and words[0].upper() in FETCHING_FIELDS


def unlink_fetching_fields(root: etree._Element) -> bool:
    """Unlink every fetching field of a part, keeping its result; True when any was found."""
    found = False
    for simple in list(root.iter(f"{{{W_NS}}}fldSimple")):
        parent = simple.getparent()
        if parent is not None and fetches(simple.get(f"{{{W_NS}}}instr", "")):
            index = parent.index(simple)
            parent[index : index + 1] = list(simple)
            found = True
    return unlink_complex_fields(root) or found


@dataclass
class ComplexField:
    """A field spread over runs: begin, instruction runs, separate, result runs, end."""

    begin: etree._Element
    code_runs: list[etree._Element] = field(default_factory=list)
    instruction: list[str] = field(default_factory=list)
    in_code: bool = True


def unlink_complex_fields(root: etree._Element) -> bool:
    """Remove the code of fetching complex fields (nested fields included), keep results."""
    stack: list[ComplexField] = []
    doomed: list[etree._Element] = []
    for run in list(root.iter(f"{{{W_NS}}}r")):
        for open_field in stack:
            if open_field.in_code:
                open_field.code_runs.append(run)
        char = run.find(f"{{{W_NS}}}fldChar")
        kind = None if char is None else char.get(f"{{{W_NS}}}fldCharType")
        if kind == "begin":
            stack.append(ComplexField(run))
        elif stack and kind == "separate":
            stack[-1].in_code = False
        elif stack and kind == "end":
            closed = stack.pop()
            if fetches("".join(closed.instruction)):
                doomed += [closed.begin, *closed.code_runs]
                assert char is not None
                run.remove(char)
                if all(etree.QName(child).localname == "rPr" for child in run):
                    doomed.append(run)
        elif stack and stack[-1].in_code:
            stack[-1].instruction += [t.text or "" for t in run.iter(f"{{{W_NS}}}instrText")]
    for run in dict.fromkeys(doomed):
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)
    return bool(doomed)
