#!/usr/bin/env bash
# Reports benchmark: starts Casekeeper from its jar on a fresh embedded PostgreSQL, loads a desk's
# history with bench/search-load.sql (N cases, 3 timeline entries each, 20 teams, 200 agents),
# backfills reporting's facts with bench/reports-backfill.sql, then times what supervisors ask:
# a 90-day team report by day (the target: p95 under 500 ms), a 12-month desk report by month
# (under 2 s) as JSON, the same as CSV, and the wallboard's refresh of a team (under 100 ms). It
# prints each request's p50, p95 and maximum; nothing here asserts a time.
#
#   bench/reports.sh [N] [R]     N cases (default 1000000), R requests per query (default 20)
#
# BENCH_ZONE sets casekeeper.reports.zone (default Europe/Berlin); BENCH_KEEP=1 keeps the data
# directory and the log; BENCH_DATA=DIR starts on a data directory loaded and backfilled before (the
# search benchmark's, with bench/reports-backfill.sql run on it once); BENCH_JAVA_OPTS are the application's JVM options. Needs psql and curl.
# Loading takes minutes at 1M cases; run the lead's benchmarks on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."

cases="${1:-1000000}"
requests="${2:-20}"
zone="${BENCH_ZONE:-Europe/Berlin}"

. bench/lib.sh
bench_prepare reports
if [ -n "${BENCH_DATA:-}" ]; then
  data="$BENCH_DATA" # loaded and backfilled before (BENCH_KEEP=1): start on it and skip both
fi
export CASEKEEPER_REPORTS_ZONE="$zone"
# shellcheck disable=SC2086
bench_start ${BENCH_JAVA_OPTS:-}
echo "Casekeeper is UP on port $port; its PostgreSQL listens on port $pg_port"

psql_super() {
  PGPASSFILE="$data/postgres/casekeeper.pgpass" psql -X -q -v ON_ERROR_STOP=1 -h /tmp -p "$pg_port" -U postgres -d casekeeper "$@"
}

if [ -n "${BENCH_DATA:-}" ]; then
  bench_reset_admin_password
else
  echo "Loading $cases cases ..."
  started=$(date +%s)
  psql_super -v cases="$cases" -f bench/search-load.sql
  echo "Loaded in $(( $(date +%s) - started )) s; backfilling the reports' facts ..."
  started=$(date +%s)
  psql_super -v zone="'$zone'" -f bench/reports-backfill.sql
  echo "Backfilled in $(( $(date +%s) - started )) s"
fi

team="$(psql_super -At -c "select id from agents.team where name = 'Bench team 1'")"
today="$(psql_super -At -c "select (now() at time zone '$zone')::date")"
day90="$(psql_super -At -c "select (now() at time zone '$zone')::date - 89")"
year="$(psql_super -At -c "select (now() at time zone '$zone')::date - 364")"

csrf="$(curl -fsS -c "$work/admin.cookies" "http://127.0.0.1:$port/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1)"
curl -fsS -b "$work/admin.cookies" -c "$work/admin.cookies" -o /dev/null --data-urlencode "email=$admin_email" \
  --data-urlencode "password=$admin_password" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$port/login"
token="$(curl -fsS -u "$admin_email:$admin_password" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
  "http://127.0.0.1:$port/api/v1/tokens" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')"

queries=(
  "90-day team report|/api/v1/reports/metrics?from=$day90&to=$today&period=day&team=$team|api"
  "12-month desk report|/api/v1/reports/metrics?from=$year&to=$today&period=month|api"
  "12-month desk CSV|/api/v1/reports/metrics/csv?from=$year&to=$today&period=month|api"
  "wallboard refresh|/supervisor/wallboard?team=$team|part"
)

timings() { # path, kind
  local headers=()
  case "$2" in
    part) headers=(-b "$work/admin.cookies" -H 'HX-Request: true') ;;
    api) headers=(-H "Authorization: Bearer $token") ;;
  esac
  for _ in $(seq 1 "$requests"); do
    curl -sS -o /dev/null "${headers[@]}" -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$port$1" \
      | awk '$1 != 200 { print "HTTP " $1 > "/dev/stderr" } { printf "%.1f\n", $2 * 1000 }'
  done
}

echo
echo "$cases cases, $requests requests per query; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-22s %6s %9s %9s %9s\n" "request" "n" "p50 ms" "p95 ms" "max ms"
for query in "${queries[@]}"; do
  IFS='|' read -r name path kind <<<"$query"
  timings "$path" "$kind" >/dev/null # warm-up round: plans and caches
  timings "$path" "$kind" | sort -n | awk -v name="$name" '
    { t[NR] = $1 }
    END { p50 = t[int((NR + 1) * 0.5)]; i95 = int(NR * 0.95 + 0.999); if (i95 < 1) i95 = 1
          printf "%-22s %6d %9.1f %9.1f %9.1f\n", name, NR, p50, t[i95], t[NR] }'
done
echo
echo "Targets (issue 21): 90-day team report p95 < 500 ms; 12-month desk report < 2000 ms; wallboard refresh < 100 ms."
