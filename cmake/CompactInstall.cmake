# cmake --install: the headers, both libraries, the CLI, the packs' sources, a CMake package
# (find_package(compact) gives compact::compact and compact::c) and a pkg-config file for the C ABI.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set_target_properties(compact_c PROPERTIES EXPORT_NAME c)
set_target_properties(compact_compiler_options PROPERTIES EXPORT_NAME compiler_options)
install(TARGETS compact compact_c compact_compiler_options EXPORT compactTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS compact_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/compact DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/packs/ DESTINATION ${CMAKE_INSTALL_DATADIR}/compact/packs)

set(compact_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/compact)
install(EXPORT compactTargets NAMESPACE compact:: DESTINATION ${compact_cmake_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/compactConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/compactConfig.cmake
                              INSTALL_DESTINATION ${compact_cmake_dir}
                              PATH_VARS CMAKE_INSTALL_DATADIR)
# The C++ API keeps source compatibility within a minor version (docs/c-abi.md).
write_basic_package_version_file(${PROJECT_BINARY_DIR}/compactConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/compactConfig.cmake ${PROJECT_BINARY_DIR}/compactConfigVersion.cmake
        DESTINATION ${compact_cmake_dir})

configure_file(${PROJECT_SOURCE_DIR}/cmake/compact.pc.in ${PROJECT_BINARY_DIR}/compact.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/compact.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
