#!/usr/bin/env bash
# Search benchmark: starts Casekeeper from its jar on a fresh embedded PostgreSQL, loads a desk's
# history into its schema with bench/search-load.sql (N cases, 3 timeline entries each, N/5
# customers, 20 teams, 200 agents, Zipf-like words), then asks the workspace what agents ask it
# (searches for a common, a rare and a two-word term, an email, a phone number, a case number and
# nothing that exists; every view and page 41 of All by its Next links, the view counts, a case page; the API's q=; a saved view
# with three filters, its cases and its count in the API) as an admin who sees
# every case and as an agent of one team, and prints each request's p50, p95 and maximum.
#
#   bench/search.sh [N] [R] [C]     N cases (default 1000000), R requests per query and user
#                                    (default 20), C users asking at once (default 1)
#
# Settings from the environment: BENCH_PLANS=1 logs the plan of every statement slower than 20 ms
# (auto_explain, with ANALYZE and BUFFERS) into the application's log; BENCH_KEEP=1 keeps the data
# directory and that log; BENCH_DATA=DIR starts on a data directory loaded and kept before (N must
# be the same), BENCH_JAR=FILE on another build (to compare before and after); BENCH_HOLD=S keeps everything running S seconds after the report (to read
# plans with psql); BENCH_JAVA_OPTS (JVM options of the application). Needs psql and curl.
# Loading takes minutes at 1M cases; on a busy machine run it at 100000. Nothing here asserts a time.
set -euo pipefail
cd "$(dirname "$0")/.."

cases="${1:-1000000}"
requests="${2:-20}"
clients="${3:-1}"

. bench/lib.sh
bench_prepare search
if [ -n "${BENCH_DATA:-}" ]; then
  data="$BENCH_DATA" # loaded before and kept (BENCH_KEEP=1): start on it and skip the load
fi
jar="${BENCH_JAR:-$jar}"
# shellcheck disable=SC2086
bench_start ${BENCH_JAVA_OPTS:-}
echo "Casekeeper is UP on port $port; its PostgreSQL listens on port $pg_port"

psql_super() {
  PGPASSFILE="$data/postgres/casekeeper.pgpass" psql -X -q -v ON_ERROR_STOP=1 -h /tmp -p "$pg_port" -U postgres -d casekeeper "$@"
}

if [ -n "${BENCH_DATA:-}" ]; then
  # This run's password for the bench agents too.
  bench_reset_admin_password "email like 'bench-agent-%'"
else
  echo "Loading $cases cases ..."
  started=$(date +%s)
  psql_super -v cases="$cases" -f bench/search-load.sql
  echo "Loaded in $(( $(date +%s) - started )) s"
fi

if [ "${BENCH_PLANS:-0}" = 1 ]; then
  psql_super -c "alter role casekeeper set session_preload_libraries = 'auto_explain'" \
    -c "alter role casekeeper set auto_explain.log_min_duration = '20ms'" \
    -c "alter role casekeeper set auto_explain.log_analyze = on" \
    -c "alter role casekeeper set auto_explain.log_buffers = on" \
    -c "select pg_terminate_backend(pid) from pg_stat_activity where usename = 'casekeeper'" >/dev/null
  echo "Plans of statements slower than 20 ms go to $log"
fi

# What to ask for: the words by rank as the loader made them, a customer, a case.
rare="$(psql_super -At -c "select string_agg((array['ka','to','mi','re','su','lo','ne','pa','di','gu','ba','fe','ho','ji','ru','vo'])[(4000 / (16 ^ k)::int) % 16 + 1], '' order by k desc) || 'x' from generate_series(0, 3) k")"
customer=$(( cases / 5 / 3 ))
number="$(psql_super -At -c "select number from cases.support_case where team_id is null order by created_at desc offset $(( cases / 60 )) limit 1")" # of no team: everyone may open it

sign_in() { # email, cookie jar
  local csrf
  csrf="$(curl -fsS -c "$2" "http://127.0.0.1:$port/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1)"
  curl -fsS -b "$2" -c "$2" -o /dev/null --data-urlencode "email=$1" --data-urlencode "password=$admin_password" \
    --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$port/login"
}
admin_jar="$work/admin.cookies"
agent_jar="$work/agent.cookies"
sign_in "$admin_email" "$admin_jar"
sign_in "bench-agent-1@casekeeper.local" "$agent_jar"
token="$(curl -fsS -u "$admin_email:$admin_password" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
  "http://127.0.0.1:$port/api/v1/tokens" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')"

