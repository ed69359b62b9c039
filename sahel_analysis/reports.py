"""Run the notebooks with papermill and export them: executed .ipynb, HTML without code, PDF.

Where the notebooks live: ``notebooks/`` at the repository root (one copy, opened in
JupyterLab and run by these commands). ``SAHEL_NOTEBOOK_DIR`` overrides it; a package installed
without the repository falls back to ``sahel_analysis/notebooks/`` if that holds copies.

Outputs are written atomically: everything of a run goes to a staging folder first and is moved
in with ``os.replace`` only when all files are complete, so a failing run never overwrites the
last good outputs. The PDF is made by WeasyPrint from the HTML, offline: only ``data:`` URLs
(the embedded chart images) may be fetched.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

import yaml

from . import briefing, tables
from .errors import UserError

BRIEFING = "briefing"
NOTEBOOKS = ("00-explore", "01-corpus", "02-contributions", "03-budgets", "04-events")
KERNEL = "python3"  # jupyter_client starts "python" kernelspecs with sys.executable
# The kernel's own log (a warning about TCP on localhost at start, "KeyboardInterrupt caught in
# kernel" when it is stopped) is not about the notebook; errors in cells still fail the run.
KERNEL_QUIET = ["--IPKernelApp.log_level=CRITICAL"]
CSS = Path(__file__).parent / "templates" / "report.css"
MANIFEST = "manifest.json"
# Files whose change makes a briefing stale (besides notebook, parameters and tables).
_CODE = ("briefing.py", "charts.py", "reports.py", "templates/report.css",
         "templates/labels.yaml")


def notebook_dir() -> Path:
    """The folder of the notebooks: $SAHEL_NOTEBOOK_DIR, the repo's notebooks/, or the package's."""
    env = os.environ.get("SAHEL_NOTEBOOK_DIR")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[1] / "notebooks"
    if (repo / f"{BRIEFING}.ipynb").exists():
        return repo
    return Path(__file__).resolve().parent / "notebooks"


def _notebook(name: str) -> Path:
    path = notebook_dir() / f"{name}.ipynb"
    if not path.exists():
        raise UserError(f"notebook {path} not found (set SAHEL_NOTEBOOK_DIR)")
    return path


def _kernel_env() -> None:
    """Let the kernel import this package when it runs from a source checkout."""
    root = Path(__file__).resolve().parents[1]
    if root.name == "site-packages":
        return
    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    if str(root) not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([str(root), *[p for p in paths if p]])


def _check_data(data_dir: Path) -> dict:
    if not data_dir.is_dir():
        raise UserError(f"no data folder {data_dir}; run 'sahel-analysis build' first")
    return tables.load(data_dir)


# ---------------------------------------------------------------- execute and export


def execute(notebook: Path, target: Path, parameters: dict) -> None:
    """Execute ``notebook`` with papermill into ``target`` in a fresh kernel (current Python)."""
    import papermill as pm

    _kernel_env()
    pm.execute_notebook(str(notebook), str(target), parameters=parameters, kernel_name=KERNEL,
                        cwd=str(notebook.parent), progress_bar=False, log_output=False,
                        request_save_on_cell_execute=False, extra_arguments=KERNEL_QUIET)


def _without_noise(nb):  # noqa: ANN001 - nbformat NotebookNode
    """A copy of the notebook without stderr streams and without error tracebacks' code."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", [])
                            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    return nb


