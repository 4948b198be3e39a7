# SPDX-License-Identifier: MIT
# CPack: Debian packages from the install components of cmake/MsgraphInstall.cmake.
#   libmsgraph0.1   runtime  the shared library (libmsgraph.so.0.1), named after its SONAME
#   libmsgraph-dev  dev      headers, CMake package, .pc files, libmsgraph.so, libmsgraph.a and
#                            libmsgraph_testing.a
#   msgraph-tools   tools    msgraph-identity-sync and msgraph-emulator
#
# Shared and static: one build tree makes one kind of msgraph (BUILD_SHARED_LIBS). Rather than a
# second library target compiled from the same sources (which every consumer of the source tree
# would see), the packages are made from two ordinary builds: this tree, configured with
# BUILD_SHARED_LIBS=ON, and a static, library-only tree (MSGRAPH_INSTALL_LIBRARY_ONLY=ON) named
# by MSGRAPH_PACKAGE_STATIC_BUILD_DIR, whose libmsgraph.a and msgraph-static-targets.cmake CPack
# installs into the dev package as well. scripts/package does all of it.
set(MSGRAPH_PACKAGE_STATIC_BUILD_DIR "" CACHE PATH
  "A static, library-only msgraph build tree whose library goes into libmsgraph-dev too")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME msgraph)
set(CPACK_PACKAGE_VENDOR "The msgraph-cpp authors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
# The packages install where this tree was configured to (the .pc files name that prefix): /usr.
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev)
if(TARGET msgraph-identity-sync)
  list(APPEND CPACK_COMPONENTS_ALL tools)
endif()
if(MSGRAPH_PACKAGE_STATIC_BUILD_DIR)
  if(NOT EXISTS "${MSGRAPH_PACKAGE_STATIC_BUILD_DIR}/cmake_install.cmake")
    message(FATAL_ERROR "MSGRAPH_PACKAGE_STATIC_BUILD_DIR (${MSGRAPH_PACKAGE_STATIC_BUILD_DIR}) "
      "is not a configured build tree")
  endif()
  # With component packaging, CPack installs each component of CPACK_COMPONENTS_ALL from each
  # project; the static tree has files only in dev.
  set(CPACK_INSTALL_CMAKE_PROJECTS
    "${PROJECT_BINARY_DIR};${PROJECT_NAME};ALL;/"
    "${MSGRAPH_PACKAGE_STATIC_BUILD_DIR};${PROJECT_NAME};ALL;/")
endif()

# Debian names: <package>_<version>-<revision>_<arch>.deb.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(MSGRAPH_DEB_VERSION "${PROJECT_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "The msgraph-cpp authors" CACHE STRING
  "Maintainer field of the Debian packages")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME ${MSGRAPH_DEB_RUNTIME_PACKAGE})
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
# Extended descriptions; CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY before each as the synopsis.
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION "msgraph-cpp reads and writes a partner tenant's
cross-tenant identity synchronization policy in Microsoft Graph. This
package holds the shared library.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME ${MSGRAPH_DEB_DEV_PACKAGE})
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
string(CONCAT CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
  "${MSGRAPH_DEB_RUNTIME_PACKAGE} (= ${MSGRAPH_DEB_VERSION}), "
  "libcurl4-openssl-dev | libcurl-dev, libssl-dev")
set(CPACK_DEBIAN_DEV_DESCRIPTION "Development files for msgraph-cpp: headers, the
CMake package (find_package(msgraph), component testing), the pkg-config
files msgraph and msgraph-testing, the static library and
libmsgraph_testing.a (MockTransport for unit tests).")

set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME ${MSGRAPH_DEB_TOOLS_PACKAGE})
set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION net)
set(CPACK_DEBIAN_TOOLS_PACKAGE_DEPENDS "${MSGRAPH_DEB_RUNTIME_PACKAGE} (= ${MSGRAPH_DEB_VERSION})")
set(CPACK_DEBIAN_TOOLS_DESCRIPTION "Command-line tools for msgraph-cpp.
msgraph-identity-sync: the Set-, Get-, Update- and Remove-
MgPolicyCrossTenantAccessPolicyPartnerIdentitySynchronization cmdlets as
one command. msgraph-emulator: a local Graph emulator for tests.")

# Dependencies on Debian's runtime packages (libc6, libstdc++6, libcurl4, libssl3,
# libcpp-httplib0.11, ...) come from dpkg-shlibdeps, which reads the installed packages' shlibs
# and symbols files: no network. libmsgraph.so.0.1 itself is found in this build tree, and the
# dependency on the runtime package is the explicit one above.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
get_target_property(MSGRAPH_LIBRARY_BINARY_DIR msgraph BINARY_DIR)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "${MSGRAPH_LIBRARY_BINARY_DIR}")
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")

include(CPack)
