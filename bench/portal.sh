#!/usr/bin/env bash
# Portal and web form benchmark: starts Casekeeper from its jar on a fresh embedded PostgreSQL,
# loads a desk's history with bench/search-load.sql (N cases, N/5 customers), gives one customer
# 200 of those cases, signs her in to the portal (a one-time link written straight into
# portal.sign_in_code), and asks for her case list (the first page and the next, keyset paging
# newest first) and one of her case pages R times each, printing p50, p95 and maximum (bar: p95
# under 100 ms). It prints the plan of the list's query (EXPLAIN ANALYZE, BUFFERS). Then W web form
# submissions from C clients at once (bench/WebFormBenchmark.java, through POST /contact/embed, the
# hosted form's checks; each answered once its case and the case's reactions are committed), with
# the per-client allowance and the time-to-submit check lifted for the run (bar: at least 100/s).
#
#   bench/portal.sh [N] [R] [W] [C]   N cases (default 1000000), R requests per page (default 200),
#                                      W web form submissions (default 3000), C clients (default 8)
#
# Settings from the environment as bench/search.sh: BENCH_KEEP=1, BENCH_DATA=DIR (a data directory
# loaded and kept before, same N), BENCH_JAR=FILE, BENCH_JAVA_OPTS. Needs psql and curl. Loading
# takes minutes at 1M cases; on a busy machine run it at 100000. Nothing here asserts a time.
set -euo pipefail
cd "$(dirname "$0")/.."

cases="${1:-1000000}"
requests="${2:-200}"
submissions="${3:-3000}"
clients="${4:-8}"

. bench/lib.sh
bench_prepare portal
if [ -n "${BENCH_DATA:-}" ]; then
  data="$BENCH_DATA"
fi
jar="${BENCH_JAR:-$jar}"
# The web form's per-client allowance and time-to-submit check would turn the load client away.
# shellcheck disable=SC2086
bench_start -Dcasekeeper.portal.contacts-per-client=100000000 -Dcasekeeper.portal.contact-min-time=0s ${BENCH_JAVA_OPTS:-}
echo "Casekeeper is UP on port $port; its PostgreSQL listens on port $pg_port"

psql_super() {
  PGPASSFILE="$data/postgres/casekeeper.pgpass" psql -X -q -v ON_ERROR_STOP=1 -h /tmp -p "$pg_port" -U postgres -d casekeeper "$@"
}

if [ -z "${BENCH_DATA:-}" ]; then
  echo "Loading $cases cases ..."
  started=$(date +%s)
  psql_super -v cases="$cases" -f bench/search-load.sql
  echo "Loaded in $(( $(date +%s) - started )) s"
fi

# Her: the loader's customer0, with 200 cases spread over the desk's years.
email="customer0@example.com"
customer="$(psql_super -At -c "select customer_id from customers.identity where kind = 'email' and value = '$email'")"
psql_super -c "update cases.support_case set requester_id = '$customer'
               where id in (select id from cases.support_case where requester_id <> '$customer'
                            order by id limit greatest(0, 200 - (select count(*) from cases.support_case
                                                                 where requester_id = '$customer')))" \
           -c "analyze cases.support_case" >/dev/null
echo "Customer $email has $(psql_super -At -c "select count(*) from cases.support_case where requester_id = '$customer'") cases"

# Signed in by a one-time link whose token only this run knows (only its SHA-256 is stored).
token="bench$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
psql_super -c "insert into portal.sign_in_code (id, purpose, customer_id, kind, value, code_digest, link_digest, created_at, expires_at)
               values (gen_random_uuid(), 'sign-in', '$customer', 'email', '$email', 'none',
                       encode(sha256(convert_to('$token', 'UTF8')), 'hex'), now(), now() + interval '1 hour')" >/dev/null
jar_file="$work/customer.cookies"
csrf="$(curl -fsS -c "$jar_file" -b "$jar_file" "http://127.0.0.1:$port/portal/sign-in/link/$token" \
  | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1)"
curl -fsS -b "$jar_file" -c "$jar_file" -o /dev/null --data-urlencode "token=$token" --data-urlencode "_csrf=$csrf" \
  "http://127.0.0.1:$port/portal/sign-in/link"
first="$(curl -fsS -b "$jar_file" "http://127.0.0.1:$port/portal")"
older="$(echo "$first" | sed -n 's/.*id="older" href="\([^"]*\)".*/\1/p' | head -n 1 | sed 's/&amp;/\&/g')"
number="$(echo "$first" | sed -n 's/.*data-number="\([0-9]*\)".*/\1/p' | sed -n 10p)"
if [ -z "$older" ] || [ -z "$number" ]; then
  echo "The customer's list did not come back as expected (signed in?)" >&2
  exit 1
fi

timings() { # path
  for _ in $(seq 1 "$requests"); do
    curl -sS -o /dev/null -b "$jar_file" -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$port$1" \
      | awk '$1 != 200 { print "HTTP " $1 > "/dev/stderr" } { printf "%.1f\n", $2 * 1000 }'
  done
}
report() { # name, timings file
  sort -n "$2" | awk -v name="$1" '
    { t[NR] = $1 }
    END { p50 = t[int((NR + 1) * 0.5)]; i95 = int(NR * 0.95 + 0.999); if (i95 < 1) i95 = 1
          printf "%-26s %6d %9.1f %9.1f %9.1f\n", name, NR, p50, t[i95], t[NR] }'
}

echo
echo "$cases cases, a customer with 200, $requests requests per page; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-26s %6s %9s %9s %9s   (bar: p95 under 100 ms)\n" page n "p50 ms" "p95 ms" "max ms"
for entry in "list, first page|/portal" "list, second page|$older" "case page|/portal/cases/$number"; do
  IFS='|' read -r name path <<<"$entry"
  timings "$path" >/dev/null # warm-up
  timings "$path" >"$work/timings"
  report "$name" "$work/timings"
done

echo
echo "The list's query for her (first page), as CaseQueries runs it:"
psql_super -c "explain (analyze, buffers, costs off)
  select c.id from cases.support_case c
  where true and c.requester_id = '$customer'
  order by c.created_at desc, c.id desc limit 51"
echo "... and after a cursor (the second page):"
psql_super -c "explain (analyze, buffers, costs off)
  select c.id from cases.support_case c
  where true and c.requester_id = '$customer'
    and (c.created_at, c.id) < (select created_at, id from cases.support_case where requester_id = '$customer'
                                order by created_at desc, id desc offset 49 limit 1)
  order by c.created_at desc, c.id desc limit 51"

echo
"$java" bench/WebFormBenchmark.java "http://127.0.0.1:$port" "$submissions" "$clients"
