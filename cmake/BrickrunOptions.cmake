# Project-wide options and the brickrun_options INTERFACE target every target links:
# language level, warnings and Qt hygiene macros in one place.
option(BRICKRUN_BUILD_TESTS "Build the tests" ON)
option(BRICKRUN_WERROR "Treat compiler warnings as errors (CI turns this on)" OFF)

set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

add_library(brickrun_options INTERFACE)
target_compile_definitions(brickrun_options INTERFACE
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    BRICKRUN_VERSION="${PROJECT_VERSION}"
    BRICKRUN_APP_ID="${BRICKRUN_APP_ID}")

if(MSVC)
    target_compile_options(brickrun_options INTERFACE /W4 /permissive- /utf-8)
    if(BRICKRUN_WERROR)
        target_compile_options(brickrun_options INTERFACE /WX)
    endif()
else()
    target_compile_options(brickrun_options INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
        -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
    if(BRICKRUN_WERROR)
        target_compile_options(brickrun_options INTERFACE -Werror)
    endif()
endif()
