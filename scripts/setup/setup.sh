#!/usr/bin/env bash
# Installs the system tools the pipeline uses (Chromium, espeak-ng, ffmpeg), then the npm
# dependencies. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

missing_debian=()
missing_brew=()
have_browser() {
  [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] && [ -x "${PUPPETEER_EXECUTABLE_PATH}" ] && return 0
  for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
    command -v "$candidate" >/dev/null 2>&1 && return 0
  done
  [ -x "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" ]
}
have_browser || { missing_debian+=(chromium fonts-dejavu-core); missing_brew+=(--cask chromium); }
command -v espeak-ng >/dev/null 2>&1 || { missing_debian+=(espeak-ng); missing_brew+=(espeak-ng); }
command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 || { missing_debian+=(ffmpeg); missing_brew+=(ffmpeg); }
# npm run doctest runs the guides' shell and Python blocks as a reader would: curl, jq and python3.
command -v curl >/dev/null 2>&1 || { missing_debian+=(curl); missing_brew+=(curl); }
command -v jq >/dev/null 2>&1 || { missing_debian+=(jq); missing_brew+=(jq); }
command -v python3 >/dev/null 2>&1 || { missing_debian+=(python3); missing_brew+=(python3); }

if [ ${#missing_debian[@]} -eq 0 ]; then
  echo "setup: system tools present (browser, espeak-ng, ffmpeg, curl, jq, python3)"
elif command -v apt-get >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing ${missing_debian[*]} with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing_debian[@]}" >/dev/null
elif [ "$(uname -s)" = "Darwin" ]; then
  echo "setup: missing system tools; install them with:" >&2
  echo "  brew install ${missing_brew[*]}" >&2
  exit 1
else
  echo "setup: missing ${missing_debian[*]}; install them with your package manager and run again" >&2
  exit 1
fi

npm_version=$(npm --version)
if ! printf '%s\n11.16.0\n' "$npm_version" | sort -V -C 2>/dev/null && [ "$(printf '%s\n11.16.0\n' "$npm_version" | sort -V | head -n1)" != "11.16.0" ]; then
  echo "setup: npm $npm_version is older than 11.16 (needed for allowScripts); run: npm install -g npm@11" >&2
  exit 1
fi

# `npm install` rather than `npm ci`: it installs exactly the locked versions too, and npm 11
# leaves other platforms' optional binaries (Astro's compiler, Pagefind) out of the lock on
# Linux, which `npm ci` then rejects as out of sync.
# On a system Node older than 22.12 every package prints an EBADENGINE warning, although the npm
# scripts run on the pinned node@24 from node_modules: say so once and keep npm to its errors.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
npm_quiet=()
if [ "$node_major" -lt 22 ]; then
  echo "setup: system Node $(node --version) is older than 22.12; the npm scripts run on the pinned node@24, so engine warnings are hidden"
  npm_quiet=(--engine-strict=false --loglevel=error)
fi
npm install --no-audit --no-fund "${npm_quiet[@]}"
echo "setup: done"
