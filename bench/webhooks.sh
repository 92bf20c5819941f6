#!/usr/bin/env bash
# Webhooks benchmark: starts Casekeeper from its jar on a fresh embedded PostgreSQL, subscribes S
# webhooks (each for case.opened, all pointing at one local receiver run by the load client), then
# opens cases through the REST API at R per second, so S × R deliveries a second are due. The
# receiver checks every signature and times each delivery from its event's occurredAt (written in
# the case's transaction) to its arrival. Prints deliveries received per second, the enqueue-to-
# delivery p50/p95/p99/max, and a verdict against the target (at least 500 deliveries a second,
# p99 under 1 s). See docs/benchmarks.md and docs/webhooks.md.
#
#   bench/webhooks.sh [R] [S]     R cases per second (default 130), S webhooks (default 4)
#
# BENCH_SECONDS (measured, default 60) after BENCH_WARMUP (default 15) at the same rate;
# BENCH_HEAP (default 1g); BENCH_JAVA_OPTS; BENCH_KEEP=1 keeps the data directory and the log.
set -euo pipefail
cd "$(dirname "$0")/.."

rate="${1:-130}"
subscriptions="${2:-4}"

. bench/lib.sh
bench_prepare webhooks
# The webhooks' signing secrets are sealed under this key; a throw-away one for the benchmark's data.
CASEKEEPER_WEBHOOKS_SECRET_KEY="$(head -c 32 /dev/urandom | base64)"
export CASEKEEPER_WEBHOOKS_SECRET_KEY
# shellcheck disable=SC2086
bench_start "-Xmx${BENCH_HEAP:-1g}" ${BENCH_JAVA_OPTS:-}
echo "Casekeeper is UP on port $port; its PostgreSQL listens on port $pg_port"

"$java" -Xmx1g bench/WebhooksBenchmark.java \
  --base-url="http://127.0.0.1:$port" --email="$admin_email" --password="$admin_password" \
  --rate="$rate" --subscriptions="$subscriptions" \
  --seconds="${BENCH_SECONDS:-60}" --warmup="${BENCH_WARMUP:-15}"

echo "Deliveries in the database by state:"
bench_superuser_sql "select state, count(*), max(attempts) as most_attempts from webhooks.delivery group by state order by state"
