"""Comparing answers of different engines (GROUP_CONCAT parts sorted): :mod:`benchmarks.answers`, which the
peers benchmark uses too."""

from __future__ import annotations

from benchmarks.answers import SEPARATOR, parts_sorted, rows_with_parts_sorted

__all__ = ["SEPARATOR", "parts_sorted", "rows_with_parts_sorted"]
