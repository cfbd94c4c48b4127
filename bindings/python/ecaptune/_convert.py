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
import functools
import inspect
import re
import struct
from typing import (Any, Callable, ClassVar, Dict, FrozenSet, List, Mapping,
                    NamedTuple,
                    Optional, Sequence, Tuple, Type, TypeVar, Union)

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
    _enums: ClassVar[Dict[str, Type[enum.IntEnum]]] = {}
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
        fields = cls._fields_  # type: ignore[attr-defined]
        self.sz = ctypes.sizeof(cls)
        self.names = tuple(f[0] for f in fields if f[0] != "sz" and
                           not _PADDING.fullmatch(f[0]))
        #: position of a field among those after sz (the constructor's
        #: positional arguments)
        self.pos = {f[0]: i for i, f in enumerate(fields[1:])}
        self.kind: Dict[str, int] = {}
        self.bounds: Dict[str, Tuple[int, int]] = {}
        self.zeros: List[Any] = []
        for name, ctype in fields[1:]:
            if isinstance(ctype, type) and issubclass(ctype, ctypes.Array) \
                    and ctype._type_ is ctypes.c_char:
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
        self.unpack: Optional[Callable[[Any], Tuple[Any, ...]]] = None
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
    for name, ctype in cls._fields_:  # type: ignore[attr-defined]
        desc = getattr(cls, name)
        if isinstance(ctype, type) and issubclass(ctype, ctypes.Array) \
                and ctype._type_ is ctypes.c_char:
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
    fields = cls._fields_[1:]  # type: ignore[attr-defined]
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
    build = cls.__dict__.get("_ecap_build_")
    if build is None:
        build = _builder(cls)
        setattr(cls, "_ecap_build_", build)
    return build(values)  # type: ignore[no-any-return]


def struct_from_record(cls: Type[_T], record: "Record") -> _T:
    """The C struct ``cls`` rebuilt from a result dataclass with the same
    field names (to hand an advice back to a C renderer)."""
    return to_struct(cls, {name: getattr(record, name)
                           for name in struct_fields(cls)})


#: ECAP_EXPLAIN_MAX: a buffer this size always holds an explanation.
EXPLAIN_MAX = 512


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


def _enum_getter(e: Type[enum.IntEnum]) -> Callable[[int], Any]:
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


_GETTERS: Dict[Tuple[type, type], Any] = {}


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
        found = _GETTERS[key] = \
            (_meta(type(s)).unpack, g, eager) if g else False
    if found is False or extra:
        return _from_struct_slow(s, cls, extra)
    unpack, getters, eager = found
    o: _R = object.__new__(cls)
    d = o.__dict__
    # callers reuse structs: unpacked now, converted when read
    d["_raw_"] = (unpack(s), getters)
    for name in eager:
        Record.__getattr__(o, name)  # type: ignore[arg-type]
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



# ---- the lean advisor path (issue 13): one generated function per family

def _lean_pack(in_cls: Type[ctypes.Structure], arg: Mapping[str, str],
               enums: Mapping[str, Any]) -> List[str]:
    """The lines of a lean path's source that set ``inp``: the input
    packed with one struct.pack over the whole struct into bytes, which
    the C function reads as its const input.  ``arg`` maps a field to
    the expression of its value (a variable of the function for an enum
    or a char field); the fields it does not name are zero constants.  A
    value the packer refuses goes through ``_slow`` (to_struct, for the
    conversions and messages) with the values in ``arg``'s order."""
    m = _meta(in_cls)
    body: List[str] = []
    exprs = ["_sz"]
    for name in enums:  # an IntEnum, a bool or a name: enum_value's int
        a = arg[name]
        assert a.isidentifier(), a
        body += [f"if {a}.__class__ is not int:",
                 f"    {a} = _enum_value({a}, *_enums[{name!r}])"]
    for name, _ in in_cls._fields_[1:]:  # type: ignore[attr-defined]
        a = arg.get(name)
        if a is None:
            exprs.append("b''" if m.zeros[m.pos[name]] == b"" else "0")
        elif m.kind[name] == _CHARS:
            assert a.isidentifier(), a
            size = getattr(in_cls, name).size
            body += [f"c_{a} = {a}.encode() if {a}.__class__ is str else {a}",
                     f"if c_{a}.__class__ is not bytes or len(c_{a}) >= {size}:",
                     f"    c_{a} = None  # _pack refuses it"]
            exprs.append(f"c_{a}")
        else:
            exprs.append(a)
    return body + [
        "try:",
        f"    inp = _pack({', '.join(exprs)})",
        "except (_error, TypeError):",
        f"    inp = _slow({', '.join(arg.values())})"]


