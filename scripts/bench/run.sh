#!/bin/sh
# run.sh: the search benchmark of issue 5, styrdok and PostgreSQL side by side.
#
#   scripts/bench/run.sh [N] [CORPUS_DIR]
#
# Generates the benchmark corpus (gencorpus --n 10000 --seed 2, or N
# documents of it) into CORPUS_DIR if it is not there yet, then runs
# `styrdok bench` (indexing docs/s, MB/s, peak RSS, index size, query
# p50/p99 by type, single-threaded) and, with PG=1, scripts/bench/pg.sh on
# the same documents and queries. Run from the repository root; the shared
# data is expected in ../shared (SHARED=... to change). gencorpus reads the
# Debian packages wswedish and gimp-help-sv when installed (see its README).
set -eu
N=${1:-10000}
CORPUS=${2:-/tmp/styrdok-c10k}
SHARED=${SHARED:-../shared}
QUERIES=$SHARED/data/bench/queries.tsv
if [ ! -f "$CORPUS/manifest.jsonl" ]; then
	python3 "$SHARED/tools/gencorpus/gencorpus.py" --n 10000 --seed 2 --out "$CORPUS"
fi
go build -o /tmp/styrdok-bench-bin ./cmd/styrdok
/tmp/styrdok-bench-bin bench --data "$CORPUS" --n "$N" --queries "$QUERIES" ${PIPELINE:+--pipeline}
if [ "${PG:-0}" = 1 ]; then
	echo "--- PostgreSQL"
	sh scripts/bench/pg.sh "$CORPUS" "$QUERIES" "$N"
fi
