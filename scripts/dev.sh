#!/usr/bin/env bash
# Studio Console developer entry point.
#   scripts/dev.sh run [ARGS]   set up, then start the app (under Xvfb when there is no display)
#   scripts/dev.sh test [ARGS]  set up, then run every test (pytest ARGS)
#   scripts/dev.sh lint         ruff, mypy on the domain code, import-linter contracts, translation check
#   scripts/dev.sh setup        only install: Debian packages, .venv, translations
#   scripts/dev.sh bundle       build the PyInstaller one-folder bundle and smoke-test it
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=$ROOT/.venv

# What the app and its tests need from Debian: PortAudio and PulseAudio (microphone), the xcb libraries Qt's
# platform plugin loads, CJK fonts, Xvfb, nginx with the RTMP module (ingest for network tests), PostgreSQL
# (backend tests), ffmpeg, iperf3 and iproute2 (shaped uplinks), imagemagick (screenshots), chromium (the
# remote's pages, driven by Playwright through this browser: Playwright never downloads its own).
APT_PACKAGES=(
  python3-venv libportaudio2 pulseaudio pulseaudio-utils libasound2-plugins alsa-utils
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  fonts-noto-cjk xvfb xauth x11-utils imagemagick
  nginx libnginx-mod-rtmp postgresql ffmpeg iperf3 iproute2 sox chromium
)

log() { printf '\033[1;36m[dev]\033[0m %s\n' "$*" >&2; }

setup_system() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    log "not a Debian-like system; install these yourself: ${missing[*]}"
    return 0
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

setup_python() {
  local python=${PYTHON:-python3}
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    log "Python 3.11 or newer is needed (found $("$python" --version))"; exit 1; }
  [ -x "$VENV/bin/python" ] || { log "creating $VENV"; "$python" -m venv "$VENV"; }
  # Reinstall only when the declared dependencies changed.
  local stamp=$VENV/.studio-installed
  if [ ! -f "$stamp" ] || ! cmp -s pyproject.toml "$stamp"; then
    log "installing Python packages into .venv"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e '.[dev,server]'
    cp pyproject.toml "$stamp"
  fi
  "$VENV/bin/python" scripts/i18n.py build >/dev/null
}

setup() { setup_system; setup_python; }

cmd=${1:-run}
shift || true
case "$cmd" in
  setup) setup ;;
  run)
    setup
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      log "no display found: starting under a virtual screen (Xvfb); set DISPLAY to use a real one"
      exec xvfb-run -a -s "-screen 0 1600x1000x24" "$VENV/bin/studio-app" "$@"
    fi
    exec "$VENV/bin/studio-app" "$@"
    ;;
  test)
    setup
    export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}  # tests/conftest.py gives it a 1080p screen
    exec "$VENV/bin/pytest" "$@"
    ;;
  lint)
    setup_python
    "$VENV/bin/ruff" check studio_app tests bench scripts packaging
    "$VENV/bin/ruff" format --check studio_app tests bench scripts packaging
    "$VENV/bin/mypy"
    "$VENV/bin/lint-imports"
    "$VENV/bin/python" scripts/i18n.py check
    ;;
  bundle)
    setup
    bash packaging/build.sh
    ;;
  *) sed -n '2,8p' "$0"; exit 2 ;;
esac
