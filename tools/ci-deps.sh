#!/usr/bin/env bash
# The Windows and macOS CI jobs' dependencies, built once here for both (.github/workflows):
# QtKeychain from source against the Qt that install-qt-action put in place, and cpp-httplib's
# single header (the version Debian 12 ships) with a pkg-config file, as the top CMakeLists.txt
# finds it. Linux takes both from apt (tools/dev).
#
#   tools/ci-deps.sh          (in a GitHub Actions job: RUNNER_OS, RUNNER_TEMP, GITHUB_ENV,
#                              GITHUB_PATH, QTKEYCHAIN_VERSION, HTTPLIB_VERSION; on Windows
#                              IQTA_TOOLS, from install-qt-action's OpenSSL tool)
#
# Exports to the later steps: DEPS (the prefix, for CMAKE_PREFIX_PATH), PKG_CONFIG_PATH, and on
# Windows OPENSSL_BIN (the DLLs, for BRICKRUN_RUNTIME_DLL_DIRS) with the DLL folders on PATH.
set -euo pipefail # bash 3.2 too (macOS): no empty "${array[@]}" under -u

: "${RUNNER_OS:?} ${RUNNER_TEMP:?} ${GITHUB_ENV:?} ${GITHUB_PATH:?}"
: "${QTKEYCHAIN_VERSION:?} ${HTTPLIB_VERSION:?}"

case "$RUNNER_OS" in
Windows)
    deps="$(cygpath -m "$RUNNER_TEMP/deps")"
    openssl="$(cygpath -m "$IQTA_TOOLS/OpenSSLv3/Win_x64")"
    generator=(-A x64)
    config=(--config Release)
    ssl_libs="-llibssl -llibcrypto"
    ;;
macOS)
    deps="$RUNNER_TEMP/deps"
    openssl="$(brew --prefix openssl@3)"
    generator=(-G Ninja -DCMAKE_BUILD_TYPE=Release)
    config=()
    ssl_libs="-lssl -lcrypto"
    ;;
*)
    echo "tools/ci-deps.sh is for the Windows and macOS jobs; Linux uses apt" >&2
    exit 1
    ;;
esac

src="$RUNNER_TEMP/qtkeychain"
git clone --quiet --depth 1 --branch "$QTKEYCHAIN_VERSION" \
    https://github.com/frankosterfeld/qtkeychain.git "$src"
cmake -S "$src" -B "$src/build" "${generator[@]}" -DCMAKE_INSTALL_PREFIX="$deps" \
    -DBUILD_WITH_QT6=ON -DBUILD_TRANSLATIONS=OFF -DBUILD_TEST_APPLICATION=OFF
cmake --build "$src/build" ${config[@]+"${config[@]}"}
cmake --install "$src/build" ${config[@]+"${config[@]}"}

mkdir -p "$deps/include" "$deps/lib/pkgconfig"
curl -fsSL -o "$deps/include/httplib.h" \
    "https://raw.githubusercontent.com/yhirose/cpp-httplib/$HTTPLIB_VERSION/httplib.h"
cat >"$deps/lib/pkgconfig/cpp-httplib.pc" <<PC
Name: cpp-httplib
Description: cpp-httplib (header only) with OpenSSL
Version: ${HTTPLIB_VERSION#v}
Cflags: -I$deps/include -I$openssl/include -DCPPHTTPLIB_OPENSSL_SUPPORT
Libs: -L$openssl/lib $ssl_libs
PC

echo "DEPS=$deps" >>"$GITHUB_ENV"
echo "PKG_CONFIG_PATH=$deps/lib/pkgconfig" >>"$GITHUB_ENV"
if [ "$RUNNER_OS" = Windows ]; then
    echo "OPENSSL_BIN=$openssl/bin" >>"$GITHUB_ENV"
    # The tests run the programs from the build tree: they find the DLLs on PATH.
    cygpath -w "$deps/bin" >>"$GITHUB_PATH"
    cygpath -w "$openssl/bin" >>"$GITHUB_PATH"
fi
