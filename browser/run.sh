#!/usr/bin/env bash
# The browser tests, in Debian's Chromium: badges, widget and click-through on a third-party page (issue 13,
# embed.test.mjs), and the maker dashboard from sign-up and claim to its charts (issue 14, makers.test.mjs).
# Needs: the built jars (./mvnw -B package -DskipTests; BUILD_DIR=target-x for -Dbuild.dir=target-x), PostgreSQL
# on 127.0.0.1:5432 (trust auth, user postgres), /usr/bin/chromium (apt-get install -y chromium), Node.js 20+.
# Starts and stops everything it needs itself (services, a test SMTP server, a tool's website); the files run one after
# the other, each with its own deadline, and the whole step stops by itself within 7 minutes. Screenshots: browser/target/.
set -euo pipefail
cd "$(dirname "$0")"
[[ -x ${CHROMIUM:-/usr/bin/chromium} ]] || { echo "browser: ${CHROMIUM:-/usr/bin/chromium} missing (apt-get install -y chromium)" >&2; exit 2; }
# The pinned playwright-core from package-lock.json; it never downloads a browser.
if [[ ! -f node_modules/playwright-core/package.json ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
exec timeout --kill-after=10 420 node --test --test-concurrency=1 --test-reporter=spec embed.test.mjs makers.test.mjs
