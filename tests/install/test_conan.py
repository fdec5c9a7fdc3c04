"""The Conan packaging (conan/), checked without Conan, which this machine cannot install. The
test_package is a consumer: it builds and passes against the installed tree. The recipe is loaded
over a stand-in for Conan's modules: its version is the project's, its requirements are what
configure looks for, the sources it exports configure with the options it sets and hold every file
the build compiles, and its package description names what an install holds."""

import collections
import importlib.util
import os
import pathlib
import re
import shutil
import subprocess
import sys
import textwrap
import types

import pytest
from conftest import run

ROOT = pathlib.Path(__file__).resolve().parents[2]
RECIPE = ROOT / "conan" / "conanfile.py"

# Just what the recipe imports, doing what these tests need: copy() selects files as Conan's does
# (every file under src whose path from src matches the pattern, case aside) and records them;
# requires() and CMakeToolchain record what the recipe asks for; the rest do nothing.
STAND_IN = {
    "conan/__init__.py": """
        class ConanFile:
            def __init__(self):
                self.required = {}
                self.copied = {}

            def requires(self, reference, **traits):
                self.required[reference.split("/")[0]] = traits
        """,
    "conan/errors.py": """
        class ConanInvalidConfiguration(Exception):
            pass
        """,
    "conan/tools/__init__.py": "",
    "conan/tools/build/__init__.py": """
        def check_min_cppstd(conanfile, cppstd):
            pass


        def stdcpp_library(conanfile):
            return "stdc++"
        """,
    "conan/tools/cmake/__init__.py": """
        class CMakeToolchain:
            def __init__(self, conanfile):
                self.conanfile = conanfile
                self.cache_variables = {}
                self.extra_cxxflags = []

            def generate(self):
                self.conanfile.toolchain = self


        class CMakeDeps:
            def __init__(self, conanfile):
                pass

            def generate(self):
                pass


        class CMake:
            def __init__(self, conanfile):
                pass

            def install(self):
                pass


        def cmake_layout(conanfile):
            pass
        """,
    "conan/tools/files/__init__.py": """
        import fnmatch
        import pathlib
        import shutil


        def copy(conanfile, pattern, src, dst):
            src = pathlib.Path(src).resolve()
            matched = [path.relative_to(src) for path in src.rglob("*") if path.is_file() and
                       fnmatch.fnmatch(str(path.relative_to(src)).lower(), pattern.lower())]
            for path in matched:
                (pathlib.Path(dst) / path).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src / path, pathlib.Path(dst) / path)
            conanfile.copied[pattern] = matched


        def load(conanfile, path):
            return pathlib.Path(path).read_text("utf-8")


        def rmdir(conanfile, path):
            shutil.rmtree(path, ignore_errors=True)


        def save(conanfile, path, content):
            pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
            pathlib.Path(path).write_text(content, "utf-8")
        """,
}

# The name find_package gives each ConanCenter package the recipe requires; Xbyak is looked for by
# its header (src/CMakeLists.txt), not by find_package.
FIND_PACKAGE_NAMES = {"abseil": "absl", "boost": "Boost", "cli11": "CLI11",
                      "tomlplusplus": "tomlplusplus", "xbyak": None}
# The directory each header-only dependency's headers are in, under its include directory.
HEADERS = {"tomlplusplus": "toml++", "xbyak": "xbyak"}


class Options(types.SimpleNamespace):
    def get_safe(self, name):
        return getattr(self, name, None)


class CppInfo:
    """What package_info() fills in: properties, and components that are CppInfos too."""

    def __init__(self):
        self.properties = {}
        self.components = collections.defaultdict(CppInfo)

    def set_property(self, name, value):
        self.properties[name] = value


def conan_package(folder, name):
    """A header-only package as Conan lays it out, its headers Debian's."""
    include = folder / name / "include"
    include.mkdir(parents=True)
    (include / HEADERS[name]).symlink_to(pathlib.Path("/usr/include") / HEADERS[name])
    return types.SimpleNamespace(cpp_info=types.SimpleNamespace(includedirs=[str(include)]))


