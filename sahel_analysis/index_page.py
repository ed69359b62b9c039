"""``reports/index.html``: every briefing of an output folder, its parameters, data, status, links."""

from __future__ import annotations

from .briefing import esc

_STYLE = """body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10pt;margin:2em;color:#1a1a1a}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:3pt 6pt;
text-align:left;vertical-align:top}thead th{background:#eef1f4}.failed{color:#a00}
.empty{color:#666;font-style:italic}"""


def _params(p: dict) -> str:
    bits = [f"{k} {v}" for k, v in (p or {}).items() if v not in (None, "", "all")]
    return ", ".join(bits) or "all missions, all countries"


def _links(entry: dict) -> str:
    names = entry.get("outputs") or entry.get("last_ok_outputs") or []
    order = {".pdf": 0, ".html": 1, ".ipynb": 2, ".csv": 3}
    names = sorted(names, key=lambda n: (order.get("." + n.rsplit(".", 1)[-1], 9), n))
    def text(n: str) -> str:
        return n.split("-")[-1] if n.endswith(".csv") else n.rsplit(".", 1)[-1]

    return " ".join(f'<a href="{esc(n)}">{esc(text(n))}</a>' for n in names)


def _status(entry: dict) -> str:
    status = entry.get("status", "?")
    err = entry.get("error") or {}
    text = {"ok": "done", "skipped": "unchanged"}.get(status, status)
    if status == "failed":
        where = f" at cell {err['cell_index']}" if err.get("cell_index") is not None else ""
        text = f"failed{where}: {err.get('ename', '')}: {err.get('evalue', '')}"
        if entry.get("last_ok_outputs"):
            text += " (links: last good outputs)"
    if entry.get("empty"):
        text += "; no data for this selection and period"
    css = "failed" if status == "failed" else ("empty" if entry.get("empty") else "")
    return f'<td class="{css}">{esc(text)}</td>'


def index_html(entries: list[dict]) -> str:
    """The index page of a manifest's entries (one row per briefing)."""
    rows = []
    for e in sorted(entries, key=lambda e: str(e.get("slug"))):
        rows.append(
            f"<tr><td>{esc(e.get('title') or e.get('slug'))}<br><small>{esc(e.get('slug'))}"
            f"</small></td><td>{esc(_params(e.get('parameters')))}</td>"
            f"<td>{esc(e.get('data_date', ''))}</td>{_status(e)}"
            f"<td>{esc(e.get('finished', ''))}<br><small>{esc(e.get('run_by', ''))}</small></td>"
            f"<td>{_links(e)}</td></tr>")
    head = "".join(f'<th scope="col">{h}</th>' for h in
                   ("Briefing", "Parameters", "Data", "Status", "Run", "Files"))
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>Briefings</title><style>{_STYLE}</style></head><body><h1>Briefings</h1>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            "</body></html>\n")
