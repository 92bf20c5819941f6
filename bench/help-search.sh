#!/usr/bin/env bash
# Help-center search benchmark: starts Casekeeper from its jar on a fresh embedded PostgreSQL, loads
# N published public articles straight into the knowledge schema (set-based SQL, indexed as the
# application indexes them: English configuration, title, summary and text weighted A, B, C), then
# asks /help/search and /help/suggestions R times for each kind of query, one request after the other
# as a visitor does: a common word, two words, a rare word, a prefix being typed, a word nothing has.
# Prints each query's p50, p95 and p99 (curl's total time, on the machine itself) and a verdict
# against the target (p95 under 30 ms). See docs/benchmarks.md.
#
#   bench/help-search.sh [N] [R]    N articles (default 10000), R requests per query (default 300)
#
# Settings from the environment: BENCH_HEAP (the application's -Xmx, default 1g), BENCH_JAVA_OPTS
# (more JVM options of the application), BENCH_KEEP=1 (keep the data directory and the log).
# Needs psql and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

articles="${1:-10000}"
requests="${2:-300}"
heap="${BENCH_HEAP:-1g}"

. bench/lib.sh
bench_prepare help-search
# shellcheck disable=SC2086
bench_start "-Xmx$heap" ${BENCH_JAVA_OPTS:-}
echo "Casekeeper is UP on port $port; loading $articles articles ..."

bench_superuser_sql "
with words as (
    select array['account','activation','key','order','return','refund','delivery','technician','invoice',
                 'password','licence','shipping','payment','warranty','repair','install','update','cancel',
                 'exchange','store','label','parcel','address','discount','voucher','subscription','device',
                 'screen','battery','appointment'] as w
), texts as (
    select g,
           'How to ' || w[1 + (g % 30)] || ' your ' || w[1 + ((g * 7) % 30)] || ' ' || 'zq' || g as title,
           'Answers about ' || w[1 + ((g * 11) % 30)] || ' and ' || w[1 + ((g * 13) % 30)] as summary,
           repeat(w[1 + ((g * 3) % 30)] || ' ' || w[1 + ((g * 5) % 30)] || ' ' || w[1 + ((g * 17) % 30)] || '. ', 40)
               || 'Rare word zq' || g || '.' as body
    from generate_series(1, $articles) g, words
)
insert into knowledge.article (id, family_id, locale, title, slug, summary, body, body_html, category, section,
    tags, visibility, state, owner_id, revision, created_at, updated_at, updated_by, published_at, search)
select gen_random_uuid(), gen_random_uuid(), 'en', title, 'article-' || g, summary, body, '<p>' || body || '</p>',
       'Category ' || (g % 20), 'Section ' || (g % 7), array['tag' || (g % 50)], 'public', 'published',
       '00000000-0000-0000-0000-000000000000', 1, now(), now(), '00000000-0000-0000-0000-000000000000', now(),
       setweight(to_tsvector('knowledge.english', title), 'A')
           || setweight(to_tsvector('knowledge.english', summary), 'B')
           || setweight(to_tsvector('knowledge.english', body), 'C')
from texts;
analyze knowledge.article;"

# Percentiles of a list of seconds, in milliseconds.
percentiles() {
  sort -n | awk '{ t[NR] = $1 * 1000 } END {
    p50 = t[int(NR * 0.50 + 0.5)]; p95 = t[int(NR * 0.95 + 0.5)]; p99 = t[int(NR * 0.99 + 0.5)];
    printf "p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms", p50, p95, p99 }'
}

worst=0
run() {
  local name="$1" path="$2" result p95
  # Warm-up: the first requests compile and fill caches.
  for _ in $(seq 1 20); do curl -fsS -o /dev/null "http://127.0.0.1:$port$path"; done
  result="$(for _ in $(seq 1 "$requests"); do
    curl -fsS -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port$path"
  done | percentiles)"
  printf "%-28s %s\n" "$name" "$result"
  p95="$(echo "$result" | awk '{ print $5 }')"
  worst="$(awk -v a="$worst" -v b="$p95" 'BEGIN { print (b > a) ? b : a }')"
}

echo "Help-center search over $articles articles, $requests requests per query:"
run "search: common word" "/help/search?q=order"
run "search: two words" "/help/search?q=refund+delivery"
run "search: rare word" "/help/search?q=zq4242"
run "search: nothing matches" "/help/search?q=nothingmatcheshere"
run "suggestions: prefix typed" "/help/suggestions?q=activ"
run "suggestions: two words" "/help/suggestions?q=battery+scre"

if awk -v w="$worst" 'BEGIN { exit !(w < 30) }'; then
  echo "Target met: every query's p95 under 30 ms (worst $worst ms)"
else
  echo "Target missed: a query's p95 is $worst ms (target under 30 ms)"
fi