def cmake_target(requirement):
    """The CMake target of a ConanCenter package's component, "abseil::absl_status"."""
    package, component = requirement.split("::")
    if package == "abseil":
        return f"absl::{component.removeprefix('absl_')}"
    return f"{FIND_PACKAGE_NAMES[package]}::{component}"


def libraries_linked_by_the_cxx_api(prefix):
    """The targets compact::compact links, from the installed CMake package."""
    targets = (prefix / "lib" / "cmake" / "compact" / "compactTargets.cmake").read_text("utf-8")
    links = re.search(r'set_target_properties\(compact::compact PROPERTIES[^)]*'
                      r'INTERFACE_LINK_LIBRARIES "([^"]*)"', targets).group(1)
    linked = {re.sub(r"\\\$<LINK_ONLY:(.*)>", r"\1", item) for item in links.split(";")}
    linked.remove("compact::compiler_options")  # the project's warning flags
    return linked


@pytest.fixture(scope="module")
def recipe(tmp_path_factory):
    stand_in = tmp_path_factory.mktemp("stand_in")
    for path, text in STAND_IN.items():
        (stand_in / path).parent.mkdir(parents=True, exist_ok=True)
        (stand_in / path).write_text(textwrap.dedent(text), "utf-8")
    sys.path.insert(0, str(stand_in))
    try:
        spec = importlib.util.spec_from_file_location("compact_conanfile", RECIPE)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(stand_in))
    recipe = module.CompactConan()
    recipe.recipe_folder = str(RECIPE.parent)
    recipe.settings = types.SimpleNamespace(os="Linux", arch="x86_64")
    recipe.options = Options(shared=True, native_code=True)
    packages = tmp_path_factory.mktemp("packages")
    recipe.dependencies = {name: conan_package(packages, name) for name in HEADERS}
    recipe.requirements()
    recipe.generate()
    recipe.cpp_info = CppInfo()
    recipe.package_info()
    return recipe


@pytest.fixture(scope="module")
def exported(recipe, tmp_path_factory):
    recipe.export_sources_folder = tmp_path_factory.mktemp("exported")
    recipe.export_sources()
    return recipe.export_sources_folder


@pytest.fixture(scope="module")
def recipe_build(recipe, exported, tmp_path_factory):
    """The exported sources alone, configured with the recipe's options. Building them all again
    would add minutes to every run for what a dry run shows: each target's every source is there."""
    build = tmp_path_factory.mktemp("recipe_build")
    definitions = [f"-D{name}={('ON' if value else 'OFF') if isinstance(value, bool) else value}"
                   for name, value in recipe.toolchain.cache_variables.items()]
    configured = subprocess.run(
        ["cmake", "-S", str(exported), "-B", str(build), "-G", "Ninja",
         "-DCMAKE_BUILD_TYPE=Release", *definitions, f"-DCMAKE_CXX_FLAGS={' '.join(recipe.toolchain.extra_cxxflags)}"],
        capture_output=True, text=True, timeout=600)
    assert configured.returncode == 0, configured.stdout + configured.stderr
    return build, configured.stdout + configured.stderr


def test_the_test_package_passes_against_the_installed_tree(prefix, tmp_path):
    installed = prefix
    run("cmake", "-S", ROOT / "conan" / "test_package", "-B", tmp_path, "-G", "Ninja",
        f"-DCMAKE_PREFIX_PATH={installed}", "-DCMAKE_BUILD_TYPE=Release")
    run("cmake", "--build", tmp_path)
    cxx = run(tmp_path / "test_package")
    assert "the built-in pack: payment.on-time breach, due 2016-01-20" in cxx
    assert f"{installed}/share/compact/packs/stockton-2014.toml: payment.on-time breach" in cxx
    assert "payment.on-time breach, due 2016-01-20" in run(tmp_path / "test_package_c")


def test_the_version_is_the_projects(recipe):
    cache = (pathlib.Path(os.environ["COMPACT_BUILD_DIR"]) / "CMakeCache.txt").read_text("utf-8")
    recipe.set_version()
    assert f"CMAKE_PROJECT_VERSION:STATIC={recipe.version}\n" in cache


