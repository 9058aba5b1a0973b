#!/usr/bin/env bash
# Runs the whole product locally: PostgreSQL, api (8080) and badge-service (8081) with demo data.
# Ctrl-C stops both services (and the PostgreSQL this script started, if it started one).
#
# Database, first match wins:
#   1. SHIPORSKIP_DB_URL (postgresql://host:port/db), with SHIPORSKIP_DB_USER / SHIPORSKIP_DB_PASSWORD
#   2. a PostgreSQL answering on 127.0.0.1:5432 (database "shiporskip" is created if missing)
#   3. a private PostgreSQL started from this machine's own binaries in .run/pgdata on port 54329
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$PWD
RUN_DIR=$ROOT/.run
mkdir -p "$RUN_DIR"

API_PORT=${SHIPORSKIP_API_PORT:-8080}
BADGE_PORT=${SHIPORSKIP_BADGE_PORT:-8081}
DB_NAME=shiporskip
PIDS=()
STARTED_PG_DATA=""

say() { printf '\033[1m[run]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[run]\033[0m %s\n' "$*" >&2; exit 1; }

stop_all() {
    trap - INT TERM EXIT
    say "stopping…"
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [[ -n $STARTED_PG_DATA ]]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$STARTED_PG_DATA" -m fast stop >/dev/null 2>&1 || true
    fi
    say "stopped"
    exit 0
}
trap stop_all INT TERM EXIT

as_postgres() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# ---- 1. build if anything changed since the last build ----------------------------------------------
needs_build() {
    local jar
    for jar in api/target/quarkus-app/quarkus-run.jar badge-service/target/quarkus-app/quarkus-run.jar; do
        [[ -f $jar ]] || return 0
        [[ -n $(find pom.xml shared-model verdict-changes api badge-service -path '*/target' -prune -o -type f -newer "$jar" -print -quit) ]] && return 0
    done
    return 1
}
if needs_build; then
    say "building (./mvnw package -DskipTests)…"
    ./mvnw -B -q package -DskipTests || die "build failed"
fi

# ---- 2. PostgreSQL ---------------------------------------------------------------------------------
if [[ -n ${SHIPORSKIP_DB_URL:-} ]]; then
    say "database: SHIPORSKIP_DB_URL=$SHIPORSKIP_DB_URL"
elif pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    export SHIPORSKIP_DB_URL="postgresql://127.0.0.1:5432/$DB_NAME"
    export SHIPORSKIP_DB_USER=${SHIPORSKIP_DB_USER:-postgres}
    if ! psql -h 127.0.0.1 -U "$SHIPORSKIP_DB_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'" | grep -q 1; then
        psql -q -h 127.0.0.1 -U "$SHIPORSKIP_DB_USER" -d postgres -c "CREATE DATABASE $DB_NAME" || die "could not create database $DB_NAME"
    fi
    say "database: local PostgreSQL on 127.0.0.1:5432, database $DB_NAME"
else
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [[ -x ${PG_BIN:-}/initdb ]] || die "no PostgreSQL reachable on 127.0.0.1:5432 and none installed: set SHIPORSKIP_DB_URL, or apt-get install postgresql"
    PG_PORT=54329
    PG_DATA=$RUN_DIR/pgdata
    if [[ ! -f $PG_DATA/PG_VERSION ]]; then
        say "initialising a private PostgreSQL in $PG_DATA"
        mkdir -p "$PG_DATA"
        [[ $(id -u) -eq 0 ]] && chown postgres "$RUN_DIR" "$PG_DATA"
        as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust >/dev/null
    fi
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1" -l "$RUN_DIR/postgres.log" -w start >/dev/null \
        || die "PostgreSQL did not start; see $RUN_DIR/postgres.log"
    STARTED_PG_DATA=$PG_DATA
    psql -q -h 127.0.0.1 -p $PG_PORT -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'" | grep -q 1 \
        || psql -q -h 127.0.0.1 -p $PG_PORT -U postgres -d postgres -c "CREATE DATABASE $DB_NAME"
    export SHIPORSKIP_DB_URL="postgresql://127.0.0.1:$PG_PORT/$DB_NAME"
    export SHIPORSKIP_DB_USER=postgres
    say "database: private PostgreSQL on 127.0.0.1:$PG_PORT (log: $RUN_DIR/postgres.log)"
fi

