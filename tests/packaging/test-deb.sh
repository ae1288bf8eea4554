#!/usr/bin/env bash
# The .deb as a user gets it: build it with CPack, check it with lintian, desktop-file-validate
# and appstreamcli, install it on this machine, run the installed programs, uninstall it.
#
#   test-deb.sh BUILD_DIR VERSION [CPACK]
#
# Installs into the real system (CI runs as root), so it skips (exit 77) when not root, without
# dpkg/apt, when brickrun is already installed, or when BRICKRUN_SKIP_PACKAGING_TEST is set.
# Whatever happens, it leaves the machine as it found it: the package, and any dependency apt
# had to add for it, are purged on exit.
set -uo pipefail

BUILD_DIR="$1"
VERSION="$2"
CPACK="${3:-cpack}"
APP_ID="io.github.brickrun.Brickrun"

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }

[ -n "${BRICKRUN_SKIP_PACKAGING_TEST:-}" ] && skip "BRICKRUN_SKIP_PACKAGING_TEST is set"
[ "$(id -u)" -eq 0 ] || skip "installs a package into the system: run as root (CI does)"
if ! command -v dpkg >/dev/null || ! command -v apt-get >/dev/null; then
    skip "no dpkg/apt-get: not a Debian system"
fi
if dpkg-query -W -f='${Status}' brickrun 2>/dev/null | grep -q "install ok installed"; then
    skip "a brickrun package is already installed; not touching it"
fi
missing=()
for tool in lintian:lintian desktop-file-validate:desktop-file-utils appstreamcli:appstream \
    dpkg-shlibdeps:dpkg-dev; do
    command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
