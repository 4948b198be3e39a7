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
if(MSGRAPH_SANITIZE)
  target_compile_options(msgraph_build_flags INTERFACE -fsanitize=address,undefined
    -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(msgraph_build_flags INTERFACE -fsanitize=address,undefined)
endif()
