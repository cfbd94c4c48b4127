# SPDX-License-Identifier: MIT
"""Conversions between frozen dataclasses / keyword arguments and the ctypes
mirrors, shared by every module (policy and advisor families).

- :func:`to_struct` builds a zero-filled input struct (``sz`` set) from
  keyword arguments named exactly as the C fields (units in the names);
  an unknown name is a TypeError listing the valid ones.
- :func:`from_struct` builds a frozen dataclass from an output struct by
  field name: ``char[]``/``char *`` become ``str``, fields listed in the
  dataclass's ``_enums`` become that IntEnum.
- :class:`Record` is the base of every result: ``to_dict()`` gives plain
  JSON-ready values (enums as their int values).
- :func:`call_with_properties` fills a ``struct ecap_property`` array,
  growing it when the library answers ECAP_ERR_NOSPACE.
"""

from __future__ import annotations

import ctypes
import dataclasses
import enum
from typing import (Any, ClassVar, Dict, List, Mapping, Type, TypeVar)

from . import _lib
from . import _structs as S
from .errors import NoSpaceError

__all__ = ["Record", "to_struct", "from_struct", "struct_fields",
           "call_with_properties"]

_T = TypeVar("_T", bound=ctypes.Structure)
_R = TypeVar("_R", bound="Record")


def _plain(v: Any) -> Any:
    if isinstance(v, bool):
        return v
    if isinstance(v, enum.IntEnum):
        return int(v)
    if isinstance(v, Record):
        return v.to_dict()
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v


@dataclasses.dataclass(frozen=True)
class Record:
    """Base of the binding's frozen result dataclasses."""

    #: field name -> IntEnum class, for int32 enum fields of the C struct.
    _enums: ClassVar[Dict[str, Type[enum.IntEnum]]] = {}
    #: field names that are C int32 flags (0/1) shown as bool.
    _bools: ClassVar[frozenset] = frozenset()

    def to_dict(self) -> Dict[str, Any]:
        """Plain dict for json.dumps: enums become ints, nested records dicts."""
        return {f.name: _plain(getattr(self, f.name))
                for f in dataclasses.fields(self)}


def struct_fields(cls: Type[ctypes.Structure]) -> List[str]:
    """The mirror's field names without ``sz`` and ``reserved_*``."""
    return [f[0] for f in cls._fields_  # type: ignore[attr-defined]
            if f[0] != "sz" and not f[0].startswith("reserved_")]


def to_struct(cls: Type[_T], values: Mapping[str, Any]) -> _T:
    """A new ``cls`` (zero-filled, ``sz`` set) with the given fields set.

    Fields not given stay zero, which the C API reads as "not given / use
    the default".  str is encoded UTF-8, enums and bools become ints.
    """
    known = struct_fields(cls)
    s = S.new_struct(cls)
    for name, value in values.items():
        if name not in known:
            raise TypeError(
                f"unexpected keyword argument {name!r}; "
                f"valid: {', '.join(known)}")
        if isinstance(value, str):
            value = value.encode("utf-8")
            size = getattr(cls, name).size
            if len(value) >= size:
                raise ValueError(
                    f"{name} must be shorter than {size} bytes of UTF-8 "
                    f"(got {len(value)})")
        elif isinstance(value, (bool, enum.IntEnum)):
            value = int(value)
        setattr(s, name, value)
    return s


def _from_c(v: Any) -> Any:
    if isinstance(v, bytes):
        return v.decode("utf-8", "replace")
    return v


def from_struct(s: ctypes.Structure, cls: Type[_R]) -> _R:
    """A ``cls`` dataclass from the same-named fields of struct ``s``."""
    kw: Dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        v = _from_c(getattr(s, f.name))
        if f.name in cls._enums:
            try:
                v = cls._enums[f.name](v)
            except ValueError:
                pass  # a value newer than this binding stays an int
        elif f.name in cls._bools:
            v = bool(v)
        kw[f.name] = v
    return cls(**kw)


def call_with_properties(name: str, *args: Any,
                         capacity: int = 32) -> List["Property"]:
    """Calls ``name(*args, props, &count, err)`` (the shared shape of the
    functions that render Spark properties) and returns the properties.

    The array's stride is the binding's sizeof(struct ecap_property); on
    ECAP_ERR_NOSPACE the call is repeated once with the needed count.
    """
    for _ in range(2):
        arr = (S.PropertyStruct * max(capacity, 1))()
        for p in arr:
            p.sz = ctypes.sizeof(S.PropertyStruct)
        count = ctypes.c_size_t(capacity)
        try:
            _lib.check(name, *args, arr, ctypes.byref(count))
        except NoSpaceError:
            capacity = count.value
            continue
        return [from_struct(arr[i], Property) for i in range(count.value)]
    raise NoSpaceError(int(NoSpaceError.CODE or 0), "count",
                       "the property count changed between two calls")


@dataclasses.dataclass(frozen=True)
class Property(Record):
    """struct ecap_property: one Spark (or engine) property, e.g.
    key "spark.sql.shuffle.partitions", value "200"."""

    key: str
    value: str
