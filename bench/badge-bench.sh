#!/usr/bin/env bash
# Badge route vs nginx on loopback, alternating, bounded. Prints req/s, p50/p99, the ratio, and whether the
# impressions badge-service counted in PostgreSQL equal the requests it answered.
#
# Usage: bench/badge-bench.sh            (from the repository root; builds badge-service if needed)
# Env:   BENCH_DB_URL   admin URL of a PostgreSQL server   (default postgresql://postgres@localhost:5432)
#        ROUNDS (3) DURATION (10s) CONNECTIONS (64) THREADS (2) WARMUP (15s, JIT needs it)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-15s}"
DB_ADMIN_URL="${BENCH_DB_URL:-postgresql://postgres@localhost:5432}"
DB_NAME=shiporskip_badge_bench
NGINX_PORT=18090
BADGE_PORT=18081
SLUG=bench-tool
# The common real caller: GitHub's image proxy revalidating a README badge. Both targets get the same header.
UA="User-Agent: github-camo (bench)"
JAR="$ROOT/badge-service/target/quarkus-app/quarkus-run.jar"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need nginx; then
  echo "installing wrk and nginx"
  apt-get install -y wrk nginx >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk nginx >/dev/null; }
fi
need psql || { echo "psql is required" >&2; exit 1; }
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl shared-model,badge-service -am package -DskipTests -Dquarkus.bootstrap.effective-model-builder=true)
fi

WORK="$(mktemp -d /tmp/badge-bench.XXXXXX)"
chmod 755 "$WORK"
NGINX_PID=""
JAVA_PID=""
cleanup() {
  [ -n "$JAVA_PID" ] && kill "$JAVA_PID" 2>/dev/null && wait "$JAVA_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
}
trap cleanup EXIT

# nginx plays two parts: the api (a static verdict JSON) and the static-file baseline (the same SVG bytes).
mkdir -p "$WORK/www/api/tools/$SLUG" "$WORK/logs"
cat > "$WORK/www/api/tools/$SLUG/verdict" <<JSON
{"slug":"$SLUG","name":"SmolVLM 2.5","tagline":"2B-param vision-language model","decision":"SHIP","ships":4,"skips":0,
"shipPercent":100,"meanScore":84.5,"reviewCount":4,
"community":{"state":"VOTED","votes":15,"ships":12,"skips":3,"shipPercent":80,"label":"80% ship · 15 votes"},
"critics":[{"critic":"Builder","score":88,"decision":"SHIP"},{"critic":"Skeptic","score":74,"decision":"SHIP"},
{"critic":"Futurist","score":91,"decision":"SHIP"},{"critic":"Founder","score":85,"decision":"SHIP"}],"version":"bench-1"}
JSON
cat > "$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000000;
  types { image/svg+xml svg; application/json json; }
  default_type application/json;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location = /badge.svg { add_header Cache-Control no-cache; add_header X-Content-Type-Options nosniff; }
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK" -g 'daemon off;' &
NGINX_PID=$!

psql "$DB_ADMIN_URL/postgres" -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" -c "CREATE DATABASE $DB_NAME" >/dev/null
DB_URL="${DB_ADMIN_URL#postgresql://}"
DB_USER="${DB_URL%%@*}"
DB_HOSTPORT="${DB_URL#*@}"
SHIPORSKIP_DB_URL="postgresql://$DB_HOSTPORT/$DB_NAME" SHIPORSKIP_DB_USER="$DB_USER" \
SHIPORSKIP_API_URL="http://127.0.0.1:$NGINX_PORT" QUARKUS_HTTP_PORT=$BADGE_PORT QUARKUS_LOG_LEVEL=WARN \
  java -jar "$JAR" > "$WORK/logs/badge-service.log" 2>&1 &
JAVA_PID=$!

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$BADGE_PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$JAVA_PID" 2>/dev/null || { echo "badge-service died:"; tail -30 "$WORK/logs/badge-service.log"; exit 1; }
  sleep 0.5
