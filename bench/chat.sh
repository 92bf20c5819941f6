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

# The same JDK ./mvnw uses: JAVA_HOME, else the default java when it is 21+, else the newest JDK 21+.
# shellcheck disable=SC1091
. .mvn/select-jdk.sh
set +f # select-jdk.sh leaves globbing off, as ./mvnw wants it
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

jar_is_stale() {
  local jar
  jar="$(ls target/casekeeper-*.jar 2>/dev/null | grep -v -e '-plain\.jar$' | head -n 1 || true)"
  [ -z "$jar" ] && return 0
  [ -n "$(find pom.xml src/main -newer "$jar" -print -quit)" ]
}
if jar_is_stale; then
  echo "Building the jar (./mvnw -q -DskipTests package) ..."
  ./mvnw -B -ntp -q -DskipTests package
fi
jar="$(ls target/casekeeper-*.jar | grep -v -e '-plain\.jar$' | head -n 1)"

work="$(mktemp -d "${TMPDIR:-/tmp}/casekeeper-chat-bench.XXXXXX")"
data="$work/data"
log="$work/casekeeper.log"
app_pid=""

stop() {
  local status=$?
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    echo "Stopping Casekeeper ..."
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$app_pid" 2>/dev/null; then
      echo "Casekeeper did not stop within 60 s; killing it" >&2
      kill -KILL "$app_pid" 2>/dev/null || true
    fi
    wait "$app_pid" 2>/dev/null || true
  fi
  # A killed application leaves its PostgreSQL running: stop that too (fast shutdown).
  local pidfile="$data/postgres/postmaster.pid"
  if [ -f "$pidfile" ]; then
    local pg_pid
    pg_pid="$(head -n 1 "$pidfile")"
    if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then
      kill -INT "$pg_pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 1; done
    fi
  fi
  if [ "${BENCH_KEEP:-0}" = 1 ] || [ "$status" -ne 0 ]; then
    echo "Data directory and application log kept in $work"
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap stop EXIT
trap 'exit 130' INT TERM

admin_email="bench-admin@casekeeper.local"
admin_password="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

echo "Starting Casekeeper from $jar with a fresh data directory in $data ..."
echo "Heap: -Xmx$heap; open-files limit: $(ulimit -n)"
# PORT=0 and CASEKEEPER_MAIL_SMTP_PORT=0: the web server and the SMTP listener (not used here) take
# free ports, so the run collides with nothing else on the machine.
# shellcheck disable=SC2086
CASEKEEPER_DATA_DIR="$data" PORT=0 CASEKEEPER_MAIL_SMTP_PORT=0 \
  CASEKEEPER_ADMIN_EMAIL="$admin_email" CASEKEEPER_ADMIN_PASSWORD="$admin_password" \
  "$java" "-Xmx$heap" ${BENCH_JAVA_OPTS:-} -jar "$jar" >"$log" 2>&1 &
app_pid=$!

port=""
for _ in $(seq 1 180); do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "Casekeeper stopped during start-up; its log:" >&2
    tail -n 50 "$log" >&2
    exit 1
  fi
  port="$(sed -n 's/.*Tomcat started on port[^0-9]*\([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)"
  if [ -n "$port" ] && curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
    break
  fi
  port=""
  sleep 1
done
if [ -z "$port" ]; then
  echo "Casekeeper did not report UP within 180 s; its log:" >&2
  tail -n 50 "$log" >&2
  exit 1
fi

# The embedded server's port is the fourth line of its postmaster.pid.
pg_port="$(sed -n 4p "$data/postgres/postmaster.pid")"
jdbc_url="jdbc:postgresql://127.0.0.1:$pg_port/casekeeper"
echo "Casekeeper is UP on port $port; its PostgreSQL listens on port $pg_port"

# The JDBC driver and Jackson are the ones the application ships with, taken from its jar.
client_jars="$(unzip -Z1 "$jar" | grep -E '^BOOT-INF/lib/(postgresql-[0-9.]+|jackson-(core|databind|annotations)-[0-9.]+(-rc[0-9]+)?)\.jar$')"
# shellcheck disable=SC2086
unzip -q -o "$jar" $client_jars -d "$work"
client_cp="$(echo "$client_jars" | sed "s|^|$work/|" | paste -sd: -)"

# shellcheck disable=SC2086
"$java" ${BENCH_CLIENT_OPTS:--Xmx2g} -cp "$client_cp" bench/ChatBenchmark.java \
  --base-url="http://127.0.0.1:$port" --jdbc-url="$jdbc_url" --jdbc-user=postgres \
  --email="$admin_email" --password="$admin_password" \
  --clients="$clients" --rate="$rate" --chats="$chats" --agents="$agents" --arrival-rate="$arrival_rate" \
  --ramp-rate="$ramp_rate" --seconds="$seconds" --heap="$heap" \
  --jcmd="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd" \
  --app-pid="$app_pid" --postgres-pid="$(head -n 1 "$data/postgres/postmaster.pid")"