[ ${#missing[@]} -eq 0 ] || fail "missing tools; apt-get install ${missing[*]}"

TMP="$(mktemp -d /tmp/brickrun-deb.XXXXXX)"
chmod 755 "$TMP" # apt's _apt user reads the .deb from here
BEFORE="$TMP/packages-before"
dpkg-query -W -f='${Package}\n' | sort >"$BEFORE"
INSTALLED=0
GUI_PID=""

cleanup() {
    local rc=$?
    [ -n "$GUI_PID" ] && kill "$GUI_PID" 2>/dev/null
    if [ "$INSTALLED" -eq 1 ] && dpkg-query -W brickrun >/dev/null 2>&1; then
        echo "cleanup: purging brickrun"
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq brickrun >/dev/null 2>&1 ||
            dpkg --purge brickrun >/dev/null 2>&1
    fi
    # Whatever apt added for the package goes too: the machine is left as it was found.
    local added
    added="$(dpkg-query -W -f='${Package}\n' | sort | comm -13 "$BEFORE" -)"
    if [ -n "$added" ]; then
        echo "cleanup: purging what the install added: ${added//$'\n'/ }"
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq $added >/dev/null 2>&1
    fi
    rm -rf "$TMP"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "building the .deb with cpack"
"$CPACK" -G DEB --config "$BUILD_DIR/CPackConfig.cmake" -B "$TMP/out" >"$TMP/cpack.log" 2>&1 ||
    { cat "$TMP/cpack.log"; fail "cpack -G DEB failed"; }
DEB="$(find "$TMP/out" -maxdepth 1 -name "brickrun_${VERSION}_*.deb" | head -n 1)"
[ -f "$DEB" ] || { cat "$TMP/cpack.log"; fail "cpack made no brickrun_${VERSION}_*.deb"; }
echo "$DEB"
dpkg-deb --field "$DEB"

step "contents"
dpkg-deb --contents "$DEB" | awk '{print $1, $2, $6}'
dpkg-deb -x "$DEB" "$TMP/root"
for f in usr/bin/brickrun usr/bin/brickrun-cli usr/bin/brickrun-emulator \
    "usr/share/applications/$APP_ID.desktop" "usr/share/metainfo/$APP_ID.metainfo.xml" \
    "usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" \
    "usr/share/icons/hicolor/48x48/apps/$APP_ID.png" \
    "usr/share/icons/hicolor/512x512/apps/$APP_ID.png" \
    usr/share/man/man1/brickrun.1.gz usr/share/man/man1/brickrun-cli.1.gz \
    usr/share/man/man1/brickrun-emulator.1.gz \
    usr/share/doc/brickrun/copyright usr/share/doc/brickrun/changelog.gz; do
    [ -e "$TMP/root/$f" ] || fail "the package has no /$f"
done
depends="$(dpkg-deb -f "$DEB" Depends)"
for dep in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6sql6 libqt6sql6-sqlite \
    libqt6svg6 libqt6keychain1 libsecret-1-0; do
    grep -qE "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
grep -q "gnome-keyring" <<<"$(dpkg-deb -f "$DEB" Recommends)" ||
    fail "Recommends lacks a Secret Service (gnome-keyring)"

step "lintian"
# Errors and warnings fail; info and pedantic tags are shown, not counted.
lintian --fail-on error,warning --display-info --tag-display-limit 0 "$DEB" 2>&1 |
    grep -v "running with root privileges" | tee "$TMP/lintian.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || fail "lintian found errors or warnings (above)"

step "desktop-file-validate and appstreamcli"
desktop-file-validate "$TMP/root/usr/share/applications/$APP_ID.desktop" ||
    fail "desktop-file-validate"
appstreamcli validate --no-net --strict "$TMP/root/usr/share/metainfo/$APP_ID.metainfo.xml" ||
    fail "appstreamcli validate"
appstreamcli validate-tree --no-net "$TMP/root" || fail "appstreamcli validate-tree"

step "installing"
INSTALLED=1
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$DEB" \
    >"$TMP/apt.log" 2>&1 || { cat "$TMP/apt.log"; fail "apt-get install failed"; }
dpkg-query -W -f='${Status}\n' brickrun | grep -q "install ok installed" ||
    fail "brickrun is not installed after apt-get install"

for program in brickrun brickrun-cli brickrun-emulator; do
    [ -x "/usr/bin/$program" ] || fail "/usr/bin/$program is missing"
    if ldd "/usr/bin/$program" | grep "not found"; then fail "$program: missing libraries"; fi
done
# The demo workspace's module, which the desktop program loads when the demo is used.
demo_module="$(dpkg -L brickrun | grep '/brickrun/libbrickrun-demo\.so$' | head -n 1)"
[ -n "$demo_module" ] && [ -f "$demo_module" ] || fail "the demo workspace module is not installed"
echo "demo workspace module: $demo_module"
if ldd "$demo_module" | grep "not found"; then fail "$demo_module: missing libraries"; fi
# The plugins Qt and QtKeychain load at run time, from the packages the .deb depends on.
qt_plugins="$(dirname "$(dpkg -L libqt6gui6 | grep '/plugins/platforms/libqxcb.so$')")/.."
for plugin in platforms/libqxcb.so platforms/libqoffscreen.so tls/libqopensslbackend.so \
    sqldrivers/libqsqlite.so iconengines/libqsvgicon.so imageformats/libqsvg.so; do
    [ -f "$qt_plugins/$plugin" ] || fail "Qt plugin $plugin is not installed"
    if ldd "$qt_plugins/$plugin" | grep "not found"; then fail "$plugin: missing libraries"; fi
done
ldconfig -p | grep -q "libsecret-1.so.0" || fail "libsecret-1.so.0 (QtKeychain's backend) missing"

# A throw-away user: settings, history and demo runs go here, not into root's home.
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/home/.config" XDG_DATA_HOME="$TMP/home/.local/share"
export XDG_CACHE_HOME="$TMP/home/.cache" XDG_RUNTIME_DIR="$TMP/runtime"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS

step "brickrun-cli --version"
out="$(/usr/bin/brickrun-cli --version)" || fail "brickrun-cli --version failed"
echo "$out"
[ "$out" = "brickrun-cli $VERSION" ] || fail "expected 'brickrun-cli $VERSION'"
out="$(/usr/bin/brickrun-emulator --version)" || fail "brickrun-emulator --version failed"
echo "$out"
grep -q "$VERSION" <<<"$out" || fail "brickrun-emulator --version does not say $VERSION"

step "brickrun-cli submit --demo (the installed program, end to end)"
out="$(BRICKRUN_DEMO_SPEED=50 timeout 120 /usr/bin/brickrun-cli submit --demo \
    --notebook /Shared/Demo/hello --cluster demo-cluster --json)" ||
    fail "brickrun-cli submit --demo exited with $?"
echo "$out"
grep -q '"resultState": *"SUCCESS"' <<<"$out" || fail "the demo run did not end SUCCESS"
grep -q '"notebookResult": *"\[' <<<"$out" || fail "the demo run has no notebook result"

step "brickrun --demo, offscreen"
QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="brickrun.demo.debug=true" /usr/bin/brickrun --demo \
    >"$TMP/gui.log" 2>&1 &
GUI_PID=$!
# Until it says the demo module is loaded (a busy machine, or an instrumented build, may take
# much longer than an idle one), then 2 s more alive; never a fixed guess of how long it takes.
waited=0
limit=$((120 * ${BRICKRUN_TEST_TIME_SCALE:-1}))
until grep -q "loaded $demo_module" "$TMP/gui.log" 2>/dev/null || [ "$waited" -ge "$limit" ] ||
    ! kill -0 "$GUI_PID" 2>/dev/null; do
    sleep 1
    waited=$((waited + 1))
done
sleep 2
if ! kill -0 "$GUI_PID" 2>/dev/null; then
    wait "$GUI_PID"
    rc=$?
    GUI_PID=""
    cat "$TMP/gui.log"
    fail "brickrun --demo exited early (status $rc)"
fi
kill "$GUI_PID"
wait "$GUI_PID" 2>/dev/null
GUI_PID=""
cat "$TMP/gui.log"
if grep -Ei "could not (find|load)|driver not loaded|failed to load|cannot load" "$TMP/gui.log"; then
    fail "brickrun reported a missing plugin, driver or module (above)"
fi
# The demo workspace came up from the installed module.
grep -q "loaded $demo_module" "$TMP/gui.log" ||
    fail "brickrun --demo did not load the demo workspace module $demo_module"
echo "brickrun ran for 4 s"

step "uninstalling"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -q brickrun >"$TMP/apt.log" 2>&1 ||
    { cat "$TMP/apt.log"; fail "apt-get purge brickrun failed"; }
INSTALLED=0
for program in brickrun brickrun-cli brickrun-emulator; do
    [ ! -e "/usr/bin/$program" ] || fail "/usr/bin/$program is still there after uninstalling"
done
[ ! -e "/usr/share/applications/$APP_ID.desktop" ] || fail "the desktop file is still there"
! dpkg-query -W -f='${Status}' brickrun 2>/dev/null | grep -q "installed" ||
    fail "dpkg still lists brickrun as installed"

echo
echo "PASS: the .deb builds, passes lintian and the validators, installs, runs and uninstalls"