#: Under the policy's lock: the call without an error struct, and only
#: after a failure (the advisors are pure) again with this thread's one
#: for the message.  ``{args}`` are the arguments between the policy and
#: the error.  acquire/try/release costs a third of ``with``'s lookups of
#: __enter__ and __exit__.
_LEAN_CALL = [
    "lock = policy._lock",
    "lock.acquire()",
    "try:",
    "    h = policy._handle",
    "    if h is None:",
    "        raise ValueError('operation on a closed ecaptune.Policy')",
    "    rc = _f(h, {args}, None)",
    "    if rc != 0:",
    "        err = _error_struct()",
    "        rc = _f(h, {args}, _byref(err))",
    "finally:",
    "    lock.release()"]


def _lean_source(in_cls: Type[ctypes.Structure], arg: Mapping[str, str],
                 enums: Mapping[str, Any], lazy: bool, header: str,
                 extra: str = "") -> str:
    """The source of a lean advisor: ``header`` (its def line and any
    first lines), the input packed (_lean_pack), the call with a fresh
    output buffer and ``extra`` arguments after it (_LEAN_CALL), and the
    record over the output (_lean_return).  Only field names and sizes
    go into it."""
    lines = [header] + _lean_pack(in_cls, arg, enums) + [
        "out = _out(_out_zero)"] + [
        x.format(args="inp, out" + extra) for x in _LEAN_CALL] + [
        "if rc != 0:",
        "    raise _error_from(rc, err)"] + _lean_return(lazy)
    return "\n    ".join(lines) + "\n"


def _lean_return(lazy: bool) -> List[str]:
    """The end of a lean path's source: the record over the output,
    unpacked (by Record.__getattr__) only when a field is first read; or,
    for a record that needs it, the field-by-field conversion."""
    if not lazy:
        return ["return _read_slow(out)"]
    return ["o = _new(_rec)",
            "o.__dict__['_raw_'] = (out, _getters, _unpack)",
            "return o"]


#: libecaptune loaded again for the lean paths, without use_errno (the
#: advisors set no errno).  The PyDLL keeps the GIL through the call:
#: releasing and taking it back is a fifth of a short call's cost, and an
#: advisor is arithmetic of a few microseconds at most (calls on one
#: Policy are serialised by its lock anyway).  Functions whose time grows
#: with a caller's array (file listings, shuffle partitions) go through
#: the CDLL, which releases it.
_PYLIB = ctypes.PyDLL(_lib.library_path)
_CLIB = ctypes.CDLL(_lib.library_path)


def raw_function(name: str, release_gil: bool = False) -> Any:
    """The C function ``name`` bound for the lean paths, without
    argtypes: ctypes then passes bytes, a ctypes array and a c_void_p (the
    policy handle) as pointers and None as NULL with no from_param call
    per argument.  Only pointer arguments may go through it: an int would
    be passed as a C int.  The GIL is held through the call unless
    ``release_gil``."""
    f = (_CLIB if release_gil else _PYLIB)[name]
    f.restype = ctypes.c_int
    return f


