#!/usr/bin/env bash
# api read and write paths under wrk on loopback, bounded: GET /api/tools/{slug}, GET /api/tools?limit=20,
# GET /api/comparisons?tools=a,b, GET /api/critics, GET /api/categories and PUT /api/tools/{slug}/vote. Prints
# requests/s, p50, p99 and non-2xx answers per route and, unless BADGE=0, each route's ratio to badge-service's
# cached badge route (GET /api/badge/{slug}), started in the same run against this api and measured right after each
# route with the same wrk settings, so both see the same machine. (bench/badge-bench.sh compares the badge with nginx.)
#
# Usage: bench/api-bench.sh              (from anywhere; builds the api and badge-service if needed)
# Env:   BENCH_DB_URL  admin URL of a PostgreSQL server (default postgresql://postgres@localhost:5432)
#        DURATION (10s) CONNECTIONS (32) THREADS (2) WARMUP (10s) VOTERS (32) BADGE (1) HOT_VOTES (1000000)
#        BUILD_DIR (target: the Maven build directory the jars are taken from, as -Dbuild.dir)
#        ONLY (all routes; e.g. ONLY=detail,vote runs those) HOT (1: the hot/quiet vote comparison; 0 skips it)
#        API_JAVA_OPTS (JVM options for the api, e.g. a JFR recording)
#        PORT (18180) BADGE_PORT (18187): must be free, or the benchmark would measure whatever answers there
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-10s}"
VOTERS="${VOTERS:-32}"
DB_ADMIN_URL="${BENCH_DB_URL:-postgresql://postgres@localhost:5432}"
DB_NAME=shiporskip_api_bench
PORT="${PORT:-18180}"
BADGE_PORT="${BADGE_PORT:-18187}"
BASE="http://127.0.0.1:$PORT"
BUILD_DIR="${BUILD_DIR:-target}"
JAR="$ROOT/api/$BUILD_DIR/quarkus-app/quarkus-run.jar"
BADGE_JAR="$ROOT/badge-service/$BUILD_DIR/quarkus-app/quarkus-run.jar"
BADGE="${BADGE:-1}"
# The common real caller of the badge route: GitHub's image proxy (as in bench/badge-bench.sh).
UA="User-Agent: github-camo (bench)"

