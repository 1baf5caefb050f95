#!/usr/bin/env bash
# Install Debian's headless browser for the review-page test (chromium + chromedriver).
# Idempotent: does nothing when both are already there. Needs root (apt-get).
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
