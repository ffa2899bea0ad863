#!/usr/bin/env bash
# `make bench`: catalog search and cached GETs under wrk on loopback, on the
# national demo data set (SQLite; PostgreSQL too with BENCH_PG=1), next to
# nginx serving a static file of the same size. Writes bench/RESULTS-catalog.md.
# Also builds the Google Benchmark programs (bench/) in Release.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
for p in wrk nginx-light; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$p" >/dev/null
done
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLERKSHIP_TESTS=OFF -DCLERKSHIP_BENCH=ON >/dev/null
cmake --build build/release
BIN=./build/release/src/cli/clerkship
DURATION=${DURATION:-15}
WORK=$(mktemp -d /tmp/clerkship-bench.XXXXXX)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$WORK"' EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

DB=var/bench/national.db
if [ ! -f "$DB" ]; then
  mkdir -p var/bench
  $BIN migrate --db "sqlite:$DB" >/dev/null
  $BIN demo --scale national --db "sqlite:$DB"
fi
$BIN migrate --db "sqlite:$DB" >/dev/null

PORT=$(free_port)
$BIN serve --db "sqlite:$DB" --port "$PORT" --web-root web/dist >"$WORK/server.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/api/health" >/dev/null && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$PORT/api/search/offerings" >/dev/null  # builds the index once

echo "== search mix (SQLite, national)"
wrk -t2 -c8 -d"${DURATION}s" --latency -s bench/search_mix.lua "http://127.0.0.1:$PORT" | tee "$WORK/search.txt"

OFFERING=$(curl -fs "http://127.0.0.1:$PORT/api/search/offerings?q=cardiology" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
URL="http://127.0.0.1:$PORT/api/offerings/$OFFERING"
curl -fs "$URL" -o "$WORK/offering.json"
ETAG=$(curl -fsI "$URL" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
SIZE=$(stat -c %s "$WORK/offering.json")

echo "== offering GET 200 ($SIZE bytes)"
wrk -t2 -c32 -d"${DURATION}s" --latency "$URL" | tee "$WORK/get200.txt"
echo "== offering GET revalidated (If-None-Match → 304)"
wrk -t2 -c32 -d"${DURATION}s" --latency -H "If-None-Match: $ETAG" "$URL" | tee "$WORK/get304.txt"

echo "== nginx: static file of the same size"
mkdir -p "$WORK/www"
cp "$WORK/offering.json" "$WORK/www/offering.json"
NPORT=$(free_port)
cat >"$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$NPORT; root $WORK/www; location / { add_header Cache-Control "public, max-age=30"; } }
}
CONF
nginx -c "$WORK/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
sleep 0.5
wrk -t2 -c32 -d"${DURATION}s" --latency "http://127.0.0.1:$NPORT/offering.json" | tee "$WORK/nginx.txt"

rps() { awk '/Requests\/sec/{print $2}' "$1"; }
p99() { awk '/ 99%/{print $2}' "$1"; }
p50() { awk '/ 50%/{print $2}' "$1"; }
{
  echo "# Catalog benchmark (wrk on loopback, $(nproc) cores, $(date -u +%Y-%m-%d))"
  echo
  echo "Data: \`clerkship demo --scale national\` on SQLite (1,500 institutions, 20,000 offerings, 60,000 blocks, 100,000 applicants). Release build. ${DURATION}s per run."
  echo
  echo "| run | requests/s | p50 | p99 |"
  echo "|---|---|---|---|"
  echo "| search mix (text + facets, 10 queries, 8 connections) | $(rps "$WORK/search.txt") | $(p50 "$WORK/search.txt") | $(p99 "$WORK/search.txt") |"
  echo "| offering page GET 200 ($SIZE bytes, 32 connections) | $(rps "$WORK/get200.txt") | $(p50 "$WORK/get200.txt") | $(p99 "$WORK/get200.txt") |"
  echo "| offering page revalidation 304 | $(rps "$WORK/get304.txt") | $(p50 "$WORK/get304.txt") | $(p99 "$WORK/get304.txt") |"
  echo "| nginx static file, same size | $(rps "$WORK/nginx.txt") | $(p50 "$WORK/nginx.txt") | $(p99 "$WORK/nginx.txt") |"
  echo
  /usr/bin/python3 - "$(rps "$WORK/get200.txt")" "$(rps "$WORK/get304.txt")" "$(rps "$WORK/nginx.txt")" <<'PY'
import sys
g200, g304, ngx = (float(x) for x in sys.argv[1:4])
print(f"Cached GET vs nginx: 200 = {100*g200/ngx:.0f}% , 304 = {100*g304/ngx:.0f}% of nginx's requests/s.")
PY
} > bench/RESULTS-catalog.md
cat bench/RESULTS-catalog.md
