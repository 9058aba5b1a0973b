#!/usr/bin/env bash
# Fault and bad-input suite (issue 6, "Faults"): starts its own PostgreSQL, api and badge-service on free
# loopback ports and runs ten scenarios, one result line each; exits non-zero if any falls short.
#   1 postgres-restart   PostgreSQL stopped and started again while badges are loaded under wrk
#   2 badge-sigterm      badge-service sent SIGTERM under wrk: flushes its counts before exit
#   3 api-down           api stopped: cached badges keep serving, uncached give the 503 SVG, fresh verdicts after
#   4 bad-input          >= 10,000 generated hostile requests across every route of both services
#   5 counting-abuse     one client floods one tool (fake camo, no User-Agent, iframe/image clicks): counted <= caps
#   6 write-race         4 readers x 12 identical bookmark/vote writes at once: all answered, none stuck in a transaction
#   7 signin-burst       150 simultaneous sign-ins for one account: at most the allowance of passwords checked
#   8 multi-instance     2 api + 2 badge-service over the one PostgreSQL: counts add up over both badge copies, a
#                        review change shows on all four within 1 s, limits hold across copies, digest sent once
#   9 trust              a revoked maker's token refused by both badge copies within the rights TTL (5 s); 12 unproved
#                        accounts' votes refused, the community line unmoved
#  10 flood              issue 20's flood patterns through a second badge copy that trusts X-Forwarded-For: a minute's
#                        rollover, one /24, one /64, one /48, a referrer flood then a real blog, our own page's previews
# Usage: reliability/run.sh [scenario numbers, e.g. "1 3"; default all]
# Everything it starts (PostgreSQL, both JVMs, wrk) and its temp dir are removed on exit, Ctrl-C included.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HERE="$ROOT/reliability"
cd "$ROOT"

need() { command -v "$1" >/dev/null 2>&1 || { echo "reliability: $1 is required" >&2; exit 2; }; }
need java; need python3; need wrk; need curl; need openssl; need psql

# ---- build if a jar is older than its sources ---------------------------------------------------------------
needs_build() { # each jar against its own sources (pom.xml, shared-model, verdict-changes and the module)
    local module jar
    for module in api badge-service; do
        jar=$module/target/quarkus-app/quarkus-run.jar
        [[ -f $jar ]] || return 0
        [[ -n $(find pom.xml shared-model verdict-changes "$module" -path '*/target' -prune -o -type f -newer "$jar" -print -quit) ]] && return 0
    done
    return 1
}
if needs_build; then
    echo "[reliability] building (./mvnw -B -q package -DskipTests)…"
    ./mvnw -B -q package -DskipTests
fi

WORK="$(mktemp -d /tmp/shiporskip-reliability.XXXXXX)"
chmod 755 "$WORK"
mkdir -p "$WORK/pids" "$WORK/logs"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x ${PG_BIN:-}/initdb ]] || { echo "reliability: no PostgreSQL binaries under /usr/lib/postgresql" >&2; exit 2; }
PG_DATA="$WORK/pgdata"

as_postgres() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    # every process the suite started wrote its pid here (the python helper too, for the JVMs and wrk)
    for f in "$WORK"/pids/*.pid; do
        [[ -f $f ]] || continue
        pid=$(cat "$f"); kill -TERM "$pid" 2>/dev/null || true
    done
    for f in "$WORK"/pids/*.pid; do
        [[ -f $f ]] || continue
        pid=$(cat "$f")
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    if [[ -f $PG_DATA/postmaster.pid ]]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [[ ${KEEP_WORK:-0} == 1 ]]; then echo "[reliability] kept $WORK"; else rm -rf "$WORK"; fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PG_PORT=$(free_port)
API_PORT=$(free_port)
BADGE_PORT=$(free_port)
while [[ $API_PORT == "$PG_PORT" || $BADGE_PORT == "$PG_PORT" || $BADGE_PORT == "$API_PORT" ]]; do BADGE_PORT=$(free_port); API_PORT=$(free_port); done

# ---- a private PostgreSQL (scenario 1 restarts it; the machine's shared server is never touched) ---------
[[ $(id -u) -eq 0 ]] && chown -R postgres "$WORK"
as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust >"$WORK/logs/initdb.log" 2>&1
as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off" \
    -l "$WORK/logs/postgres.log" -w start >/dev/null
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE shiporskip" >/dev/null

# ---- secrets of this run only -----------------------------------------------------------------------------
openssl genrsa -out "$WORK/jwt-rsa.pem" 2048 2>/dev/null
openssl pkcs8 -topk8 -nocrypt -in "$WORK/jwt-rsa.pem" -out "$WORK/jwt-private.pem"
openssl rsa -in "$WORK/jwt-rsa.pem" -pubout -out "$WORK/jwt-public.pem" 2>/dev/null
rm -f "$WORK/jwt-rsa.pem"

export SHIPORSKIP_DB_URL="postgresql://127.0.0.1:$PG_PORT/shiporskip"
export SHIPORSKIP_DB_USER=postgres
export SHIPORSKIP_API_PORT=$API_PORT SHIPORSKIP_BADGE_PORT=$BADGE_PORT
export SHIPORSKIP_API_URL="http://127.0.0.1:$API_PORT"
export SHIPORSKIP_API_PUBLIC_URL="http://127.0.0.1:$API_PORT" SHIPORSKIP_SITE_BASE_URL="http://127.0.0.1:$API_PORT"
export SHIPORSKIP_BADGE_PUBLIC_URL="http://127.0.0.1:$BADGE_PORT" SHIPORSKIP_SITE_BADGE_URL="http://127.0.0.1:$BADGE_PORT"
export QUARKUS_HTTP_HOST=127.0.0.1   # loopback only
export SHIPORSKIP_DEMO_DATA=true SHIPORSKIP_MAIL_MOCK=true
# Scenarios 6 and 7 sign up a few readers and write hundreds of times from one address: lift those two limits.
export SHIPORSKIP_LIMIT_SIGN_UP=100 SHIPORSKIP_LIMIT_WRITES=100000
export SHIPORSKIP_JWT_PRIVATE_KEY="$WORK/jwt-private.pem" SHIPORSKIP_JWT_PUBLIC_KEY="$WORK/jwt-public.pem"
export SHIPORSKIP_ADMIN_EMAIL=admin@reliability.test
SHIPORSKIP_ADMIN_PASSWORD=$(openssl rand -hex 12); export SHIPORSKIP_ADMIN_PASSWORD
# Refresh verdicts every 2 s (default 30 s) so that scenario 3's cached badges really go through failed
# refreshes while api is down, not just sit in a fresh cache.
export SHIPORSKIP_VERDICT_CACHE_REFRESH_AFTER=${SHIPORSKIP_VERDICT_CACHE_REFRESH_AFTER:-2s}

export REL_WORK="$WORK" REL_ROOT="$ROOT" REL_PG_BIN="$PG_BIN" REL_PG_DATA="$PG_DATA" REL_PG_PORT="$PG_PORT"
# In the background and waited for, so that Ctrl-C/TERM reach the trap at once (bash defers traps while a
# foreground child runs); the trap then stops the helper and everything it started.
PYTHONDONTWRITEBYTECODE=1 python3 "$HERE/faults.py" "$@" &
echo $! > "$WORK/pids/faults.pid"
wait $!
