"""Writes a C file that defines every function compact.h declares, each doing nothing: compiled with
debug information into a shared library, it has the C ABI's types and signatures and nothing else,
which abidw can describe and abidiff compare with tests/abi/compact.abi (test_abi.py). With the test
that libcompact exports exactly the header's functions (tests/c_abi/test_c_abi.py), that is the
library's binary interface.

    python3 tests/abi/probe.py include/compact/compact.h > probe.c
"""

import re
import sys


def declarations(header_text):
    """(return type, name, parameters) of each COMPACT_API declaration."""
    text = re.sub(r"/\*.*?\*/", " ", header_text, flags=re.S)
    for match in re.finditer(r"^COMPACT_API\s+([^;(#]*?)\b(compact_\w+)\s*\(([^)]*)\)\s*;", text,
                             re.S | re.M):
        yield (" ".join(match.group(1).split()), match.group(2), " ".join(match.group(3).split()))


def probe(header_text):
    lines = ['#include "compact/compact.h"', ""]
    for result, name, parameters in declarations(header_text):
        body = "{}" if result == "void" else f"{{ static {result} r; return r; }}"
        lines.append(f"{result} {name}({parameters}) {body}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        sys.stdout.write(probe(f.read()))