def to_html(notebook: Path, title: str, exclude_input: bool = True) -> str:
    """A self-contained HTML page of an executed notebook: no prompts; no code by default."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = _without_noise(nbformat.read(str(notebook), as_version=4))
    exporter = HTMLExporter(template_name="basic", exclude_input=exclude_input,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb)
    css = CSS.read_text(encoding="utf-8")
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
            f"<title>{briefing.esc(title)}</title><style>{css}</style></head>"
            f"<body>{body}</body></html>")


def to_pdf(html_text: str, target: Path) -> None:
    """Render HTML to an A4 PDF with WeasyPrint; no network: only ``data:`` URLs load."""
    import weasyprint
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    weasyprint.HTML(string=html_text, base_url=None, url_fetcher=fetcher).write_pdf(str(target))


def _publish(stage: Path, output_dir: Path) -> list[Path]:
    """Move every file of ``stage`` into ``output_dir`` (atomic renames, same filesystem)."""
    out = []
    for item in sorted(stage.iterdir()):
        dest = output_dir / item.name
        os.replace(item, dest)
        out.append(dest)
    return out


def _render(notebook: Path, stem: str, parameters: dict, output_dir: Path, title: str,
            pdf: bool = True, exclude_input: bool = True) -> list[Path]:
    """Execute and export one notebook; outputs appear only when all of them succeeded."""
    output_dir.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".staging-{stem}-", dir=output_dir))
    try:
        nb_out = stage / f"{stem}.ipynb"
        try:
            execute(notebook, nb_out, parameters)
        except Exception:
            if nb_out.exists():  # keep the failed run for inspection, away from good outputs
                failed = output_dir / ".failed"
                failed.mkdir(exist_ok=True)
                os.replace(nb_out, failed / nb_out.name)
            raise
        html_text = to_html(nb_out, title, exclude_input)
        (stage / f"{stem}.html").write_text(html_text, encoding="utf-8")
        if pdf:
            to_pdf(html_text, stage / f"{stem}.pdf")
        return _publish(stage, output_dir)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


# ---------------------------------------------------------------- one briefing


def _params(mission: object, country: object, start: object, end: object, lang: object,
            data: dict) -> briefing.Params:
    return briefing.validate(mission, country, start, end, lang, data)


def _title(params: briefing.Params) -> str:
    return f"{briefing.label('briefing_title', params.lang)} — {briefing.slug(params)}"


def run_report(mission: str, country: str, start: int | None, end: int | None, lang: str,
               data_dir: Path, output_dir: Path) -> list[Path]:
    """Run the briefing for one parameter set; write OUTPUT/<slug>.ipynb, .html and .pdf.

    Parameters are checked before a kernel starts (:class:`UserError`, one line).
    """
    data_dir, output_dir = Path(data_dir).resolve(), Path(output_dir)
    params = _params(mission, country, start, end, lang, _check_data(data_dir))
    notebook = _notebook(BRIEFING)
    try:
        return _render(notebook, briefing.slug(params),
                       {**params.as_dict(), "data_dir": str(data_dir)}, output_dir,
                       _title(params))
    except Exception as exc:
        err = failure(exc)
        if err.get("cell_index") is None:
            raise
        raise UserError(f"briefing failed in cell {err['cell_index']}: "
                        f"{err['ename']}: {err['evalue']}") from None


def failure(exc: BaseException) -> dict:
    """What went wrong, for the manifest: the failing cell and the error.

    ``cell_index`` counts the cells of the executed notebook (papermill inserts an
    ``injected-parameters`` cell after the ``parameters`` cell); ``cell_source`` is its code.
    """
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        return {"cell_index": exc.cell_index, "exec_count": exc.exec_count,
                "cell_source": (exc.source or "")[:500], "ename": exc.ename,
                "evalue": exc.evalue}
    return {"cell_index": None, "exec_count": None, "cell_source": None,
            "ename": type(exc).__name__, "evalue": str(exc)}


# ---------------------------------------------------------------- batch


def _sha(paths: Iterable[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode())
        with open(p, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()


def input_hash(data_dir: Path) -> str:
    """Hash of the build folder's parquet files (names and contents)."""
    return _sha(sorted(Path(data_dir).glob("*.parquet")))


def load_config(config: Path) -> list[dict]:
    """Parameter sets of a batch YAML file (``reports:`` list, or a bare list); safe_load."""
    try:
        doc = yaml.safe_load(Path(config).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"no config file {config}") from None
    except yaml.YAMLError as exc:
        raise UserError(f"cannot read {config}: {str(exc).splitlines()[0]}") from None
    sets = doc.get("reports") if isinstance(doc, dict) else doc
    if not isinstance(sets, list) or not all(isinstance(s, dict) for s in sets):
        raise UserError(f"{config}: expected a list of parameter sets under 'reports:'")
    return sets


