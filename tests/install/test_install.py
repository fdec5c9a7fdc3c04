"""`cmake --install`, then programs that know Compact Engine only as installed: a C++ program through
find_package(compact) and a C program (tests/c_abi/c_check.c) through pkg-config and compact.h alone.
Each reports every example case exactly as `compact check --format json` does."""

import json
import os
import pathlib
import subprocess

import pytest
from conftest import run

ROOT = pathlib.Path(__file__).resolve().parents[2]
CASES = [(e["case"], e["as_of"]) for e in json.loads(
    (ROOT / "tests" / "golden" / "examples.json").read_text("utf-8"))["examples"]]


@pytest.fixture(scope="module")
def cxx_check(prefix, tmp_path_factory):
    build = tmp_path_factory.mktemp("cxx")
    run("cmake", "-S", ROOT / "tests" / "install" / "cxx", "-B", build, "-G", "Ninja",
        f"-DCMAKE_PREFIX_PATH={prefix}", "-DCMAKE_BUILD_TYPE=Release")
    run("cmake", "--build", build)
    return build / "cxx_check"


@pytest.fixture(scope="module")
def c_check(prefix, tmp_path_factory):
    environment = {**os.environ, "PKG_CONFIG_PATH": str(prefix / "lib" / "pkgconfig")}
    flags = run("pkg-config", "--cflags", "--libs", "compact", env=environment).split()
    program = tmp_path_factory.mktemp("c") / "c_check"
    run(os.environ.get("CC", "cc"), "-std=c99", "-Wall", "-Wextra", "-Wpedantic", "-Werror",
        ROOT / "tests" / "c_abi" / "c_check.c", "-o", program, *flags,
        f"-Wl,-rpath,{prefix / 'lib'}")
    return program


def test_the_installed_tree_has_what_it_should(prefix):
    for path in ["include/compact/compact.h", "include/compact/engine/engine.hpp",
                 "include/compact/testing.hpp", "lib/libcompact.so.0", "lib/libcompact-cxx.a",
                 "lib/cmake/compact/compactConfig.cmake", "lib/pkgconfig/compact.pc", "bin/compact",
                 "share/compact/packs/stockton-2014.toml"]:
        assert (prefix / path).exists(), path


@pytest.mark.parametrize("case,as_of", CASES)
def test_installed_consumers_report_what_the_cli_does(case, as_of, cxx_check, c_check, prefix):
    path = ROOT / "examples" / case
    # The CLI's exit status is 1 when something is in breach: only its report is compared.
    expected = json.loads(subprocess.run(
        [os.environ["COMPACT_CLI"], "check", str(path), "--as-of", as_of, "--format", "json"],
        capture_output=True, text=True).stdout)
    assert json.loads(run(cxx_check, path, as_of)) == expected
    assert json.loads(run(c_check, path, as_of)) == expected
    installed_cli = subprocess.run([str(prefix / "bin" / "compact"), "check", str(path), "--as-of",
                                    as_of, "--format", "json"], capture_output=True, text=True)
    assert json.loads(installed_cli.stdout) == expected
