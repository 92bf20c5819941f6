#!/usr/bin/env bash
# Email-ingestion benchmark: starts Casekeeper from its jar on a fresh embedded PostgreSQL with its SMTP
# listener on a free port, creates an SMTP mailbox through the REST API, sends N messages of about 5 KB
# (text and one small attachment; half open cases, half answer earlier ones) from C concurrent SMTP
# sessions, and prints how many the listener accepts per second (250 answers, with the DATA-to-250
# latency), how many per second become case entries (parsed and threaded, end to end), and beside
# them the same raw bytes inserted with plain JDBC by C clients. See docs/benchmarks.md.
#
#   bench/email-ingestion.sh [N] [C]      N messages per side (default 5000), C clients (default 8)
#
# Settings from the environment: BENCH_SEEDS (messages ingested first that replies answer, default
# 500), BENCH_WARMUP (messages sent and ingested before measuring, default 5000), BENCH_ROUNDS (the
# sides take turns in this many rounds, default 3), BENCH_JAVA_OPTS (JVM options of the application,
# e.g. -XX:StartFlightRecording=filename=/tmp/mail.jfr), BENCH_STATEMENTS=1 (load pg_stat_statements
# and print what PostgreSQL spent its time on), BENCH_KEEP=1 (keep the data directory and the
# application's log).
set -euo pipefail
cd "$(dirname "$0")/.."

messages="${1:-5000}"
clients="${2:-8}"
seeds="${BENCH_SEEDS:-500}"
warmup="${BENCH_WARMUP:-5000}"
rounds="${BENCH_ROUNDS:-3}"
statements="${BENCH_STATEMENTS:-0}"
java_opts="${BENCH_JAVA_OPTS:-}"
if [ "$statements" = 1 ]; then
  java_opts="$java_opts -Dcasekeeper.embedded-db.server-config.shared_preload_libraries=pg_stat_statements"
fi

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

work="$(mktemp -d "${TMPDIR:-/tmp}/casekeeper-mail-bench.XXXXXX")"
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
# PORT=0 and CASEKEEPER_MAIL_SMTP_PORT=0: the web server and the SMTP listener take free ports and log them.
# shellcheck disable=SC2086
CASEKEEPER_DATA_DIR="$data" PORT=0 CASEKEEPER_MAIL_SMTP_PORT=0 \
  CASEKEEPER_ADMIN_EMAIL="$admin_email" CASEKEEPER_ADMIN_PASSWORD="$admin_password" \
  "$java" $java_opts -jar "$jar" >"$log" 2>&1 &
app_pid=$!

port=""
for _ in $(seq 1 180); do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "Casekeeper stopped during start-up; its log:" >&2
    tail -n 50 "$log" >&2
    exit 1
  fi
  port="$(sed -n 's/.*Tomcat started on port[^0-9]*\([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)"
  smtp_port="$(sed -n 's/.*Receiving mail by SMTP on port[^0-9]*\([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)"
  if [ -n "$port" ] && [ -n "$smtp_port" ] && curl -fsS "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
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
jdbc_url="jdbc:postgresql://localhost:$pg_port/casekeeper"
echo "Casekeeper is UP on port $port, SMTP on port $smtp_port; its PostgreSQL listens on port $pg_port"

# The JDBC driver is the one the application ships with, taken from its jar.
driver_entry="$(unzip -Z1 "$jar" | grep -E '^BOOT-INF/lib/postgresql-[0-9.]+\.jar$' | head -n 1)"
unzip -q -o "$jar" "$driver_entry" -d "$work"

"$java" -cp "$work/$driver_entry" bench/EmailIngestionBenchmark.java \
  --base-url="http://localhost:$port" --smtp-port="$smtp_port" --jdbc-url="$jdbc_url" --jdbc-user=postgres \
  --email="$admin_email" --password="$admin_password" \
  --messages="$messages" --clients="$clients" --seeds="$seeds" --warmup="$warmup" --rounds="$rounds" --statements="$([ "$statements" = 1 ] && echo true || echo false)" \
  --app-pid="$app_pid" --postgres-pid="$(head -n 1 "$data/postgres/postmaster.pid")"
