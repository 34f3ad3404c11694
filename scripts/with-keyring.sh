#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring, so keytar talks to a real
# Secret Service (as on a Linux desktop) without touching the user's own keyring: the keyring files live in a
# temporary folder that is removed afterwards.
set -euo pipefail
if [ "${LOTSEN_IN_KEYRING_SESSION:-}" = 1 ]; then exec "$@"; fi
export LOTSEN_IN_KEYRING_SESSION=1
keyring_home=$(mktemp -d -t lotsen-keyring-XXXXXX)
trap 'rm -rf "$keyring_home"' EXIT
dbus-run-session -- bash -c '
  printf "lotsen-test-keyring" | XDG_DATA_HOME="$0" gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  "$@"' "$keyring_home" "$@"
