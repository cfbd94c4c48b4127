# SPDX-License-Identifier: MIT
"""Finding the library and refusing an older one."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import ecaptune
from ecaptune import _lib


def test_loaded_the_library_named_by_the_environment():
    assert ecaptune.library_path == os.environ["ECAPTUNE_LIBRARY"]


class _FakeFn:
    def __init__(self, value):
        self.value = value

    def __call__(self):
        return self.value


class _FakeLib:
    def __init__(self, version):
        self.ecap_version_number = _FakeFn(version)


def test_older_library_is_refused():
    with pytest.raises(ImportError, match=r"version 0\.9\.9; this binding needs 1\.0\.0"):
        _lib._check_version(_FakeLib(_lib.pack_version(0, 9, 9)), "/x/libecaptune.so.1")
    _lib._check_version(_FakeLib(_lib.pack_version(1, 0, 0)), "ok")
    _lib._check_version(_FakeLib(_lib.pack_version(1, 7, 0)), "newer is fine")


def test_bad_environment_path_is_a_clear_import_error():
    env = dict(os.environ, ECAPTUNE_LIBRARY="/nonexistent/libecaptune.so.1")
    r = subprocess.run([sys.executable, "-c", "import ecaptune"], env=env,
                       capture_output=True, text=True)
    assert r.returncode != 0
    assert "ImportError" in r.stderr and "ECAPTUNE_LIBRARY" in r.stderr
