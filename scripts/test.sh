#!/usr/bin/env bash
# `npm test`: every unit, integration and browser test, against real parts (encrypted store files, gnome-keyring in
# a private D-Bus session, child processes, Chromium). System packages come from scripts/setup.sh, not from here.
set -euo pipefail
cd "$(dirname "$0")/.."

node scripts/native-abi.mjs node
npm run --silent typecheck
npm run --silent lint
scripts/with-keyring.sh npx vitest run
scripts/with-keyring.sh npx playwright test
