"""Output writers, one module per format, each exposing ``write(brief, options) -> bytes``.

The registry in :mod:`briefexport.formats` maps format names to these modules. Writers follow
pandoc's shape: ``brief_to_X`` for the whole brief, ``block_to_X`` and ``inline_to_X`` over the
model's closed unions with ``match`` and ``assert_never``, so mypy names every writer that misses
a new node type.
"""
