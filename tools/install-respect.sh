#!/usr/bin/env bash
# Installs the pinned @redocly/cli (the `respect` Arazzo runner) for the conformance test.
#
#   tools/install-respect.sh PREFIX
#
# PREFIX is <build>/conformance: the package lands in PREFIX/node_modules, which is what
# tests/conformance/respect-conformance.mjs is given. The pin is tests/conformance/package.json.
# Idempotent: does nothing when PREFIX already holds the pinned version. Exits non-zero on any
# failure (no npm, no registry, wrong version installed).
set -euo pipefail

if [[ $# -ne 1 || -z "$1" ]]; then
    echo "usage: $0 PREFIX   (e.g. build/conformance)" >&2
    exit 2
fi
prefix=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
manifest="$here/../tests/conformance/package.json"

for tool in node npm; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "install-respect: '$tool' not found on PATH; install Node.js (>= 20.19 < 21 or >= 22.12) with npm" >&2
        exit 1
    fi
done
if [[ ! -f "$manifest" ]]; then
    echo "install-respect: $manifest is missing" >&2
    exit 1
fi

# A field of a package.json, read with node (no jq needed): json_field FILE KEY [SUBKEY]
json_field() {
    node -e 'let v = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
             for (const k of process.argv.slice(2)) v = v == null ? undefined : v[k];
             process.stdout.write(v == null ? "" : String(v));' "$@"
}

pinned=$(json_field "$manifest" dependencies @redocly/cli)
if [[ ! "$pinned" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
    echo "install-respect: $manifest must pin @redocly/cli to an exact version, found '$pinned'" >&2
    exit 1
fi

installed_manifest="$prefix/node_modules/@redocly/cli/package.json"
installed_version() {
    if [[ -f "$installed_manifest" ]]; then json_field "$installed_manifest" version; fi
}

current=$(installed_version)
if [[ "$current" == "$pinned" ]]; then
    echo "install-respect: @redocly/cli $pinned already installed in $prefix/node_modules"
    exit 0
fi

mkdir -p "$prefix"
cp "$manifest" "$prefix/package.json"
echo "install-respect: installing @redocly/cli $pinned into $prefix/node_modules${current:+ (found $current)}"
# --ignore-scripts: the CLI ships bundled and needs no install scripts.
if ! npm install --prefix "$prefix" --no-audit --no-fund --ignore-scripts --loglevel=error; then
    echo "install-respect: npm install failed (is the npm registry reachable?)" >&2
    exit 1
fi

current=$(installed_version)
if [[ "$current" != "$pinned" ]]; then
    echo "install-respect: expected @redocly/cli $pinned in $prefix/node_modules, found '${current:-nothing}'" >&2
    exit 1
fi
echo "install-respect: @redocly/cli $current installed"
