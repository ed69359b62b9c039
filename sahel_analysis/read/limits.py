"""Limits that protect a build from hostile or broken files (stated in the README)."""

from __future__ import annotations

import os
from dataclasses import dataclass


def _env_seconds(name: str, default: float) -> float:
    """A number of seconds from the environment variable ``name`` (``default`` when unset or bad)."""
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


@dataclass(frozen=True)
class Limits:
    """Bounds past which a file becomes a row of the problems table instead of being read."""

    max_file_bytes: int = 200_000_000  # any file (checked with stat before it is opened)
    max_pdf_pages: int = 2_000  # pages of one PDF
    max_text_chars: int = 60_000_000  # decoded text of one file (also the PDF text layer, HTML)
    max_line_chars: int = 1_000_000  # longer lines are cut into pieces of this size
    # wall-clock seconds to read one file and extract its facts; SAHEL_FILE_SECONDS overrides it
    max_file_seconds: float = _env_seconds("SAHEL_FILE_SECONDS", 300.0)
    # a PDF page whose visible characters are more than this share unmapped glyphs is unreadable
    max_unmapped_share: float = 0.5
    # search: a pattern's length, and the seconds one search may take (SAHEL_SEARCH_SECONDS)
    max_pattern_chars: int = 1_000
    max_search_seconds: float = _env_seconds("SAHEL_SEARCH_SECONDS", 30.0)
    # a report batch's YAML file: its size (anchors and aliases are refused whatever the size)
    max_yaml_bytes: int = 1_000_000


LIMITS = Limits()
