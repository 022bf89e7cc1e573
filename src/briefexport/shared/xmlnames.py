"""Names of the XML Linking Language (XLink 1.1) that a JATS 1.3 brief uses, in lxml's
``{namespace}local`` form where an attribute is named, kept apart from any parser so that a
process that only looks for them in bytes (the batch's first look at figure paths) imports
nothing else."""

from __future__ import annotations

XLINK = "http://www.w3.org/1999/xlink"
XLINK_HREF = f"{{{XLINK}}}href"
