"""Deposit packages for library and institutional repositories.

* :mod:`.bag`: a BagIt 1.0 bag (RFC 8493) serialized as a zip, for preservation systems;
* :mod:`.saf`: a DSpace Simple Archive Format item, for ``dspace import --add --zip``;
* :mod:`.verify`: completeness and fixity of a bag, zipped or unpacked, from any bagger.

Both writers carry every rendition of the brief (:mod:`.renditions`), produced by the other
writers through the format registry, and are reproducible like every writer.
"""
