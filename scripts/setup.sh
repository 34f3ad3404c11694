#!/usr/bin/env bash
# Installs what Lotsen needs on a fresh Debian machine, then its npm dependencies. Safe to run again.
#   System packages: compilers for the native modules, libsecret (keytar), a Secret Service and D-Bus for the
#   keychain tests, Chromium for the browser tests, sqlite3 to show the store is unreadable without its key,
#   OpenSSH (server, client, ssh-agent) for the SSH tests, asciinema to read exported recordings,
#   LibreOffice Calc (headless, no GUI) to read the finance export's XLSX files independently of the code that wrote them,
#   faketime (libfaketime) so a browser test can run the real server on a clock that crosses a month's end,
#   PostgreSQL 15 for the team database (the tests start their own cluster; Debian's default one is never made),
#   an RDP server and client (xrdp with TigerVNC's Xvnc, FreeRDP's shadow server and xfreerdp, on Xvfb displays),
#   OpenConnect with ocserv and iproute2 (the VPN test joins two network namespaces), and oathtool to check
#   one-time codes independently (the tests start every server themselves, on loopback or inside namespaces).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential python3 pkg-config
  libsecret-1-dev gnome-keyring dbus libsecret-tools
  chromium sqlite3
  openssh-server openssh-client asciinema
  libreoffice-calc-nogui
  faketime
  fonts-dejavu-core
  postgresql-15 postgresql-client-15
  xrdp tigervnc-standalone-server freerdp2-x11 freerdp2-shadow-x11 xvfb
  openconnect ocserv iproute2 oathtool
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
# Before PostgreSQL is installed: no default cluster listening on 5432 (postgresql-common reads this folder).
no_cluster=/etc/postgresql-common/createcluster.d/lotsen-no-main-cluster.conf
if [ ! -f "$no_cluster" ]; then
  "${sudo_cmd[@]}" mkdir -p "$(dirname "$no_cluster")"
  echo 'create_main_cluster = false' | "${sudo_cmd[@]}" tee "$no_cluster" >/dev/null
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# `prepare` builds dist/ (main with tsc, renderer with Vite). Electron's own binary download is disabled in
# package.json (allowScripts); `npm start` fetches it when the machine can, and falls back to browser mode.
npm ci --no-audit --no-fund
