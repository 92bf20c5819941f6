#!/usr/bin/env bash
# Live chat and routing benchmark: starts Casekeeper from its jar (heap -Xmx1g) on a fresh embedded
# PostgreSQL, creates a team, a mailbox for the widget and a few agents through the REST API, connects
# N widget clients (hello, start) and keeps them connected, then lets M chats arrive at a steady pace
# (arrival to offer, what routing recorded and what the agents saw), has the agents accept them and
# open the case's agent socket, and sends customer messages at R per second in total, timing each one
# from the customer's send to the agent socket's receipt (and to the customer's ack). Prints the
# connected count, the application's heap after a GC and its RSS, CPU per process, and a verdict for
# each of the three targets. See docs/benchmarks.md.
#
#   bench/chat.sh [N] [R]      N widget clients (default 10000), R customer messages per second (default 50)
#
# Settings from the environment: BENCH_CHATS (M, the chats that arrive and then chat, default 200),
# BENCH_AGENTS (default 4), BENCH_ARRIVAL_RATE (chats arriving per second, default 5),
# BENCH_ARRIVAL_WARMUP (of the M, how many arrive first to warm the application up, untimed, default 20),
# BENCH_RAMP_RATE (widget connections per second while ramping up, default 500), BENCH_SECONDS
# (measured steady seconds, default 60, after 10 s of warm-up at the same rate), BENCH_HEAP (the
# application's -Xmx, default 1g), BENCH_JAVA_OPTS (more JVM options of the application),
# BENCH_CLIENT_OPTS (JVM options of the load client, default -Xmx2g), BENCH_KEEP=1 (keep the data
# directory and the application's log).
set -euo pipefail
cd "$(dirname "$0")/.."

clients="${1:-10000}"
rate="${2:-50}"
chats="${BENCH_CHATS:-200}"
agents="${BENCH_AGENTS:-4}"
arrival_rate="${BENCH_ARRIVAL_RATE:-5}"
arrival_warmup="${BENCH_ARRIVAL_WARMUP:-20}"
ramp_rate="${BENCH_RAMP_RATE:-500}"
seconds="${BENCH_SECONDS:-60}"
heap="${BENCH_HEAP:-1g}"

# Every widget is a socket in the application and one in the client, each its own process: both
# need a file descriptor per connection and some to spare. Raise the soft limit as far as allowed.
want_files=$((clients + chats + 2000))
hard_files="$(ulimit -Hn)"
if [ "$hard_files" != unlimited ] && [ "$hard_files" -lt "$want_files" ]; then
  echo "The open-files limit is $hard_files (hard); $clients clients need about $want_files. Raise it (ulimit -Hn) or lower N." >&2
  exit 1
fi
ulimit -n "$want_files"

. bench/lib.sh
bench_prepare chat
echo "Heap: -Xmx$heap; open-files limit: $(ulimit -n)"
# shellcheck disable=SC2086
bench_start "-Xmx$heap" ${BENCH_JAVA_OPTS:-}
echo "Casekeeper is UP on port $port; its PostgreSQL listens on port $pg_port"

# The JDBC driver and Jackson are the application's own, taken from its jar.
client_cp="$(bench_client_jars 'postgresql-[0-9.]+' 'jackson-(core|databind|annotations)-[0-9.]+(-rc[0-9]+)?')"

"$java" ${BENCH_CLIENT_OPTS:--Xmx2g} -cp "$client_cp" bench/ChatBenchmark.java \
  --base-url="http://127.0.0.1:$port" --jdbc-url="$jdbc_url" --jdbc-user="$jdbc_user" --jdbc-password="$jdbc_password" \
  --email="$admin_email" --password="$admin_password" \
  --clients="$clients" --rate="$rate" --chats="$chats" --agents="$agents" --arrival-rate="$arrival_rate" --arrival-warmup="$arrival_warmup" \
  --ramp-rate="$ramp_rate" --seconds="$seconds" --heap="$heap" \
  --jcmd="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd" \
  --app-pid="$app_pid" --postgres-pid="$(head -n 1 "$data/postgres/postmaster.pid")"
