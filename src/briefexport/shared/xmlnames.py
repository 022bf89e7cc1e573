"""Namespaces that more than one module of briefexport writes or reads, and the qualified names
taken from them, in lxml's ``{namespace}local`` form: XML 1.0 (``xml:lang``), XLink 1.1, NISO
Access and License Indicators (ALI 1.0), Dublin Core elements 1.1, MathML 3 and
WordprocessingML (ECMA-376 Part 1), as a JATS 1.3 brief and the formats written from it use
them. Kept apart from any parser so that a process that only looks for them in bytes (the
batch's first look at figure paths) imports nothing else."""

from __future__ import annotations

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
XLINK = "http://www.w3.org/1999/xlink"
XLINK_HREF = f"{{{XLINK}}}href"
ALI = "http://www.niso.org/schemas/ali/1.0/"
ALI_LICENSE_REF = f"{{{ALI}}}license_ref"
DC = "http://purl.org/dc/elements/1.1/"
MATHML_NS = "http://www.w3.org/1998/Math/MathML"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
