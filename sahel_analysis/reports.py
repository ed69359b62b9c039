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
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

import yaml

from . import briefing, tables
from .errors import UserError
from .read.limits import LIMITS

BRIEFING = "briefing"
NOTEBOOKS = ("00-explore", "01-corpus", "02-contributions", "03-budgets", "04-events")
KERNEL = "python3"  # jupyter_client starts "python" kernelspecs with sys.executable
# The kernel's own log (a warning about TCP on localhost at start, "KeyboardInterrupt caught in
# kernel" when it is stopped) is not about the notebook; errors in cells still fail the run.
KERNEL_QUIET = ["--IPKernelApp.log_level=CRITICAL"]
CSS = Path(__file__).parent / "templates" / "report.css"
MANIFEST = "manifest.json"
# Files whose change makes a briefing stale (besides notebook, parameters and tables).
_CODE = ("briefing.py", "charts.py", "page.py", "wording.py", "reports.py",
         "templates/report.css", "templates/labels.yaml", "templates/quality.yaml",
         "vocab/briefing_names.csv", "vocab/briefing_components.csv", "vocab/briefing_events.csv",
         "vocab/briefing_months.csv", "vocab/mission_hosts.csv", "vocab/countries.csv")
# Seconds any one cell of a notebook may run before the run is stopped (``--timeout``).
TIMEOUT = 600
INDEX = "index.html"
MODE = 0o644  # outputs are for others to read


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


def execute(notebook: Path, target: Path, parameters: dict, timeout: int | None = None) -> None:
    """Execute ``notebook`` with papermill into ``target`` in a fresh kernel (current Python).

    No cell may run longer than ``timeout`` seconds (default :data:`TIMEOUT`). Papermill saves
    the notebook as each cell starts, so after a dead kernel or a timeout ``target`` shows
    the cell that was running (see :func:`failure`).
    """
    import papermill as pm

    _kernel_env()
    pm.execute_notebook(str(notebook), str(target), parameters=parameters, kernel_name=KERNEL,
                        cwd=str(notebook.parent), progress_bar=False, log_output=False,
                        request_save_on_cell_execute=True, extra_arguments=KERNEL_QUIET,
                        execution_timeout=timeout or TIMEOUT)


def _without_noise(nb):  # noqa: ANN001 - nbformat NotebookNode
    """A copy of the notebook without stderr streams and without error tracebacks' code."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", [])
                            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    return nb


def translate_headings(notebook: Path, title: str, lang: str) -> None:
    """Write the markdown headings of an executed notebook in ``lang``, in place.

    A markdown cell tagged ``title`` becomes ``# <title>``; one tagged ``label:KEY`` keeps its
    heading level and gets the label ``KEY`` in ``lang``. So the headings stay real markdown
    cells (a table of contents in JupyterLab, Quarto, jupyter-book) in the reader's language.
    """
    import nbformat

    nb = nbformat.read(str(notebook), as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        tags = cell.metadata.get("tags", [])
        level = cell.source.split(" ", 1)[0] if cell.source.startswith("#") else "##"
        if "title" in tags:
            cell.source = f"# {title}"
        for tag in tags:
            if tag.startswith("label:"):
                cell.source = f"{level} {briefing.label(tag[6:], lang)}"
    nbformat.write(nb, str(notebook))


def to_html(notebook: Path, title: str, exclude_input: bool = True, lang: str = "en") -> str:
    """A self-contained HTML page of an executed notebook: no prompts; no code by default."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = _without_noise(nbformat.read(str(notebook), as_version=4))
    exporter = HTMLExporter(template_name="basic", exclude_input=exclude_input,
                            exclude_input_prompt=True, exclude_output_prompt=True,
                            exclude_anchor_links=True)
    body, _ = exporter.from_notebook_node(nb)
    css = CSS.read_text(encoding="utf-8")
    return (f'<!DOCTYPE html>\n<html lang="{briefing.esc(lang)}"><head><meta charset="utf-8">'
            f"<title>{briefing.esc(title)}</title><style>{css}</style></head>"
            f"<body>{body}</body></html>")


