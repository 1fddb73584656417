#!/usr/bin/env bash
# What a Prometheus scrape costs: fleetjobs bench (noop, get-pending) against a server with the
# admin listener, without and with GET /metrics every 100 ms (two rounds each), then the server's
# CPU per scrape from /proc (Linux) over 3 x 500 scrapes. Starts its own server on a temporary data dir.
# Usage: bench/scrape-cost.sh [seconds per scenario]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds=${1:-8}
port=$((20000 + RANDOM % 20000))
admin=$((port + 1))
data=$(mktemp -d)
export FLEETJOBS_ROOT_ACCESS_KEY_ID=FJIABENCHMARKKEY0001 FLEETJOBS_ROOT_SECRET_ACCESS_KEY=bench-secret-key-000000000000000000000000
export AWS_ACCESS_KEY_ID=$FLEETJOBS_ROOT_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY=$FLEETJOBS_ROOT_SECRET_ACCESS_KEY
"$root/fleetjobs" server --host 127.0.0.1 --port "$port" --data-dir "$data" --admin-port "$admin" --access-log off 2>"$data/server.log" &
server=$!
loop=
trap '[ -n "$loop" ] && kill $loop 2>/dev/null; kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$admin/health/ready"; do sleep 0.2; done
jvm=$server # the fleetjobs script execs the JVM
bench() { "$root/fleetjobs" bench noop,get-pending --endpoint "http://127.0.0.1:$port" --server-pid "$jvm" \
    --duration "$seconds" --warmup 3 2>&1 | grep -v 'note:'; }
for round in 1 2; do
  echo "== round $round: no scrape"; bench
  echo "== round $round: GET /metrics every 100 ms"
  ( while true; do curl -s -o /dev/null "http://127.0.0.1:$admin/metrics"; sleep 0.1; done ) & loop=$!
  bench
  kill $loop; loop=
done
ticks() { awk '{print $14 + $15}' "/proc/$jvm/stat"; }
hz=$(getconf CLK_TCK)
for round in 1 2 3; do
  a=$(ticks)
  for i in $(seq 1 500); do curl -s -o /dev/null "http://127.0.0.1:$admin/metrics"; done
  b=$(ticks)
  echo "scrapes round $round: server CPU $(( (b - a) * 1000000 / hz / 500 )) us per scrape," \
      "$(curl -s "http://127.0.0.1:$admin/metrics" | wc -c) bytes"
done
