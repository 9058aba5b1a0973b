#!/usr/bin/env bash
# Growth benchmark (issue 22): the same api build against a small catalog (the 6 demo tools) and a large one (the demo
# plus 100,000 tools with 4 reviews each in 25 categories, 100,000 confirmed subscribers), read cache off so every
# request takes the miss path. For each catalog route it prints the median latency of small and large, measured
# alternately in one run (one request to each in turn, so both see the same machine), their ratio and the plan kind
# PostgreSQL picks for the route's query on the large catalog; then the verdict reads per vote with STREAMS live
# streams of one tool open on the large api.
#
# Usage: bench/growth.sh            (run under `flock /tmp/services.lock`; builds the api if needed)
# Env:   BENCH_DB_URL  admin URL of a PostgreSQL server (default postgresql://postgres@localhost:5432)
#        TOOLS (100000) SUBSCRIBERS (100000) REQUESTS (40 per route and size) STREAMS (200; each is a curl process)
#        PORT (18280: small; PORT+1: large) BUILD_DIR (target)
# Not measured here (left for the next pass): the digest send rate and peak heap, and badge-counter sizes.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DB_ADMIN_URL="${BENCH_DB_URL:-postgresql://postgres@localhost:5432}"
TOOLS="${TOOLS:-100000}"
SUBSCRIBERS="${SUBSCRIBERS:-100000}"
REQUESTS="${REQUESTS:-40}"
STREAMS="${STREAMS:-200}"
PORT="${PORT:-18280}"
LARGE_PORT=$((PORT + 1))
BUILD_DIR="${BUILD_DIR:-target}"
JAR="$ROOT/api/$BUILD_DIR/quarkus-app/quarkus-run.jar"
SMALL_DB=shiporskip_growth_small
LARGE_DB=shiporskip_growth_large
DB_REST="${DB_ADMIN_URL#postgresql://}"

[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -B -q -Dbuild.dir="$BUILD_DIR" -pl api -am package -DskipTests -Dquarkus.bootstrap.effective-model-builder=true)

