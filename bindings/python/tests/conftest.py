"""The package under test is the source tree's (bindings/python), loading the libcompact that
COMPACT_LIBRARY names (ctest sets both)."""

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bindings" / "python"))