def lean_advisor(name: str, in_cls: Type[ctypes.Structure],
                 names: Sequence[str], out_cls: Type[ctypes.Structure],
                 rec_cls: Type[_R],
                 enums: Optional[Mapping[str, Tuple[Any, ...]]] = None,
                 extra_args: int = 0, extra_fields: Sequence[str] = (),
                 release_gil: bool = False) -> Callable[..., _R]:
    """``run(policy, *values)``: the C advisor ``name`` called as
    Policy._call calls it (under the policy's lock, the same errors) with
    an input built from ``values`` (in the order of ``names``) and a fresh
    output, read into ``rec_cls`` as :func:`from_struct` does.  ``enums``
    maps an enum input to :func:`enum_value`'s other arguments (the
    IntEnum class and the ``*_from_string`` function, if any): a value
    that is not a plain int goes through it.  Everything
    that does not change between calls (a specialised packer, the bound
    function, the record's getters) is made here once, so a call does no
    dict, loop or name lookup of its own.  A value the packer refuses
    (out of range, wrong type, a char field too long) goes through
    :func:`to_struct` for the same conversions and messages.  A pointer
    field among ``names`` takes an address (an int, 0 for NULL) of memory
    the caller keeps alive through the call.  ``extra_args`` more values
    after ``names`` go to the C function after the output (ctypes arrays
    or byref()s), and the record's ``extra_fields`` are not in the output
    struct: the caller sets them.  ``release_gil`` for a function whose
    time grows with such an array (raw_function)."""
    env = _lean_input(in_cls, names)
    env.update({"_f": raw_function(name, release_gil),
                "_enum_value": enum_value,
                "_enums": enums or {}})
    env.update(_lean_output(out_cls, rec_cls, extra_fields))
    # a traceback through it names the C function
    arg = {n: f"a{i}" for i, n in enumerate(names)}
    extra = "".join(f", x{i}" for i in range(extra_args))
    header = f"def run(policy, {', '.join(arg.values())}{extra}):"
    exec(compile(_lean_source(in_cls, arg, enums or {}, env["_lazy"],
                              header, extra),
                 f"<ecaptune lean {name}>", "exec"), env)
    return env["run"]  # type: ignore[no-any-return]


_F = TypeVar("_F", bound=Callable[..., Any])

#: Names the generated source of lean() uses for its own variables; a
#: parameter of the same name would be overwritten.
_LEAN_LOCALS = frozenset({"inp", "out", "lock", "h", "rc", "err", "o"})


def lean(name: str, in_cls: Type[ctypes.Structure],
         out_cls: Type[ctypes.Structure], rec_cls: Type[Any],
         enums: Optional[Mapping[str, Tuple[Any, ...]]] = None,
         fields: Optional[Mapping[str, str]] = None,
         unless: Optional[str] = None) -> Callable[[_F], _F]:
    """Decorator of an advisor's public function ``f(policy, *,
    field=default, ...)``: replaces it with a generated function of the
    same signature that calls the C advisor ``name`` as
    :func:`lean_advisor`'s does, without a second Python call in
    between.  A keyword parameter named as a field of ``in_cls`` (not a
    pointer) sets that field; ``fields`` maps further fields to expressions over the
    parameters; ``enums`` as for lean_advisor.  When the expression
    ``unless`` is true, the decorated function's own body answers.  The
    result keeps ``f``'s name, docstring and annotations, and ``f`` as
    ``__wrapped__`` (inspect.signature shows its signature)."""
    def wrap(f: _F) -> _F:
        m = _meta(in_cls)
        params = list(inspect.signature(f).parameters.values())
        policy = params[0].name
        arg: Dict[str, str] = {}
        env: Dict[str, Any] = {"_template": f}
        head = [policy, "*"]
        for i, p in enumerate(params[1:]):
            assert p.kind is p.KEYWORD_ONLY and \
                p.name not in _LEAN_LOCALS, (name, p.name)
            if p.default is p.empty:
                head.append(p.name)
            else:
                env[f"_d{i}"] = p.default
                head.append(f"{p.name}=_d{i}")
            if p.name in m.kind and m.zeros[m.pos[p.name]] is not None:
                arg[p.name] = p.name  # a pointer field is never automatic
        arg.update(fields or {})
        header = f"def {f.__name__}({', '.join(head)}):"
        if unless is not None:
            every = ", ".join(f"{p.name}={p.name}" for p in params[1:])
            header += (f"\n    if {unless}:\n        return _template("
                       f"{policy}, {every})")
        if policy != "policy":
            header += f"\n    policy = {policy}"
        env.update(_lean_input(in_cls, list(arg)))
        env.update({"_f": raw_function(name), "_enum_value": enum_value,
                    "_enums": enums or {}})
        env.update(_lean_output(out_cls, rec_cls))
        # a traceback through it names the C function
        exec(compile(_lean_source(in_cls, arg, enums or {}, env["_lazy"],
                                  header),
                     f"<ecaptune lean {name}>", "exec"), env)
        g = env[f.__name__]
        functools.update_wrapper(g, f)
        g._ecap_lean_ = (name, in_cls, out_cls, rec_cls, enums or {})
        return g  # type: ignore[no-any-return]

    return wrap


