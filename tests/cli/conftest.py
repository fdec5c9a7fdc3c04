"""Shared fixtures for the CLI's end-to-end tests: the binary under test and the published data."""

import datetime
import os
import pathlib
import subprocess

import pytest


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("COMPACT_CLI")
    if not path:
        pytest.fail("COMPACT_CLI must name the compact binary (ctest sets it)")

    def run(*args, stdin=None):
        return subprocess.run([path, *args], input=stdin, capture_output=True, text=True, timeout=120)

    return run


@pytest.fixture(scope="session")
def published_holidays():
    """GOV.UK's England and Wales bank holidays 2012-2026: {date: name}."""
    data = pathlib.Path(os.environ["COMPACT_TEST_DATA"]) / "england-and-wales-bank-holidays-2012-2026.tsv"
    rows = data.read_text(encoding="utf-8").splitlines()[1:]
    return {datetime.date.fromisoformat(d): name for d, name in (row.split("\t") for row in rows)}