def to_pdf(html_text: str, target: Path) -> None:
    """Render HTML to an A4 PDF with WeasyPrint; no network: only ``data:`` URLs load."""
    import weasyprint
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    weasyprint.HTML(string=html_text, base_url=None, url_fetcher=fetcher).write_pdf(
        str(target), pdf_variant="pdf/ua-1")


def _publish(stage: Path, output_dir: Path) -> list[Path]:
    """Move every file of ``stage`` into ``output_dir`` (atomic renames, same filesystem)."""
    out = []
    for item in sorted(stage.iterdir()):
        dest = output_dir / item.name
        os.chmod(item, MODE)
        os.replace(item, dest)
        out.append(dest)
    return out


def _render(notebook: Path, stem: str, parameters: dict, output_dir: Path, title: str,
            pdf: bool = True, exclude_input: bool = True, timeout: int | None = None) -> list[Path]:
    """Execute and export one notebook; outputs appear only when all of them succeeded.

    A briefing (parameters with ``lang``) gets its headings in its language, ``lang`` on the
    page, a tagged PDF, and its tables as CSV files beside it.
    """
    output_dir.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".staging-{stem}-", dir=output_dir))
    lang = str(parameters.get("lang") or "en")
    try:
        nb_out = stage / f"{stem}.ipynb"
        try:
            execute(notebook, nb_out, parameters, timeout)
        except BaseException as exc:
            exc.add_note(f"last cell: {json.dumps(running_cell(nb_out))}")
            if nb_out.exists():  # keep the failed run for inspection, away from good outputs
                failed = output_dir / ".failed"
                failed.mkdir(exist_ok=True)
                os.replace(nb_out, failed / nb_out.name)
            raise
        if "lang" in parameters:
            translate_headings(nb_out, title, lang)
            _briefing_tables(parameters, stage, stem)
        html_text = to_html(nb_out, title, exclude_input, lang)
        (stage / f"{stem}.html").write_text(html_text, encoding="utf-8")
        if pdf:
            to_pdf(html_text, stage / f"{stem}.pdf")
        return _publish(stage, output_dir)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _briefing_tables(parameters: dict, folder: Path, stem: str) -> list[Path]:
    """The briefing's tables (personnel, budgets, events) as CSV beside it."""
    sel = briefing.load_selection(parameters["data_dir"], parameters.get("mission"),
                                  parameters.get("country"), parameters.get("start"),
                                  parameters.get("end"), parameters.get("lang"))
    return briefing.write_tables(sel, folder, stem)


def running_cell(notebook: Path) -> dict:
    """The cell that was running (or the last one started) in a notebook papermill saved."""
    import nbformat

    try:
        nb = nbformat.read(str(notebook), as_version=4)
    except (OSError, ValueError):
        return {"cell_index": None, "cell_source": None}
    started = [(i, c) for i, c in enumerate(nb.cells)
               if c.get("metadata", {}).get("papermill", {}).get("status") in ("running",
                                                                                "failed")]
    if not started:
        started = [(i, c) for i, c in enumerate(nb.cells)
                   if c.get("metadata", {}).get("papermill", {}).get("start_time")]
    if not started:
        return {"cell_index": None, "cell_source": None}
    i, cell = started[-1]
    return {"cell_index": i, "cell_source": cell.source[:500]}


# ---------------------------------------------------------------- one briefing


def _params(mission: object, country: object, start: object, end: object, lang: object,
            data: dict) -> briefing.Params:
    return briefing.validate(mission, country, start, end, lang, data)


def _title(params: briefing.Params) -> str:
    return params.title()


def is_empty(data: dict, params: briefing.Params) -> bool:
    """True when the parameter set selects nothing (the briefing would say "no data")."""
    return briefing.select(data, params).empty()


