# brickrun_add_test(NAME SOURCES ... LIBRARIES ... [LABELS ...] [TIMEOUT s] [X11])
# One Qt Test executable per test, run offscreen with its own throw-away HOME-like dirs.
# X11: on Linux the test runs on a real X server instead (xvfb-run -a, QT_QPA_PLATFORM=xcb,
# label x11), for what the offscreen plugin does not model (popup placement, screen geometry);
# without xvfb-run it is reported as skipped (tests/support/run-under-xvfb.sh), never failed.
# Every test can include tests/support's headers (TestTimeouts.h: waits scaled by
# BRICKRUN_TEST_TIME_SCALE). TIMEOUT (default 300 s) is a bound against hangs; a sanitizer
# build runs several times slower, so there every TIMEOUT is multiplied by
# BRICKRUN_TEST_TIMEOUT_SCALE (default 4 with BRICKRUN_SANITIZE, else 1).
find_package(Qt6 REQUIRED COMPONENTS Test)

if(BRICKRUN_SANITIZE)
    set(_brickrun_default_timeout_scale 4)
else()
    set(_brickrun_default_timeout_scale 1)
endif()
set(BRICKRUN_TEST_TIMEOUT_SCALE "${_brickrun_default_timeout_scale}" CACHE STRING
    "Multiplier for every test's ctest TIMEOUT (slow builds: sanitizers)")

function(brickrun_add_test name)
    cmake_parse_arguments(ARG "X11" "TIMEOUT" "SOURCES;LIBRARIES;LABELS" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE brickrun_options Qt6::Test ${ARG_LIBRARIES})
    target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/tests/support")
    target_compile_definitions(${name} PRIVATE
        BRICKRUN_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        BRICKRUN_BINARY_DIR="${PROJECT_BINARY_DIR}")
    set(platform offscreen)
    if(ARG_X11 AND CMAKE_SYSTEM_NAME STREQUAL "Linux")
        set(platform xcb)
        list(APPEND ARG_LABELS x11)
        add_test(NAME ${name} COMMAND sh "${PROJECT_SOURCE_DIR}/tests/support/run-under-xvfb.sh"
            $<TARGET_FILE:${name}>)
        set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77)
    else()
        add_test(NAME ${name} COMMAND ${name})
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    math(EXPR ARG_TIMEOUT "${ARG_TIMEOUT} * ${BRICKRUN_TEST_TIMEOUT_SCALE}")
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=${platform};QT_LOGGING_RULES=*.debug=false")
endfunction()
