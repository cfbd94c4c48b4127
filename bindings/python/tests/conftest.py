# SPDX-License-Identifier: MIT
"""Shared fixtures: where the source tree is, a fresh policy per test.

The tests run against the library named by ECAPTUNE_LIBRARY (run-tests.sh
points it at the one just built); the source tree is $top_srcdir, or
found relative to this file.
"""

from __future__ import annotations

import os
import pathlib

import pytest

HERE = pathlib.Path(__file__).resolve().parent


def top_srcdir() -> pathlib.Path:
    env = os.environ.get("top_srcdir")
    return pathlib.Path(env) if env else HERE.parents[2]


def include_dir() -> pathlib.Path:
    env = os.environ.get("ECAPTUNE_INCLUDE_DIR")
    return pathlib.Path(env) if env else top_srcdir() / "include"


def sym_file() -> pathlib.Path:
    return top_srcdir() / "lib" / "libecaptune.sym"


@pytest.fixture
def policy():
    import ecaptune

    with ecaptune.Policy() as p:
        yield p