WORK="$(mktemp -d /tmp/growth-bench.XXXXXX)"
PIDS=()
STREAM_PIDS=()
cleanup() {
  for pid in "${STREAM_PIDS[@]}" "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT
openssl genrsa -out "$WORK/rsa.pem" 2048 2>/dev/null
openssl pkcs8 -topk8 -nocrypt -in "$WORK/rsa.pem" -out "$WORK/private.pem"
openssl rsa -in "$WORK/rsa.pem" -pubout -out "$WORK/public.pem" 2>/dev/null

start_api() { # database, port
  psql "$DB_ADMIN_URL/postgres" -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" >/dev/null
  SHIPORSKIP_DB_URL="postgresql://${DB_REST#*@}/$1" SHIPORSKIP_DB_USER="${DB_REST%%@*}" \
  SHIPORSKIP_API_PORT=$2 SHIPORSKIP_DEMO_DATA=true SHIPORSKIP_MAIL_MOCK=true SHIPORSKIP_DIGEST_CRON=off \
  SHIPORSKIP_JWT_PRIVATE_KEY="$WORK/private.pem" SHIPORSKIP_JWT_PUBLIC_KEY="$WORK/public.pem" \
  SHIPORSKIP_READ_CACHE_MAX_SIZE=0 SHIPORSKIP_LIMIT_WRITES=100000000 SHIPORSKIP_LIMIT_SIGN_UP=100000 \
  SHIPORSKIP_LIVE_STREAMS_PER_CLIENT=$((STREAMS + 10)) QUARKUS_LOG_LEVEL=WARN \
    java -jar "$JAR" >"$WORK/api-$2.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$2/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  cat "$WORK/api-$2.log"; exit 1
}

start_api "$SMALL_DB" "$PORT"
start_api "$LARGE_DB" "$LARGE_PORT"

echo "seeding $TOOLS tools, $((TOOLS * 4)) reviews, $SUBSCRIBERS subscribers"
seed_start=$(date +%s)
psql -q "$DB_ADMIN_URL/$LARGE_DB" -v ON_ERROR_STOP=1 <<SQL
INSERT INTO catalog.tool (slug, name, vendor, tagline, description, category, pricing, entry_price, created_at,
        panel_decision, panel_ships, panel_skips, panel_ship_percent, panel_mean_score)
SELECT 'grown-' || i, 'Grown Tool ' || i, 'Vendor ' || (i % 2000), 'A tool of the grown catalog',
       'Seeded by bench/growth.sh, number ' || i, 'Category ' || (i % 25), 'Free tier', 'Free',
       now() - (i % 365) * interval '1 day' - i * interval '1 second',
       CASE WHEN s > 2 THEN 'SHIP' WHEN s < 2 THEN 'SKIP' ELSE 'SPLIT' END, s, 4 - s, s * 25, 40 + (i * 7 % 600) / 10.0
FROM generate_series(1, $TOOLS) i, LATERAL (SELECT (i * 13 % 5) AS s) ships;
INSERT INTO catalog.review (tool_id, critic_id, score, decision, body)
SELECT t.id, c.id, 40 + (t.id * c.id % 60), CASE WHEN c.position <= t.panel_ships THEN 'SHIP' ELSE 'SKIP' END,
       'Seeded review.'
FROM catalog.tool t CROSS JOIN catalog.critic c WHERE t.slug LIKE 'grown-%';
INSERT INTO catalog.subscriber (email, status, confirmed_at)
SELECT 'reader' || i || '@example.org', 'CONFIRMED', now() FROM generate_series(1, $SUBSCRIBERS) i;
VACUUM ANALYZE;
SQL
echo "seeded in $(( $(date +%s) - seed_start )) s"

SLUG=smolvlm2-2b
ROUTES=(
  "tool page|/tool/$SLUG"
  "alternatives|/api/tools/$SLUG/alternatives"
  "list, rare category|/api/tools?category=Developer%20Tools"
  "list, unknown category|/api/tools?category=No%20Such%20Category"
  "category+decision+score|/api/tools?category=Developer%20Tools&decision=SHIP&sort=score"
  "categories|/api/categories"
  "weekly digest (web)|/api/digests/weekly"
)
time_of() { curl -s -o /dev/null -w '%{time_total}\n' "$1"; }
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

printf '\n%-28s %12s %12s %7s\n' route "small ms" "large ms" ratio
for route in "${ROUTES[@]}"; do
  name="${route%%|*}"; path="${route#*|}"
  : > "$WORK/small"; : > "$WORK/large"
  for _ in 1 2 3; do time_of "http://127.0.0.1:$PORT$path" >/dev/null; time_of "http://127.0.0.1:$LARGE_PORT$path" >/dev/null; done
  for _ in $(seq 1 "$REQUESTS"); do
    time_of "http://127.0.0.1:$PORT$path" >> "$WORK/small"
    time_of "http://127.0.0.1:$LARGE_PORT$path" >> "$WORK/large"
  done
  small=$(median < "$WORK/small"); large=$(median < "$WORK/large")
  awk -v n="$name" -v s="$small" -v l="$large" 'BEGIN { printf "%-28s %12.2f %12.2f %7.2f\n", n, s * 1000, l * 1000, l / s }'
done

echo
echo "plans on the large catalog (node types, outermost first):"
plan() { # name, sql
  printf '  %-28s %s\n' "$1" "$(psql -qAt "$DB_ADMIN_URL/$LARGE_DB" -c "EXPLAIN $2" \
    | grep -oE '(Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan|Sort|Limit|Append|Result)( using [a-z_]+)?( on [a-z_]+)?' \
    | paste -sd ',' | sed 's/,/, /g')"
}
COLS="t.*"
plan "alternatives" "(SELECT $COLS FROM catalog.tool t WHERE lower(t.category) = 'developer tools' AND t.id <> 1 ORDER BY coalesce(t.panel_mean_score, -1) DESC, t.id DESC LIMIT 5) UNION ALL (SELECT $COLS FROM catalog.tool t WHERE lower(t.category) <> 'developer tools' ORDER BY coalesce(t.panel_mean_score, -1) DESC, t.id DESC LIMIT 5) LIMIT 5"
plan "list, category" "SELECT $COLS FROM catalog.tool t WHERE EXISTS (SELECT 1 FROM catalog.category c WHERE c.key = 'category 7') AND lower(t.category) = 'category 7' ORDER BY t.created_at DESC, t.id DESC LIMIT 21"
plan "list, unknown category" "SELECT $COLS FROM catalog.tool t WHERE EXISTS (SELECT 1 FROM catalog.category c WHERE c.key = 'no such') AND lower(t.category) = 'no such' ORDER BY t.created_at DESC, t.id DESC LIMIT 21"
plan "category+decision+score" "SELECT $COLS FROM catalog.tool t WHERE EXISTS (SELECT 1 FROM catalog.category c WHERE c.key = 'category 7') AND lower(t.category) = 'category 7' AND t.panel_decision = 'SPLIT' ORDER BY coalesce(t.panel_mean_score, -1) DESC, t.id DESC LIMIT 21"
plan "categories" "SELECT name, tool_count FROM catalog.category WHERE tool_count > 0 ORDER BY name, key"

echo
echo "verdict reads per vote with $STREAMS streams of one tool open (large api)"
LARGE="http://127.0.0.1:$LARGE_PORT"
curl -fsS -o /dev/null -H 'Content-Type: application/json' \
  -d '{"email":"growth-voter@example.com","password":"growth-password-1","displayName":"Growth"}' "$LARGE/api/accounts"
# Only proved accounts vote; mail is not sent here, so the address is proved in the database.
psql -q "$DB_ADMIN_URL/$LARGE_DB" -c "UPDATE catalog.account SET email_verified_at = now() WHERE email = 'growth-voter@example.com'"
TOKEN="$(curl -fsS -H 'Content-Type: application/json' \
  -d '{"email":"growth-voter@example.com","password":"growth-password-1"}' "$LARGE/api/auth/token" \
  | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')"
for _ in $(seq 1 "$STREAMS"); do
  curl -sN -H 'Accept: text/event-stream' "$LARGE/api/tools/$SLUG/events" >/dev/null 2>&1 &
  STREAM_PIDS+=($!)
done
for _ in $(seq 1 120); do
  open="$(curl -fsS "$LARGE/q/metrics" | awk '/^live_streams /{ print int($2) }')"
  [ "${open:-0}" -ge "$STREAMS" ] && break
  sleep 0.5
done
metric() { curl -fsS "$LARGE/q/metrics" | awk -v m="$1" '$1 == m { print int($2) }'; }
loads_before="$(metric catalog_verdict_loads_total)"; reads_before="$(metric live_verdict_reads_total)"
for decision in SHIP SKIP SHIP SKIP SHIP; do
  curl -fsS -o /dev/null -X PUT -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
    -d "{\"decision\":\"$decision\"}" "$LARGE/api/tools/$SLUG/vote"
  sleep 1
done
loads_after="$(metric catalog_verdict_loads_total)"; reads_after="$(metric live_verdict_reads_total)"
echo "  streams open: $open; 5 votes, 1 s apart: verdict loads $((loads_after - loads_before)), live reads $((reads_after - reads_before))"
echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
