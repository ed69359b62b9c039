"""The raw text a reader gives back."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawText:
    """A file's raw text, the format it came from, and what the reader had to say about it."""

    text: str
    kind: str  # 'txt' | 'pdf' | 'html'
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
    # the file's own metadata (date, title, url, publisher; ``weak`` for a hint such as a PDF's)
    meta: dict = field(default_factory=dict)
