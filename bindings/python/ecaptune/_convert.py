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
  growing it when the library answers ECAP_ERR_NOSPACE;
  :func:`call_with_array` does the same for any sized element struct
  (projection years), and :func:`json_from_array` renders such an array
  with a C ``*_to_json`` function.
- :func:`enum_value` accepts an IntEnum, an int or a name (parsed by the
  library's ``*_from_string``) for an enum input field.
"""

from __future__ import annotations

import ctypes
import dataclasses
import enum
import re
from typing import (Any, ClassVar, Dict, Iterator, List, Mapping, Optional,
                    Sequence, Type, TypeVar, Union)

from . import _lib
from . import _structs as S
from .errors import NoSpaceError

__all__ = ["Record", "to_struct", "from_struct", "struct_fields",
           "struct_from_record", "call_with_properties", "call_with_array",
           "json_from_array", "enum_value", "enum_to_string",
           "enum_from_string", "properties_to_dict"]

_T = TypeVar("_T", bound=ctypes.Structure)
_R = TypeVar("_R", bound="Record")


def _plain(v: Any) -> Any:
    if isinstance(v, bool):
        return v
    if isinstance(v, (enum.IntEnum, enum.IntFlag)):
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
    """The mirror's field names without ``sz`` and the padding fields
    ``reserved_<n>`` (``reserved_bytes`` of the memory regions is data)."""
    return [f[0] for f in cls._fields_  # type: ignore[attr-defined]
            if f[0] != "sz" and not _PADDING.fullmatch(f[0])]


_PADDING = re.compile(r"reserved_\d+")


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
        if isinstance(value, int):
            _check_int_range(cls, name, value)
        setattr(s, name, value)
    return s


_INT_RANGES = {
    ctypes.c_int32: (-(1 << 31), (1 << 31) - 1),
    ctypes.c_int64: (-(1 << 63), (1 << 63) - 1),
    ctypes.c_uint64: (0, (1 << 64) - 1),
    ctypes.c_size_t: (0, (1 << (8 * ctypes.sizeof(ctypes.c_size_t))) - 1),
}


def _check_int_range(cls: Type[ctypes.Structure], name: str, value: int) -> None:
    """ctypes silently wraps an int that does not fit the C field; refuse
    it instead (the library would see a different, wrong number)."""
    ctype = dict(cls._fields_)[name]  # type: ignore[attr-defined]
    bounds = _INT_RANGES.get(ctype)
    if bounds is not None and not bounds[0] <= value <= bounds[1]:
        raise OverflowError(
            f"{name}: {value} does not fit the C field "
            f"({bounds[0]} .. {bounds[1]})")


def struct_from_record(cls: Type[_T], record: "Record") -> _T:
    """The C struct ``cls`` rebuilt from a result dataclass with the same
    field names (to hand an advice back to a C renderer)."""
    return to_struct(cls, {name: getattr(record, name)
                           for name in struct_fields(cls)})


#: ECAP_EXPLAIN_MAX: a buffer this size always holds an explanation.
EXPLAIN_MAX = 512


def explain_record(name: str, cls: Type[ctypes.Structure],
                   record: "Record") -> str:
    """The sentence ``ecap_<family>_explain`` (``name``) writes for a
    result dataclass, rebuilt as its C struct ``cls``: formatted only
    when asked for."""
    s = struct_from_record(cls, record)
    buf = ctypes.create_string_buffer(EXPLAIN_MAX)
    _lib.check(name, ctypes.byref(s), buf, EXPLAIN_MAX)
    return buf.value.decode("utf-8", "replace")


def _from_c(v: Any) -> Any:
    if isinstance(v, bytes):
        return v.decode("utf-8", "replace")
    return v


def from_struct(s: ctypes.Structure, cls: Type[_R], **extra: Any) -> _R:
    """A ``cls`` dataclass from the same-named fields of struct ``s``;
    ``extra`` gives the fields the struct does not have."""
    kw: Dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in extra:
            kw[f.name] = extra[f.name]
            continue
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


def call_with_array(name: str, elem: Type[_T], *args: Any,
                    capacity: int = 32) -> List[_T]:
    """Calls ``name(*args, array, &count, err)``: the library fills a
    caller's array of sized structs ``elem`` whose stride is the first
    element's ``sz`` and whose capacity is ``*count``.  On
    ECAP_ERR_NOSPACE (``*count`` then holds the count needed) the call is
    repeated once with that many elements.  Returns the elements written.
    """
    for _ in range(2):
        arr = (elem * max(capacity, 1))()
        for e in arr:
            e.sz = ctypes.sizeof(elem)  # type: ignore[attr-defined]
        count = ctypes.c_size_t(capacity)
        try:
            _lib.check(name, *args, arr, ctypes.byref(count))
        except NoSpaceError:
            capacity = count.value
            continue
        return [arr[i] for i in range(count.value)]
    raise NoSpaceError(int(NoSpaceError.CODE or 0), "count",
                       "the element count changed between two calls")


def call_with_properties(name: str, *args: Any,
                         capacity: int = 32) -> List["Property"]:
    """Calls ``name(*args, props, &count, err)`` (the shared shape of the
    functions that render Spark properties) and returns the properties.

    The array's stride is the binding's sizeof(struct ecap_property); on
    ECAP_ERR_NOSPACE the call is repeated once with the needed count.
    """
    return [from_struct(p, Property)
            for p in call_with_array(name, S.PropertyStruct, *args,
                                     capacity=capacity)]


def json_from_array(name: str, elem: Type[_T],
                    records: Sequence["Record"]) -> str:
    """Rebuilds ``records`` as a C array of ``elem`` and renders it with
    ``name(array, count, &json, err)``; the C string is freed with
    ecap_free()."""
    arr = (elem * max(len(records), 1))()
    for i, r in enumerate(records):
        arr[i] = struct_from_record(elem, r)
    out = ctypes.c_void_p()
    _lib.check(name, arr, len(records), ctypes.byref(out))
    try:
        return ctypes.string_at(out.value).decode("utf-8")
    finally:
        _lib.lib.ecap_free(out)


_E = TypeVar("_E", bound=enum.IntEnum)


def enum_to_string(name: str, value: Union[int, enum.IntEnum]) -> Optional[str]:
    """The library's name of an enum value (C ``*_to_string`` ``name``);
    None for a value the library does not know."""
    s = getattr(_lib.lib, name)(int(value))
    return None if s is None else s.decode()


def enum_from_string(name: str, cls: Type[_E], text: str) -> _E:
    """Parses ``text`` with C ``*_from_string`` ``name``; raises
    UnknownEnumError for a name the library does not know."""
    out = ctypes.c_int32(0)
    _lib.check(name, text.encode("utf-8"), ctypes.byref(out))
    try:
        return cls(out.value)
    except ValueError:  # a value newer than this binding
        return out.value  # type: ignore[return-value]


def enum_value(value: Union[int, str, enum.IntEnum], cls: Type[_E],
               from_string: Optional[str] = None) -> int:
    """An enum input field's int: an IntEnum or int as is (the library
    validates it: UnknownEnumError), a str parsed by ``from_string``."""
    if isinstance(value, str):
        if from_string is None:
            return int(cls[value])
        return int(enum_from_string(from_string, cls, value))
    return int(value)


def properties_to_dict(props: Sequence["Property"]) -> Dict[str, str]:
    """The properties as {key: value}, in the library's order."""
    return {p.key: p.value for p in props}


@dataclasses.dataclass(frozen=True)
class Property(Record):
    """struct ecap_property: one Spark (or engine) property, e.g.
    key "spark.sql.shuffle.partitions", value "200"."""

    key: str
    value: str

    def __iter__(self) -> Iterator[str]:
        """Unpacks as ``key, value``, so ``dict(props)`` works."""
        return iter((self.key, self.value))
