"""Ordered, named rules: the one runner every fact module decides its fields with.

A rule is a ``(name, function)`` pair; the function returns the field's value, or None to pass.
The rules of a field are tried in order and the first that answers wins (price-parser's ordered
extraction methods); its name goes into the row's ``rule`` column as ``field:name``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Rule = tuple[str, Callable[..., Any]]


def first_answer(rules: Sequence[Rule], *args: Any, default: tuple[Any, str] = (None, "none")) -> tuple[Any, str]:
    """(value, rule name) of the first rule of ``rules`` that answers (returns not None) on ``args``,
    else ``default``."""
    for name, rule in rules:
        value = rule(*args)
        if value is not None:
            return value, name
    return default


def reason(items: Sequence[tuple[str, str]]) -> str:
    """The ``rule`` column: ``field:rule-name`` items joined by ``; ``."""
    return "; ".join(f"{f}:{r}" for f, r in items)