def _job(entry: dict, config: Path, data_dir: Path, output_dir: Path, inputs: str,
         data: dict) -> dict:
    """A batch job: checked parameters, notebook, skip key (or the parameter error)."""
    known = {"name", "mission", "country", "start", "end", "lang", "notebook"}
    job: dict = {"name": entry.get("name"), "parameters": {k: entry.get(k) for k in
                                                           ("mission", "country", "start",
                                                            "end", "lang")}}
    try:
        extra = set(entry) - known
        if extra:
            raise UserError(f"unknown keys {sorted(extra)}")
        params = _params(entry.get("mission", "all"), entry.get("country", "all"),
                         entry.get("start"), entry.get("end"), entry.get("lang", "en"), data)
        nb = (config.parent / entry["notebook"]).resolve() if entry.get("notebook") \
            else _notebook(BRIEFING)
        if not nb.exists():
            raise UserError(f"notebook {nb} not found")
    except UserError as exc:
        job.update(slug=job["name"] or "invalid", error=str(exc))
        return job
    code = _sha([Path(__file__).parent / c for c in _CODE])
    key = hashlib.sha256(json.dumps([_sha([nb]), params.as_dict(), inputs, code],
                                    sort_keys=True).encode()).hexdigest()
    job.update(slug=job["name"] or briefing.slug(params), parameters=params.as_dict(),
               notebook=str(nb), key=key, data_dir=str(data_dir), output_dir=str(output_dir),
               title=_title(params))
    return job


def _run_job(job: dict) -> dict:
    """Run one batch job (in a worker process); never raises: failures go in the entry."""
    t0 = time.monotonic()
    entry = {k: job.get(k) for k in ("name", "slug", "parameters", "notebook", "key")}
    try:
        outputs = _render(Path(job["notebook"]), job["slug"],
                          {**job["parameters"], "data_dir": job["data_dir"]},
                          Path(job["output_dir"]), job["title"])
        entry.update(status="ok", outputs=[p.name for p in outputs], error=None)
    except Exception as exc:  # noqa: BLE001 - one failing set must not stop the batch
        entry.update(status="failed", outputs=[], error=failure(exc))
    entry["duration"] = round(time.monotonic() - t0, 2)
    return entry


def _read_manifest(output_dir: Path) -> dict[str, dict]:
    path = output_dir / MANIFEST
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
        return {e["slug"]: e for e in entries if isinstance(e, dict) and "slug" in e}
    except (FileNotFoundError, ValueError, TypeError):
        return {}


def _write_manifest(output_dir: Path, entries: list[dict]) -> None:
    output_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".manifest.", suffix=".tmp", dir=output_dir)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(entries, fh, indent=2, ensure_ascii=False, default=str)
    os.replace(tmp, output_dir / MANIFEST)


def _execute_jobs(jobs: list[dict], workers: int, scheduler: str | None,
                  progress: bool) -> Iterable[dict]:
    from tqdm import tqdm

    bar = tqdm(total=len(jobs), disable=not progress, desc="briefings", unit="set",
               file=sys.stderr)
    try:
        if not jobs:
            return
        if scheduler:
            from dask.distributed import Client, as_completed

            with Client(scheduler) as client:
                futures = client.map(_run_job, jobs, pure=False)
                for fut in as_completed(futures):
                    bar.update()
                    yield fut.result()
        elif workers <= 1 or len(jobs) == 1:
            for job in jobs:
                result = _run_job(job)
                bar.update()
                yield result
        else:
            import multiprocessing as mp
            from concurrent.futures import ProcessPoolExecutor, as_completed

            ctx = mp.get_context("spawn")
            with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=ctx) as ex:
                for fut in as_completed([ex.submit(_run_job, j) for j in jobs]):
                    bar.update()
                    yield fut.result()
    finally:
        bar.close()


