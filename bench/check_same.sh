#!/usr/bin/env bash
# Build the seeds, every test document set and a synthetic bench corpus with the code of this tree,
# and compare each build with a reference build made the same way from an earlier commit.
#   bash bench/check_same.sh REF_DIR OUT_DIR      (REF_DIR made by: bash bench/check_same.sh --make REF_DIR)
# REF_DIR/corpus10 holds the corpus (bench/synth.py --size 10MB) so both sides read the same files.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
py="${PYTHON:-$here/.venv/bin/python}"
export PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}"
build() { "$py" -m sahel_analysis.cli build --input "$1" --output "$2" --quiet "${@:3}" >/dev/null; }
sets="unseen blind1 blind2 blind3 blind4 blind5"
if [ "${1:-}" = "--make" ]; then
  ref="$2"; mkdir -p "$ref"
  [ -d "$ref/corpus10" ] || "$py" "$here/bench/synth.py" --size 10MB --out "$ref/corpus10" >/dev/null
  build "$here/seeds" "$ref/seeds"
  for s in $sets; do build "$here/tests/fixtures/$s/docs" "$ref/$s"; done
  build "$ref/corpus10" "$ref/b10" --workers 2
  exit 0
fi
ref="$1"; out="$2"; status=0
build "$here/seeds" "$out/seeds"
for s in $sets; do build "$here/tests/fixtures/$s/docs" "$out/$s"; done
build "$ref/corpus10" "$out/b10" --workers 2
for s in seeds $sets b10; do
  printf '%-8s ' "$s"
  "$py" "$here/bench/same_tables.py" "$ref/$s" "$out/$s" | tail -n 1 || status=1
done
exit $status
