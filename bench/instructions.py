"""Instructions per document, counted by valgrind's callgrind: a speed comparison that a busy,
shared machine does not disturb (wall and CPU times here drift by up to 40 % between runs).

    .venv/bin/python bench/instructions.py [--files 60] [--corpus DIR] [--tree PATH ...]

For each source tree (default: this checkout; give ``--tree`` several times to compare, e.g. a
``git worktree`` of an older commit), it counts the instructions of a child Python that reads N and
2N files of the corpus, with and without the fact rules, and prints per document: reading
(read+clean+split+describe) and the fact rules (contributions, budgets, events), plus the fixed
cost (imports, vocabulary, regex compiling). The difference between N and 2N files removes the
fixed cost from the per-document figures. The child runs with PYTHONHASHSEED=0 and
OPENBLAS_NUM_THREADS=1 (override either by setting it) so that a count repeats: with random hash
seeds it moves by about 1 M per document, with numpy's idle BLAS threads by up to 1.8 M.
Needs valgrind (Debian: ``apt-get install valgrind``);
each count runs Python about 50x slower, so keep N small.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

CHILD = """
import sys
from pathlib import Path
from sahel_analysis.documents import read_documents
from sahel_analysis.facts import budgets, contributions, events
files = sorted(Path(sys.argv[1]).rglob("*.txt"))[: int(sys.argv[2])]
docs = [d for f in files for d in read_documents(f)]
if sys.argv[3] == "facts":
    for d in docs:
        contributions.extract(d)
        budgets.extract(d)
        events.extract(d)
"""


def count(tree: Path, corpus: Path, files: int, stage: str) -> int:
    """Instructions (callgrind's ``Collected``) of one child run."""
    # a fixed hash seed: set and dict orders, and so the work of some loops, then repeat from run
    # to run (with random seeds the figure moves by about 1 M per document)
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0"),
           # numpy (which the cleaner imports) starts an OpenBLAS thread pool that no stage uses; its
           # idle threads spin while the child runs, adding some 25 M instructions to a count and
           # moving it by several M from run to run (36 M once, 1.8 M per document in the
           # figures); with one thread a count repeats to within a few thousand
           "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS", "1")}
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
           sys.executable, "-c", CHILD, str(corpus), str(files), stage]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tree, check=False)
    m = re.search(r"Collected\s*:\s*(\d+)", proc.stderr)
    if proc.returncode != 0 or not m:
        sys.stderr.write(proc.stderr[-2000:])
        raise SystemExit(f"valgrind run failed for {tree} ({files} files, {stage})")
    return int(m.group(1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=60, help="N: files in the smaller run (2N in the larger)")
    ap.add_argument("--corpus", type=Path, default=None,
                    help="folder of .txt documents (default: a 10 MB synthetic corpus, made if missing)")
    ap.add_argument("--tree", type=Path, action="append", default=None,
                    help="source tree to measure (repeatable; default: this checkout)")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    corpus = args.corpus
    if corpus is None:
        sys.path.insert(0, str(HERE))
        import synth

        corpus = Path("/tmp/sahel-bench") / "corpus-10MB-seed1"
        if not corpus.exists():
            synth.generate(synth.parse_size("10MB"), corpus, seed=1)
    n = args.files
    print(f"corpus {corpus}; {n} and {2 * n} files; instructions in millions")
    print(f"{'tree':40s} {'read/doc':>10s} {'facts/doc':>10s} {'fixed':>10s}")
    for tree in args.tree or [ROOT]:
        tree = tree.resolve()
        r1, f1 = count(tree, corpus, n, "read"), count(tree, corpus, n, "facts")
        r2, f2 = count(tree, corpus, 2 * n, "read"), count(tree, corpus, 2 * n, "facts")
        read = (r2 - r1) / n
        facts = ((f2 - r2) - (f1 - r1)) / n
        fixed = f1 - n * (read + facts)
        print(f"{str(tree)[-40:]:40s} {read / 1e6:10.1f} {facts / 1e6:10.1f} {fixed / 1e6:10.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