def run_report(mission: str, country: str, start: int | None, end: int | None, lang: str,
               data_dir: Path, output_dir: Path, timeout: int | None = None,
               warn=None) -> list[Path]:  # noqa: ANN001 - a callable taking one line
    """Run the briefing for one parameter set; write OUTPUT/<slug>.ipynb, .html, .pdf, .csv.

    Parameters are checked before a kernel starts (:class:`UserError`, one line). The run is
    recorded in OUTPUT/manifest.json and OUTPUT/index.html like a batch set. ``warn`` gets a
    line when the selection holds no data.
    """
    data_dir, output_dir = Path(data_dir).resolve(), Path(output_dir)
    data = _check_data(data_dir)
    params = _params(mission, country, start, end, lang, data)
    notebook = _notebook(BRIEFING)
    stem = briefing.slug(params)
    empty = is_empty(data, params)
    if empty and warn:
        warn(f"{stem}: no data for this selection and period")
    entry = {"name": None, "slug": stem, "parameters": params.as_dict(), "notebook": str(notebook),
             "input_hash": input_hash(data_dir), "data_date": data_line(data_dir, data),
             "title": params.title(), "empty": empty, "run_by": "report"}
    t0 = time.monotonic()
    try:
        outputs = _render(notebook, stem, {**params.as_dict(), "data_dir": str(data_dir)},
                          output_dir, params.title(), timeout=timeout)
    except Exception as exc:
        err = failure(exc)
        _record(output_dir, {**entry, "status": "failed", "outputs": [], "error": err,
                             "duration": round(time.monotonic() - t0, 2)})
        if err.get("cell_index") is None:
            raise
        raise UserError(f"briefing failed in cell {err['cell_index']}: "
                        f"{err['ename']}: {err['evalue']}") from None
    names = [p.name for p in outputs]
    _record(output_dir, {**entry, "status": "ok", "outputs": names, "last_ok_outputs": names,
                         "error": None, "duration": round(time.monotonic() - t0, 2)})
    return outputs


def _record(output_dir: Path, entry: dict) -> None:
    """Put one entry into the manifest (replacing that slug's), rewrite manifest and index."""
    entry["finished"] = dt.datetime.now().isoformat(timespec="seconds")
    previous = _read_manifest(output_dir)
    previous[entry["slug"]] = {**previous.get(entry["slug"], {}), **entry}
    _write_manifest(output_dir, list(previous.values()))


def _last_cell(exc: BaseException) -> dict:
    for note in getattr(exc, "__notes__", []):
        if note.startswith("last cell: "):
            try:
                return json.loads(note[len("last cell: "):])
            except ValueError:
                return {}
    return {}


def failure(exc: BaseException) -> dict:
    """What went wrong, for the manifest: the failing (or last running) cell and the error.

    ``cell_index`` counts the cells of the executed notebook (papermill inserts an
    ``injected-parameters`` cell after the ``parameters`` cell); ``cell_source`` is its code.
    A dead kernel or a cell over the time limit is recorded with the cell that was running.
    """
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        return {"cell_index": exc.cell_index, "exec_count": exc.exec_count,
                "cell_source": (exc.source or "")[:500], "ename": exc.ename,
                "evalue": exc.evalue}
    last = _last_cell(exc)
    evalue = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return {"cell_index": last.get("cell_index"), "exec_count": None,
            "cell_source": last.get("cell_source"), "ename": type(exc).__name__,
            "evalue": evalue[:300]}


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


def data_line(data_dir: Path, data: dict) -> str:
    """The data's date for the index: latest document date and when the tables were written."""
    path = Path(data_dir) / "documents.parquet"
    built = (dt.datetime.fromtimestamp(path.stat().st_mtime).isoformat(timespec="minutes")
             if path.exists() else "?")
    dates = sorted(d for d in data["documents"]["date"].dropna() if briefing.wording.parse_iso(d))
    return f"documents up to {dates[-1] if dates else '?'}; tables of {built}"


class _NoAliasLoader(yaml.SafeLoader):
    """``yaml.safe_load``'s loader, refusing anchors and aliases (a few lines of aliases can
    expand to gigabytes: the 'billion laughs')."""

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - PyYAML's signature
        if self.check_event(yaml.AliasEvent) or getattr(self.peek_event(), "anchor", None):
            event = self.peek_event()
            line = event.start_mark.line + 1
            raise yaml.YAMLError(f"anchors and aliases are not allowed in a batch file (line {line})")
        return super().compose_node(parent, index)


