#!/bin/sh
# pg.sh: time PostgreSQL full-text search on the same corpus and queries as
# `styrdok bench`, so the two can be compared side by side.
#
#   scripts/bench/pg.sh CORPUS_DIR QUERIES_TSV [N]
#
# CORPUS_DIR is a gencorpus output directory (manifest.jsonl, txt/);
# QUERIES_TSV has lines "type<TAB>text" (word, and, phrase), e.g.
# ../shared/data/bench/queries.tsv; N limits the corpus to its first N
# documents (default: all), as `styrdok bench --n N` does.
#
# It installs Debian's postgresql if missing (needs root and apt), starts a
# throw-away cluster on 127.0.0.1 (port $PGPORT, default 55432) in a
# temporary directory, loads the documents into
#   docs(id, kommun, doctype, title, year, body,
#        tsv tsvector GENERATED ALWAYS AS (to_tsvector('swedish', title || ' ' || body)) STORED)
# with COPY, builds a GIN index on tsv, runs ANALYZE, then runs every query
# once after WARMUP (default 100) warm-up queries, single-threaded, ranked by
# ts_rank with LIMIT 10: websearch_to_tsquery for word and and queries (AND
# of the words), phraseto_tsquery for phrases. It prints load and index
# times, table and index sizes, and p50/p99 per query type. The cluster is
# stopped and removed at the end.
set -eu

CORPUS=${1:?usage: pg.sh CORPUS_DIR QUERIES_TSV [N]}
QUERIES=${2:?usage: pg.sh CORPUS_DIR QUERIES_TSV [N]}
N=${3:-0}
PGPORT=${PGPORT:-55432}
WARMUP=${WARMUP:-100}

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
	echo "pg.sh: installing postgresql" >&2
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")

WORK=$(mktemp -d /tmp/styrdok-pg.XXXXXX)
chmod 755 "$WORK"
# PostgreSQL refuses to run as root: run the server as the postgres user.
if [ "$(id -u)" = 0 ]; then
	id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
	chown postgres "$WORK"
	AS="runuser -u postgres --"
else
	AS=""
fi
cleanup() {
	$AS "$BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

$AS "$BIN/initdb" -D "$WORK/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
$AS "$BIN/pg_ctl" -D "$WORK/data" -l "$WORK/log" -w \
	-o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $WORK -c shared_buffers=256MB -c maintenance_work_mem=512MB -c max_wal_size=4GB -c fsync=off" start >/dev/null
PSQL="psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -d postgres -v ON_ERROR_STOP=1"

# The corpus as CSV (Python: stdlib only).
python3 - "$CORPUS" "$N" >"$WORK/docs.csv" <<'EOF'
import csv, json, os, sys
corpus, n = sys.argv[1], int(sys.argv[2])
w = csv.writer(sys.stdout)
with open(os.path.join(corpus, "manifest.jsonl"), encoding="utf-8") as f:
    for i, line in enumerate(f):
        if n and i >= n:
            break
        e = json.loads(line)
        with open(os.path.join(corpus, e["txt"]), encoding="utf-8") as t:
            body = t.read().replace("\x00", "")
        w.writerow([e["id"], e["kommun"], e["doctype"], e["title"], e.get("year") or "", body])
EOF
chmod 644 "$WORK/docs.csv"

now() { date +%s.%N; }
$PSQL <<'EOF'
CREATE TABLE docs (
	id text PRIMARY KEY, kommun text, doctype text, title text, year int, body text,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('swedish', title || ' ' || body)) STORED
);
EOF
t0=$(now)
$PSQL -c "\\copy docs(id, kommun, doctype, title, year, body) FROM '$WORK/docs.csv' WITH (FORMAT csv, NULL '')"
t1=$(now)
$PSQL -c "CREATE INDEX docs_tsv ON docs USING gin (tsv)"
t2=$(now)
$PSQL -c "ANALYZE docs"
t3=$(now)
docs=$($PSQL -At -c "SELECT count(*) FROM docs")
text=$($PSQL -At -c "SELECT sum(octet_length(body)) FROM docs")
table=$($PSQL -At -c "SELECT pg_total_relation_size('docs') - pg_relation_size('docs_tsv')")
gin=$($PSQL -At -c "SELECT pg_relation_size('docs_tsv')")

# One SQL file of timed queries: warm-up, then \timing on for the rest.
python3 - "$QUERIES" "$WARMUP" >"$WORK/queries.sql" <<'EOF'
import sys
path, warmup = sys.argv[1], int(sys.argv[2])
qs = []
for line in open(path, encoding="utf-8"):
    typ, _, text = line.rstrip("\r\n").partition("\t")
    if text.strip():
        qs.append((typ, text))
def sql(typ, text):
    lit = "'" + text.replace("'", "''") + "'"
    fn = "phraseto_tsquery" if typ == "phrase" else "websearch_to_tsquery"
    return ("SELECT id, kommun, ts_rank(tsv, q) AS r FROM docs, %s('swedish', %s) q "
            "WHERE tsv @@ q ORDER BY r DESC LIMIT 10;" % (fn, lit))
print("\\o /dev/null")
for i in range(warmup):
    typ, text = qs[i % len(qs)]
    print(sql(typ, text))
print("\\timing on")
for typ, text in qs:
    print("\\echo TYPE %s" % typ)
    print(sql(typ, text))
EOF
$PSQL -f "$WORK/queries.sql" >"$WORK/timings.txt"

echo "documents      $docs, $(awk -v b="$text" 'BEGIN{printf "%.1f", b/1e6}') MB of text"
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" 'BEGIN{printf "load (COPY + to_tsvector) %.1f s, GIN index %.1f s, ANALYZE %.1f s, total %.1f s\n", b-a, c-b, d-c, d-a}'
awk -v t="$table" -v g="$gin" 'BEGIN{printf "table %.1f MB (with TOAST), GIN index %.1f MB\n", t/1e6, g/1e6}'
awk '
/^TYPE / { typ = $2; next }
/^Time: / { ms = $2; n[typ]++; v[typ, n[typ]] = ms; n["all"]++; v["all", n["all"]] = ms }
END {
	split("all and phrase word", types, " ")
	for (k = 1; k <= 4; k++) {
		t = types[k]; m = n[t]
		if (!m) continue
		for (i = 1; i <= m; i++) a[i] = v[t, i]
		# insertion sort (1000 values)
		for (i = 2; i <= m; i++) { x = a[i]; j = i - 1; while (j > 0 && a[j] > x) { a[j+1] = a[j]; j-- } a[j+1] = x }
		p50 = a[int(m / 2) + 1]; i99 = int(m * 0.99) + 1; if (i99 > m) i99 = m
		printf "query %-8s n=%-4d p50 %7.2f ms  p99 %7.2f ms  max %7.1f ms\n", t, m, p50, a[i99], a[m]
	}
}' "$WORK/timings.txt"
