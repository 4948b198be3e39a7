# install(): the library, the testing library, public headers, the CMake package and pkg-config.
include(CMakePackageConfigHelpers)

install(TARGETS msgraph msgraph_testing
  EXPORT msgraphTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/msgraph" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES "${PROJECT_BINARY_DIR}/generated/include/msgraph/version.hpp"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/msgraph)

set(MSGRAPH_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/msgraph)
install(EXPORT msgraphTargets NAMESPACE msgraph:: DESTINATION ${MSGRAPH_CMAKE_DIR})
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/msgraphConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/msgraphConfig.cmake"
  INSTALL_DESTINATION ${MSGRAPH_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/msgraphConfigVersion.cmake"
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/msgraphConfig.cmake"
  "${PROJECT_BINARY_DIR}/msgraphConfigVersion.cmake"
  DESTINATION ${MSGRAPH_CMAKE_DIR})

# pkg-config: a static library needs its dependencies on the link line too.
if(BUILD_SHARED_LIBS)
  set(MSGRAPH_PC_PRIVATE "Requires.private: libcurl libcrypto")
  set(MSGRAPH_PC_LIBS "-lmsgraph")
else()
  set(MSGRAPH_PC_PRIVATE "")
  set(MSGRAPH_PC_LIBS "-lmsgraph")
  set(MSGRAPH_PC_REQUIRES "libcurl libcrypto")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/msgraph.pc.in" "${PROJECT_BINARY_DIR}/msgraph.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/msgraph.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
