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

. bench/lib.sh
bench_prepare mail
# shellcheck disable=SC2086
bench_start $java_opts
smtp_port="$(bench_logged "Receiving mail by SMTP on port")"
echo "Casekeeper is UP on port $port, SMTP on port $smtp_port; its PostgreSQL listens on port $pg_port"

if [ "$statements" = 1 ]; then
  # Only the superuser may add the extension and clear its figures; the benchmark connects as Casekeeper's role.
  bench_superuser_sql "create extension if not exists pg_stat_statements;
    grant pg_read_all_stats to casekeeper;
    grant execute on function pg_stat_statements_reset(oid, oid, bigint, boolean) to casekeeper" \
    || echo "Could not prepare pg_stat_statements as the superuser (is psql installed?); no statement figures"
fi

# The JDBC driver is the one the application ships with, taken from its jar.
client_cp="$(bench_client_jars 'postgresql-[0-9.]+')"

"$java" -cp "$client_cp" bench/EmailIngestionBenchmark.java \
  --base-url="http://localhost:$port" --smtp-port="$smtp_port" --jdbc-url="$jdbc_url" --jdbc-user="$jdbc_user" --jdbc-password="$jdbc_password" \
  --email="$admin_email" --password="$admin_password" \
  --messages="$messages" --clients="$clients" --seeds="$seeds" --warmup="$warmup" --rounds="$rounds" --statements="$([ "$statements" = 1 ] && echo true || echo false)" \
  --app-pid="$app_pid" --postgres-pid="$(head -n 1 "$data/postgres/postmaster.pid")"
