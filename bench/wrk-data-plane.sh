#!/usr/bin/env bash
# Neutral load on the device data plane: wrk replays one signed GetPendingJobExecutions request
# (a SigV4 signature stays valid for 15 minutes). Starts its own server on a temporary data dir.
# Usage: bench/wrk-data-plane.sh [seconds] [connections]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds=${1:-10}
connections=${2:-64}
port=$((20000 + RANDOM % 20000))
data=$(mktemp -d)
export FLEETJOBS_ROOT_ACCESS_KEY_ID=FJIABENCHMARKKEY0001 FLEETJOBS_ROOT_SECRET_ACCESS_KEY=bench-secret-key-000000000000000000000000
export AWS_ACCESS_KEY_ID=$FLEETJOBS_ROOT_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY=$FLEETJOBS_ROOT_SECRET_ACCESS_KEY AWS_DEFAULT_REGION=us-east-1
"$root/fleetjobs" server --host 127.0.0.1 --port "$port" --data-dir "$data" 2>"$data/server.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
endpoint="http://127.0.0.1:$port"
until curl -s -o /dev/null "$endpoint"; do sleep 0.2; done

/usr/bin/aws iot create-thing --thing-name bench-1 --endpoint-url "$endpoint" >/dev/null
for j in 1 2 3; do
  /usr/bin/aws iot create-job --job-id "bench-$j" --targets "arn:aws:iot:us-east-1:000000000000:thing/bench-1" \
      --document '{"op":"noop"}' --endpoint-url "$endpoint" >/dev/null
done

headers=()
while IFS= read -r line; do headers+=(-H "$line"); done < <("$root/bench/sign_request.py" iot-jobs-data GET "$endpoint/things/bench-1/jobs")
echo "wrk: GetPendingJobExecutions (3 queued executions), $connections connections, ${seconds}s"
wrk -t 2 -c "$connections" -d "${seconds}s" --latency "${headers[@]}" "$endpoint/things/bench-1/jobs"
