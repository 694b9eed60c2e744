#!/usr/bin/env bash
# Wrap the PyInstaller bundle in a .deb, offline, with dpkg-deb only.
#
#   packaging/linux/build-deb.sh [BUNDLE_DIR] [OUT_DIR]
#
# BUNDLE_DIR defaults to dist/mmu-desktop (make it with
# `pyinstaller build_installer.spec --noconfirm`); the .deb goes to OUT_DIR (default dist/).
#
# The package puts the bundle in /opt/mmu-desktop, links /usr/bin/mmu-desktop to it, and adds
# a desktop entry and icon. It holds no user data: each user's data folder (see
# `mmu-desktop config show`) is left alone on upgrade and on removal.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUNDLE=$(realpath "${1:-$ROOT/dist/mmu-desktop}")
OUT_DIR=$(realpath -m "${2:-$ROOT/dist}")
NAME=mmu-desktop

if [ ! -x "$BUNDLE/$NAME" ]; then
  echo "build-deb: no bundle at $BUNDLE; run: pyinstaller build_installer.spec --noconfirm" >&2
  exit 1
fi

# The version is the bundle's own, so the package can never disagree with the program.
VERSION=$("$BUNDLE/$NAME" --version | awk '{print $2}')
ARCH=$(dpkg --print-architecture)
DEB="$OUT_DIR/${NAME}_${VERSION}_${ARCH}.deb"

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
chmod 0755 "$STAGE"  # it becomes the package's root directory

# Files: the bundle, the command link, the desktop entry and the icon.
install -d -m 0755 "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/doc/$NAME" "$STAGE/DEBIAN"
cp -a "$BUNDLE" "$STAGE/opt/$NAME"
ln -s "/opt/$NAME/$NAME" "$STAGE/usr/bin/$NAME"
install -m 0644 "$ROOT/packaging/linux/$NAME.desktop" "$STAGE/usr/share/applications/"
install -m 0644 "$ROOT/resources/icons/$NAME.svg" \
  "$STAGE/usr/share/icons/hicolor/scalable/apps/$NAME.svg"
install -m 0644 "$ROOT/docs/install.md" "$STAGE/usr/share/doc/$NAME/install.md" 2>/dev/null \
  || true  # the IT guide, when it exists

# Everyone may read and run the program; only root may change it.
chmod -R u=rwX,go=rX "$STAGE/opt/$NAME"
chmod 0755 "$STAGE/opt/$NAME/$NAME"

# Qt's own libraries are in the bundle; these are the system ones it loads at run time
# (the X11/Wayland connection, OpenGL, fonts). gnome-keyring keeps sign-ins across runs.
DEPENDS="libc6 (>= 2.34), libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1,"
DEPENDS+=" libglib2.0-0, libdbus-1-3, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1,"
DEPENDS+=" libxcb-shape0, libxcb-randr0, libxcb-render-util0, libxcb-image0, libxcb-xkb1"
INSTALLED_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)

cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: $NAME
Version: $VERSION
Architecture: $ARCH
Maintainer: MMU Desktop team <mmu-desktop@localhost>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: gnome-keyring
Section: misc
Priority: optional
Description: Offline registration and visits for Mobile Medical Units
 MMU Desktop registers beneficiaries and visits on a van laptop without a
 network, and syncs them with AMRIT's central server when online.
CONTROL

# No maintainer scripts: the menu and the icon cache are refreshed by the triggers of
# desktop-file-utils and hicolor-icon-theme, and without a postrm `dpkg -r` leaves nothing
# behind, not even a "config-files" entry.

# zstd: about 1 s and 85 MB here; xz: about 50 s and 65 MB (DEB_COMPRESSION=xz for a
# smaller download). Every dpkg on a system new enough for the bundle (glibc 2.34: Debian 12,
# Ubuntu 22.04 and later) reads zstd.
mkdir -p "$OUT_DIR"
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-zstd}" --build "$STAGE" "$DEB" >/dev/null
echo "$DEB"
