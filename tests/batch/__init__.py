"""Tests of the batch command (briefexport.batch)."""
