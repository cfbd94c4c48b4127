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


# `pytest` run by hand from bindings/python in a built tree: test the
# tree's library, as run-tests.sh does (set before any test imports
# ecaptune, which loads the library at import).
_BUILT = top_srcdir() / "lib" / ".libs" / "libecaptune.so.1"
if "ECAPTUNE_LIBRARY" not in os.environ and _BUILT.is_file():
    os.environ["ECAPTUNE_LIBRARY"] = str(_BUILT)


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
