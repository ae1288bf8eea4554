# cmake -DWIDGETS_DIR=<QtWidgets headers> -DGUI_DIR=<QtGui headers> -DSOURCE_DIRS=<dirs>
#       [-DSELFTEST=ON] -P NoWidgetsIncludes.cmake
#
# Fails when a C++ file under SOURCE_DIRS includes a Qt Widgets header: <QtWidgets>,
# <QtWidgets/…> or "QtWidgets/…", or any header name the QtWidgets folder holds (<QWidget>,
# <qdialog.h>, <QApplication>…), compared without case (Windows and macOS file systems ignore
# it). The few names QtWidgets keeps only as forwards to QtGui (qaction.h…) are QtGui's.
# With SELFTEST the files mark each include that must be found with "// widgets": the check
# passes when it finds exactly those lines.
cmake_minimum_required(VERSION 3.21)

foreach(var WIDGETS_DIR GUI_DIR SOURCE_DIRS)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "${var} is not set")
    endif()
endforeach()

file(GLOB widgets RELATIVE "${WIDGETS_DIR}" "${WIDGETS_DIR}/*")
file(GLOB gui RELATIVE "${GUI_DIR}" "${GUI_DIR}/*")
list(TRANSFORM widgets TOLOWER)
list(TRANSFORM gui TOLOWER)
list(REMOVE_ITEM widgets ${gui})
list(LENGTH widgets count)
if(count LESS 100)
    message(FATAL_ERROR "only ${count} headers in ${WIDGETS_DIR}: not the QtWidgets folder?")
endif()

set(found "")
set(expected "")
foreach(dir IN LISTS SOURCE_DIRS)
    file(GLOB_RECURSE files "${dir}/*.cpp" "${dir}/*.h" "${dir}/*.hpp" "${dir}/*.cc" "${dir}/*.mm")
    foreach(file IN LISTS files)
        file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include")
        foreach(line IN LISTS includes)
            if(SELFTEST AND line MATCHES "// widgets$")
                list(APPEND expected "${file}: ${line}")
            endif()
            if(NOT line MATCHES "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"]")
                continue()
            endif()
            string(TOLOWER "${CMAKE_MATCH_1}" header)
            get_filename_component(name "${header}" NAME)
            if(header MATCHES "^qtwidgets(/|$)" OR name IN_LIST widgets)
                list(APPEND found "${file}: ${line}")
                message(STATUS "${file}: ${line}")
            endif()
        endforeach()
    endforeach()
endforeach()

if(SELFTEST)
    if(NOT expected)
        message(FATAL_ERROR "self-test: no line is marked // widgets")
    endif()
    if(NOT found STREQUAL expected)
        message(FATAL_ERROR "self-test: found\n  ${found}\nbut the marked lines are\n  ${expected}")
    endif()
    message(STATUS "self-test: the ${count} Qt Widgets header names found every marked line")
elseif(found)
    message(FATAL_ERROR "Qt Widgets headers in GUI-free code (listed above): brickrun_core, "
                        "brickrun_platform and brickrun-cli report by signals and values; the GUI "
                        "lives in src/gui")
else()
    message(STATUS "no Qt Widgets header in ${SOURCE_DIRS} (${count} names checked)")
endif()
