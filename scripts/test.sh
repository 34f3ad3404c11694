#!/usr/bin/env bash
# `npm test`: every unit, integration and browser test, against real parts (encrypted store files, gnome-keyring in
# a private D-Bus session, child processes, Chromium). System packages come from scripts/setup.sh, not from here.
set -uo pipefail
cd "$(dirname "$0")/.."

node scripts/native-abi.mjs node || exit 1
npm run --silent typecheck || exit 1
npm run --silent lint || exit 1

mkdir -p reports
rm -f reports/vitest.json reports/playwright.json
status=0
scripts/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json || status=1
PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json \
  scripts/with-keyring.sh npx playwright test --reporter=list,json || status=1
node scripts/test-summary.mjs || status=1
exit $status