def load_config(config: Path) -> list[dict]:
    """Parameter sets of a batch YAML file (``reports:`` list, or a bare list); safe_load."""
    try:
        size = Path(config).stat().st_size
        if size > LIMITS.max_yaml_bytes:
            raise UserError(f"{config} is {size:,} bytes, over the limit of {LIMITS.max_yaml_bytes:,} for a batch file")
        doc = yaml.load(Path(config).read_text(encoding="utf-8"), Loader=_NoAliasLoader)  # noqa: S506 - safe, no aliases
    except FileNotFoundError:
        raise UserError(f"no config file {config}") from None
    except yaml.YAMLError as exc:
        raise UserError(f"cannot read {config}: {str(exc).splitlines()[0]}") from None
    sets = doc.get("reports") if isinstance(doc, dict) else doc
    if not isinstance(sets, list) or not all(isinstance(s, dict) for s in sets):
        raise UserError(f"{config}: expected a list of parameter sets under 'reports:'")
    return sets


def _job_params(entry: dict, config: Path, data: dict) -> tuple[briefing.Params, Path]:
    known = {"name", "mission", "country", "start", "end", "lang", "notebook"}
    extra = set(entry) - known
    if extra:
        raise UserError(f"unknown keys {sorted(extra)}")
    params = _params(entry.get("mission", "all"), entry.get("country", "all"),
                     entry.get("start"), entry.get("end"), entry.get("lang", "en"), data)
    nb = (config.parent / entry["notebook"]).resolve() if entry.get("notebook") \
        else _notebook(BRIEFING)
    if not nb.exists():
        raise UserError(f"notebook {nb} not found")
    return params, nb


def _job(entry: dict, config: Path, data_dir: Path, output_dir: Path, inputs: str,
         data: dict, timeout: int | None = None) -> dict:
    """A batch job: checked parameters, notebook, skip key (or the parameter error)."""
    name = entry.get("name")
    job: dict = {"name": name, "parameters": {k: entry.get(k) for k in
                                              ("mission", "country", "start", "end", "lang")}}
    try:
        params, nb = _job_params(entry, config, data)
    except UserError as exc:
        job.update(slug=str(name or "invalid"), error=str(exc))
        return job
    code = _sha([Path(__file__).parent / c for c in _CODE])
    key = hashlib.sha256(json.dumps([_sha([nb]), params.as_dict(), inputs, code],
                                    sort_keys=True).encode()).hexdigest()
    stem = briefing.slug(params) if not name else re.sub(r"[^A-Za-z0-9_-]+", "-", str(name))
    job.update(slug=stem, parameters=params.as_dict(), notebook=str(nb), key=key,
               data_dir=str(data_dir), output_dir=str(output_dir), title=params.title(),
               empty=is_empty(data, params), timeout=timeout)
    return job


def _run_job(job: dict) -> dict:
    """Run one batch job (in a worker process); never raises: failures go in the entry."""
    t0 = time.monotonic()
    entry = {k: job.get(k) for k in ("name", "slug", "parameters", "notebook", "key")}
    try:
        outputs = _render(Path(job["notebook"]), job["slug"],
                          {**job["parameters"], "data_dir": job["data_dir"]},
                          Path(job["output_dir"]), job["title"], timeout=job.get("timeout"))
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


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, MODE)
    os.replace(tmp, path)


def _write_manifest(output_dir: Path, entries: list[dict]) -> None:
    """Write OUTPUT/manifest.json and OUTPUT/index.html (both readable by others)."""
    from .index_page import index_html

    output_dir.mkdir(parents=True, exist_ok=True)
    _write_atomic(output_dir / MANIFEST, json.dumps(entries, indent=2, ensure_ascii=False,
                                                    default=str))
    _write_atomic(output_dir / INDEX, index_html(entries))


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


