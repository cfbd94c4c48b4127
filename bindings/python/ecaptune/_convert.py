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
  JSON-ready values (enums as the library's names).
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
import struct
from typing import (Any, Callable, ClassVar, Dict, FrozenSet, List, Literal,
                    Mapping, NamedTuple, Optional, Protocol, Sequence, Tuple,
                    Type, TypeVar, Union)

from . import _lib
from . import _structs as S
from .enums import CEnum
from .errors import NoSpaceError

__all__ = ["Record", "to_struct", "from_struct", "struct_fields",
           "struct_from_record", "call_with_properties", "call_with_array",
           "json_from_array", "enum_value", "enum_to_string",
           "enum_from_string", "properties_to_dict"]

_T = TypeVar("_T", bound=ctypes.Structure)
_R = TypeVar("_R", bound="Record")

#: The class of an enum field of a C struct: an IntEnum, or an IntFlag
#: for a set of flag bits.
IntEnumType = Union[Type[enum.IntEnum], Type[enum.IntFlag]]


class _Unpacker(Protocol):
    """struct.Struct(...).unpack_from: every field of a struct at once."""

    def __call__(self, buffer: Any, /, offset: int = ...) -> Tuple[Any, ...]:
        ...


def c_fields(cls: Type[ctypes.Structure]) -> List[Tuple[str, Any]]:
    """A mirror's ``_fields_`` as (name, ctypes type) pairs (the mirrors
    have no bit-fields).  The type is Any: the conversions test it
    against ctypes classes at run time (a char array, an int, a
    pointer)."""
    return [(f[0], f[1]) for f in cls._fields_]


def _is_chars(ctype: Any) -> bool:
    """A ``char[N]`` field (bytes in Python).  ``_type_`` read with
    getattr: typeshed has it as a property of an array instance, on the
    array class it is the element type."""
    return isinstance(ctype, type) and issubclass(ctype, ctypes.Array) \
        and getattr(ctype, "_type_") is ctypes.c_char


def _plain(v: Any) -> Any:
    if isinstance(v, bool):
        return v
    if isinstance(v, CEnum):
        return str(v)  # the library's name
    if isinstance(v, (enum.IntEnum, enum.IntFlag)):
        return int(v)
    if isinstance(v, Record):
        return v.to_dict()
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v


def _field_repr(v: Any) -> str:
    if isinstance(v, enum.Enum):
        return f"{type(v).__name__}.{v.name}"
    if isinstance(v, (list, tuple)) and any(isinstance(x, Record) for x in v):
        inner = ",\n".join("    " + repr(x).replace("\n", "\n    ") for x in v)
        return "[\n" + inner + ",\n]"
    return repr(v)


@dataclasses.dataclass(frozen=True)
class Record:
    """Base of the binding's frozen result dataclasses."""

    #: field name -> IntEnum class, for int32 enum fields of the C struct.
    _enums: ClassVar[Dict[str, IntEnumType]] = {}
    #: field names that are C int32 flags (0/1) shown as bool.
    _bools: ClassVar[FrozenSet[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # dataclass() writes its one-line __repr__ only into a class that
        # has none of its own: give every record the readable one.
        if "__repr__" not in cls.__dict__:
            setattr(cls, "__repr__", Record.__repr__)

    def __repr__(self) -> str:
        """One field a line (``name=value,``), nested records indented,
        enum members as ``Class.MEMBER``."""
        lines = [f"{type(self).__name__}("]
        for f in dataclasses.fields(self):
            text = _field_repr(getattr(self, f.name))
            lines.append(f"    {f.name}=" + text.replace("\n", "\n    ") + ",")
        lines.append(")")
        return "\n".join(lines)

    def to_dict(self) -> Dict[str, Any]:
        """Plain dict for json.dumps: enums become the library's names
        ("ecap-1", "broadcast-by-size"), flags ints, nested records
        dicts."""
        return {f.name: _plain(getattr(self, f.name))
                for f in dataclasses.fields(self)}

    # A result made by from_struct holds the unpacked struct and converts
    # a field when it is first read (most callers read a few fields).
    def __getattr__(self, name: str) -> Any:
        d = self.__dict__
        raw = d.get("_raw_")
        if raw is None or name.startswith("__"):
            raise AttributeError(name)
        t, getters = raw[0], raw[1]
        if len(raw) == 3:  # the lean path's struct, unpacked when first read
            t = raw[2](t)
            d["_raw_"] = (t, getters)
        g = getters.get(name)
        if g is None:
            raise AttributeError(name)
        i, f = g
        v = t[i] if f is None else f(t[i])
        d[name] = v
        return v

    def __getstate__(self) -> Dict[str, Any]:
        return {f.name: getattr(self, f.name)
                for f in dataclasses.fields(self)}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__dict__.update(state)


def struct_fields(cls: Type[ctypes.Structure]) -> List[str]:
    """The mirror's field names without ``sz`` and the padding fields
    ``reserved_<n>`` (``reserved_bytes`` of the memory regions is data)."""
    return list(_meta(cls).names)


_PADDING = re.compile(r"reserved_\d+")

_INT_RANGES = {
    ctypes.c_int32: (-(1 << 31), (1 << 31) - 1),
    ctypes.c_int64: (-(1 << 63), (1 << 63) - 1),
    ctypes.c_uint32: (0, (1 << 32) - 1),
    ctypes.c_uint64: (0, (1 << 64) - 1),
    ctypes.c_size_t: (0, (1 << (8 * ctypes.sizeof(ctypes.c_size_t))) - 1),
}

# struct module codes of the field types a mirror holds; any other type
# (pointers, nested structs) makes the mirror read field by field.
_CODES = {ctypes.c_int32: "i", ctypes.c_uint32: "I", ctypes.c_int64: "q",
          ctypes.c_uint64: "Q", ctypes.c_double: "d",
          ctypes.c_size_t: "Q" if ctypes.sizeof(ctypes.c_size_t) == 8 else "I"}

_FLOAT, _INT, _CHARS = 0, 1, 2


class _Meta:
    """What the conversions need of one mirror, computed once: the field
    names in order, each input field's kind and range, and a
    struct.Struct that unpacks every field in one call."""

    __slots__ = ("sz", "names", "pos", "kind", "bounds", "zeros",
                 "unpack", "index")

    def __init__(self, cls: Type[ctypes.Structure]) -> None:
        fields = c_fields(cls)
        self.sz = ctypes.sizeof(cls)
        self.names = tuple(f[0] for f in fields if f[0] != "sz" and
                           not _PADDING.fullmatch(f[0]))
        #: position of a field among those after sz (the constructor's
        #: positional arguments)
        self.pos = {f[0]: i for i, f in enumerate(fields[1:])}
        self.kind: Dict[str, int] = {}
        self.bounds: Dict[str, Tuple[int, int]] = {}
        self.zeros: List[Union[bytes, int, None]] = []
        zero: Union[bytes, int, None]
        for name, ctype in fields[1:]:
            if _is_chars(ctype):
                kind, zero = _CHARS, b""
            elif ctype in _INT_RANGES:
                kind, zero = _INT, 0
                self.bounds[name] = _INT_RANGES[ctype]
            elif ctype in (ctypes.c_double, ctypes.c_float):
                kind, zero = _FLOAT, 0
            else:  # pointers: NULL
                kind, zero = _FLOAT, None
            self.zeros.append(zero)
            if name in self.names:  # the inputs a caller may give
                self.kind[name] = kind
        self.unpack: Optional[_Unpacker] = None
        self.index: Dict[str, int] = {}
        fmt = _struct_format(cls, pointers=False)
        if fmt is not None:  # else read field by field
            self.unpack = struct.Struct(fmt).unpack_from
            self.index = {f[0]: i for i, f in enumerate(fields)}


def _meta(cls: Type[ctypes.Structure]) -> _Meta:
    m = cls.__dict__.get("_ecap_meta_")
    if m is None:
        m = _Meta(cls)
        setattr(cls, "_ecap_meta_", m)
    return m


def _is_pointer(ctype: Any) -> bool:
    return isinstance(ctype, type) and issubclass(
        ctype, (ctypes._Pointer, ctypes.c_char_p, ctypes.c_void_p))


def _struct_format(cls: Type[ctypes.Structure],
                   pointers: bool) -> Optional[str]:
    """The struct module format of a mirror's fields in order (char arrays
    as bytes, padding as "x"); with pointers, a pointer as an unsigned
    integer of its size (0 for NULL).  None for a field it cannot
    express."""
    fmt, pos = "=", 0
    ptr = "Q" if ctypes.sizeof(ctypes.c_void_p) == 8 else "I"
    for name, ctype in c_fields(cls):
        desc = getattr(cls, name)
        if _is_chars(ctype):
            code = f"{desc.size}s"
        elif ctype in _CODES:
            code = _CODES[ctype]
        elif pointers and _is_pointer(ctype):
            code = ptr
        else:
            return None
        if desc.offset < pos:
            return None
        fmt += "x" * (desc.offset - pos) + code
        pos = desc.offset + desc.size
    return fmt + "x" * (ctypes.sizeof(cls) - pos)


def _build_slow(cls: Type[_T], values: Mapping[str, Any]) -> _T:
    """to_struct one field at a time, with the messages."""
    m = _meta(cls)
    args = list(m.zeros)
    for name, value in values.items():
        k = m.kind.get(name)
        if k is None:
            raise TypeError(
                f"unexpected keyword argument {name!r}; "
                f"valid: {', '.join(m.names)}")
        if k == _INT:
            if type(value) is not int and isinstance(value, int):
                value = int(value)  # bool, IntEnum
            if type(value) is int:
                lo, hi = m.bounds[name]
                if not lo <= value <= hi:
                    raise OverflowError(
                        f"{name}: {value} does not fit the C field "
                        f"({lo} .. {hi})")
        elif k == _CHARS and isinstance(value, str):
            value = value.encode("utf-8")
            size = getattr(cls, name).size
            if len(value) >= size:
                raise ValueError(
                    f"{name} must be shorter than {size} bytes of UTF-8 "
                    f"(got {len(value)})")
        args[m.pos[name]] = value
    return cls(m.sz, *args)


def _builder(cls: Type[_T]) -> Callable[[Mapping[str, Any]], _T]:
    """A function values -> cls made once per mirror: the values merged
    over the fields' zeros in field order and packed by struct.pack in one
    call (which
    range-checks every int as the C field's size requires), then copied
    into the ctypes struct.  Anything pack refuses (an int out of range, a
    float in an int field, a str), an unknown name, or a char field that
    needs encoding or does not fit goes to _build_slow for the conversion
    or the message."""
    m = _meta(cls)
    fields = c_fields(cls)[1:]
    fmt = _struct_format(cls, pointers=True)
    if fmt is None:  # nested structs: the field-by-field path
        return lambda v: _build_slow(cls, v)
    pack_into = struct.Struct(fmt).pack_into
    names = tuple(f[0] for f in fields)
    # A pointer field packs as its address; the fast path takes only
    # NULL (None or absent): an object would need keeping alive.
    pointers = tuple(name for name, ctype in fields
                     if _is_pointer(ctype))
    zeros = tuple(0 if z is None else z for z in m.zeros)
    defaults = dict(zip(names, zeros))
    n_fields = len(defaults)
    padding = frozenset(names) - frozenset(m.names) - {"sz"}
    chars = tuple((name, getattr(cls, name).size) for name in names
                  if m.kind.get(name) == _CHARS)
    sz = m.sz

    def build(v: Mapping[str, Any]) -> _T:
        # the zeros in field order, overridden by the values given; a
        # name that is not a field makes the merge longer
        merged = {**defaults, **v}
        if len(merged) != n_fields or not padding.isdisjoint(v):
            return _build_slow(cls, v)
        for name, size in chars:
            x = merged[name]
            if isinstance(x, str) or len(x) >= size:
                return _build_slow(cls, v)
        for name in pointers:
            if merged[name]:
                return _build_slow(cls, v)
        s = cls()
        try:
            pack_into(s, 0, sz, *merged.values())
        except (struct.error, TypeError):
            return _build_slow(cls, v)
        return s

    return build


def to_struct(cls: Type[_T], values: Mapping[str, Any]) -> _T:
    """A new ``cls`` (zero-filled, ``sz`` set) with the given fields set.

    Fields not given stay zero, which the C API reads as "not given / use
    the default".  str is encoded UTF-8, enums and bools become ints; an
    int that does not fit its C field is OverflowError (ctypes would wrap
    it silently), an unknown name TypeError listing the valid ones.
    """
    build: Optional[Callable[[Mapping[str, Any]], _T]] = \
        cls.__dict__.get("_ecap_build_")
    if build is None:
        build = _builder(cls)
        setattr(cls, "_ecap_build_", build)
    return build(values)


def struct_from_record(cls: Type[_T], record: "Record") -> _T:
    """The C struct ``cls`` rebuilt from a result dataclass with the same
    field names (to hand an advice back to a C renderer)."""
    return to_struct(cls, {name: getattr(record, name)
                           for name in struct_fields(cls)})


#: ECAP_EXPLAIN_MAX: a buffer this size always holds an explanation.
EXPLAIN_MAX = 1024


def explain_record(name: str, cls: Type[ctypes.Structure],
                   record: "Record", *args: Any) -> str:
    """The sentence ``ecap_<family>_explain`` (``name``) writes for a
    result dataclass, rebuilt as its C struct ``cls``: formatted only
    when asked for.  ``args`` go between the struct and the buffer
    (ecap_join_explain_part's part)."""
    s = struct_from_record(cls, record)
    buf = ctypes.create_string_buffer(EXPLAIN_MAX)
    _lib.check(name, s, *args, buf, EXPLAIN_MAX)
    return buf.value.decode("utf-8", "replace")


def _from_c(v: Any) -> Any:
    if isinstance(v, bytes):
        return v.decode("utf-8", "replace")
    return v


def _from_struct_slow(s: ctypes.Structure, cls: Type[_R],
                      extra: Mapping[str, Any]) -> _R:
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


def _chars(b: bytes) -> str:
    return b.split(b"\0", 1)[0].decode("utf-8", "replace")


def _enum_getter(e: IntEnumType) -> Callable[[int], Any]:
    if issubclass(e, enum.Flag):
        return e  # IntFlag(v) makes any combination of bits
    members = e._value2member_map_
    return lambda v: members.get(v, v)  # a newer value stays an int


def _getters(scls: Type[ctypes.Structure], rcls: Type[_R],
             extra: Sequence[str] = ()) -> Optional[Dict[str, Tuple[int, Any]]]:
    """Field name -> (index in the unpacked struct, conversion or None),
    made once per (struct, record) pair; None when the pair needs the
    field-by-field path (a field type the unpacker cannot read, a record
    field the struct lacks and ``extra`` does not name, __post_init__,
    slots, fields outside __init__)."""
    m = _meta(scls)
    fields = [f for f in dataclasses.fields(rcls) if f.name not in extra]
    if m.unpack is None or hasattr(rcls, "__post_init__") or \
            any(not f.init or f.name not in m.index for f in fields) or \
            "__slots__" in rcls.__dict__:
        return None
    getters: Dict[str, Tuple[int, Any]] = {}
    for f in fields:
        if m.kind.get(f.name) == _CHARS:
            conv: Any = _chars
        elif f.name in rcls._enums:
            conv = _enum_getter(rcls._enums[f.name])
        elif f.name in rcls._bools:
            conv = bool
        else:
            conv = None
        getters[f.name] = (m.index[f.name], conv)
    return getters


#: from_struct's plan of a (struct, dataclass) pair: the unpacker, the
#: getters, the fields converted at once; False for the field-by-field path.
_Plan = Union[Tuple[_Unpacker, Dict[str, Tuple[int, Any]], Tuple[str, ...]],
              Literal[False]]
_GETTERS: Dict[Tuple[type, type], _Plan] = {}


def from_struct(s: ctypes.Structure, cls: Type[_R], **extra: Any) -> _R:
    """A ``cls`` dataclass from the same-named fields of struct ``s``;
    ``extra`` gives the fields the struct does not have.

    The struct is unpacked in one call and each field converted when it
    is first read; what to convert is worked out once per (struct,
    dataclass) pair."""
    key = (type(s), cls)
    found = _GETTERS.get(key)
    if found is None:
        g = _getters(type(s), cls)
        # A field with a default is a class attribute, which a lookup
        # finds before __getattr__: such fields are converted at once.
        eager = tuple(f.name for f in dataclasses.fields(cls)
                      if f.default is not dataclasses.MISSING or
                      f.default_factory is not dataclasses.MISSING)
        unpack = _meta(type(s)).unpack
        found = _GETTERS[key] = \
            (unpack, g, eager) if g and unpack else False
    if found is False or extra:
        return _from_struct_slow(s, cls, extra)
    unpack, getters, eager = found
    o: _R = object.__new__(cls)
    d = o.__dict__
    # callers reuse structs: unpacked now, converted when read
    d["_raw_"] = (unpack(s), getters)
    for name in eager:
        Record.__getattr__(o, name)
    return o


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
            e.sz = ctypes.sizeof(elem)
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
    return [Property(_from_c(p.key), _from_c(p.value))
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
        return ctypes.string_at(out.value or 0).decode("utf-8")
    finally:
        _lib.lib.ecap_free(out)


_E = TypeVar("_E", bound=Union[enum.IntEnum, enum.IntFlag])


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
        return out.value  # type: ignore[return-value]  # no member yet: the int


def enum_value(value: Union[int, str, enum.IntEnum], cls: Type[_E],
               from_string: Optional[str] = None) -> int:
    """An enum input field's int: an IntEnum or int as is (the library
    validates it: UnknownEnumError), a str parsed by ``from_string``."""
    if isinstance(value, str):
        if from_string is not None:
            return int(enum_from_string(from_string, cls, value))
        if issubclass(cls, CEnum):
            return int(cls.parse(value))
        return int(cls[value])
    return int(value)


def properties_to_dict(props: Sequence["Property"]) -> Dict[str, str]:
    """The properties as {key: value}, in the library's order."""
    return {p.key: p.value for p in props}


class Property(NamedTuple):
    """struct ecap_property: one Spark (or engine) property, e.g.
    key "spark.sql.shuffle.partitions", value "200".  A (key, value)
    tuple, so ``dict(props)`` is a ``dict[str, str]``."""

    key: str
    value: str

    def to_dict(self) -> Dict[str, str]:
        """{"key": ..., "value": ...}."""
        return {"key": self.key, "value": self.value}
