#!/usr/bin/env bash
# Case-creation benchmark: starts Casekeeper from its jar on a fresh embedded PostgreSQL, opens N
# cases through the REST API with C concurrent clients, then writes the same rows into the same
# PostgreSQL with plain JDBC (one transaction per case, C clients, no batching) and prints both
# rates, the latency percentiles and their ratio. See docs/benchmarks.md.
#
#   bench/case-creation.sh [N] [C]        N cases per side (default 5000), C clients (default 8)
#
# Settings from the environment: BENCH_WARMUP (at least this many cases per side before measuring,
# default 10000; more while the JIT still makes them cheaper, up to BENCH_WARMUP_MAX, 40000),
# BENCH_ROUNDS (the sides take turns in this many rounds, default 5), BENCH_JAVA_OPTS (JVM options
# of the application), BENCH_KEEP=1 (keep the data directory and the application's log).
set -euo pipefail
cd "$(dirname "$0")/.."

cases="${1:-5000}"
clients="${2:-8}"
warmup="${BENCH_WARMUP:-10000}"
warmup_max="${BENCH_WARMUP_MAX:-40000}"
rounds="${BENCH_ROUNDS:-5}"

. bench/lib.sh
bench_prepare cases
# shellcheck disable=SC2086
bench_start ${BENCH_JAVA_OPTS:-}
echo "Casekeeper is UP on port $port; its PostgreSQL listens on port $pg_port"

# The JDBC driver is the one the application ships with, taken from its jar.
client_cp="$(bench_client_jars 'postgresql-[0-9.]+')"

"$java" -cp "$client_cp" bench/CaseCreationBenchmark.java \
  --base-url="http://localhost:$port" --jdbc-url="$jdbc_url" --jdbc-user="$jdbc_user" --jdbc-password="$jdbc_password" \
  --email="$admin_email" --password="$admin_password" \
  --cases="$cases" --clients="$clients" --warmup="$warmup" --warmup-max="$warmup_max" --rounds="$rounds" \
  --app-pid="$app_pid" --postgres-pid="$(head -n 1 "$data/postgres/postmaster.pid")"
