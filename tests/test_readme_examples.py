"""The README's code examples run as written, in document order, in a scratch copy of the project.

Every ``python`` block runs whole; every ``sh`` block runs whole when it is a script (a heredoc),
else line by line. Skipped, with the reason: ``make`` lines (they create a virtualenv and run
the whole suite: the Makefile has its own checks), lines naming a placeholder (the ``corpus``
folder, ``tcp://host``), the briefing commands ``report`` / ``reports``, which start kernels and are
run by ``tests/test_reports.py``, and ``fetch``, which needs the network (``tests/test_fetch.py``
runs it against a local server). A line ending in a backslash goes on on the next.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SKIP = (re.compile(r"^make\b"), re.compile(r"\bcorpus\b|tcp://host"),
        re.compile(r"sahel-analysis reports? "), re.compile(r"sahel-analysis fetch\b"))


def blocks(text: str) -> list[tuple[str, str]]:
    """The fenced code blocks of a Markdown text: (language, code)."""
    return [(m.group(1), m.group(2)) for m in
            re.finditer(r"^```(\w*)\n(.*?)^```", text, re.MULTILINE | re.DOTALL)]


def commands(lang: str, code: str) -> list[str]:
    """What to run of one block: the whole block, or its lines that are not skipped."""
    if lang == "python":
        return [code]
    if lang != "sh":
        return []
    if "<<" in code:
        return [code]
    lines = [ln.split("  #")[0].strip() for ln in code.replace("\\\n", " ").splitlines()]
    return [ln for ln in lines if ln and not any(rx.search(ln) for rx in SKIP)]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch project folder: the seeds, gold and notebooks linked, .venv the running one."""
    where = tmp_path_factory.mktemp("readme")
    for name in ("seeds", "notebooks", "reports.yaml"):
        (where / name).symlink_to(ROOT / name)
    (where / "tests" / "fixtures").mkdir(parents=True)
    (where / "tests" / "fixtures" / "gold").symlink_to(ROOT / "tests" / "fixtures" / "gold")
    (where / ".venv").symlink_to(Path(sys.prefix))
    return where


def test_readme_examples_run(project: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    ran = []
    for lang, code in blocks((ROOT / "README.md").read_text(encoding="utf-8")):
        for cmd in commands(lang, code):
            argv = [sys.executable, "-c", cmd] if lang == "python" else ["bash", "-ec", cmd]
            done = subprocess.run(argv, cwd=project, env=env, capture_output=True, text=True,
                                  timeout=300)
            assert done.returncode == 0, f"{cmd}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
            ran.append((cmd, done.stdout))
    assert len(ran) >= 5, [c for c, _ in ran]
    outputs = "\n".join(out for _, out in ran)
    assert "built 7 documents" in outputs.lower()  # the build ran
    assert "MINUSMA" in outputs  # the DuckDB query and the series printed rows
    assert "disagreement" in outputs


def test_the_skip_rules_leave_the_examples_that_can_run() -> None:
    code = blocks((ROOT / "README.md").read_text(encoding="utf-8"))
    langs = {lang for lang, _ in code}
    assert {"sh", "python"} <= langs
    runnable = [c for lang, body in code for c in commands(lang, body)]
    assert any("import sahel_analysis.series" in c for c in runnable)
    assert any("duckdb.connect" in c for c in runnable)
