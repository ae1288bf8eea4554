# brickrun_add_test(NAME SOURCES ... LIBRARIES ... [LABELS ...] [TIMEOUT s])
# One Qt Test executable per test, run offscreen with its own throw-away HOME-like dirs.
find_package(Qt6 REQUIRED COMPONENTS Test)

function(brickrun_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBRARIES;LABELS" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE brickrun_options Qt6::Test ${ARG_LIBRARIES})
    target_compile_definitions(${name} PRIVATE
        BRICKRUN_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        BRICKRUN_BINARY_DIR="${PROJECT_BINARY_DIR}")
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=*.debug=false")
endfunction()
