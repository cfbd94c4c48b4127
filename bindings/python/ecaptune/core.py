# SPDX-License-Identifier: MIT
"""Version, error names and model names."""

from __future__ import annotations

import ctypes
from typing import NamedTuple, Optional, Union

from . import _lib
from .enums import Model

__all__ = ["VersionInfo", "version_string", "version_number", "version_info",
           "strerror", "model_to_string", "model_from_string"]


class VersionInfo(NamedTuple):
    """The run-time library version as (major, minor, patch)."""

    major: int
    minor: int
    patch: int


def version_string() -> str:
    """Version of the loaded library, e.g. "1.0.0" (ecap_version_string)."""
    return str(_lib.lib.ecap_version_string().decode())


def version_number() -> int:
    """Packed version 0xMMmmpp of the loaded library (ecap_version_number)."""
    return int(_lib.lib.ecap_version_number())


def version_info() -> VersionInfo:
    """The loaded library's version as a comparable named tuple."""
    n = version_number()
    return VersionInfo(n >> 16, (n >> 8) & 0xFF, n & 0xFF)


def strerror(code: int) -> str:
    """The library's words for an error code (ecap_strerror); "unknown error"
    for a code it does not know."""
    return str(_lib.lib.ecap_strerror(int(code)).decode())


def model_to_string(model: Union[Model, int]) -> Optional[str]:
    """"guide" or "ecap-1" (ecap_model_to_string); None for an unknown value."""
    s = _lib.lib.ecap_model_to_string(int(model))
    return None if s is None else s.decode()


def model_from_string(name: str) -> Model:
    """Parses "guide" or "ecap-1" (ecap_model_from_string).

    Raises UnknownModelError for any other name.
    """
    out = ctypes.c_int32(0)
    _lib.check("ecap_model_from_string", name.encode(), ctypes.byref(out))
    return Model(out.value)
