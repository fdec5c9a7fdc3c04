"""What the installed-tree tests share: running a command, and one `cmake --install` of the build
(COMPACT_BUILD_DIR) for the whole session."""

import os
import subprocess

import pytest


def run(*args, timeout=600, **kwargs):
    """The command's standard output; fails the test, with all it printed, unless it succeeds."""
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout,
                            **kwargs)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="session")
def prefix(tmp_path_factory):
    prefix = tmp_path_factory.mktemp("prefix")
    run("cmake", "--install", os.environ["COMPACT_BUILD_DIR"], "--prefix", prefix)
    return prefix
