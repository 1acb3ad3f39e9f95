#!/usr/bin/env bash
# Makes sure a Chrome/Chromium binary exists: $WEBFOUNDRY_CHROME, a system Chromium, or
# Debian's package installed with apt-get when we are root. Otherwise says what to do.
set -euo pipefail
if [ -n "${WEBFOUNDRY_CHROME:-}" ]; then
  [ -x "$WEBFOUNDRY_CHROME" ] && exit 0
  echo "WEBFOUNDRY_CHROME=$WEBFOUNDRY_CHROME is not an executable file" >&2; exit 1
fi
for c in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
  [ -x "$c" ] && exit 0
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium with apt-get..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
cat >&2 <<'MSG'
No Chromium found. Either install it (Debian/Ubuntu: sudo apt-get install -y chromium)
or point WEBFOUNDRY_CHROME at a Chrome or Chromium binary, e.g.
  export WEBFOUNDRY_CHROME=/opt/google/chrome/chrome
MSG
exit 1