def _plan(jobs: list[dict], previous: dict, inputs: str, output_dir: Path,
          data_date: str) -> tuple[dict[str, dict], list[dict]]:
    """Manifest entries for every job (failed, skipped or waiting) and the jobs to run."""
    results: dict[str, dict] = {}
    todo = []
    for job in jobs:
        prev = previous.get(job["slug"], {})
        base = {"name": job.get("name"), "slug": job["slug"], "parameters": job["parameters"],
                "title": job.get("title"), "input_hash": inputs, "data_date": data_date,
                "empty": job.get("empty"), "run_by": "reports",
                "last_ok_key": prev.get("last_ok_key"),
                "last_ok_outputs": prev.get("last_ok_outputs", [])}
        if job.get("error"):
            results[job["slug"] + "#" + str(id(job))] = {
                **base, "status": "failed", "outputs": [], "duration": 0.0,
                "error": {"cell_index": None, "exec_count": None, "cell_source": None,
                          "ename": "UserError", "evalue": job["error"]}}
            continue
        outs = prev.get("last_ok_outputs") or []
        if (prev.get("last_ok_key") == job["key"] and outs
                and all((output_dir / o).exists() for o in outs)):
            results[job["slug"]] = {**base, "notebook": job["notebook"], "status": "skipped",
                                    "outputs": outs, "duration": 0.0, "error": None}
        else:
            results[job["slug"]] = {**base, "notebook": job["notebook"], "status": "not run",
                                    "outputs": [], "error": None}
            todo.append(job)
    return results, todo


def run_batch(config: Path, data_dir: Path, output_dir: Path, workers: int | None = None,
              scheduler: str | None = None, progress: bool = False,
              timeout: int | None = None, on_done=None) -> list[dict]:  # noqa: ANN001
    """Run every parameter set of ``config``; skip unchanged ones; write OUTPUT/manifest.json.

    A set is skipped when its notebook, parameters, input tables (hash of the parquet files)
    and the report code are unchanged since its last successful run and its outputs exist.
    A failing set is recorded with its failing cell and error; its last good outputs stay.
    The manifest (and ``index.html``) is rewritten after every set and once more at the end,
    whatever happens (an interrupt included): a set that never ran says ``not run``. Briefings
    run by ``report`` into the same folder stay listed. ``on_done`` gets each entry as it ends.
    """
    config, output_dir = Path(config), Path(output_dir)
    data_dir = Path(data_dir).resolve()
    data = _check_data(data_dir)
    inputs = input_hash(data_dir)
    previous = _read_manifest(output_dir)
    jobs = [_job(e, config, data_dir, output_dir, inputs, data, timeout)
            for e in load_config(config)]
    seen: set[str] = set()
    for job in jobs:
        if job["slug"] in seen:
            job["error"] = job.get("error") or f"duplicate parameter set {job['slug']!r}"
        seen.add(job["slug"])
    results, todo = _plan(jobs, previous, inputs, output_dir, data_line(data_dir, data))
    others = {k: v for k, v in previous.items() if k not in results and v.get("run_by") == "report"}

    def manifest() -> list[dict]:
        return [{k: v for k, v in e.items() if k != "key"}
                for e in [*results.values(), *others.values()]]

    for entry in results.values():
        if on_done and entry["status"] != "not run":
            on_done(entry)
    try:
        for done in _execute_jobs(todo, workers or os.cpu_count() or 1, scheduler, progress):
            entry = results[done["slug"]]
            entry.update(done)
            if done["status"] == "ok":
                entry.update(last_ok_key=done["key"], last_ok_outputs=done["outputs"])
            entry["finished"] = dt.datetime.now().isoformat(timespec="seconds")
            _write_manifest(output_dir, manifest())
            if on_done:
                on_done(entry)
    finally:
        _write_manifest(output_dir, manifest())
    return manifest()


def status_line(entry: dict) -> str:
    """One terminal line for a finished set: ``done``, ``unchanged`` or ``failed at cell N``."""
    slug, status = entry.get("slug"), entry.get("status")
    empty = " (no data for this selection and period)" if entry.get("empty") else ""
    if status == "ok":
        return f"{slug}: done{empty}"
    if status == "skipped":
        return f"{slug}: unchanged{empty}"
    err = entry.get("error") or {}
    where = f" at cell {err['cell_index']}" if err.get("cell_index") is not None else ""
    return f"{slug}: {status}{where}: {err.get('ename', '?')}: {err.get('evalue', '')}"


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
