"""The date language is data: no word of vocab/months.csv or vocab/date_words.csv stands inside a
string literal of dates.py, and documents.py names no month or weekday in its code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from sahel_analysis.dates import PRECISIONS
from sahel_analysis.vocab import date_words, month_names, read_csv

PACKAGE = Path(__file__).resolve().parents[1] / "sahel_analysis"
_NAME = re.compile(r"[a-z]+(?:_[a-z]+)+")  # snake-case names: forms, slots, groups
_WORD = re.compile(r"[^\W\d_]{3,}")  # words of three letters or more (not regex flags and suffixes)


def _literal_words(path: Path) -> set[str]:
    """The words in the string literals of a module, docstrings and comments left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value) for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
        and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    words: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if _NAME.fullmatch(node.value) or node.value in PRECISIONS:
                continue  # a name in code (day_month, week_ordinal) or a precision of the output
            words.update(w.lower() for w in _WORD.findall(node.value))
    return words


def _vocab_words(*files: str) -> set[str]:
    out: set[str] = set()
    for name in files:
        for row in read_csv(name):
            field = row.get("word") or row.get("name") or ""
            out.update(w.lower() for w in _WORD.findall(field))
    return out


def test_dates_module_holds_no_word_of_the_date_vocabulary():
    found = _literal_words(PACKAGE / "dates.py") & _vocab_words("months.csv", "date_words.csv")
    assert found == set()


def test_documents_module_names_no_month_or_weekday():
    names = {m.name for m in month_names(("nl", "en")) if m.full} | set(date_words("weekday"))
    found = {w for w in _literal_words(PACKAGE / "documents.py") if w in names}
    assert found == set()


@pytest.mark.parametrize("name", ["months.csv", "date_words.csv", "document_words.csv"])
def test_vocab_files_start_with_a_header_comment(name):
    first = (PACKAGE / "vocab" / name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ")
