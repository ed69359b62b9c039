"""No Dutch word of the vocabulary inside a string literal of the rule modules: language is data."""

from __future__ import annotations

import ast
import csv
import re
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "sahel_analysis"
RULE_FILES = sorted([*(PKG / "facts").glob("*.py"), PKG / "dates.py", PKG / "documents.py"])
WORD = re.compile(r"[a-zà-ÿ]{4,}")
# Values of the tables' schema (tests/fixtures/gold/SCHEMA.md): codes the rules may name.
SCHEMA_CODES = frozenset({"kamerbrief", "nota", "nieuwsbericht"})
# A rule's name (``count:number-before-noun``): an identifier, not language.
RULE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
# Columns of the vocabulary that hold Dutch text (the others hold codes, labels and English).
DUTCH = re.compile(r"cue|alias|pattern|dutch|abbreviation|marker|word|phrase|verb|month|season|weekday|.*_nl|nl")


def vocabulary_words() -> set[str]:
    """Every lower-case word of four letters or more in the Dutch columns of the vocabulary, less
    the words the vocabulary also uses as codes (meanings, roles, kinds: keys the code may name)."""
    dutch: set[str] = set()
    codes: set[str] = set()
    for path in (PKG / "vocab").glob("*.csv"):
        with path.open(encoding="utf-8") as fh:
            rows = csv.DictReader(ln for ln in fh if ln.strip() and not ln.startswith("#"))
            for row in rows:
                codes.update(WORD.findall(" ".join(c for c in row if c).lower()))  # column names
                for column, cell in row.items():
                    if not column or not cell:
                        continue
                    into = dutch if DUTCH.fullmatch(column.strip().lower()) else codes
                    into.update(WORD.findall(cell.lower()))
    return dutch - codes - SCHEMA_CODES


def literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string literal of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and not RULE_NAME.fullmatch(node.value)]


def test_no_vocabulary_word_inside_a_string_literal_of_the_rules():
    vocab = vocabulary_words()
    found = []
    for path in RULE_FILES:
        for line, text in literals(path):
            hits = sorted(set(WORD.findall(text.lower())) & vocab)
            if hits:
                found.append(f"{path.relative_to(PKG)}:{line}: {', '.join(hits[:5])}")
    assert not found, "Dutch words in code (move them to vocab/):\n" + "\n".join(found)
