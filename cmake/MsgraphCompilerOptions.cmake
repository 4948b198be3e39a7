# SPDX-License-Identifier: MIT
# Warning and sanitizer flags shared by every msgraph target, through one interface target.
add_library(msgraph_build_flags INTERFACE)
target_compile_options(msgraph_build_flags INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
  -Wno-sign-conversion)
# GCC 12 reports false -Wmaybe-uninitialized inside std::variant and <regex> at -O1 and above
# (GCC bug 105562 and relatives); every other warning stays an error.
target_compile_options(msgraph_build_flags INTERFACE
  $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
if(MSGRAPH_WARNINGS_AS_ERRORS)
  target_compile_options(msgraph_build_flags INTERFACE -Werror)
endif()
if(MSGRAPH_SANITIZE AND MSGRAPH_SANITIZE_THREAD)
  message(FATAL_ERROR "MSGRAPH_SANITIZE (ASan+UBSan) and MSGRAPH_SANITIZE_THREAD (TSan) cannot be "
    "combined in one build: configure a separate tree for each (presets dev and tsan)")
endif()
if(MSGRAPH_SANITIZE_THREAD AND MSGRAPH_BUILD_FUZZERS)
  message(FATAL_ERROR "MSGRAPH_SANITIZE_THREAD cannot be combined with MSGRAPH_BUILD_FUZZERS "
    "(the fuzzers are built with ASan)")
endif()
if(MSGRAPH_SANITIZE)
  target_compile_options(msgraph_build_flags INTERFACE -fsanitize=address,undefined
    -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(msgraph_build_flags INTERFACE -fsanitize=address,undefined)
endif()
# ThreadSanitizer: -O1 keeps it fast enough for the threaded tests, -g gives readable stacks; the
# -O1 comes after CMAKE_BUILD_TYPE's flags, so it wins.
if(MSGRAPH_SANITIZE_THREAD)
  target_compile_options(msgraph_build_flags INTERFACE -fsanitize=thread -fno-omit-frame-pointer
    -g -O1)
  target_link_options(msgraph_build_flags INTERFACE -fsanitize=thread)
endif()
