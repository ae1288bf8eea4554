#!/bin/sh
# Runs a test (the command line given) on a real X server: a private Xvfb started by xvfb-run
# on a free display, with Qt's xcb platform plugin. brickrun_add_test(... X11) uses it.
# Without xvfb-run (a machine without Xvfb) the test is skipped: exit 77, ctest's
# SKIP_RETURN_CODE for these tests. BRICKRUN_XVFB_SCREEN sets the screen (default 1280x800x24),
# e.g. 800x600x24 for a small one.
if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "SKIPPED: xvfb-run is not installed, so this test cannot run on a real X server" \
        "(Debian: apt-get install xvfb xauth; tools/dev test installs them)."
    exit 77
fi
QT_QPA_PLATFORM=xcb
export QT_QPA_PLATFORM
exec xvfb-run -a -s "-screen 0 ${BRICKRUN_XVFB_SCREEN:-1280x800x24} -nolisten tcp" "$@"
