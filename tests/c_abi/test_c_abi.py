"""The C ABI against the CLI: a C program (c_check.c) that sees only compact.h gives, for every example
case, the report `compact check --format json` gives, and the golden file's; and libcompact.so exports
exactly the functions compact.h declares."""

import json
import os
import pathlib
import re
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
HEADER = ROOT / "include" / "compact" / "compact.h"

# Every example case, as of the date its golden report was made.
CASES = [(e["case"], e["as_of"], e["golden"]) for e in json.loads(
    (ROOT / "tests" / "golden" / "examples.json").read_text("utf-8"))["examples"]]


def run(*args):
    return subprocess.run(list(args), capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("case,as_of,golden", CASES)
def test_the_c_program_reports_what_the_cli_does(case, as_of, golden):
    path = str(ROOT / "examples" / case)
    from_c = run(os.environ["COMPACT_C_CHECK"], path, as_of)
    assert from_c.returncode == 0, from_c.stderr
    from_cli = run(os.environ["COMPACT_CLI"], "check", path, "--as-of", as_of, "--format", "json")
    assert from_cli.returncode in (0, 1), from_cli.stderr
    assert json.loads(from_c.stdout) == json.loads(from_cli.stdout)
    assert json.loads(from_c.stdout) == json.loads((ROOT / "tests" / "golden" / golden).read_text("utf-8"))
    lean_c = run(os.environ["COMPACT_C_CHECK"], "--lean", path, as_of)
    lean_cli = run(os.environ["COMPACT_CLI"], "check", path, "--as-of", as_of, "--format", "json",
                   "--detail", "lean")
    assert json.loads(lean_c.stdout) == json.loads(lean_cli.stdout)


def test_errors_say_where():
    bad = run(os.environ["COMPACT_C_CHECK"], "--pack", str(ROOT / "tests" / "c_abi" / "test_c_abi.py"),
              str(ROOT / "examples" / "grant-with-invoices.json"), "2026-04-30")
    assert bad.returncode == 3
    assert "parse_error" in bad.stderr and "test_c_abi.py line 1 column" in bad.stderr, bad.stderr


def declared_functions():
    """The functions compact.h declares: each COMPACT_API declaration's name."""
    text = HEADER.read_text("utf-8")
    names = re.findall(r"COMPACT_API\b[^;(]*?\b(compact_\w+)\s*\(", text, re.S)
    assert len(names) == len(set(names))
    return set(names)


@pytest.mark.skipif(os.environ.get("COMPACT_SHARED") != "1", reason="libcompact is static in this build")
def test_the_library_exports_the_header_and_nothing_else():
    symbols = run("nm", "-D", "--defined-only", os.environ["COMPACT_LIBRARY"])
    assert symbols.returncode == 0, symbols.stderr
    # Every defined dynamic symbol (functions, data, weak ones) but the version node (type A).
    exported = set()
    for line in symbols.stdout.splitlines():
        address, kind, name = line.split()
        if kind != "A":
            exported.add(name.split("@")[0])
    assert exported == declared_functions()
