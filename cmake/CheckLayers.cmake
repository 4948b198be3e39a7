# SPDX-License-Identifier: MIT
# Checks the one-way include rule of docs/architecture.md: a file of the library includes only
# headers of its own layer or of layers below it. Run as a test:
#   cmake -DMSGRAPH_SOURCE_DIR=<repo> -P cmake/CheckLayers.cmake
# A file's layer is its folder: include/msgraph/<layer>/ and src/<layer>/; the headers directly
# in include/msgraph/ and the folders src/core and src/support are the core layer. Public
# headers must also stay installable: they include only public headers (msgraph/...), and
# nothing of libcurl, RapidJSON or OpenSSL.
cmake_minimum_required(VERSION 3.20)

if(NOT IS_DIRECTORY "${MSGRAPH_SOURCE_DIR}/include/msgraph" OR
   NOT IS_DIRECTORY "${MSGRAPH_SOURCE_DIR}/src")
  message(FATAL_ERROR "MSGRAPH_SOURCE_DIR must name the repository (got '${MSGRAPH_SOURCE_DIR}')")
endif()

# From the bottom up; the umbrella header msgraph/msgraph.hpp sits above client, below testing.
set(layers core json diagnostics models http pipeline auth requests client umbrella testing)

function(layer_of path out)
  if(path MATCHES "^msgraph/msgraph\\.hpp$")
    set(${out} umbrella PARENT_SCOPE)
  elseif(path MATCHES "^msgraph/([a-z_]+)/")
    set(${out} ${CMAKE_MATCH_1} PARENT_SCOPE)
  elseif(path MATCHES "^msgraph/[a-z_]+\\.hpp$")
    set(${out} core PARENT_SCOPE)
  elseif(path MATCHES "^(core|support)/")
    set(${out} core PARENT_SCOPE)
  elseif(path MATCHES "^([a-z_]+)/")
    set(${out} ${CMAKE_MATCH_1} PARENT_SCOPE)
  else()
    set(${out} "" PARENT_SCOPE)
  endif()
endfunction()

file(GLOB_RECURSE public RELATIVE "${MSGRAPH_SOURCE_DIR}/include" "${MSGRAPH_SOURCE_DIR}/include/*")
file(GLOB_RECURSE private RELATIVE "${MSGRAPH_SOURCE_DIR}/src" "${MSGRAPH_SOURCE_DIR}/src/*")

# Any spelling of an include directive: spaces around '#', quotes or angle brackets.
set(directive "^[ \t]*#[ \t]*include[ \t]*[<\"]([^\">]+)[\">]")

set(violations "")
set(checked 0)
foreach(kind public private)
  foreach(file IN LISTS ${kind})
    if(kind STREQUAL "public")
      set(path "${file}")
      set(source "${MSGRAPH_SOURCE_DIR}/include/${file}")
    else()
      set(path "${file}")
      set(source "${MSGRAPH_SOURCE_DIR}/src/${file}")
    endif()
    if(NOT file MATCHES "\\.(hpp|cpp|h)$")
      if(NOT file MATCHES "CMakeLists\\.txt$")
        list(APPEND violations "${kind} ${file}: not a C++ source of the library")
      endif()
      continue()
    endif()
    layer_of("${path}" from)
    list(FIND layers "${from}" from_rank)
    if(from_rank LESS 0 OR (kind STREQUAL "private" AND from STREQUAL "umbrella"))
      list(APPEND violations "${kind} ${file}: in no known layer")
      continue()
    endif()
    file(STRINGS "${source}" lines REGEX "${directive}")
    foreach(line IN LISTS lines)
      string(REGEX REPLACE "${directive}.*" "\\1" included "${line}")
      if(line MATCHES "<" AND NOT included MATCHES "^msgraph/")
        if(kind STREQUAL "public" AND included MATCHES "^(curl|rapidjson|openssl)/")
          list(APPEND violations "public ${file} includes <${included}>: no third-party header "
                                 "may appear in a public header")
        endif()
        continue()  # a system or third-party header
      endif()
      math(EXPR checked "${checked} + 1")
      if(kind STREQUAL "public" AND NOT included MATCHES "^msgraph/")
        list(APPEND violations "public ${file} includes \"${included}\", a private header")
        continue()
      endif()
      layer_of("${included}" to)
      list(FIND layers "${to}" to_rank)
      if(to_rank LESS 0)
        list(APPEND violations "${kind} ${file} (${from}) includes ${included}: in no known layer")
      elseif(to_rank GREATER from_rank)
        list(APPEND violations "${kind} ${file} (${from}) includes ${included} (${to}), a layer above")
      endif()
    endforeach()
  endforeach()
endforeach()

if(violations)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "include rule broken (layers from the bottom: ${layers}):\n  ${text}")
endif()
if(checked EQUAL 0)
  message(FATAL_ERROR "include rule: no include was found under ${MSGRAPH_SOURCE_DIR}")
endif()
message(STATUS "include rule holds: ${checked} includes checked")
