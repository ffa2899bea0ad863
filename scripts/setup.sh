#!/usr/bin/env bash
# Installs what Clerkship needs to build, run and test, skipping whatever is
# already present: Debian packages (apt) and the web app's npm packages (from
# the committed package-lock.json). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # build
  g++ cmake ninja-build pkg-config make
  # libraries (see docs/decisions/001-stack.md)
  libboost-dev libsoci-dev libsqlite3-dev libpq-dev nlohmann-json3-dev libsodium-dev
  libspdlog-dev libcli11-dev libcurl4-openssl-dev libsimdjson-dev tzdata libhowardhinnant-date-dev
  # documents: file types, PDF checks and rendering, fonts for every script
  libmagic-dev libqpdf-dev qpdf libcairo2-dev libpango1.0-dev fonts-noto-core fonts-noto-cjk
  # calendars: .ics invitations and feeds
  libical-dev
  # certificates: QR codes for verification links
  libqrencode-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev postgresql python3 python3-aiosmtpd chromium curl poppler-utils zbar-tools
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: Debian packages present"
fi

# npm packages: reinstall only when the lock file changed since the last install.
if [ -f web/package-lock.json ]; then
  stamp=web/node_modules/.clerkship-lock.sha256
  want=$(sha256sum web/package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "setup: installing npm packages (npm ci)"
    (cd web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  else
    echo "setup: npm packages present"
  fi
fi