command -v wrk >/dev/null || apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -B -q -Dbuild.dir="$BUILD_DIR" -pl api -am package -DskipTests -Dquarkus.bootstrap.effective-model-builder=true)
if [ "$BADGE" = 1 ] && [ ! -f "$BADGE_JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q -Dbuild.dir="$BUILD_DIR" -pl badge-service -am package -DskipTests -Dquarkus.bootstrap.effective-model-builder=true)
fi

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$PORT" $([ "$BADGE" = 1 ] && echo "$BADGE_PORT"); do
  if in_use "$p"; then echo "port $p is taken by another process; set PORT / BADGE_PORT" >&2; exit 1; fi
done

WORK="$(mktemp -d /tmp/api-bench.XXXXXX)"
JAVA_PID=""
BADGE_PID=""
cleanup() {
  [ -n "$JAVA_PID" ] && kill "$JAVA_PID" 2>/dev/null && wait "$JAVA_PID" 2>/dev/null || true
  [ -n "$BADGE_PID" ] && kill "$BADGE_PID" 2>/dev/null && wait "$BADGE_PID" 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

openssl genrsa -out "$WORK/rsa.pem" 2048 2>/dev/null
openssl pkcs8 -topk8 -nocrypt -in "$WORK/rsa.pem" -out "$WORK/private.pem"
openssl rsa -in "$WORK/rsa.pem" -pubout -out "$WORK/public.pem" 2>/dev/null

psql "$DB_ADMIN_URL/postgres" -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" -c "CREATE DATABASE $DB_NAME" >/dev/null
DB_REST="${DB_ADMIN_URL#postgresql://}"
# Limits are raised so the benchmark measures the write path itself, not the 429 answer.
SHIPORSKIP_DB_URL="postgresql://${DB_REST#*@}/$DB_NAME" SHIPORSKIP_DB_USER="${DB_REST%%@*}" \
SHIPORSKIP_API_PORT=$PORT SHIPORSKIP_DEMO_DATA=true SHIPORSKIP_MAIL_MOCK=true \
SHIPORSKIP_JWT_PRIVATE_KEY="$WORK/private.pem" SHIPORSKIP_JWT_PUBLIC_KEY="$WORK/public.pem" \
SHIPORSKIP_LIMIT_WRITES=100000000 SHIPORSKIP_LIMIT_SIGN_UP=100000 QUARKUS_LOG_LEVEL=WARN \
  java ${API_JAVA_OPTS:-} -jar "$JAR" >"$WORK/api.log" 2>&1 &
JAVA_PID=$!
for _ in $(seq 1 120); do
  curl -fsS "$BASE/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$JAVA_PID" 2>/dev/null || { cat "$WORK/api.log"; exit 1; }
  sleep 0.5
done

echo "signing up $VOTERS readers"
: > "$WORK/tokens.txt"
for i in $(seq 1 "$VOTERS"); do
  curl -fsS -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench$i@example.com\",\"password\":\"bench-password-$i\",\"displayName\":\"Bench $i\"}" "$BASE/api/accounts"
  # printf adds the newline the JSON body lacks, so each token is a line of its own
  printf '%s\n' "$(curl -fsS -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench$i@example.com\",\"password\":\"bench-password-$i\"}" "$BASE/api/auth/token" \
    | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')" >> "$WORK/tokens.txt"
done
# Only proved addresses vote (issue 20): record the proof the mailed link would give.
psql "$DB_ADMIN_URL/$DB_NAME" -qc "UPDATE catalog.account SET email_verified_at = now() WHERE email LIKE 'bench%@example.com'"
export TOKENS_FILE="$WORK/tokens.txt"
export VOTE_SLUGS=smolvlm2,smolvlm2-2b,smolvlm-3b,gemini-2-5-flash-lite,gemini-2-5-flash-native-audio-output,hugging-face-smolvlm-2-5-tiny-vision-language-model
# One vote by hand first, so a broken sign-in shows here rather than as a column of non-2xx answers.
status="$(curl -sS -o "$WORK/vote.json" -w '%{http_code}' -X PUT -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $(head -1 "$WORK/tokens.txt")" -d '{"decision":"SHIP"}' "$BASE/api/tools/smolvlm2/vote")"
[ "$status" = 200 ] || { echo "a test vote answered $status: $(cat "$WORK/vote.json")" >&2; exit 1; }

# badge-service against this api, its counters in the same scratch database (schema badges)
BADGE_URL="http://127.0.0.1:$BADGE_PORT/api/badge/smolvlm2-2b"
if [ "$BADGE" = 1 ]; then
  SHIPORSKIP_DB_URL="postgresql://${DB_REST#*@}/$DB_NAME" SHIPORSKIP_DB_USER="${DB_REST%%@*}" \
  SHIPORSKIP_API_URL="$BASE" QUARKUS_HTTP_PORT=$BADGE_PORT QUARKUS_LOG_LEVEL=WARN \
    java -jar "$BADGE_JAR" >"$WORK/badge-service.log" 2>&1 &
  BADGE_PID=$!
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$BADGE_PORT/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$BADGE_PID" 2>/dev/null || { cat "$WORK/badge-service.log"; exit 1; }
    sleep 0.5
  done
  status="$(curl -sS -o /dev/null -w '%{http_code}' -H "$UA" "$BADGE_URL")"
  [ "$status" = 200 ] || { echo "the badge answered $status" >&2; exit 1; }
fi

# name, then wrk's target (and script)
ROUTES=(
  "detail|$BASE/api/tools/smolvlm2-2b|"
  "list|$BASE/api/tools?limit=20|"
  "comparison|$BASE/api/comparisons?tools=smolvlm2,gemini-2-5-flash-lite|"
  "critics|$BASE/api/critics|"
  "categories|$BASE/api/categories|"
  "vote|$BASE|$ROOT/bench/vote.lua"
)

run_wrk() { # duration url script [header]
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency)
  [ -n "$3" ] && args+=(-s "$3")
  [ -n "${4:-}" ] && args+=(-H "$4")
  wrk "${args[@]}" "$2"
}
rps_of() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency after ${WARMUP} warm-up per route"
[ "$BADGE" = 1 ] && echo "badge: the cached badge route $BADGE_URL, run right after each route; ratio = route ÷ badge" \
  && run_wrk "$WARMUP" "$BADGE_URL" "" "$UA" >/dev/null