def lean_reference(f: Callable[..., Any], values: Mapping[str, Any]) -> Any:
    """What the @lean function ``f`` answers for its arguments
    ``values`` (the ``locals()`` of its own body, the policy included),
    the plain way: the input by to_struct, Policy._call, from_struct.
    The body of a decorated function; tests hold the two equal."""
    name, in_cls, out_cls, rec_cls, enums = \
        f._ecap_lean_  # type: ignore[attr-defined]
    m = _meta(in_cls)
    kw = {k: enum_value(v, *enums[k]) if k in enums else v
          for k, v in values.items() if k in m.kind}
    s = to_struct(in_cls, kw)
    out = S.new_struct(out_cls)
    values["policy"]._call(name, s, out)
    return from_struct(out, rec_cls)


def _lean_input(in_cls: Type[ctypes.Structure],
                names: Sequence[str]) -> Dict[str, Any]:
    """The names _lean_pack's lines use: the packer of the whole struct,
    its size, the fallback."""
    m = _meta(in_cls)
    fmt = _struct_format(in_cls, pointers=True)
    assert fmt is not None and all(n in m.kind for n in names), in_cls
    return {"_sz": m.sz, "_pack": struct.Struct(fmt).pack,
            "_error": struct.error, "_slow": _lean_slow(in_cls, names)}


def _lean_slow(in_cls: Type[ctypes.Structure],
               names: Sequence[str]) -> Callable[..., bytes]:
    """The fallback of a lean path's packer: the input built by to_struct
    (the conversions and the messages), its pointer fields (addresses)
    written after."""
    m = _meta(in_cls)
    pointers = [(i, getattr(in_cls, n).offset) for i, n in enumerate(names)
                if m.zeros[m.pos[n]] is None]

    def slow(*a: Any) -> bytes:
        s = to_struct(in_cls, {n: a[i] for i, n in enumerate(names)
                               if m.zeros[m.pos[n]] is not None})
        for i, offset in pointers:
            ctypes.c_void_p.from_buffer(s, offset).value = a[i] or None
        return bytes(s)

    return slow


def _lean_output(out_cls: Type[ctypes.Structure], rec_cls: Type[_R],
                 extra_fields: Sequence[str] = ()) -> Dict[str, Any]:
    """The names a lean path's source uses for its output: ``_out``
    makes a zeroed buffer of ``out_cls`` (``sz`` set) from ``_out_zero``;
    the record is ``_rec`` over it (see _lean_return);
    ``_error_struct`` and ``_error_from`` make the error of a failed
    call."""
    g = _getters(out_cls, rec_cls, extra_fields)
    eager = any(f.default is not dataclasses.MISSING or
                f.default_factory is not dataclasses.MISSING
                for f in dataclasses.fields(rec_cls)
                if f.name not in extra_fields)
    unpack = _meta(out_cls).unpack

    def read_slow(s: Any) -> _R:
        return from_struct(out_cls.from_buffer(s), rec_cls)

    return {"_out": (ctypes.c_char * ctypes.sizeof(out_cls)).from_buffer_copy,
            "_out_zero": bytes(S.new_struct(out_cls)),
            "_error_struct": _lib.error_struct,
            "_error_from": _lib.error_from, "_byref": ctypes.byref,
            "_lazy": bool(g and unpack and not eager), "_new": object.__new__,
            "_rec": rec_cls, "_getters": g, "_unpack": unpack,
            "_read_slow": read_slow}


