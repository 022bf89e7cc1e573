"""What several writers (and the reader or importers) need, written once.

This layer sits between the model and the writers and importers: it imports the model and
nothing above it. The brand file, the style folder, rights and title lines, note ids, text
direction and labels live here; the rules a brief must follow live in :mod:`briefexport.rules`.
"""
