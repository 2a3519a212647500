#!/usr/bin/env bash
# Build the one-folder bundle in dist/studio-app and prove it runs: --version, and the GUI offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
"$VENV/bin/python" scripts/i18n.py build >/dev/null
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/studio_app.spec
BIN=dist/studio-app/studio-app
"$BIN" --version
ws=$(mktemp -d)
export XDG_CONFIG_HOME="$ws/config"  # the smoke test's window geometry must not become the user's
QT_QPA_PLATFORM=offscreen "$BIN" --workspace "$ws" --lang zh_CN gui --quit-after 1 --screenshot "$ws/bundle.png"
test -s "$ws/bundle.png" || { echo "bundle: GUI did not render" >&2; exit 1; }
"$BIN" --workspace "$ws" check --help >/dev/null
# The phone remote: its server starts inside the bundle (uvicorn's parts are named as strings), and a pairing
# made from the terminal prints its link and token.
QT_QPA_PLATFORM=offscreen "$BIN" --workspace "$ws" gui --remote --remote-port 0 --quit-after 1
grep -q "remote: serving on" "$ws/logs/studio-app.log" || { echo "bundle: remote server did not start" >&2; exit 1; }
"$BIN" --workspace "$ws" remote pair --json | grep -q '"token"' 
"$BIN" --workspace "$ws" selftest
echo "bundle: $(du -sh dist/studio-app | cut -f1) in dist/studio-app"
