# Sanitizer and fuzzing instrumentation, carried by the brickrun_options INTERFACE target so that
# every library, program and test of the build gets the same flags (mixing instrumented and
# uninstrumented objects hides bugs or breaks container-overflow checks).
#
#   -DBRICKRUN_SANITIZE=address,undefined   AddressSanitizer + UndefinedBehaviorSanitizer
#                                           (tools/sanitize builds build-asan with it)
#   -DBRICKRUN_FUZZ=ON                      clang only: coverage instrumentation for libFuzzer
#                                           and the fuzz targets in tests/fuzz (tools/fuzz)
#
# Without BRICKRUN_FUZZ the fuzz targets are still built, with a small main that replays their
# seed corpora, and run as ordinary tests (so the sanitizer build checks them too).
set(BRICKRUN_SANITIZE "" CACHE STRING
    "Comma-separated sanitizers for every target (e.g. address,undefined); empty = none")
option(BRICKRUN_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)

if(BRICKRUN_SANITIZE)
    if(MSVC)
        message(FATAL_ERROR "BRICKRUN_SANITIZE: only GCC and Clang are supported")
    endif()
    string(REPLACE " " "" _brickrun_sanitizers "${BRICKRUN_SANITIZE}")
    string(REPLACE "," ";" _brickrun_sanitizer_list "${_brickrun_sanitizers}")
    foreach(_s IN LISTS _brickrun_sanitizer_list)
        if(NOT _s MATCHES "^(address|undefined|leak|thread)$")
            message(FATAL_ERROR "BRICKRUN_SANITIZE: unknown sanitizer '${_s}' "
                "(expected address, undefined, leak or thread)")
        endif()
    endforeach()
    set(_brickrun_sanitize_flags
        -fsanitize=${_brickrun_sanitizers}
        -fno-omit-frame-pointer
        -fno-optimize-sibling-calls)
    if("undefined" IN_LIST _brickrun_sanitizer_list)
        # An undefined behaviour is a test failure, not a line in a log nobody reads.
        list(APPEND _brickrun_sanitize_flags -fno-sanitize-recover=undefined)
    endif()
    target_compile_options(brickrun_options INTERFACE ${_brickrun_sanitize_flags})
    target_link_options(brickrun_options INTERFACE ${_brickrun_sanitize_flags})
    message(STATUS "Brickrun: sanitizers ${_brickrun_sanitizers}")
endif()

if(BRICKRUN_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "BRICKRUN_FUZZ needs clang (libFuzzer): configure with "
            "-DCMAKE_CXX_COMPILER=clang++")
    endif()
    # Coverage feedback for the code under test; the fuzz targets add -fsanitize=fuzzer
    # (libFuzzer's main) themselves.
    # Qt's qCDebug(category) << … passes no variadic argument, which clang's -Wpedantic calls a
    # GNU extension (GCC does not): a false alarm in Qt's macros, not in our code.
    target_compile_options(brickrun_options INTERFACE -fsanitize=fuzzer-no-link
        -Wno-gnu-zero-variadic-macro-arguments)
    target_link_options(brickrun_options INTERFACE -fsanitize=fuzzer-no-link)
    message(STATUS "Brickrun: libFuzzer targets")
endif()
