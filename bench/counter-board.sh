#!/usr/bin/env bash
# Counter display board benchmark: starts Casekeeper from its jar on a fresh embedded PostgreSQL,
# sets up a location with two visit reasons and D agents at D desks through the REST API, opens the
# board's event stream as a waiting-room screen does, then plays a day of T tickets compressed into
# BENCH_DAY_SECONDS: walk-ins take tickets at an even pace, each desk calls the next ticket, serves
# it for a while and ends it. Each call and each end is timed from the desk's request to the moment
# the board, reloading on the stream's event as the page does, shows the change. Prints the
# percentiles of that update latency, the events the board got, and a verdict against the target
# (p99 under 1 s). See docs/benchmarks.md.
#
#   bench/counter-board.sh [T] [D]    T tickets a day (default 500), D desks (default 20)
#
# Settings from the environment: BENCH_DAY_SECONDS (the day, compressed, default 300),
# BENCH_HEAP (the application's -Xmx, default 1g), BENCH_JAVA_OPTS (more JVM options of the
# application), BENCH_KEEP=1 (keep the data directory and the application's log).
set -euo pipefail
cd "$(dirname "$0")/.."

tickets="${1:-500}"
desks="${2:-20}"
day_seconds="${BENCH_DAY_SECONDS:-300}"
heap="${BENCH_HEAP:-1g}"

. bench/lib.sh
bench_prepare counter
# shellcheck disable=SC2086
bench_start "-Xmx$heap" ${BENCH_JAVA_OPTS:-}
echo "Casekeeper is UP on port $port"

client_cp="$(bench_client_jars 'jackson-(core|databind|annotations)-[0-9.]+(-rc[0-9]+)?')"

"$java" -Xmx512m -cp "$client_cp" bench/CounterBoardBenchmark.java \
  --base-url="http://127.0.0.1:$port" --email="$admin_email" --password="$admin_password" \
  --tickets="$tickets" --desks="$desks" --day-seconds="$day_seconds"
