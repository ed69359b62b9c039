"""A synthetic corpus for the benchmark: the seeds' paragraphs recombined into new documents.

Each document takes the header of one seed (title, addressee, place and date) and then body
paragraphs drawn from all seeds until it reaches a size drawn from a log-normal distribution
clipped to 3-60 KB. Per document, dates move (years by -6..+6, full dates by up to +-60 days)
and figures of two or more digits are multiplied by a factor in 0.5-2.0, so no file equals a
seed, facts differ, and no cache can help. The raw line wrapping and hyphenation of the seeds
stay, so reading and cleaning do their real work. Deterministic for a given ``--seed``.

    .venv/bin/python bench/synth.py --size 10MB --out /tmp/corpus [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MANIFEST = ".synth.json"  # hidden: the build skips it

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
_MONTH_NO = {m: i for i, m in enumerate(MONTHS, start=1)}
_MONTH_RE = "|".join(MONTHS)
# One pass: a full date, a bare year, or another figure (a year is never taken as a figure).
TOKEN = re.compile(
    rf"(?P<date>\b(?P<d>\d{{1,2}})(?P<sp1>\s+)(?P<m>{_MONTH_RE})(?P<sp2>\s+)(?P<y>(?:19|20)\d\d)\b)"
    r"|(?P<year>(?<![\d.,])\b(?:19[89]\d|20[0-3]\d)\b(?!\d|,\d))"
    r"|(?P<num>(?<![\w.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d])|(?<![\w.,])\d{2,}(?:,\d+)?(?![\d]))",
    re.I,
)
# Paragraphs that would start a new document (a memo's decision line, a letter's heading).
ANCHOR = re.compile(r"TER\s+(?:BESLISSING|INFORMATIE|ADVISERING|ADVIES|KENNISNAME)|BRIEF VAN DE")
MIN_DOC, MAX_DOC, MEDIAN_DOC = 3_000, 60_000, 12_000


def parse_size(text: str) -> int:
    """'10MB', '200KB', '1GB', '1.5 MB' or a plain number of bytes -> bytes (decimal units)."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*", text.upper())
    if not m:
        raise ValueError(f"not a size: {text!r} (try 10MB, 200KB, 1GB)")
    unit = {"": 1, "B": 1, "K": 1e3, "KB": 1e3, "M": 1e6, "MB": 1e6, "G": 1e9, "GB": 1e9}[m[2]]
    return int(float(m[1]) * unit)


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def load_seeds(seeds: Path = SEEDS) -> tuple[list[str], list[str]]:
    """(headers, body paragraphs) of the seeds; a header is a seed's first ~400 characters of
    paragraphs, body paragraphs are the rest minus those that would start a new document."""
    headers: list[str] = []
    body: list[str] = []
    for path in sorted(seeds.glob("*.txt")):
        paras = _paragraphs(path.read_text(encoding="utf-8"))
        n, size = 0, 0
        while n < len(paras) and (size < 400 or n < 2):
            size += len(paras[n])
            n += 1
        headers.append("\n\n".join(paras[:n]))
        body.extend(p for p in paras[n:] if not ANCHOR.search(p))
    return headers, body


def _format_number(value: float, like: str) -> str:
    """``value`` written the way ``like`` was: thousands dots, decimal comma and its decimals."""
    int_part, _, frac = like.partition(",")
    whole, _, dec = f"{value:.{len(frac)}f}".partition(".")
    if "." in int_part:
        whole = f"{int(whole):,}".replace(",", ".")
    return whole + ("," + dec if frac else "")


def shift(text: str, years: int, days: int, factor: float) -> str:
    """Move dates (full dates by ``days`` and ``years``, bare years by ``years``) and multiply
    figures of two or more digits by ``factor``."""

    def repl(m: re.Match) -> str:
        if m["date"]:
            try:
                d = dt.date(int(m["y"]), _MONTH_NO[m["m"].lower()], int(m["d"]))
            except ValueError:
                return m[0]
            d = d + dt.timedelta(days=days)
            try:
                d = d.replace(year=d.year + years)
            except ValueError:  # 29 February
                d = d.replace(year=d.year + years, day=28)
            month = MONTHS[d.month - 1]
            if m["m"][0].isupper():
                month = month.capitalize()
            return f"{d.day}{m['sp1']}{month}{m['sp2']}{d.year}"
        if m["year"]:
            return str(int(m["year"]) + years)
        raw = m["num"]
        value = float(raw.replace(".", "").replace(",", "."))
        new = value * factor
        if "," not in raw:
            new = max(10, round(new)) if value >= 10 else round(new)
        return _format_number(new, raw)

    return TOKEN.sub(repl, text)


def _doc_size(rng: random.Random) -> int:
    size = rng.lognormvariate(math.log(MEDIAN_DOC), 0.8)
    return int(min(MAX_DOC, max(MIN_DOC, size)))


def make_document(rng: random.Random, headers: list[str], body: list[str]) -> str:
    """One new document: a seed's header, random body paragraphs, shifted dates and figures."""
    target = _doc_size(rng)
    parts = [rng.choice(headers)]
    size = len(parts[0])
    while size < target:
        p = rng.choice(body)
        if size + len(p) > MAX_DOC and size >= MIN_DOC:
            break
        parts.append(p)
        size += len(p) + 2
    text = "\n\n".join(parts) + "\n"
    years = rng.choice([k for k in range(-6, 7) if k != 0])
    return shift(text, years, rng.randint(-60, 60), rng.uniform(0.5, 2.0))


def generate(size: int, out: Path, seed: int = 1, seeds: Path = SEEDS) -> dict:
    """Write documents of about ``size`` bytes in total into ``out`` (1000 per sub-folder).

    Reuses ``out`` when its manifest says it was made with the same size and seed."""
    out = Path(out)
    manifest = out / MANIFEST
    want = {"size": size, "seed": seed}
    if manifest.exists():
        have = json.loads(manifest.read_text())
        if {k: have.get(k) for k in want} == want:
            return have
    out.mkdir(parents=True, exist_ok=True)
    for old in out.rglob("*.txt"):
        old.unlink()
    rng = random.Random(seed)
    headers, body = load_seeds(seeds)
    total = files = 0
    while total < size:
        data = make_document(rng, headers, body).encode("utf-8")
        folder = out / f"d{files // 1000:04d}"
        folder.mkdir(exist_ok=True)
        (folder / f"doc{files:07d}.txt").write_bytes(data)
        total += len(data)
        files += 1
    info = {**want, "bytes": total, "files": files}
    manifest.write_text(json.dumps(info))
    return info


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", default="10MB", help="total size, e.g. 200KB, 10MB, 1GB")
    ap.add_argument("--out", required=True, help="folder to write the documents into")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    info = generate(parse_size(args.size), Path(args.out), args.seed)
    print(f"{info['files']} files, {info['bytes'] / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
