"""Score built tables against gold CSVs (the format of tests/fixtures/gold/SCHEMA.md).

Matching is per file and one-to-one:
- contributions: same mission and personnel;
- budgets: same currency and amounts within 0.5 %;
- events: overlapping date windows ("typed": the event_type matches too);
- documents: per (file, part), each field compared.

On the matched rows, the other columns (contributor, period, kind, funder, country ...) are compared
too and reported as shares that agree: they are not part of precision and recall.

Gold rows marked ``optional`` count neither way: finding one is not a false positive, missing one
is not a miss. Predictions are matched to required gold rows first, then to optional ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .tables import load

DOC_FIELDS = ("doc_type", "title", "date", "date_known", "kamerstuk", "reference", "addressee",
              "signatories")


@dataclass
class Score:
    """Precision, recall and F1 of one table, with the misses and false positives."""

    table: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    matched: list[tuple[dict, dict]] = field(default_factory=list)  # (gold, predicted), required gold

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _date(value) -> dt.date | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _num(value) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(f) else f


def _same_contribution(g: dict, p: dict) -> bool:
    return str(g["mission"]) == str(p["mission"]) and _num(g["personnel"]) == _num(p["personnel"])


def _same_budget(g: dict, p: dict) -> bool:
    a, b = _num(g["amount"]), _num(p["amount"])
    if a is None or b is None or str(g["currency"]) != str(p["currency"]):
        return False
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


def _overlap(g: dict, p: dict) -> bool:
    gs, ge = _date(g["date_start"]), _date(g["date_end"]) or _date(g["date_start"])
    ps, pe = _date(p["date_start"]), _date(p["date_end"]) or _date(p["date_start"])
    if None in (gs, ge, ps, pe):
        return False
    return gs <= pe and ps <= ge


def _same_typed_event(g: dict, p: dict) -> bool:
    return _overlap(g, p) and str(g["event_type"]) == str(p["event_type"])


MATCHERS: dict[str, Callable[[dict, dict], bool]] = {
    "contributions": _same_contribution,
    "budgets": _same_budget,
    "events": _overlap,
    "events (typed)": _same_typed_event,
}


def _is_optional(row: dict) -> bool:
    return str(row.get("optional", "false")).strip().lower() == "true"


def match_table(name: str, gold: pd.DataFrame, pred: pd.DataFrame,
                same: Callable[[dict, dict], bool]) -> Score:
    """One-to-one matching per file; see the module docstring."""
    score = Score(name)
    files = sorted(set(gold["file"].astype(str)) | set(pred["file"].astype(str)))
    for f in files:
        g_rows = gold[gold["file"].astype(str) == f].to_dict("records")
        p_rows = pred[pred["file"].astype(str) == f].to_dict("records")
        required = [g for g in g_rows if not _is_optional(g)]
        optional = [g for g in g_rows if _is_optional(g)]
        taken: set[int] = set()
        prefer = _affinity(FIELDS.get(name, FIELDS.get(f"{name} (typed)", ())))
        pairs = _max_matching(required, p_rows, same, taken, prefer)
        score.tp += len(pairs)
        score.fn += len(required) - len(pairs)
        score.misses.extend(g for i, g in enumerate(required) if i not in pairs)
        score.matched.extend((required[i], p_rows[j]) for i, j in sorted(pairs.items()))
        taken |= set(pairs.values())
        taken |= set(_max_matching(optional, p_rows, same, taken, prefer).values())
        free = [i for i in range(len(p_rows)) if i not in taken]
        score.fp += len(free)
        score.false_positives.extend(p_rows[i] for i in free)
    return score


def _affinity(fields: tuple[str, ...]) -> Callable[[dict, dict], float]:
    """How alike a gold and a predicted row are beyond what matching asks: the fields that agree,
    then the words their quotes share. Where several rows could pair (two figures of three for
    one mission), the likest pairs are tried first; the number of pairs does not change."""

    def score(g: dict, p: dict) -> float:
        a = set(str(g.get("quote") or "").lower().split())
        b = set(str(p.get("quote") or "").lower().split())
        words = len(a & b) / len(a | b) if a | b else 0.0
        return sum(_same_value(g.get(f), p.get(f)) for f in fields) + words

    return score


def _max_matching(gold: list[dict], pred: list[dict], same: Callable[[dict, dict], bool],
                  taken: set[int], prefer: Callable[[dict, dict], float] | None = None) -> dict[int, int]:
    """Maximum one-to-one matching gold index -> pred index (augmenting paths), avoiding ``taken``;
    each gold row tries its candidates in order of ``prefer`` (highest first)."""
    edges = [[j for j, p in enumerate(pred) if j not in taken and same(g, p)] for g in gold]
    if prefer is not None:
        edges = [sorted(js, key=lambda j, g=g: -prefer(g, pred[j])) for g, js in zip(gold, edges, strict=True)]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


# The columns that matching does not look at: how often they agree on the matched rows is shown
# beside the scores (gold values compared as text, amounts within 0.5 %).
FIELDS = {
    "contributions": ("contributor", "component", "qualifier", "period_start", "period_end", "kind"),
    "budgets": ("funder", "recipient", "amount_eur", "per_year", "period_start", "period_end", "qualifier"),
    "events (typed)": ("date_start", "date_end", "country"),  # typed matches pair rows best
}


def field_agreement(table: str, score: Score) -> dict[str, float]:
    """Share of the matched rows of ``table`` (a name of :data:`MATCHERS`) on which each of its
    :data:`FIELDS` agrees."""
    out: dict[str, float] = {}
    for fld in FIELDS.get(table, ()):
        same = sum(_same_value(g.get(fld), p.get(fld)) for g, p in score.matched)
        out[fld] = same / len(score.matched) if score.matched else 1.0
    return out


def _same_value(gold, pred) -> bool:  # noqa: ANN001 - gold text, predicted value of any dtype
    a, b = _norm(gold), _norm(pred)
    if a == b:
        return True
    x, y = _num(a), _num(b)
    return x is not None and y is not None and abs(x - y) <= 0.005 * max(abs(x), abs(y))


def score_documents(gold: pd.DataFrame, pred: pd.DataFrame) -> dict[str, float]:
    """Share of gold documents found, and of each field right, keyed by field name."""
    out: dict[str, float] = {}
    pred = pred.assign(_key=pred["file"].astype(str) + "#" + pred["part"].astype(str))
    gold = gold.assign(_key=gold["file"].astype(str) + "#" + gold["part"].astype(str))
    by_key = {r["_key"]: r for r in pred.to_dict("records")}
    found = [k for k in gold["_key"] if k in by_key]
    out["documents found"] = len(found) / len(gold) if len(gold) else 1.0
    out["extra documents"] = float(len(set(by_key) - set(gold["_key"])))
    for fld in DOC_FIELDS:
        right = 0
        for g in gold.to_dict("records"):
            p = by_key.get(g["_key"])
            if p is not None and _norm(g[fld]) == _norm(p[fld]):
                right += 1
        out[fld] = right / len(gold) if len(gold) else 1.0
    return out


def _norm(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    return " ".join(str(value).split()).lower()


def read_gold(gold_dir: Path) -> dict[str, pd.DataFrame]:
    """The gold CSVs of a folder, as strings."""
    out = {}
    for name in ("documents", "contributions", "budgets", "events"):
        path = gold_dir / f"{name}.csv"
        if path.exists():
            out[name] = pd.read_csv(path, dtype=str, keep_default_na=False)
    return out


def evaluate(gold_dir: Path, tables_dir: Path) -> dict:
    """Scores of every table in ``tables_dir`` against the gold CSVs in ``gold_dir``."""
    from .errors import UserError

    if not gold_dir.is_dir():
        raise UserError(f"gold folder '{gold_dir}' does not exist")
    if not (tables_dir / "documents.parquet").exists():
        raise UserError(f"no tables in '{tables_dir}': run 'sahel-analysis build' first")
    gold = read_gold(gold_dir)
    pred = load(tables_dir)
    scores: dict = {"tables": {}}
    for name in ("contributions", "budgets", "events", "events (typed)"):
        base = name.split(" ")[0]
        if base in gold:
            scores["tables"][name] = match_table(name, gold[base], pred[base], MATCHERS[name])
    scores["fields"] = {name: field_agreement(name, s) for name, s in scores["tables"].items()
                        if name in FIELDS}
    if "documents" in gold:
        scores["documents"] = score_documents(gold["documents"], pred["documents"])
    return scores


def rule_items(rule: object) -> dict[str, str]:
    """The reasons of a fact row: ``"count:x; mission:y"`` as ``{"count": "x", "mission": "y"}``.
    A rule without fields (the older single-name form) is ``{"found": rule}``."""
    out: dict[str, str] = {}
    for item in str(rule or "").split(";"):
        field_name, sep, name = item.strip().partition(":")
        if sep and field_name and name:
            out[field_name.strip()] = name.strip()
        elif item.strip():
            out.setdefault("found", item.strip())
    return out


def _finder(rule: object) -> str:
    """The first reason of a row, the rule that found it (``count:number-before-noun``)."""
    items = rule_items(rule)
    if not items:
        return "(no rule)"
    key = next(iter(items))
    return f"{key}:{items[key]}"


def errors_by_rule(scores: dict) -> list[tuple[str, int, int, int]]:
    """Per rule ``field:name``: rows it decided on matched pairs, how many of those disagree with
    the gold, and false positives it found; most errors first."""
    used: dict[str, int] = {}
    wrong: dict[str, int] = {}
    false: dict[str, int] = {}
    for name, s in scores["tables"].items():
        if name not in _RULE_FIELDS:
            continue
        fields = _RULE_FIELDS[name]
        for g, p in s.matched:
            items = rule_items(p.get("rule"))
            for fld, rule in items.items():
                key = f"{fld}:{rule}"
                used[key] = used.get(key, 0) + 1
                gold_field = _GOLD_FIELD.get(fld, fld)
                if gold_field in fields and not _same_value(g.get(gold_field), p.get(gold_field)):
                    wrong[key] = wrong.get(key, 0) + 1
        for p in s.false_positives:
            key = _finder(p.get("rule"))
            false[key] = false.get(key, 0) + 1
    keys = set(used) | set(false)
    rows = [(k, used.get(k, 0), wrong.get(k, 0), false.get(k, 0)) for k in keys]
    return sorted(rows, key=lambda r: (-(r[2] + r[3]), -r[1], r[0]))


# The tables whose rules are counted (typed events would count the events' pairs twice), and the
# gold columns each one's reasons are checked against.
_RULE_FIELDS = {
    "contributions": FIELDS["contributions"],
    "budgets": FIELDS["budgets"],
    "events": ("event_type", "date_start", "date_end", "country"),
}
# A reason's field name where it differs from the column it decides.
_GOLD_FIELD = {"period": "period_start", "date": "date_start", "type": "event_type", "event_type": "event_type"}


def format_by_rule(scores: dict) -> str:
    """:func:`errors_by_rule` as a plain-text table."""
    lines = [f"{'rule':<52} {'used':>5} {'wrong':>6} {'FP':>4}"]
    for key, n, bad, fp in errors_by_rule(scores):
        lines.append(f"{key[:52]:<52} {n:5d} {bad:6d} {fp:4d}")
    return "\n".join(lines)


def format_report(scores: dict, details: bool = True, urls: dict[str, str] | None = None) -> str:
    """The scores as a plain-text table, then the misses and false positives with their quotes and
    the rules that decided them; ``urls`` (file -> address) adds each file's address."""
    lines = [f"{'table':<16} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"]
    for name, s in scores["tables"].items():
        lines.append(f"{name:<16} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                     f"{s.tp:5d} {s.fp:5d} {s.fn:5d}")
    for name, shares in scores.get("fields", {}).items():
        n = len(scores["tables"][name].matched)
        lines.append(f"{name} fields agreeing on the {n} matches: "
                     + ", ".join(f"{k} {v:.2f}" for k, v in shares.items()))
    if "documents" in scores:
        lines.append("")
        lines.append("documents: " + ", ".join(f"{k} {v:.2f}" if k != "extra documents"
                                              else f"{k} {v:.0f}"
                                              for k, v in scores["documents"].items()))
    if details:
        lines.extend(_details(scores))
        lines.extend(_addresses(scores, urls or {}))
    return "\n".join(lines)


def _details(scores: dict) -> list[str]:
    lines: list[str] = []
    for name, s in scores["tables"].items():
        if s.misses:
            lines.append(f"\n{name}: missed ({len(s.misses)})")
            for r in s.misses:
                lines.append(f"  - {_describe(name, r)}")
                near = _nearest(r, s.false_positives)
                if near is not None:
                    lines.append(f"      nearest row: {_describe(name, near)}  [{near.get('rule')}]")
        if s.false_positives:
            lines.append(f"\n{name}: false positives ({len(s.false_positives)})")
            lines.extend(f"  + {_describe(name, r)}  [{r.get('rule')}]" for r in s.false_positives)
        wrong = _wrong_fields(name, s)
        if wrong:
            lines.append(f"\n{name}: matched with fields that disagree ({len(wrong)})")
            lines.extend(wrong)
    return lines


def _wrong_fields(name: str, s: Score) -> list[str]:
    lines = []
    for g, p in s.matched:
        bad = [f for f in FIELDS.get(name, ()) if not _same_value(g.get(f), p.get(f))]
        if bad:
            diffs = ", ".join(f"{f} {_norm(p.get(f)) or '-'} (gold {_norm(g.get(f)) or '-'})" for f in bad)
            lines.append(f"  ~ {_describe(name, g)}\n      {diffs}  [{p.get('rule')}]")
    return lines


def _nearest(gold: dict, rows: list[dict]) -> dict | None:
    """The unmatched predicted row of the same file whose quote shares most words with the gold's
    (at least half of the gold quote's words), to show which rule came close."""
    words = set(str(gold.get("quote") or "").lower().split())
    best, share = None, 0.5
    for p in rows:
        if str(p.get("file")) != str(gold.get("file")) or not words:
            continue
        s = len(words & set(str(p.get("quote") or "").lower().split())) / len(words)
        if s >= share:
            best, share = p, s
    return best


def _addresses(scores: dict, urls: dict[str, str]) -> list[str]:
    files = sorted({str(r.get("file")) for s in scores["tables"].values()
                    for r in (*s.misses, *s.false_positives)} & set(urls))
    if not files:
        return []
    return ["\naddresses:"] + [f"  {f[:8]} {f}: {urls[f]}" for f in files]


def addresses(tables_dir: Path) -> dict[str, str]:
    """file -> the document's address, from the documents table where it has a ``url`` column."""
    docs = load(tables_dir)["documents"]
    if "url" not in docs:
        return {}
    known = docs[docs["url"].notna() & (docs["url"].astype(str) != "")]
    return dict(zip(known["file"].astype(str), known["url"].astype(str), strict=True))


def _describe(name: str, row: dict) -> str:
    f = str(row.get("file", ""))[:8]
    quote = " ".join(str(row.get("quote", "")).split())[:110]
    if name == "contributions":
        head = f"{row.get('mission')} {row.get('personnel')}"
    elif name == "budgets":
        head = f"{row.get('currency')} {row.get('amount')}"
    else:
        head = f"{row.get('date_start')}..{row.get('date_end')} {row.get('event_type')}"
    return f"{f} {head} | {quote}"
