# Every dependency comes from Debian 12's packages (scripts/install-deps installs them). A missing one stops
# the configure step with the package that provides it, rather than a wall of CMake errors later.
function(compact_require package debian_package)
  find_package(${package} ${ARGN} QUIET)
  if(NOT ${package}_FOUND)
    message(FATAL_ERROR "${package} not found: install the Debian package ${debian_package} "
                        "(scripts/install-deps installs everything the project needs)")
  endif()
endfunction()

compact_require(Boost "libboost1.81-dev and libboost-json1.81-dev" 1.81 CONFIG COMPONENTS json)
compact_require(absl libabsl-dev CONFIG)
compact_require(CLI11 libcli11-dev CONFIG)
# toml++ is used header-only (src/rules/pack_loader.cpp), so only its presence is checked.
compact_require(tomlplusplus libtomlplusplus-dev CONFIG)
if(COMPACT_BUILD_TESTS)
  compact_require(GTest "libgtest-dev and libgmock-dev" CONFIG)
endif()
if(COMPACT_BUILD_BENCHMARKS)
  compact_require(benchmark libbenchmark-dev CONFIG)
endif()