printf '\n%-12s %12s %10s %10s %10s %8s %12s %7s\n' route "req/s" p50 p99 requests non-2xx "badge req/s" ratio
for entry in "${ROUTES[@]}"; do
  IFS='|' read -r name url script <<<"$entry"
  [ -z "${ONLY:-}" ] || [[ ",$ONLY," == *",$name,"* ]] || continue
  run_wrk "$WARMUP" "$url" "$script" >/dev/null
  out="$(run_wrk "$DURATION" "$url" "$script")"
  rps="$(rps_of "$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  total="$(awk '/requests in/ {print $1}' <<<"$out")"
  bad="$(awk '/Non-2xx or 3xx responses/ {print $5}' <<<"$out")"
  badge="-"; ratio="-"
  if [ "$BADGE" = 1 ]; then
    badge="$(rps_of "$(run_wrk "$DURATION" "$BADGE_URL" "" "$UA")")"
    ratio="$(awk -v a="$rps" -v b="$badge" 'BEGIN {printf "%.2f", a / b}')"
  fi
  printf '%-12s %12s %10s %10s %10s %8s %12s %7s\n' "$name" "$rps" "$p50" "$p99" "$total" "${bad:-0}" "$badge" "$ratio"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$BADGE" = 1 ] && echo "goal: GET /api/tools/{slug} (detail) ≥ 0.8 × the badge route"
if [ -n "$BADGE_PID" ]; then
  kill "$BADGE_PID"; wait "$BADGE_PID" 2>/dev/null || true; BADGE_PID=""
fi

# A vote must cost the same whatever the tool's vote count (issue 12): one tool seeded with HOT_VOTES votes,
# another with 10 (plus the few the route run above left), the same vote load on each in turn; ratio hot ÷ quiet.
HOT_VOTES="${HOT_VOTES:-1000000}"
if [ "${HOT:-1}" = 1 ]; then
echo; echo "seeding $HOT_VOTES votes on one tool and 10 on another"
psql "$DB_ADMIN_URL/$DB_NAME" -qv ON_ERROR_STOP=1 >/dev/null <<SQL
INSERT INTO catalog.account (email, display_name, password_hash)
  SELECT 'seed' || g || '@example.com', 'Seed', 'seeded' FROM generate_series(1, $HOT_VOTES) g;
WITH hot AS (SELECT id FROM catalog.tool WHERE slug = 'smolvlm-3b'),
     quiet AS (SELECT id FROM catalog.tool WHERE slug = 'gemini-2-5-flash-native-audio-output')
INSERT INTO catalog.vote (account_id, tool_id, decision)
  SELECT a.id, CASE WHEN row_number() OVER (ORDER BY a.id) <= 10 THEN (SELECT id FROM quiet) ELSE (SELECT id FROM hot) END,
         CASE WHEN a.id % 3 = 0 THEN 'SKIP' ELSE 'SHIP' END
  FROM catalog.account a WHERE a.email LIKE 'seed%@example.com';
UPDATE catalog.tool t SET community_ships = (SELECT count(*) FROM catalog.vote v WHERE v.tool_id = t.id AND v.decision = 'SHIP'),
                          community_skips = (SELECT count(*) FROM catalog.vote v WHERE v.tool_id = t.id AND v.decision = 'SKIP');
ANALYZE catalog.vote;
SQL
psql "$DB_ADMIN_URL/$DB_NAME" -tAc "SELECT slug || ': ' || community_ships + community_skips || ' votes' FROM catalog.tool
  WHERE slug IN ('smolvlm-3b', 'gemini-2-5-flash-native-audio-output')"
printf '\n%-22s %12s %10s %10s\n' "vote on" "req/s" p50 p99
declare -A VOTE_RPS
for target in smolvlm-3b gemini-2-5-flash-native-audio-output; do
  VOTE_SLUGS="$target" run_wrk "$WARMUP" "$BASE" "$ROOT/bench/vote.lua" >/dev/null
  out="$(VOTE_SLUGS="$target" run_wrk "$DURATION" "$BASE" "$ROOT/bench/vote.lua")"
  VOTE_RPS[$target]="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  printf '%-22s %12s %10s %10s\n' "${target:0:22}" "${VOTE_RPS[$target]}" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")"
done
echo "vote throughput ratio, hot tool ÷ quiet tool (counts above): $(awk -v h="${VOTE_RPS[smolvlm-3b]}" \
  -v q="${VOTE_RPS[gemini-2-5-flash-native-audio-output]}" 'BEGIN {printf "%.2f", h / q}') (goal ≥ 0.9)"
fi
# The community counts kept on each tool must equal the vote rows behind them after thousands of flips.
consistency="$(psql "$DB_ADMIN_URL/$DB_NAME" -tAc "SELECT count(*) FILTER (WHERE t.community_ships + t.community_skips
    <> (SELECT count(*) FROM catalog.vote v WHERE v.tool_id = t.id)), (SELECT count(*) FROM catalog.vote) FROM catalog.tool t")"
echo "votes stored: ${consistency#*|} rows; tools whose community counts differ from their vote rows: ${consistency%%|*}"

kill "$JAVA_PID"; wait "$JAVA_PID" 2>/dev/null || true; JAVA_PID=""
