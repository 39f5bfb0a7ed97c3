#!/bin/sh
# Installs Debian's chromium for the browser tests (src/web/browser.test.ts).
# Playwright's own browser download is never used: the tests drive the
# distribution's package through playwright-core. Idempotent and non-interactive.
set -eu

if command -v chromium >/dev/null 2>&1; then
  echo "chromium: $(command -v chromium) (already installed)"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-browser: chromium is missing and this is not a Debian-like system; install Chromium and link it as /usr/bin/chromium to run the browser tests" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-browser: chromium is missing and this user cannot install packages; run as root: apt-get install -y chromium" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium
echo "chromium: $(command -v chromium)"
