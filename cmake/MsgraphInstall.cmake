# SPDX-License-Identifier: MIT
# install(): the library, the testing library, public headers, the CMake package, pkg-config and
# the license. Components: runtime (the shared library), dev (everything to build against it) and
# tools (tools/CMakeLists.txt); cmake/MsgraphPackaging.cmake turns them into Debian packages.
include(CMakePackageConfigHelpers)

option(MSGRAPH_INSTALL_LIBRARY_ONLY "Install only the msgraph library and its CMake targets \
file: for a static build packaged next to a shared one (scripts/package)" OFF)

# Debian package names, also used for the per-package copyright files. The runtime package is
# named after the SONAME (Debian policy 8.1: libmsgraph.so.0.1 -> libmsgraph0.1), so that the
# next ABI (0.2) is a new package that installs beside this one instead of replacing the library
# under the programs linked to it.
set(MSGRAPH_DEB_RUNTIME_PACKAGE libmsgraph${MSGRAPH_SOVERSION})
set(MSGRAPH_DEB_DEV_PACKAGE libmsgraph-dev)
set(MSGRAPH_DEB_TOOLS_PACKAGE msgraph-tools)

get_target_property(MSGRAPH_LIBRARY_TYPE msgraph TYPE)
if(MSGRAPH_LIBRARY_TYPE STREQUAL "SHARED_LIBRARY")
  set(MSGRAPH_LINKAGE shared)
else()
  set(MSGRAPH_LINKAGE static)
endif()
set(MSGRAPH_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/msgraph)

# msgraph::msgraph, in a targets file named by its linkage: a shared and a static build can be
# installed into one prefix, and msgraphConfig.cmake picks one (msgraph_SHARED_LIBS).
install(TARGETS msgraph
  EXPORT msgraph-${MSGRAPH_LINKAGE}-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT msgraph-${MSGRAPH_LINKAGE}-targets NAMESPACE msgraph::
  DESTINATION ${MSGRAPH_CMAKE_DIR} COMPONENT dev)
if(MSGRAPH_LINKAGE STREQUAL "shared")
  install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION
    ${CMAKE_INSTALL_DATAROOTDIR}/doc/${MSGRAPH_DEB_RUNTIME_PACKAGE} RENAME copyright
    COMPONENT runtime)
endif()

if(MSGRAPH_INSTALL_LIBRARY_ONLY)
  return()
endif()

# msgraph::testing, the `testing` component of the CMake package: its own export set, so that
# find_package(msgraph COMPONENTS testing) can tell whether it is installed.
install(TARGETS msgraph_testing
  EXPORT msgraph-testing-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT msgraph-testing-targets NAMESPACE msgraph::
  DESTINATION ${MSGRAPH_CMAKE_DIR} COMPONENT dev)

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/msgraph" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT dev)
install(FILES "${PROJECT_BINARY_DIR}/generated/include/msgraph/version.hpp"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/msgraph COMPONENT dev)

# The version file follows the SOVERSION rule: 0.x releases are compatible within a minor version,
# later ones within a major version.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(MSGRAPH_VERSION_COMPATIBILITY SameMinorVersion)
else()
  set(MSGRAPH_VERSION_COMPATIBILITY SameMajorVersion)
endif()
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/msgraphConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/msgraphConfig.cmake"
  INSTALL_DESTINATION ${MSGRAPH_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/msgraphConfigVersion.cmake"
  VERSION ${PROJECT_VERSION} COMPATIBILITY ${MSGRAPH_VERSION_COMPATIBILITY})
install(FILES "${PROJECT_BINARY_DIR}/msgraphConfig.cmake"
  "${PROJECT_BINARY_DIR}/msgraphConfigVersion.cmake"
  DESTINATION ${MSGRAPH_CMAKE_DIR} COMPONENT dev)

# pkg-config. libcurl and libcrypto are needed only to link a static libmsgraph: Requires.private,
# which `pkg-config --static` adds. A static-only install (no libmsgraph.so beside it) lists them
# in Requires instead, so that a plain `pkg-config --libs msgraph` links.
if(MSGRAPH_LINKAGE STREQUAL "shared")
  set(MSGRAPH_PC_REQUIRES "")
  set(MSGRAPH_PC_REQUIRES_PRIVATE "libcurl libcrypto")
else()
  set(MSGRAPH_PC_REQUIRES "libcurl libcrypto")
  set(MSGRAPH_PC_REQUIRES_PRIVATE "")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/msgraph.pc.in" "${PROJECT_BINARY_DIR}/msgraph.pc" @ONLY)
configure_file("${PROJECT_SOURCE_DIR}/cmake/msgraph-testing.pc.in"
  "${PROJECT_BINARY_DIR}/msgraph-testing.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/msgraph.pc" "${PROJECT_BINARY_DIR}/msgraph-testing.pc"
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION
  ${CMAKE_INSTALL_DATAROOTDIR}/doc/${MSGRAPH_DEB_DEV_PACKAGE} RENAME copyright COMPONENT dev)
if(TARGET msgraph-identity-sync)
  install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION
    ${CMAKE_INSTALL_DATAROOTDIR}/doc/${MSGRAPH_DEB_TOOLS_PACKAGE} RENAME copyright
    COMPONENT tools)
endif()
