# SPDX-License-Identifier: MIT
"""The registry of the ctypes mirrors (see _structs): ``MIRRORS`` (C
struct name -> class), filled by the ``@mirror`` class decorator, and
:func:`new_struct`.  The layout test compiles a C program from the
registry, so every mirror module registers its classes here."""

from __future__ import annotations

import ctypes
from typing import Callable, Dict, Type, TypeVar

__all__ = ["MIRRORS", "mirror", "new_struct"]

#: C struct name (without ``struct``) -> its ctypes mirror.
MIRRORS: Dict[str, Type[ctypes.Structure]] = {}

_S = TypeVar("_S", bound=Type[ctypes.Structure])


def mirror(c_name: str) -> Callable[[_S], _S]:
    """Class decorator: registers a ctypes mirror of ``struct <c_name>``."""

    def register(cls: _S) -> _S:
        if c_name in MIRRORS:
            raise RuntimeError(f"struct {c_name} is mirrored twice")
        setattr(cls, "_c_name_", c_name)
        MIRRORS[c_name] = cls
        return cls

    return register


_T = TypeVar("_T", bound=ctypes.Structure)


def new_struct(cls: Type[_T]) -> _T:
    """A zero-filled instance of a sized struct with ``sz`` set to the
    binding's own ``sizeof`` (what ECAP_STRUCT_INIT does in C)."""
    s = cls()
    setattr(s, "sz", ctypes.sizeof(cls))
    return s