def _lean_array_source(in_cls: Type[ctypes.Structure], names: Sequence[str],
                       count_arg: str) -> str:
    """The source of ``run(policy, a0, a1, ...)`` for a function that
    fills a caller's array (``name(policy, in, array, &count, err)``):
    packs the input (_lean_pack), calls with a fresh array of the
    capacity ``_capacity`` gives for the value of ``count_arg``, repeats
    once with the count the library needs after ECAP_ERR_NOSPACE (as
    call_with_array), and returns a list of records, each over its
    element of the array, unpacked when first read."""
    arg = {n: f"a{i}" for i, n in enumerate(names)}
    cap = arg[count_arg]
    call = [x.format(args="inp, out, _byref(count)") for x in _LEAN_CALL]
    lines = [f"def run(policy, {', '.join(arg.values())}):"] + \
        _lean_pack(in_cls, arg, {}) + [
        f"cap = _capacity({cap})",
        "for _ in range(2):",
        "    out = _array(cap)",
        "    count = _size_t(cap)"] + ["    " + x for x in call] + [
        "    if rc != _NOSPACE:",
        "        break",
        "    cap = count.value",
        "if rc != 0:",
        "    raise _error_from(rc, err)",
        "n = count.value",
        "readers = _readers(n)",
        "records = []",
        "for i in range(n):",
        "    o = _new(_rec)",
        "    o.__dict__['_raw_'] = (out, _getters, readers[i])",
        "    records.append(o)",
        "return records"]
    return "\n    ".join(lines) + "\n"


def lean_array_advisor(name: str, in_cls: Type[ctypes.Structure],
                       names: Sequence[str], elem_cls: Type[ctypes.Structure],
                       rec_cls: Type[_R], count_arg: str,
                       capacity: Callable[[Any], int]) -> Callable[..., List[_R]]:
    """``run(policy, *values)``: as :func:`lean_advisor`, for the C
    function ``name(policy, in, elems, &count, err)`` that fills an array
    of ``elem_cls`` (stride: the first element's ``sz``) and answers
    ECAP_ERR_NOSPACE with the count it needs.  The array's first
    capacity is ``capacity(value of count_arg)``; the result is a list of
    ``rec_cls``, one an element, each unpacked when first read."""
    g = _getters(elem_cls, rec_cls)
    unpack_from = _meta(elem_cls).unpack
    assert g and unpack_from, name
    size = ctypes.sizeof(elem_cls)
    zero = bytes(S.new_struct(elem_cls))
    arrays: Dict[int, Tuple[Callable[[bytes], Any], bytes]] = {}
    readers: List[Callable[[Any], Tuple[Any, ...]]] = []

    def array(n: int) -> Any:
        """A zeroed array of n elements, each ``sz`` set."""
        made = arrays.get(n)
        if made is None:
            n1 = max(n, 1)
            made = arrays[n] = ((ctypes.c_char * (n1 * size)).from_buffer_copy,
                                zero * n1)
        return made[0](made[1])

    def unpack_first(n: int) -> List[Callable[[Any], Tuple[Any, ...]]]:
        """The unpackers of the first n elements of an array (at least)."""
        while len(readers) < n:
            readers.append(functools.partial(unpack_from,
                                             offset=len(readers) * size))
        return readers

    env = _lean_input(in_cls, names)
    env.update({
        "_f": raw_function(name), "_capacity": capacity, "_array": array,
        "_size_t": ctypes.c_size_t, "_byref": ctypes.byref,
        "_NOSPACE": int(NoSpaceError.CODE or 0),
        "_error_struct": _lib.error_struct, "_error_from": _lib.error_from,
        "_new": object.__new__, "_rec": rec_cls, "_getters": g,
        "_readers": unpack_first})
    exec(compile(_lean_array_source(in_cls, names, count_arg),
                 f"<ecaptune lean {name}>", "exec"), env)
    return env["run"]  # type: ignore[no-any-return]
