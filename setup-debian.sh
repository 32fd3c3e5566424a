#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian bookworm packages that building, running and testing need.
# Installs only what is missing, so a second run takes a second. Needs root (or sudo), no prompts.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # Qt 6.4 (libqt6opengl6-dev: needed by Charts under --no-install-recommends)
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-websockets-dev qt6-httpserver-dev
  qt6-multimedia-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools libqt6sql6-sqlite
  qtkeychain-qt6-dev
  # libraries
  nlohmann-json3-dev libsqlite3-dev libsodium-dev libjwt-dev zlib1g-dev
  # tests: a display for the end-to-end run
  xvfb xauth
  # benchmarks: the reference implementations and the HTTP load generator
  python3-pandas python3-numpy wrk
  # the QtKeychain test: gnome-keyring inside dbus-run-session
  gnome-keyring dbus-x11 libsecret-tools
  # voice: offline speech-to-text (en-US model), text-to-speech, and the PulseAudio fake microphone
  libpocketsphinx-dev libsphinxbase-dev pocketsphinx-en-us libespeak-ng-dev espeak-ng-data espeak-ng
  pulseaudio pulseaudio-utils
  # the investigations API test reads exported PDFs back with pdftotext
  poppler-utils
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-debian: all ${#packages[@]} packages present"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
echo "setup-debian: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