def test_the_recipe_requires_what_configure_looks_for(recipe):
    dependencies = (ROOT / "cmake" / "CompactDependencies.cmake").read_text("utf-8")
    # The unindented calls: the tests' and benchmarks' are inside if() blocks.
    looked_for = set(re.findall(r"^compact_require\((\w+)", dependencies, re.MULTILINE))
    required = {FIND_PACKAGE_NAMES[name] for name in recipe.required} - {None}
    assert required == looked_for
    assert "xbyak" in recipe.required


def test_the_cxx_component_requires_what_the_installed_cxx_api_links(recipe, prefix):
    requires = recipe.cpp_info.components["cxx"].requires
    assert {cmake_target(r) for r in requires} == libraries_linked_by_the_cxx_api(prefix)


def test_the_cxx_apis_dependencies_reach_its_consumers(recipe, prefix):
    # compact-cxx is a static library, shared option or not.
    packages = {target.split("::")[0] for target in libraries_linked_by_the_cxx_api(prefix)}
    for name, traits in recipe.required.items():
        if FIND_PACKAGE_NAMES[name] in packages:
            assert traits.get("transitive_headers") and traits.get("transitive_libs"), name


def test_the_header_only_dependencies_are_on_the_compilers_path(recipe):
    for name, package in recipe.dependencies.items():
        for directory in package.cpp_info.includedirs:
            assert f"-isystem {directory}" in recipe.toolchain.extra_cxxflags, name


def test_every_exported_pattern_selects_files(recipe, exported):
    assert recipe.copied.keys() == set(recipe._exported_sources)
    for pattern, files in recipe.copied.items():
        assert files, pattern


def test_the_exported_sources_configure_with_the_recipes_options_and_hold_every_source(
        recipe_build):
    build, output = recipe_build
    # An option the project does not have would be ignored with this warning, and silently unset.
    assert "were not used by the project" not in output
    cache = (build / "CMakeCache.txt").read_text("utf-8")
    for option in ["COMPACT_BUILD_SHARED:BOOL=ON", "COMPACT_BUILD_TESTS:BOOL=OFF",
                   "COMPACT_BUILD_BENCHMARKS:BOOL=OFF"]:
        assert option in cache, option
    # Ninja plans every target, the library, the C ABI and the CLI, and names any input missing.
    plan = run("cmake", "--build", build, "--", "-n")
    assert "compact_cli" in plan or "bin/compact" in plan


def test_the_components_are_the_installed_targets_and_libraries(recipe, prefix):
    file_name = recipe.cpp_info.properties["cmake_file_name"]
    cmake = prefix / "lib" / "cmake" / file_name
    assert (cmake / f"{file_name}Config.cmake").is_file()
    (configuration,) = cmake.glob(f"{file_name}Targets-*.cmake")
    locations = re.findall(r'set_target_properties\((\S+) PROPERTIES[^)]*IMPORTED_LOCATION_\w+ '
                           r'"\$\{_IMPORT_PREFIX\}/lib/lib([^".]+)',
                           configuration.read_text("utf-8"))
    components = recipe.cpp_info.components
    assert {c.properties["cmake_target_name"]: c.libs for c in components.values()} == \
        {target: [library] for target, library in locations}
    pkg_config_name = components["c"].properties["pkg_config_name"]
    assert (prefix / "lib" / "pkgconfig" / f"{pkg_config_name}.pc").is_file()


def test_the_package_tells_cmake_where_the_packs_are(recipe, prefix, tmp_path):
    package = tmp_path / "package"
    shutil.copytree(prefix, package, symlinks=True)
    recipe.package_folder = str(package)
    recipe.package()
    # Conan's generators write the CMake package and the pkg-config file from package_info().
    assert not (package / "lib" / "cmake" / "compact").exists()
    assert not (package / "lib" / "pkgconfig").exists()
    script = tmp_path / "packs_dir.cmake"
    modules = recipe.cpp_info.properties["cmake_build_modules"]
    script.write_text("".join(f'include("{package / module}")\n' for module in modules) +
                      'execute_process(COMMAND "${CMAKE_COMMAND}" -E echo ${compact_PACKS_DIR})\n',
                      "utf-8")
    packs = pathlib.Path(run("cmake", "-P", script).strip())
    assert packs == package / "share" / "compact" / "packs"
    assert (packs / "stockton-2014.toml").is_file()