# The Next link of /views/all as the admin sees it, followed 40 times: a page as deep as 1,000 cases in.
next_page="/views/all"
for _ in $(seq 1 40); do
  next_page="$(curl -fsS -b "$admin_jar" "http://127.0.0.1:$port$next_page" | tr '\n' ' ' \
    | grep -o '<a [^>]*rel="next"[^>]*>' | sed -n 's/.*href="\([^"]*\)".*/\1/p' | head -n 1 | sed 's/&amp;/\&/g')"
  [ -n "$next_page" ] || { echo "no next page on /views/all" >&2; exit 1; }
done

# A saved view with three filters, as the admin saved it (issue: its page and its count p95 under 100 ms).
# Those of earlier runs on the same data (BENCH_DATA) go first: the counts request counts every view.
psql_super -c "delete from views.saved_view where name = 'Open billing, high or urgent'" >/dev/null
view_id="$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"Open billing, high or urgent","filters":{"statuses":["open","pending"],"priorities":["high","urgent"],"tags":["billing"]}}' \
  "http://127.0.0.1:$port/api/v1/saved-views" | sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p' | head -n 1)"
[ -n "$view_id" ] || { echo "could not save a view" >&2; exit 1; }

queries=(
  "search common word|/views/all?q=order|part"
  "search rare word|/views/all?q=$rare|part"
  "search two words|/views/all?q=refund+delivery|part"
  "search email|/views/all?q=customer$customer%40example.com|part"
  "search phone|/views/all?q=%2B4930$(printf %08d "$customer")|part"
  "search case number|/views/all?q=$number|part"
  "search no match|/views/all?q=zzqxnothing|part"
  "view all|/views/all|page"
  "view all, page 41|$next_page|page"
  "view all open|/views/open|page"
  "view unassigned|/views/unassigned|page"
  "view mine|/views/mine|page"
  "view my teams|/views/team|page"
  "view pending|/views/pending|page"
  "view recently solved|/views/solved|page"
  "view counts|/views/counts|part"
  "case page|/cases/$number|page"
  "api q=order|/api/v1/cases?q=order&limit=25|api"
  "saved view, 3 filters|/saved-views/$view_id|adminpage"
  "api saved view cases|/api/v1/saved-views/$view_id/cases|api"
  "api saved view counts|/api/v1/saved-views|api"
)

# One user's requests for one query: R timings in milliseconds, one a line.
timings() { # jar, path, kind
  local headers=(-b "$1")
  case "$3" in
    part) headers+=(-H 'HX-Request: true') ;;
    adminpage) ;;
    # Without the session's cookie: a token request that carries one signs that session in anew.
    api) headers=(-H "Authorization: Bearer $token") ;;
  esac
  for _ in $(seq 1 "$requests"); do
    curl -sS -o /dev/null "${headers[@]}" -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$port$2" \
      | awk '$1 != 200 { print "HTTP " $1 > "/dev/stderr" } { printf "%.1f\n", $2 * 1000 }'
  done
}

report() { # name, user, timings file
  sort -n "$3" | awk -v name="$1" -v user="$2" '
    { t[NR] = $1 }
    END { p50 = t[int((NR + 1) * 0.5)]; i95 = int(NR * 0.95 + 0.999); if (i95 < 1) i95 = 1
          printf "%-22s %-6s %6d %9.1f %9.1f %9.1f\n", name, user, NR, p50, t[i95], t[NR] }'
}

echo
echo "$cases cases, $requests requests per query and user, $clients at once; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-22s %-6s %6s %9s %9s %9s\n" query user n "p50 ms" "p95 ms" "max ms"
for entry in "${queries[@]}"; do
  IFS='|' read -r name path kind <<<"$entry"
  users="admin agent"; [ "$kind" = api ] || [ "$kind" = adminpage ] && users=admin
  for user in $users; do
    jar="$admin_jar"; [ "$user" = agent ] && jar="$agent_jar"
    timings "$jar" "$path" "$kind" >/dev/null # warm-up
    out="$work/timings"
    : >"$out"
    pids=()
    for _ in $(seq 1 "$clients"); do timings "$jar" "$path" "$kind" >>"$out" & pids+=($!); done
    wait "${pids[@]}" # not the application, which runs in the background too
    report "$name" "$user" "$out"
  done
done

if [ -n "${BENCH_HOLD:-}" ]; then
  echo "Holding for ${BENCH_HOLD} s (or until $work/release exists): psql -h /tmp -p $pg_port -U postgres -d casekeeper, password in $data/postgres/casekeeper.pgpass"
  for _ in $(seq 1 "$BENCH_HOLD"); do [ -e "$work/release" ] && break; sleep 1; done
fi
