"""The notebooks run top to bottom in a fresh kernel, on realistic and on empty tables."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from pypdf import PdfReader

from sahel_analysis import reports
from tests import gold_data

NOTEBOOKS = sorted(Path(reports.notebook_dir()).glob("*.ipynb"))


@pytest.fixture(scope="module")
def gold_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return gold_data.build(tmp_path_factory.mktemp("gold"))


def test_every_notebook_is_in_the_folder_and_clean() -> None:
    names = {p.stem for p in NOTEBOOKS}
    assert names == {*reports.NOTEBOOKS, reports.BRIEFING}
    for path in NOTEBOOKS:
        nb = nbformat.read(str(path), as_version=4)
        nbformat.validate(nb)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert all(not c.outputs and c.execution_count is None for c in code), path.name
        assert any("parameters" in c.metadata.get("tags", []) for c in code), path.name
        source = "\n".join(c.source for c in code)
        assert "re.compile" not in source and "def " not in source  # thin: no parsing in cells


def _check_executed(paths: list[Path]) -> None:
    by_name = {p.name: p for p in paths}
    for name in reports.NOTEBOOKS:
        nb = nbformat.read(str(by_name[f"{name}.ipynb"]), as_version=4)
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        assert not [o for o in outputs if o.get("output_type") == "error"], name
        assert outputs, name
        html = by_name[f"{name}.html"].read_text(encoding="utf-8")
        assert '<html lang="en">' in html
        if name != "00-explore":
            assert "data:image/png;base64," in html, name


def test_analysis_notebooks_on_gold_tables(gold_dir: Path, tmp_path: Path) -> None:
    paths = reports.run_notebooks(gold_dir, tmp_path)
    assert len(paths) == 2 * len(reports.NOTEBOOKS)
    _check_executed(paths)
    html = (tmp_path / "00-explore.html").read_text(encoding="utf-8")
    assert "staatsgreep" in html.lower()  # the search found sentences


def test_analysis_notebooks_on_built_seeds(built: Path, tmp_path: Path) -> None:
    """The real build of the seeds (whatever the extractor finds so far)."""
    _check_executed(reports.run_notebooks(built, tmp_path))


def test_briefing_on_empty_tables_says_no_data(tmp_path: Path) -> None:
    data = gold_data.build_empty(tmp_path / "empty")
    paths = reports.run_report("Takuba", "Niger", 2020, 2022, "en", data, tmp_path / "out")
    pdf = next(p for p in paths if p.suffix == ".pdf")
    text = " ".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "no data" in " ".join(text.split())
    assert "Takuba" in text


def test_briefing_headings_are_markdown_cells_in_both_languages() -> None:
    from sahel_analysis import briefing

    nb = nbformat.read(str(reports.notebook_dir() / "briefing.ipynb"), as_version=4)
    marks = [c for c in nb.cells if c.cell_type == "markdown"]
    assert marks[0].source.startswith("# ") and "title" in marks[0].metadata["tags"]
    keys = [t[6:] for c in marks for t in c.metadata.get("tags", []) if t.startswith("label:")]
    assert {"summary_head", "method_head", "headlines", "personnel", "budgets", "events",
            "key_events", "sources"} <= set(keys)
    for key in keys:  # every heading has a Dutch and an English text
        assert briefing.label(key, "nl") != briefing.label(key, "en") or key == "events"
        assert briefing.label(key, "nl") != key


def test_a_relative_data_folder_is_found_from_the_project_root(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``data/processed`` from ``notebooks/`` names the project's folder, not an empty one."""
    from sahel_analysis import briefing
    from sahel_analysis.errors import UserError

    root = tmp_path / "project"
    gold_data.build_empty(root / "data" / "processed")
    (root / "notebooks").mkdir()
    monkeypatch.setattr(briefing, "ROOT", root)
    monkeypatch.chdir(root / "notebooks")
    assert briefing.data_path("data/processed") == (root / "data" / "processed").resolve()
    assert briefing.data_path("../data/processed") == (root / "data" / "processed").resolve()
    with pytest.raises(UserError, match="no tables in data/elsewhere"):
        briefing.data_path("data/elsewhere")
