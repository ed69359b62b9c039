"""Limits that protect a build from hostile or broken files (stated in the README)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Bounds past which a file becomes a row of the problems table instead of being read."""

    max_file_bytes: int = 200_000_000  # any file
    max_pdf_pages: int = 2_000  # pages of one PDF
    max_text_chars: int = 60_000_000  # decoded text of one file (also the PDF text layer)
    max_line_chars: int = 1_000_000  # longer lines are cut into pieces of this size


LIMITS = Limits()
