"""compact.h's binary interface against tests/abi/compact.abi, the baseline scripts/abi-baseline
records. A probe library that defines each declared function (probe.py) is described by abidiff, with
its default suppressions off, and compared: a removed function, a changed function (a parameter's
type, a struct's size or layout, an enum's values) or anything abidiff calls incompatible fails;
added functions, and fields added at the end of a struct that carries its size (its other fields
as they were), pass. docs/c-abi.md gives the policy."""

import os
import pathlib
import re
import subprocess
import sys
from xml.etree import ElementTree

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "abi"))
import probe  # noqa: E402

BASELINE = ROOT / "tests" / "abi" / "compact.abi"
ABIDIFF_ERROR, ABIDIFF_USAGE_ERROR, ABIDIFF_INCOMPATIBLE = 1, 2, 8


def build_probe(header_text, tmp_path):
    include = tmp_path / "include" / "compact"
    include.mkdir(parents=True)
    (include / "compact.h").write_text(header_text, encoding="utf-8")
    (tmp_path / "probe.c").write_text(probe.probe(header_text), encoding="utf-8")
    library = tmp_path / "libcompact-abi.so"
    subprocess.run([os.environ.get("CC", "cc"), "-std=c99", "-g", "-shared", "-fPIC", "-w",
                    "-I", str(tmp_path / "include"), str(tmp_path / "probe.c"), "-o", str(library)],
                   check=True)
    return library


def sized_structs(header_text):
    """The structs that start with their own size, which the policy lets grow at the end."""
    return re.findall(r"typedef struct (compact_\w+) \{\s*size_t struct_size;", header_text)


def suppressions(header_text, tmp_path):
    """Members added at the end of a sized struct are an addition, not a change: the library reads
    and fills a caller's struct only as far as its struct_size reaches (docs/c-abi.md)."""
    path = tmp_path / "sized-structs.suppr"
    path.write_text("[suppress_type]\n  type_kind = struct\n"
                    f"  name_regexp = ^({'|'.join(sized_structs(header_text))})$\n"
                    "  has_data_member_inserted_at = end\n", encoding="utf-8")
    return path


def compare(header_text, tmp_path):
    """abidiff's exit status and its counts: {"functions": (removed, changed, added), ...}."""
    result = subprocess.run(["abidiff", "--no-default-suppression", "--suppressions",
                             str(suppressions(header_text, tmp_path)), str(BASELINE),
                             str(build_probe(header_text, tmp_path))],
                            capture_output=True, text=True)
    counts = {}
    for kind, removed, changed, added in re.findall(
            r"(Functions|Variables) changes summary: (\d+) Removed, (\d+) Changed.*?, (\d+) Added",
            result.stdout):
        counts[kind.lower()] = (int(removed), int(changed), int(added))
    return result.returncode, counts, result.stdout


def members(corpus, struct):
    """Each data member of `struct` in an abidw corpus: its name, offset and type, the type spelt
    out (the corpus's type ids differ from one corpus to another)."""
    types = {element.get("id"): element for element in corpus.iter() if element.get("id")}

    def spelt(type_id):
        element = types[type_id]
        if element.tag == "pointer-type-def":
            return spelt(element.get("type-id")) + "*"
        if element.tag == "qualified-type-def":
            return ("const " if element.get("const") == "yes" else "") + spelt(element.get("type-id"))
        return f"{element.tag} {element.get('name')}"

    (definition,) = [c for c in corpus.iter("class-decl")
                     if c.get("name") == struct and c.find("data-member") is not None]
    return [(member.find("var-decl").get("name"), member.get("layout-offset-in-bits"),
             spelt(member.find("var-decl").get("type-id")))
            for member in definition.iter("data-member")]


def grown_only_at_the_end(header_text, tmp_path):
    """The suppression lets a sized struct change in any way that adds members at its end: here
    the members the baseline has must keep their names, offsets and types, in order."""
    current = subprocess.run(["abidw", "--no-corpus-path", "--no-show-locs",
                              str(tmp_path / "libcompact-abi.so")],
                             capture_output=True, text=True, check=True).stdout
    baseline, now = ElementTree.parse(BASELINE).getroot(), ElementTree.fromstring(current)
    changed = []
    for struct in sized_structs(header_text):
        if not any(c.get("name") == struct for c in baseline.iter("class-decl")):
            continue  # new since the baseline
        before = members(baseline, struct)
        if members(now, struct)[:len(before)] != before:
            changed.append(struct)
    return changed


def compatible(status, counts):
    if status & (ABIDIFF_ERROR | ABIDIFF_USAGE_ERROR | ABIDIFF_INCOMPATIBLE):
        return False
    return all(removed == 0 and changed == 0 for removed, changed, _ in counts.values())


HEADER = (ROOT / "include" / "compact" / "compact.h").read_text(encoding="utf-8")


def test_the_header_keeps_the_baselines_abi(tmp_path):
    status, counts, report = compare(HEADER, tmp_path)
    assert grown_only_at_the_end(HEADER, tmp_path) == []
    assert compatible(status, counts), (
        "compact.h breaks the C ABI recorded in tests/abi/compact.abi (docs/c-abi.md: a break is a "
        "new major version):\n" + report)


def test_the_probe_defines_every_declared_function():
    declared = set(re.findall(r"^COMPACT_API\b[^;(]*?\b(compact_\w+)\s*\(", HEADER, re.M | re.S))
    assert {name for _, name, _ in probe.declarations(HEADER)} == declared
    assert len(declared) > 50


# The check on changes it must catch and changes it must let through, made to a copy of the header.
@pytest.mark.parametrize("change,allowed", [
    (("  int32_t day; ", "  int32_t day;\n  int32_t hour; "), False),  # a field added inside
    (("  int64_t margin_days;", "  int32_t margin_days;"), False),  # a field's type
    (("COMPACT_API const char* compact_version_string(void);", ""), False),  # a function removed
    (("  COMPACT_MONTHS = 2,", "  COMPACT_MONTHS = 5,"), False),  # an enum's value
    (("COMPACT_API unsigned compact_version_number(void);",
      "COMPACT_API unsigned compact_version_number(void);\nCOMPACT_API int compact_later(void);"), True),
    # A sized struct may grow at its end, and only there; a struct with no size may not grow.
    (("  size_t rule_count;\n", "  size_t rule_count;\n  int later;\n"), True),
    (("  const char* id;      /* \"stockton-2014\" */",
      "  int earlier;\n  const char* id;      /* \"stockton-2014\" */"), False),
    (("  const char* name;\n} compact_pack_source;",
      "  const char* name;\n  int later;\n} compact_pack_source;"), False),
    # A sized struct's member changed in place, at its end, or with a member added as well.
    (("  const char* id;      /* \"stockton-2014\" */",
      "  const int* id;      /* \"stockton-2014\" */"), False),
    (("  size_t rule_count;\n", "  int rule_count;\n"), False),
    (("  size_t rule_count;\n", "  int rule_count;\n  int later;\n"), False),
])
def test_the_check_tells_breaks_from_additions(change, allowed, tmp_path):
    old, new = change
    assert old in HEADER, old
    header = HEADER.replace(old, new, 1)
    status, counts, report = compare(header, tmp_path)
    changed = grown_only_at_the_end(header, tmp_path)
    assert (compatible(status, counts) and not changed) == allowed, (report, changed)
