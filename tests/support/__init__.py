"""Helpers shared by the test suite: where things live, briefs built in code, readers of the
outputs, wrappers around the formats' own validators, Hypothesis strategies and golden files.

Nothing here is a test; test modules import from this package, never from each other.
"""