def run_batch(config: Path, data_dir: Path, output_dir: Path, workers: int | None = None,
              scheduler: str | None = None, progress: bool = False) -> list[dict]:
    """Run every parameter set of ``config``; skip unchanged ones; write OUTPUT/manifest.json.

    A set is skipped when its notebook, parameters, input tables (hash of the parquet files)
    and the report code are unchanged since its last successful run and its outputs exist.
    A failing set is recorded with its failing cell and error; its last good outputs stay.
    """
    config, output_dir = Path(config), Path(output_dir)
    data_dir = Path(data_dir).resolve()
    data = _check_data(data_dir)
    inputs = input_hash(data_dir)
    previous = _read_manifest(output_dir)
    jobs = [_job(e, config, data_dir, output_dir, inputs, data) for e in load_config(config)]
    seen: set[str] = set()
    for job in jobs:
        if job["slug"] in seen:
            job["error"] = job.get("error") or f"duplicate parameter set {job['slug']!r}"
        seen.add(job["slug"])
    results: dict[str, dict] = {}
    todo = []
    for job in jobs:
        prev = previous.get(job["slug"], {})
        base = {"name": job.get("name"), "slug": job["slug"], "parameters": job["parameters"],
                "input_hash": inputs, "last_ok_key": prev.get("last_ok_key"),
                "last_ok_outputs": prev.get("last_ok_outputs", [])}
        if job.get("error"):
            results[job["slug"] + "#" + str(id(job))] = {
                **base, "status": "failed", "outputs": [], "duration": 0.0,
                "error": {"cell_index": None, "exec_count": None, "cell_source": None,
                          "ename": "UserError",
                          "evalue": job["error"]}}
            continue
        outs = prev.get("last_ok_outputs") or []
        if (prev.get("last_ok_key") == job["key"] and outs
                and all((output_dir / o).exists() for o in outs)):
            results[job["slug"]] = {**base, "notebook": job["notebook"], "status": "skipped",
                                    "outputs": outs, "duration": 0.0, "error": None}
        else:
            results[job["slug"]] = base
            todo.append(job)
    for done in _execute_jobs(todo, workers or os.cpu_count() or 1, scheduler, progress):
        entry = results[done["slug"]]
        entry.update(done)
        if done["status"] == "ok":
            entry.update(last_ok_key=done["key"], last_ok_outputs=done["outputs"])
        entry["finished"] = dt.datetime.now().isoformat(timespec="seconds")
    manifest = [{k: v for k, v in e.items() if k != "key"} for e in results.values()]
    _write_manifest(output_dir, manifest)
    return manifest


# ---------------------------------------------------------------- analysis notebooks


def _run_notebook(name: str, data_dir: str, output_dir: str) -> tuple[str, list[Path], dict]:
    try:
        paths = _render(_notebook(name), name, {"data_dir": data_dir}, Path(output_dir), name,
                        pdf=False, exclude_input=False)
        return name, paths, {}
    except Exception as exc:  # noqa: BLE001 - run the others, then report
        return name, [], failure(exc)


def run_notebooks(data_dir: Path, output_dir: Path, workers: int | None = None) -> list[Path]:
    """Execute the analysis notebooks on ``data_dir`` into ``output_dir`` (.ipynb and .html).

    The notebooks run in parallel (one kernel per worker process, up to the number of cores).
    """
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    data_dir, output_dir = Path(data_dir).resolve(), Path(output_dir)
    _check_data(data_dir)
    for name in NOTEBOOKS:
        _notebook(name)
    workers = max(1, min(workers or os.cpu_count() or 1, len(NOTEBOOKS)))
    args = [(n, str(data_dir), str(output_dir)) for n in NOTEBOOKS]
    if workers == 1:
        results = [_run_notebook(*a) for a in args]
    else:
        with ProcessPoolExecutor(workers, mp_context=mp.get_context("spawn")) as ex:
            results = list(ex.map(_run_notebook, *zip(*args, strict=True)))
    failed = [f"{n} (cell {e['cell_index']}: {e['ename']}: {e['evalue']})"
              for n, _, e in results if e]
    if failed:
        raise UserError("notebooks failed: " + "; ".join(failed))
    return [p for _, paths, _ in results for p in paths]
