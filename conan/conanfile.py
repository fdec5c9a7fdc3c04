import os
import re
import textwrap

from conan import ConanFile
from conan.errors import ConanInvalidConfiguration
from conan.tools.build import check_min_cppstd, stdcpp_library
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy, load, rmdir, save

required_conan_version = ">=2.0"


class CompactConan(ConanFile):
    name = "compact"
    description = "Compact Engine: local Compacts as exact, explained rules"
    # As bindings/python/pyproject.toml says; the project publishes no repository address for `url`.
    license = "Proprietary"
    topics = ("rules-engine", "compliance", "calendar", "working-days", "vcse")
    package_type = "library"
    settings = "os", "arch", "compiler", "build_type"
    # shared is COMPACT_BUILD_SHARED: libcompact, the C ABI, shared or static. The C++ API
    # (libcompact-cxx.a) is static either way, and the project compiles everything position
    # independent whatever it is told (libcompact.so takes in libcompact-cxx.a), so there is no fPIC
    # option to offer. native_code is COMPACT_NATIVE_CODE: rules compiled to x86-64 code with Xbyak.
    options = {"shared": [True, False], "native_code": [True, False]}
    default_options = {"shared": True, "native_code": True}

    # The project's files that configure, build and install read, relative to the repository, which
    # holds this recipe in conan/. tests/ and benchmarks/ are switched off (generate()).
    _exported_sources = ("CMakeLists.txt", "cmake/*", "include/*", "src/*", "packs/*")
    # The libraries compact-cxx links, publicly or not: a static library's consumers link them too.
    _linked_components = ("abseil::absl_status", "abseil::absl_statusor", "abseil::absl_cord",
                          "abseil::absl_strings", "abseil::absl_str_format", "boost::json")
    # Sets compact_PACKS_DIR for find_package(compact) through CMakeDeps, as the project's own
    # compactConfig.cmake does.
    _packs_module = os.path.join("lib", "cmake", "compact-packs-dir.cmake")

    def set_version(self):
        cmakelists = load(self, os.path.join(self.recipe_folder, "..", "CMakeLists.txt"))
        self.version = re.search(r"project\(\s*compact\s+VERSION\s+([0-9.]+)", cmakelists).group(1)

    def export_sources(self):
        for pattern in self._exported_sources:
            copy(self, pattern, os.path.join(self.recipe_folder, ".."), self.export_sources_folder)

    def config_options(self):
        # Elsewhere the project interprets rules, with the same results.
        if self.settings.arch != "x86_64":
            del self.options.native_code

    def validate(self):
        check_min_cppstd(self, 20)
        # libcompact.so exports the C ABI through a GNU ld version script (src/c_api/exports.map).
        if self.settings.os != "Linux":
            raise ConanInvalidConfiguration(f"{self.ref} is built and tested on Linux only")

    def requirements(self):
        # compact::compact is static and its headers include Abseil's and Boost's, so its consumers
        # need those headers and libraries whether libcompact is shared or not.
        self.requires("abseil/20230802.1", transitive_headers=True, transitive_libs=True)
        self.requires("boost/1.83.0", transitive_headers=True, transitive_libs=True)
        # Header-only and private: the rule pack reader, the CLI, the native code generator.
        self.requires("tomlplusplus/3.4.0", visible=False)
        self.requires("cli11/2.3.2", visible=False)
        if self.options.get_safe("native_code"):
            self.requires("xbyak/6.73", visible=False)

    def layout(self):
        cmake_layout(self)

    @property
    def _includes_from_search_path(self):
        """The dependencies src/ includes from the compiler's search path, where Debian installs
        them, linking no CMake target of theirs."""
        return ["tomlplusplus"] + (["xbyak"] if self.options.get_safe("native_code") else [])

    def generate(self):
        toolchain = CMakeToolchain(self)
        toolchain.cache_variables.update({
            "COMPACT_BUILD_SHARED": bool(self.options.shared),
            "COMPACT_NATIVE_CODE": bool(self.options.get_safe("native_code")),
            "COMPACT_BUILD_TESTS": False,
            "COMPACT_BUILD_BENCHMARKS": False,
        })
        # In the compiler flags, not an include directory property: src/CMakeLists.txt's
        # check_include_file_cxx(xbyak/xbyak.h) must see them too.
        for name in self._includes_from_search_path:
            includedirs = self.dependencies[name].cpp_info.includedirs
            toolchain.extra_cxxflags += [f"-isystem {directory}" for directory in includedirs]
        toolchain.generate()
        CMakeDeps(self).generate()

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        CMake(self).install()
        # package_info() describes the package to Conan's generators, which write these afresh.
        rmdir(self, os.path.join(self.package_folder, "lib", "cmake"))
        rmdir(self, os.path.join(self.package_folder, "lib", "pkgconfig"))
        save(self, os.path.join(self.package_folder, self._packs_module), textwrap.dedent("""\
            # The packs' sources (packs/*.toml), installed with the library.
            get_filename_component(compact_PACKS_DIR
                                   "${CMAKE_CURRENT_LIST_DIR}/../../share/compact/packs" ABSOLUTE)
            """))

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "compact")
        # CMakeDeps makes the package's own target link every component: it must not take
        # compact::compact, the C++ API alone.
        self.cpp_info.set_property("cmake_target_name", "compact::all")
        self.cpp_info.set_property("cmake_build_modules", [self._packs_module])

        cxx = self.cpp_info.components["cxx"]
        cxx.set_property("cmake_target_name", "compact::compact")
        cxx.libs = ["compact-cxx"]
        cxx.requires = ["boost::headers", *self._linked_components]

        c = self.cpp_info.components["c"]
        c.set_property("cmake_target_name", "compact::c")
        c.set_property("pkg_config_name", "compact")
        c.libs = ["compact"]
        if self.options.shared:
            # Taken into libcompact.so when they are static; needed beside it when they are shared.
            c.requires = list(self._linked_components)
        else:
            # A C program links libcompact.a, C++ inside, with the C compiler.
            c.requires = ["cxx"]
            c.system_libs = [stdcpp_library(self)]