done
BADGE_URL="http://127.0.0.1:$BADGE_PORT/api/badge/$SLUG"
STATIC_URL="http://127.0.0.1:$NGINX_PORT/badge.svg"
curl -fs "$BADGE_URL" -o "$WORK/www/badge.svg"
cmp -s "$WORK/www/badge.svg" <(curl -fs "$STATIC_URL") || { echo "nginx does not serve the same bytes" >&2; exit 1; }
echo "SVG: $(wc -c < "$WORK/www/badge.svg") bytes, served by both"

counted() {
  psql "$DB_ADMIN_URL/$DB_NAME" -Atqc "SELECT COALESCE(SUM(n),0) FROM badges.badge_counter WHERE tool_slug='$SLUG' AND kind='badge'"
}
served() { # requests badge-service answered on the badge route, from its own HTTP metrics
  curl -fs "http://127.0.0.1:$BADGE_PORT/q/metrics" \
    | awk '/^http_server_requests_seconds_count/ && /uri="\/api\/badge\/\{slug\}"/ { s += $2 } END { printf "%d\n", s }'
}
settle() { # wait until the write-behind writer has caught up (pending gauge at zero) plus one flush interval
  for _ in $(seq 1 50); do
    p=$(curl -fs "http://127.0.0.1:$BADGE_PORT/q/metrics" | awk '/^badge_counting_pending / { print $2 }')
    [ "${p%.*}" = "0" ] && break
    sleep 0.2
  done
  sleep 1.2
}
run() { # $1 = url; prints "req/s p50 p99 requests"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$UA" "$1" > "$WORK/wrk.out"
  awk '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    /requests in/ { n = $1 }
    /Non-2xx/ { bad = $NF }
    END { printf "%s %s %s %s %s\n", rps, p50, p99, n, (bad == "" ? 0 : bad) }' "$WORK/wrk.out"
}

echo "load before: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS alternating rounds"
echo "warm-up: $WARMUP each"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "$UA" "$STATIC_URL" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "$UA" "$BADGE_URL" >/dev/null
settle
BASE_COUNTED=$(counted)
BASE_SERVED=$(served)

printf "\n%-6s %-14s %12s %10s %10s %12s\n" round target "req/s" p50 p99 requests
TOTAL_WRK=0; SUM_N=0; SUM_B=0
for r in $(seq 1 "$ROUNDS"); do
  read -r rps p50 p99 n bad <<<"$(run "$STATIC_URL")"
  printf "%-6s %-14s %12s %10s %10s %12s\n" "$r" nginx "$rps" "$p50" "$p99" "$n"
  SUM_N=$(awk -v a="$SUM_N" -v b="$rps" 'BEGIN { print a + b }')
  read -r rps p50 p99 n bad <<<"$(run "$BADGE_URL")"
  printf "%-6s %-14s %12s %10s %10s %12s\n" "$r" badge-service "$rps" "$p50" "$p99" "$n"
  [ "$bad" = "0" ] || echo "  non-2xx responses from badge-service: $bad"
  SUM_B=$(awk -v a="$SUM_B" -v b="$rps" 'BEGIN { print a + b }')
  TOTAL_WRK=$((TOTAL_WRK + n))
done
settle
COUNTED=$(( $(counted) - BASE_COUNTED ))
SERVED=$(( $(served) - BASE_SERVED ))

echo
awk -v n="$SUM_N" -v b="$SUM_B" -v r="$ROUNDS" 'BEGIN {
  printf "mean req/s: nginx %.0f, badge-service %.0f, ratio %.2f\n", n / r, b / r, b / n }'
echo "badge requests: wrk completed $TOTAL_WRK, badge-service answered $SERVED, impressions counted in PostgreSQL $COUNTED"
if [ "$COUNTED" = "$SERVED" ]; then
  echo "counting: EXACT (every answered badge request is in PostgreSQL)"
else
  echo "counting: MISMATCH (counted $COUNTED, answered $SERVED)"
fi
echo "(wrk's count leaves out requests still in flight when each run stopped: $((SERVED - TOTAL_WRK)) over $ROUNDS runs of $CONNECTIONS connections)"
echo "load after: $(cut -d" " -f1-3 /proc/loadavg)"
echo "dropped increments: $(curl -fs "http://127.0.0.1:$BADGE_PORT/q/metrics" | awk '/^badge_counting_dropped_total/ { print $2 }')"
