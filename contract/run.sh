#!/usr/bin/env bash
# The api's and badge-service's OpenAPI documents checked as front-end teams use them (docs/CONTRACT.md): the built
# api and badge-service jars are started in their prod profile on the machine's PostgreSQL (badge-service reading
# verdicts from that api and verifying its tokens), each /q/openapi is linted (Spectral spectral:oas, Redocly
# recommended: 0 errors), a TypeScript client is generated from each (openapi-typescript), compiled with tsc --strict
# and run against the live services (src/example.ts, src/badge-example.ts; then, with api stopped, badge-service's
# 503). Needs java, node 20+, npm, curl, openssl, psql and PostgreSQL on 127.0.0.1:5432 (trust, user postgres).
# API_JAR and BADGE_JAR override the jars (default {api,badge-service}/target/quarkus-app/quarkus-run.jar).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)
JAR=${API_JAR:-$ROOT/api/target/quarkus-app/quarkus-run.jar}
BADGE_JAR=${BADGE_JAR:-$ROOT/badge-service/target/quarkus-app/quarkus-run.jar}
PORT=${CONTRACT_API_PORT:-18090}
BADGE_PORT=${CONTRACT_BADGE_PORT:-18091}
DB=shiporskip_contract
for tool in java node npm curl openssl psql pg_isready; do
    command -v "$tool" >/dev/null || { echo "contract: needs $tool"; exit 1; }
done
[[ -f $JAR ]] || { echo "contract: no api jar at $JAR (run ./mvnw -B verify first)"; exit 1; }
[[ -f $BADGE_JAR ]] || { echo "contract: no badge-service jar at $BADGE_JAR (run ./mvnw -B verify first)"; exit 1; }
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "contract: needs PostgreSQL on 127.0.0.1:5432"; exit 1; }

echo "== contract: npm ci"
npm ci --no-audit --no-fund --loglevel=error

WORK=$(mktemp -d)
API_PID=
BADGE_PID=
stop_api() {
    if [[ -n $API_PID ]]; then kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; fi
    API_PID=
}
cleanup() {
    stop_api
    if [[ -n $BADGE_PID ]]; then kill "$BADGE_PID" 2>/dev/null || true; wait "$BADGE_PID" 2>/dev/null || true; fi
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
# Waits up to 60 s for a started service's /q/health/ready: name, base URL, pid, log.
wait_ready() {
    for _ in $(seq 1 60); do
        curl -fsS "$2/q/health/ready" >/dev/null 2>&1 && return 0
        kill -0 "$3" 2>/dev/null || { echo "contract: $1 stopped"; tail -30 "$4"; exit 1; }
        sleep 1
    done
    echo "contract: $1 is not ready"; tail -30 "$4"; exit 1
}

psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
openssl genrsa -out "$WORK/rsa.pem" 2048 2>/dev/null
openssl pkcs8 -topk8 -nocrypt -in "$WORK/rsa.pem" -out "$WORK/jwt-private.pem"
openssl rsa -in "$WORK/rsa.pem" -pubout -out "$WORK/jwt-public.pem" 2>/dev/null
export ADMIN_EMAIL=admin@contract.test
ADMIN_PASSWORD=$(openssl rand -hex 16); export ADMIN_PASSWORD
export API_URL="http://127.0.0.1:$PORT"
export BADGE_URL="http://127.0.0.1:$BADGE_PORT" API_LOG="$WORK/api.log"

echo "== contract: starting $JAR on :$PORT (prod profile)"
(
    export SHIPORSKIP_DB_URL="postgresql://127.0.0.1:5432/$DB" SHIPORSKIP_DB_USER=postgres SHIPORSKIP_DB_PASSWORD=
    export SHIPORSKIP_API_PORT=$PORT SHIPORSKIP_API_PUBLIC_URL=$API_URL SHIPORSKIP_SITE_BASE_URL=$API_URL
    export SHIPORSKIP_JWT_PRIVATE_KEY="$WORK/jwt-private.pem" SHIPORSKIP_JWT_PUBLIC_KEY="$WORK/jwt-public.pem"
    export SHIPORSKIP_ADMIN_EMAIL=$ADMIN_EMAIL SHIPORSKIP_ADMIN_PASSWORD=$ADMIN_PASSWORD
    export SHIPORSKIP_DEMO_DATA=true SHIPORSKIP_MAIL_MOCK=true SHIPORSKIP_DIGEST_CRON=off
    exec java -jar "$JAR"
) >"$WORK/api.log" 2>&1 &
API_PID=$!
wait_ready "the api" "$API_URL" "$API_PID" "$WORK/api.log"

echo "== contract: starting $BADGE_JAR on :$BADGE_PORT (prod profile, verdicts and token keys from the api above)"
(
    export SHIPORSKIP_DB_URL="postgresql://127.0.0.1:5432/$DB" SHIPORSKIP_DB_USER=postgres SHIPORSKIP_DB_PASSWORD=
    export SHIPORSKIP_BADGE_PORT=$BADGE_PORT SHIPORSKIP_BADGE_PUBLIC_URL=$BADGE_URL SHIPORSKIP_API_URL=$API_URL
    export SHIPORSKIP_SITE_BASE_URL=$API_URL SHIPORSKIP_JWT_PUBLIC_KEY="$WORK/jwt-public.pem"
    exec java -jar "$BADGE_JAR"
) >"$WORK/badge.log" 2>&1 &
BADGE_PID=$!
wait_ready badge-service "$BADGE_URL" "$BADGE_PID" "$WORK/badge.log"

mkdir -p openapi
curl -fsS -H 'Accept: application/json' "$API_URL/q/openapi?format=json" -o openapi/openapi.json
curl -fsS -H 'Accept: application/json' "$BADGE_URL/q/openapi?format=json" -o openapi/badge-service.json

for document in openapi/openapi.json openapi/badge-service.json; do
    echo "== contract: Spectral (spectral:oas) on $document"
    npx spectral lint --fail-severity=error --ruleset .spectral.yaml "$document"
    echo "== contract: Redocly (recommended) on $document"
    npx redocly lint --config redocly.yaml "$document" 2>&1 | grep -v -e '^\s*$' -e '[║╔╚]'
done

echo "== contract: typed clients (openapi-typescript + openapi-fetch, tsc --strict)"
npx openapi-typescript openapi/openapi.json -o src/schema.d.ts
npx openapi-typescript openapi/badge-service.json -o src/badge-schema.d.ts
npx tsc -p tsconfig.json
logs() {
    echo "contract: api log:"; tail -30 "$WORK/api.log" 2>/dev/null || true
    echo "contract: badge-service log:"; tail -30 "$WORK/badge.log"
}
node dist/example.js || { logs; exit 1; }
node dist/badge-example.js || { logs; exit 1; }
echo "== contract: badge-service while api is down"
stop_api
node dist/badge-example.js api-down || { logs; exit 1; }
