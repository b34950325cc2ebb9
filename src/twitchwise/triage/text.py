"""Filling ``{placeholders}`` in knowledge-base text with a person's values."""

from __future__ import annotations

from collections.abc import Mapping


class _Values(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


def fill(template: str, values: Mapping[str, object]) -> str:
    """Format a template; a placeholder with no value shows as "?" rather than failing."""
    return template.format_map(_Values(values))
