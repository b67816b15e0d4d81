#!/usr/bin/env bash
# Installs the Debian packages threatscribe builds against; safe to run repeatedly (it only calls apt-get when
# one is missing): libxml2-dev (hardened XML reading for `import`, CLibXML2), zlib1g-dev (compressed draw.io
# diagrams, CZlib) and pkg-config (finds libxml2's headers).
set -euo pipefail
PACKAGES=(libxml2-dev zlib1g-dev pkg-config "$@")
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "apt packages present: ${PACKAGES[*]}"
