#!/usr/bin/env bash
# Checks the container setup on a machine without a Docker engine:
#   1. docker-compose (Debian's) parses and validates compose.yml; yamllint lints it;
#   2. Dockerfile.jvm is checked for what matters here (non-root user, health check, pinned bases,
#      every COPY source present in the repository);
#   3. both services start in their prod profile from the environment compose gives them (database and api
#      hosts pointed at this machine) and answer /q/health/ready.
# Installs docker-compose and yamllint from Debian's packages if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }

if ! command -v docker-compose >/dev/null || ! command -v yamllint >/dev/null; then
    step "installing docker-compose and yamllint (Debian packages)"
    apt-get install -y -q docker-compose yamllint >/dev/null 2>&1 || { apt-get update -q >/dev/null; apt-get install -y -q docker-compose yamllint >/dev/null; }
fi

step "compose.yml: docker-compose config"
mkdir -p docker/secrets
if [[ ! -f docker/secrets/jwt-private.pem ]]; then
    openssl genrsa -out "$WORK/rsa.pem" 2048 2>/dev/null
    openssl pkcs8 -topk8 -nocrypt -in "$WORK/rsa.pem" -out docker/secrets/jwt-private.pem
    openssl rsa -in "$WORK/rsa.pem" -pubout -out docker/secrets/jwt-public.pem 2>/dev/null
fi
export SHIPORSKIP_ADMIN_PASSWORD=${SHIPORSKIP_ADMIN_PASSWORD:-$(openssl rand -hex 12)}
docker-compose -f docker/compose.yml config > "$WORK/compose.resolved.yml"
echo "valid"

step "compose.yml: yamllint"
yamllint -d "{extends: default, rules: {line-length: {max: 120}, document-start: disable}}" docker/compose.yml
echo "clean"

step "Dockerfile.jvm"
dockerfile=docker/Dockerfile.jvm
fail=0
grep -qE '^USER +[0-9]+' "$dockerfile" && ! grep -qE '^USER +(0|root)\b' "$dockerfile" || { echo "runtime stage must switch to a non-root numeric USER"; fail=1; }
grep -q '^HEALTHCHECK ' "$dockerfile" || { echo "no HEALTHCHECK"; fail=1; }
if grep -E '^FROM ' "$dockerfile" | grep -vE ':[0-9][^ ]*( |$)' | grep -q .; then echo "every FROM must pin a version tag"; fail=1; fi
grep -E '^ADD ' "$dockerfile" && { echo "use COPY, not ADD"; fail=1; }
for src in $(awk '/^COPY / && !/--from/ {for (i = 2; i < NF; i++) if ($i !~ /^--/) print $i}' "$dockerfile"); do
    [[ -e $src ]] || { echo "COPY source missing from the repository: $src"; fail=1; }
done
[[ $fail -eq 0 ]] || exit 1
echo "clean"

step "prod profile starts from compose's environment"
[[ -f api/target/quarkus-app/quarkus-run.jar && -f badge-service/target/quarkus-app/quarkus-run.jar ]] \
    || ./mvnw -B -q package -DskipTests
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "needs the local PostgreSQL on 127.0.0.1:5432"; exit 1; }
DB=shiporskip_compose_check
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

# Environment of each service as compose resolves it, with in-network hosts mapped to this machine.
service_env() {
    /usr/bin/python3 - "$WORK/compose.resolved.yml" "$1" "$ROOT" "$DB" <<'PY'
import shlex, sys, yaml
compose, service, root, db = sys.argv[1:]
env = yaml.safe_load(open(compose))["services"][service]["environment"]
local = {
    "SHIPORSKIP_DB_URL": f"postgresql://127.0.0.1:5432/{db}",
    "SHIPORSKIP_DB_USER": "postgres",
    "SHIPORSKIP_DB_PASSWORD": "",
    "SHIPORSKIP_API_URL": "http://127.0.0.1:18080",
    "SHIPORSKIP_JWT_PRIVATE_KEY": f"{root}/docker/secrets/jwt-private.pem",
    "SHIPORSKIP_JWT_PUBLIC_KEY": f"{root}/docker/secrets/jwt-public.pem",
}
for name, value in env.items():
    print(f"{name}={shlex.quote(str(local.get(name, value)))}")
PY
}
start() { # service port
    local envfile=$WORK/$1.env
    service_env "$1" > "$envfile"
    echo "$1 environment: $(cut -d= -f1 "$envfile" | tr '\n' ' ')"
    ( set -a; . "$envfile"; set +a; exec env QUARKUS_HTTP_PORT="$2" java -jar "$1/target/quarkus-app/quarkus-run.jar" ) \
        >"$WORK/$1.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 120); do
        if curl -fsS "http://127.0.0.1:$2/q/health/ready" >/dev/null 2>&1; then echo "$1 ready on :$2 (prod profile)"; return 0; fi
        kill -0 "${PIDS[-1]}" 2>/dev/null || break
        sleep 0.5
    done
    echo "$1 did not start:"; tail -20 "$WORK/$1.log"; exit 1
}
start api 18080
start badge-service 18081
curl -fsS http://127.0.0.1:18080/api/tools/smolvlm2/verdict >/dev/null && echo "api serves the demo catalog"
curl -fsS -o /dev/null http://127.0.0.1:18081/api/badge/smolvlm2 && echo "badge-service renders a badge from api"
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
echo; echo "docker/check.sh: all checks passed"
