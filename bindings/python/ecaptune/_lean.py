# SPDX-License-Identifier: MIT
"""The lean advisor paths (issue 13): one function generated per C
advisor, once, so that a call does no dict, loop or name lookup of its
own.

- :func:`lean` decorates an advisor's public function and replaces it
  with a generated one of the same signature; its own body, the plain
  path (:func:`lean_reference`), answers what the generated one does not
  take (and tests hold the two equal).
- :func:`lean_advisor` makes ``run(policy, *values)`` for the inner
  calls that take arrays (file listings, AQE sizes);
  :func:`lean_array_advisor` the same for a function that fills an array
  of results (projection years).

Each packs its input with one struct.pack into bytes (a value the packer
refuses goes through to_struct for the conversions and messages), calls
the C function through a second, argtypes-free binding (raw_function)
under the policy's lock with a fresh output buffer and no error struct
(a failed call is repeated with one for the message), and returns records
that unpack the output when a field is first read (Record.__getattr__).
"""

from __future__ import annotations

import ctypes
import dataclasses
import functools
import inspect
import struct
from typing import (Any, Callable, Dict, List, Mapping, Optional, Sequence,
                    Tuple, Type, TypeVar)

from . import _lib
from . import _structs as S
from ._convert import (_CHARS, Record, _getters, _meta, _struct_format,
                       c_fields, enum_value, from_struct, to_struct)
from .errors import NoSpaceError

__all__ = ["lean", "lean_reference", "lean_advisor", "lean_array_advisor",
           "raw_function"]

_R = TypeVar("_R", bound=Record)


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
    for name, _ in c_fields(in_cls)[1:]:
        v = arg.get(name)
        if v is None:
            exprs.append("b''" if m.zeros[m.pos[name]] == b"" else "0")
        elif m.kind[name] == _CHARS:
            assert v.isidentifier(), v
            size = getattr(in_cls, name).size
            body += [f"c_{v} = {v}.encode() if {v}.__class__ is str else {v}",
                     f"if c_{v}.__class__ is not bytes or len(c_{v}) >= {size}:",
                     f"    c_{v} = None  # _pack refuses it"]
            exprs.append(f"c_{v}")
        else:
            exprs.append(v)
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
    run: Callable[..., _R] = env["run"]
    return run


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
        g: _F = env[f.__name__]
        functools.update_wrapper(g, f)
        setattr(g, "_ecap_lean_",
                (name, in_cls, out_cls, rec_cls, enums or {}))
        return g

    return wrap


def lean_reference(f: Callable[..., _R], values: Mapping[str, Any]) -> _R:
    """What the @lean function ``f`` answers for its arguments
    ``values`` (the ``locals()`` of its own body, the policy included),
    the plain way: the input by to_struct, Policy._call, from_struct.
    The body of a decorated function; tests hold the two equal."""
    lean_args: Tuple[str, Type[ctypes.Structure], Type[ctypes.Structure],
                     Type[_R], Mapping[str, Tuple[Any, ...]]] = \
        getattr(f, "_ecap_lean_")  # set by lean()
    name, in_cls, out_cls, rec_cls, enums = lean_args
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
    run: Callable[..., List[_R]] = env["run"]
    return run