# ---- 3. secrets for a local run: a JWT key pair and a first admin of this machine's own ----------------
# The services run in their prod profile, which refuses the repository's dev keys; these stay in .run/.
if [[ -z ${SHIPORSKIP_JWT_PRIVATE_KEY:-} ]]; then
    if [[ ! -f $RUN_DIR/jwt-private.pem ]]; then
        openssl genrsa -out "$RUN_DIR/jwt-rsa.pem" 2048 2>/dev/null
        openssl pkcs8 -topk8 -nocrypt -in "$RUN_DIR/jwt-rsa.pem" -out "$RUN_DIR/jwt-private.pem"
        openssl rsa -in "$RUN_DIR/jwt-rsa.pem" -pubout -out "$RUN_DIR/jwt-public.pem" 2>/dev/null
        rm -f "$RUN_DIR/jwt-rsa.pem"
        chmod 600 "$RUN_DIR/jwt-private.pem"
    fi
    export SHIPORSKIP_JWT_PRIVATE_KEY=$RUN_DIR/jwt-private.pem
    export SHIPORSKIP_JWT_PUBLIC_KEY=$RUN_DIR/jwt-public.pem
fi
if [[ -z ${SHIPORSKIP_ADMIN_PASSWORD:-} ]]; then
    [[ -f $RUN_DIR/admin-password ]] || (umask 077; openssl rand -hex 12 > "$RUN_DIR/admin-password")
    export SHIPORSKIP_ADMIN_EMAIL=${SHIPORSKIP_ADMIN_EMAIL:-admin@shiporskip.local}
    export SHIPORSKIP_ADMIN_PASSWORD=$(cat "$RUN_DIR/admin-password")
fi

# ---- 4. the services ---------------------------------------------------------------------------------
export SHIPORSKIP_DEMO_DATA=${SHIPORSKIP_DEMO_DATA:-true}
# No SMTP on a laptop: confirmation and digest mails go to the mock mailbox (logged) unless configured.
export SHIPORSKIP_MAIL_MOCK=${SHIPORSKIP_MAIL_MOCK:-true}
export SHIPORSKIP_API_PUBLIC_URL=${SHIPORSKIP_API_PUBLIC_URL:-http://localhost:$API_PORT}
export SHIPORSKIP_SITE_BASE_URL=${SHIPORSKIP_SITE_BASE_URL:-http://localhost:$API_PORT}
export SHIPORSKIP_API_URL=${SHIPORSKIP_API_URL:-http://localhost:$API_PORT}
export SHIPORSKIP_BADGE_PUBLIC_URL=${SHIPORSKIP_BADGE_PUBLIC_URL:-http://localhost:$BADGE_PORT}
export SHIPORSKIP_SITE_BADGE_URL=${SHIPORSKIP_SITE_BADGE_URL:-$SHIPORSKIP_BADGE_PUBLIC_URL}  # embed codes and badge preview on /tool/{slug}
# The maker dashboard (badge-service /makers) signs in at api from the browser: its origin must pass api's CORS.
export SHIPORSKIP_CORS_ORIGINS=${SHIPORSKIP_CORS_ORIGINS:-http://localhost:3000,http://localhost:5173,$SHIPORSKIP_BADGE_PUBLIC_URL}

wait_ready() { # name port pid
    local i
    for i in $(seq 1 120); do
        if curl -fsS "http://localhost:$2/q/health/ready" >/dev/null 2>&1; then return 0; fi
        kill -0 "$3" 2>/dev/null || die "$1 exited during startup; see $RUN_DIR/$1.log"
        sleep 0.5
    done
    die "$1 did not become ready in 60 s; see $RUN_DIR/$1.log"
}

say "starting api on :$API_PORT (log: $RUN_DIR/api.log)"
SHIPORSKIP_API_PORT=$API_PORT java -jar api/target/quarkus-app/quarkus-run.jar >"$RUN_DIR/api.log" 2>&1 &
PIDS+=($!)
wait_ready api "$API_PORT" "${PIDS[0]}"

say "starting badge-service on :$BADGE_PORT (log: $RUN_DIR/badge-service.log)"
SHIPORSKIP_BADGE_PORT=$BADGE_PORT java -jar badge-service/target/quarkus-app/quarkus-run.jar >"$RUN_DIR/badge-service.log" 2>&1 &
PIDS+=($!)
wait_ready badge-service "$BADGE_PORT" "${PIDS[1]}"

cat <<EOF

  Ship or Skip is running.
    Tools            http://localhost:$API_PORT/api/tools
    A comparison     http://localhost:$API_PORT/api/comparisons?tools=smolvlm2,gemini-2-5-flash-lite
    API docs         http://localhost:$API_PORT/q/swagger-ui
    Admin sign-in    $SHIPORSKIP_ADMIN_EMAIL / $SHIPORSKIP_ADMIN_PASSWORD  (POST /api/auth/token)
    A badge          http://localhost:$BADGE_PORT/api/badge/smolvlm2
    The widget       http://localhost:$BADGE_PORT/embed/smolvlm2
    Badge docs       http://localhost:$BADGE_PORT/q/swagger-ui
    Maker dashboard  http://localhost:$BADGE_PORT/makers
  Press Ctrl-C to stop.

EOF
wait -n "${PIDS[@]}" || true
say "a service exited; see $RUN_DIR/*.log"
