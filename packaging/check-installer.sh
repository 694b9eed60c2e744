#!/usr/bin/env bash
# Build the bundle and the .deb, try them the way IT would, and leave the machine as it was.
#
#   packaging/check-installer.sh
#
# Steps: PyInstaller bundle -> its --self-check and a headless start-and-quit -> the
# Windows installer's file list checked against it -> .deb ->
# dpkg -i -> the installed program's --self-check and start-and-quit -> dpkg -r -> check that
# no installed file is left. Needs root (or sudo) for dpkg, and PyInstaller in $PYTHON's
# environment (PYTHON defaults to .venv/bin/python, as ./dev sets it up).
# Exits non-zero at the first step that fails.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
NAME=mmu-desktop
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

step() { echo "== $*" >&2; }

# A real installation on this machine is not ours to replace or remove.
if dpkg-query -W -f='${Status}' "$NAME" 2>/dev/null | grep -q "installed"; then
  echo "check-installer: $NAME is already installed here; remove it first (dpkg -r $NAME)" >&2
  exit 1
fi

WORK=$(mktemp -d)
INSTALLED=0
cleanup() {
  if [ "$INSTALLED" -eq 1 ]; then
    $SUDO dpkg -r "$NAME" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# The program as IT runs it: a fresh data folder, no screen (Qt draws offscreen).
try_program() {
  local program=$1 data=$2
  "$program" --self-check --data-dir "$data"
  step "start the window headless and close it after 2 s"
  QT_QPA_PLATFORM=offscreen timeout 60 "$program" --data-dir "$data" --quit-after 2 \
    2> >(grep -v "propagateSizeHints" >&2)
}

step "build the bundle"
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
  echo "check-installer: PyInstaller is missing; install it: $PYTHON -m pip install pyinstaller" >&2
  exit 1
fi
"$PYTHON" -m PyInstaller build_installer.spec --noconfirm --log-level WARN
echo "bundle: $(du -sh "dist/$NAME" | cut -f1)" >&2

step "self-check of the built bundle"
try_program "dist/$NAME/$NAME" "$WORK/bundle-data"

step "the Windows installer script lists what the bundle holds"
"$PYTHON" packaging/windows/iss_layout.py "dist/$NAME"

step "build the .deb"
DEB=$(packaging/linux/build-deb.sh "dist/$NAME" dist)
echo "package: $DEB ($(du -h "$DEB" | cut -f1))" >&2

step "install it"
INSTALLED=1
$SUDO dpkg -i "$DEB"
FILES=$(dpkg -L "$NAME")

step "self-check of the installed program"
# Run from / so nothing can come from the source tree.
(cd / && try_program "/usr/bin/$NAME" "$WORK/installed-data")
test -f "/usr/share/applications/$NAME.desktop"
test -f "/usr/share/icons/hicolor/scalable/apps/$NAME.svg"

step "remove it"
$SUDO dpkg -r "$NAME"
INSTALLED=0

# Every file the package installed must be gone, and dpkg must have forgotten the package.
left=0
while IFS= read -r path; do
  if [ -e "$path" ] && [ ! -d "$path" ] || [ -L "$path" ]; then
    echo "left after removal: $path" >&2
    left=1
  fi
done <<< "$FILES"
if [ -e "/opt/$NAME" ]; then
  echo "left after removal: /opt/$NAME" >&2
  left=1
fi
if dpkg-query -W "$NAME" >/dev/null 2>&1; then
  echo "dpkg still lists $NAME after removal" >&2
  left=1
fi
[ "$left" -eq 0 ]
step "installer check passed"
