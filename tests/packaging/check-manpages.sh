#!/usr/bin/env bash
# The man pages say what the programs do: every option (and, for brickrun-cli, every command)
# that a program's --help lists must be documented in its man page, and the pages must format
# without warnings (checked when man-db is installed).
#
#   check-manpages.sh MAN_SOURCE_DIR PROGRAM_PATH...
#
# MAN_SOURCE_DIR holds <program>.1.in (packaging/linux/man).
set -uo pipefail

MAN_DIR="$1"
shift
status=0
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
HOME="$(mktemp -d)" && export HOME && trap 'rm -rf "$HOME"' EXIT
export XDG_RUNTIME_DIR="$HOME/runtime" && mkdir -m 700 "$XDG_RUNTIME_DIR"

for program_path in "$@"; do
    program="$(basename "$program_path")"
    before=$status
    commands=""
    page="$MAN_DIR/$program.1.in"
    [ -f "$page" ] || { echo "FAIL: no man page $page for $program"; status=1; continue; }
    # The page as man shows it: roff escapes of '-' undone.
    text="$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$page")"
    help="$("$program_path" --help 2>/dev/null)" || { echo "FAIL: $program --help"; status=1; continue; }

    options="$(grep -oE '(^|[ ,])--?[a-z][a-z0-9-]*' <<<"$(sed -n '/^Options:/,$p' <<<"$help")" |
        sed 's/^[ ,]*//' | sort -u)"
    [ -n "$options" ] || { echo "FAIL: found no options in $program --help"; status=1; }
    for option in $options; do
        if ! grep -qE -- "(^|[^a-z0-9-])$option([^a-z0-9-]|$)" <<<"$text"; then
            echo "FAIL: $program: option $option is not in $page"
            status=1
        fi
    done

    if [ "$program" = brickrun-cli ]; then
        commands="$(grep -oE '^ +brickrun-cli [a-z][a-z-]*' <<<"$help" | awk '{print $2}' | sort -u)"
        for command in $commands; do
            if ! grep -qE "^\.B brickrun-cli $command( |$)" <<<"$text"; then
                echo "FAIL: $program: command '$command' is not in the SYNOPSIS of $page"
                status=1
            fi
        done
    fi

    if ! command -v man >/dev/null; then
        echo "note: man not installed (man-db): formatting not checked"
        warnings=""
    else
        warnings="$(sed 's/@PROJECT_VERSION@/0/' "$page" |
            MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z - 2>&1 >/dev/null)"
    fi
    if [ -n "$warnings" ]; then
        echo "FAIL: $page: man reports:"
        echo "$warnings"
        status=1
    fi
    if [ $status -eq "$before" ]; then
        echo "ok: $program: $(wc -w <<<"$options $commands") options and commands documented"
    fi
done
exit $status
