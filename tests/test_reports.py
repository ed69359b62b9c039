"""Briefings end to end: parameter checks, the PDF a reader gets, the batch and its manifest."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from pypdf import PdfReader

from sahel_analysis import reports
from sahel_analysis.errors import UserError
from tests import gold_data


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return gold_data.build(tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="module")
def minusma(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("report")
    return reports.run_report("MINUSMA", "all", None, None, "en", data_dir, out)


def _pdf_text(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(str(path))
    return reader, "\n".join(page.extract_text() or "" for page in reader.pages)


def test_report_writes_notebook_html_pdf_and_tables(minusma: list[Path]) -> None:
    assert sorted(p.suffix for p in minusma) == [".csv"] * 4 + [".html", ".ipynb", ".pdf"]
    assert {p.name for p in minusma if p.suffix != ".csv"} == {
        "briefing-minusma-en.html", "briefing-minusma-en.ipynb", "briefing-minusma-en.pdf"}
    assert all(p.stat().st_size > 0 for p in minusma)
    assert all(p.stat().st_mode & 0o777 == 0o644 for p in minusma)  # readable by others
    nb = nbformat.read(str(next(p for p in minusma if p.suffix == ".ipynb")), as_version=4)
    assert any("injected-parameters" in c.metadata.get("tags", []) for c in nb.cells)
    headings = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert headings[0] == "# Briefing: the Netherlands in the Sahel — MINUSMA"
    assert "## Headline figures" in headings and "### Key events" in headings
    personnel = next(p for p in minusma if p.name.endswith("-personnel.csv"))
    assert "whole contribution" in personnel.read_text(encoding="utf-8")


def test_report_is_listed_in_manifest_and_index(minusma: list[Path]) -> None:
    out = minusma[0].parent
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [(m["slug"], m["status"], m["run_by"]) for m in manifest] == [
        ("briefing-minusma-en", "ok", "report")]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="briefing-minusma-en.pdf"' in index and "done" in index
    assert (out / "manifest.json").stat().st_mode & 0o777 == 0o644


def test_pdf_is_tagged_with_language_and_title(minusma: list[Path]) -> None:
    reader = PdfReader(str(next(p for p in minusma if p.suffix == ".pdf")))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en" and root["/MarkInfo"]["/Marked"]
    assert reader.metadata.title == "Briefing: the Netherlands in the Sahel — MINUSMA"
    html = next(p for p in minusma if p.suffix == ".html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert "No description has been provided" not in html
    assert re.search(r'<img alt="Line chart of Dutch personnel[^"]*"[^>]*'
                     r'src="data:image/png;base64,', html)
    assert "<figcaption>" in html


def test_pdf_has_pages_images_mission_figures_and_no_code(minusma: list[Path]) -> None:
    reader, text = _pdf_text(next(p for p in minusma if p.suffix == ".pdf"))
    assert len(reader.pages) >= 2
    assert sum(len(page.images) for page in reader.pages) >= 2  # personnel chart, timeline
    flat = " ".join(text.split())
    assert "MINUSMA" in flat
    assert "16" in flat and "450" in flat  # the latest ceiling and the largest deployment
    assert "29521-456" in flat  # a Kamerstuk number in the footnotes
    for code in ("import ", "def ", "sahel_analysis."):
        assert code not in flat


def test_html_has_no_code_and_embedded_images(minusma: list[Path]) -> None:
    html = next(p for p in minusma if p.suffix == ".html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in html
    assert "sahel_analysis" not in html and "import " not in html
    assert "http://" not in html and "https://" not in html.replace("https://www", "")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"mission": "Atlantis"}, "known missions: MINUSMA"),
        ({"country": "Narnia"}, "unknown country"),
        ({"start": 2023, "end": 2020}, "start 2023 is after end 2020"),
        ({"lang": "fr"}, "nl"),
    ],
)
def test_parameters_checked_before_a_kernel_starts(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kwargs: dict, message: str
) -> None:
    def no_kernel(*args: object, **kw: object) -> None:
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(reports, "execute", no_kernel)
    params = {"mission": "all", "country": "all", "start": None, "end": None, "lang": "en"}
    with pytest.raises(UserError, match=message) as info:
        reports.run_report(**{**params, **kwargs}, data_dir=data_dir, output_dir=tmp_path)
    assert "\n" not in str(info.value)
    assert not list(tmp_path.iterdir())


def test_missing_data_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no data folder"):
        reports.run_report("all", "all", None, None, "en", tmp_path / "nope", tmp_path)


def test_document_text_is_escaped_in_html(data_dir: Path, tmp_path: Path) -> None:
    """A quote holding a script tag or a Markdown link reaches the HTML as text."""
    import pandas as pd

    from sahel_analysis import tables

    hostile = tmp_path / "data"
    hostile.mkdir()
    for path in data_dir.glob("*.parquet"):
        (hostile / path.name).write_bytes(path.read_bytes())
    loaded = tables.load(hostile)
    ev = loaded["events"]
    row = ev[(ev["event_type"] == "coup") & (ev["country"] == "BFA")
             & (ev["date_start"] >= "2020")].index[0]
    ev.loc[row, "quote"] = "<script>alert(1)</script> [klik](http://evil.example)"
    ev.loc[row, "summary"] = "<b>bold</b> coup"
    tables.write_parquet(ev, hostile / "events.parquet")
    outputs = reports.run_report("all", "Burkina Faso", 2020, 2023, "nl", hostile, tmp_path / "out")
    html = next(p for p in outputs if p.suffix == ".html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold" not in html  # summaries are written from templates, not the table's
    assert '<a href="http://evil.example"' not in html
    assert pd.notna(ev.loc[row, "quote"])


def _config(path: Path, notebook: Path | None = None) -> Path:
    sets = [{"name": "minusma", "mission": "MINUSMA", "lang": "en"},
            {"name": "niger", "country": "Niger", "start": 2019, "end": 2023, "lang": "nl"}]
    if notebook is not None:
        sets[1]["notebook"] = str(notebook)
    path.write_text(json.dumps({"reports": sets}), encoding="utf-8")  # JSON is valid YAML
    return path


def test_batch_skips_unchanged_and_keeps_last_good_outputs(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    notebook = tmp_path / "briefing.ipynb"
    notebook.write_bytes((reports.notebook_dir() / "briefing.ipynb").read_bytes())
    config = _config(tmp_path / "reports.yaml", notebook)

    first = reports.run_batch(config, data_dir, out, workers=2)
    assert [m["status"] for m in first] == ["ok", "ok"]
    assert json.loads((out / "manifest.json").read_text()) == first
    assert all(m["input_hash"] and m["duration"] > 0 for m in first)
    niger_pdf = out / "niger.pdf"
    good = niger_pdf.read_bytes()

    second = reports.run_batch(config, data_dir, out, workers=2)
    assert [m["status"] for m in second] == ["skipped", "skipped"]

    # Break the second set's notebook: a cell that raises after the title block.
    nb = nbformat.read(str(notebook), as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell("raise ValueError('broken cell')"))
    nbformat.write(nb, str(notebook))
    third = reports.run_batch(config, data_dir, out, workers=1)
    by_name = {m["name"]: m for m in third}
    assert by_name["minusma"]["status"] == "skipped"
    failed = by_name["niger"]
    assert failed["status"] == "failed"
    assert failed["error"]["cell_index"] == 4  # papermill's injected-parameters cell counts
    assert "broken cell" in failed["error"]["cell_source"]
    assert failed["error"]["ename"] == "ValueError"
    assert "broken cell" in failed["error"]["evalue"]
    assert niger_pdf.read_bytes() == good  # the last good outputs are untouched
    assert not [p for p in out.iterdir() if p.name.startswith(".staging")]


def test_batch_records_bad_parameters_without_stopping(data_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "bad.yaml"
    config.write_text("reports:\n  - {name: bad, mission: Atlantis}\n", encoding="utf-8")
    manifest = reports.run_batch(config, data_dir, tmp_path / "out", workers=1)
    assert manifest[0]["status"] == "failed"
    assert "unknown mission" in manifest[0]["error"]["evalue"]


def test_shipped_config_lists_the_sets_and_is_valid(data_dir: Path) -> None:
    sets = reports.load_config(Path(__file__).resolve().parents[1] / "reports.yaml")
    missions = {s.get("mission") for s in sets}
    countries = {s.get("country") for s in sets}
    assert {"all", "MINUSMA", "EUTM Mali", "EUCAP Sahel Niger", "Takuba"} <= missions
    assert {"Mali", "Niger", "Burkina Faso"} <= countries
    from sahel_analysis import briefing, tables

    data = tables.load(data_dir)
    for s in sets:
        briefing.validate(s.get("mission", "all"), s.get("country", "all"), s.get("start"),
                          s.get("end"), s.get("lang", "en"), data)


def test_unsafe_yaml_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "evil.yaml"
    config.write_text("reports: !!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    with pytest.raises(UserError, match="cannot read"):
        reports.load_config(config)


def _tiny_notebook(path: Path, *cells: str) -> Path:
    """A notebook with a parameters cell (the briefing's names) and the given code cells."""
    params = nbformat.v4.new_code_cell(
        'mission = "all"\ncountry = "all"\nstart = None\nend = None\nlang = "en"\ndata_dir = ""')
    params.metadata["tags"] = ["parameters"]
    nb = nbformat.v4.new_notebook(cells=[params, *map(nbformat.v4.new_code_cell, cells)])
    nb.metadata = {"kernelspec": {"name": "python3", "language": "python",
                                  "display_name": "Python 3"}}
    nbformat.write(nb, str(path))
    return path


def test_batch_time_limit_dead_kernel_and_one_line_per_set(
        data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """A cell that never ends is stopped; a kernel that dies is recorded with its cell."""
    from sahel_analysis import cli

    slow = _tiny_notebook(tmp_path / "slow.ipynb", "x = 1", "import time\ntime.sleep(600)")
    dead = _tiny_notebook(tmp_path / "dead.ipynb", "import os\nos._exit(1)")
    config = tmp_path / "faults.yaml"
    config.write_text(json.dumps({"reports": [
        {"name": "slow", "mission": "all", "notebook": str(slow)},
        {"name": "dead", "mission": "MINUSMA", "notebook": str(dead)}]}), encoding="utf-8")
    out = tmp_path / "out"
    code = cli.main(["reports", "--config", str(config), "--data", str(data_dir), "--output",
                     str(out), "--workers", "1", "--timeout", "5"])
    printed = capsys.readouterr()
    assert code == 1
    lines = printed.out.splitlines()
    assert lines[0].startswith("slow: failed at cell 3: CellTimeoutError")
    assert lines[1].startswith("dead: failed at cell 2: DeadKernelError")
    assert "2 set(s) failed: slow, dead" in printed.err
    manifest = {m["slug"]: m for m in json.loads((out / "manifest.json").read_text())}
    assert "time.sleep(600)" in manifest["slow"]["error"]["cell_source"]
    assert manifest["dead"]["error"]["cell_source"] == "import os\nos._exit(1)"
    assert "failed at cell 2" in (out / "index.html").read_text(encoding="utf-8")


def test_manifest_is_written_whatever_happens(data_dir: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """An interrupt after the first set: that set is recorded, the other says 'not run'."""
    def first_then_interrupt(jobs, *args, **kw):  # noqa: ANN001, ANN002, ANN003
        yield {**{k: jobs[0].get(k) for k in ("name", "slug", "parameters", "notebook", "key")},
               "status": "ok", "outputs": [], "error": None, "duration": 1.0}
        raise KeyboardInterrupt

    monkeypatch.setattr(reports, "_execute_jobs", first_then_interrupt)
    config = tmp_path / "two.yaml"
    config.write_text("reports:\n  - {mission: MINUSMA}\n  - {country: Mali, lang: nl}\n",
                      encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        reports.run_batch(config, data_dir, tmp_path / "out")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [(m["slug"], m["status"]) for m in manifest] == [
        ("briefing-minusma-en", "ok"), ("briefing-mali-nl", "not run")]


def test_a_set_without_data_in_its_period_says_so(data_dir: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture) -> None:
    from sahel_analysis import cli

    monkeypatch.setattr(reports, "_render", lambda *a, **k: [])
    code = cli.main(["report", "--start", "2030", "--data", str(data_dir), "--output",
                     str(tmp_path / "out")])
    assert code == 0
    assert "briefing-all-missions-2030-en: no data for this selection and period" in \
        capsys.readouterr().err


def test_yaml_aliases_and_oversized_batch_files_are_refused(tmp_path: Path) -> None:
    laughs = tmp_path / "laughs.yaml"
    laughs.write_text('a: &a ["lol","lol"]\nb: &b [*a,*a,*a]\nreports: [{mission: MINUSMA, x: *b}]\n',
                      encoding="utf-8")
    with pytest.raises(UserError, match="anchors and aliases are not allowed"):
        reports.load_config(laughs)
    big = tmp_path / "big.yaml"
    big.write_text("reports:\n" + "  - {mission: MINUSMA}\n" * 60_000, encoding="utf-8")
    with pytest.raises(UserError, match="over the limit"):
        reports.load_config(big)
