# SPDX-License-Identifier: MIT
"""Columnar batch: one advisor over many inputs in one C call
(ecap_advise_batch), for tables of inputs where a Python call per row
would cost more than the advice.

>>> import numpy, ecaptune
>>> with ecaptune.Policy() as p:
...     r = ecaptune.advise_batch(p, "executor",
...                               daily_data_gb=numpy.array([100.0, 500.0]))
...     list(r["executor_count"])
[20, 20]

Inputs are columns named as the advisor's keyword arguments (the C input
fields): numpy arrays (no copy beyond one pass into the C structs),
anything with the buffer protocol, or plain sequences; a scalar applies
to every row.  The result is columnar: ``result[field]`` is a numpy array
(a list without numpy) of that output field, ``result.rc`` the return
code of each row, ``result.record(i)`` the row as the advisor's result
record (with its texts).  numpy is optional: without it the same call
works on lists, at list speed.
"""

from __future__ import annotations

import ctypes
import importlib
from types import ModuleType
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple, Type

from . import _lib
from . import _structs as S
from ._convert import (Record, _is_chars, _meta, c_fields, from_struct,
                       to_struct)
from .enums import CEnum
from .errors import EcapError
from .policy import Policy

# Optional, and imported by name so that the package type-checks the same
# with or without numpy installed (its arrays are Any here).
numpy: Optional[ModuleType]
try:
    numpy = importlib.import_module("numpy")
except ImportError:  # pragma: no cover - exercised without numpy
    numpy = None

__all__ = ["Advisor", "BatchResult", "advise_batch"]


class Advisor(CEnum):
    """enum ecap_advisor: the advisors a batch runs."""

    PARTITION = 1
    JOIN = 2
    CACHE = 3
    EXECUTOR = 4
    DATABASE = 5
    KAFKA = 6


#: An advisor's input and output mirrors and its result record.
_Entry = Tuple[Type[ctypes.Structure], Type[ctypes.Structure], Type[Record]]


def _records() -> Dict[Advisor, _Entry]:
    # Imported here: the family modules import policy, as this one does.
    from .cache import CacheAdvice
    from .database import DatabaseAdvice
    from .executor import ExecutorAdvice
    from .join import JoinAdvice
    from .kafka import KafkaAdvice
    from .partition import PartitionAdvice
    return {
        Advisor.PARTITION: (S.PartitionInStruct, S.PartitionOutStruct,
                            PartitionAdvice),
        Advisor.JOIN: (S.JoinInStruct, S.JoinOutStruct, JoinAdvice),
        Advisor.CACHE: (S.CacheInStruct, S.CacheOutStruct, CacheAdvice),
        Advisor.EXECUTOR: (S.ExecutorInStruct, S.ExecutorOutStruct,
                           ExecutorAdvice),
        Advisor.DATABASE: (S.DatabaseInStruct, S.DatabaseOutStruct,
                           DatabaseAdvice),
        Advisor.KAFKA: (S.KafkaInStruct, S.KafkaOutStruct, KafkaAdvice),
    }


_TABLE: Dict[Advisor, _Entry] = {}


class BatchResult(Mapping[str, Any]):
    """The output of a batch, by column: ``result["executor_count"]``.

    rc: each row's return code (0 = ECAP_OK; a failed row's outputs are
    zero).  ok: rc == 0.  record(i): row i as the advisor's result record.
    """

    def __init__(self, out: Any, rc: Any, n: int,
                 out_struct: Type[ctypes.Structure],
                 record: Type[Record]) -> None:
        self._out, self.rc, self._n = out, rc, n
        self._struct, self._record = out_struct, record
        self._names = [f for f in _meta(out_struct).names]
        self._lists: Optional[Dict[str, List[Any]]] = None

    def __len__(self) -> int:
        return len(self._names)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __getitem__(self, name: str) -> Any:
        if name not in self._names:
            raise KeyError(name)
        if numpy is not None and isinstance(self._out, numpy.ndarray):
            return self._out[name]
        if self._lists is None:
            m = _meta(self._struct)
            unpack = m.unpack
            assert unpack is not None  # every advisor's output is flat
            rows = [unpack(self._out[i]) for i in range(self._n)]
            self._lists = {f: [r[m.index[f]] for r in rows]
                           for f in self._names}
        return self._lists[name]

    @property
    def rows(self) -> int:
        """The number of rows."""
        return self._n

    @property
    def ok(self) -> Any:
        """Per row: True when it succeeded."""
        if numpy is not None and isinstance(self.rc, numpy.ndarray):
            return self.rc == 0
        return [c == 0 for c in self.rc]

    def record(self, i: int) -> Record:
        """Row ``i`` as the advisor's result record (enums, bools, texts)."""
        if not 0 <= i < self._n:
            raise IndexError(i)
        if numpy is not None and isinstance(self._out, numpy.ndarray):
            s = self._struct.from_buffer_copy(self._out[i:i + 1].tobytes())
        else:
            s = self._out[i]
        return from_struct(s, self._record)


_DTYPES: Dict[Type[ctypes.Structure], Any] = {}


def _dtype(struct_cls: Type[ctypes.Structure]) -> Any:
    """The numpy dtype of a mirror, made once: numpy's own conversion
    refuses pointer fields (a NULL here), so the fields are laid out by
    their ctypes offsets, a pointer as an unsigned integer."""
    dt = _DTYPES.get(struct_cls)
    if dt is None:
        assert numpy is not None
        names, formats, offsets = [], [], []
        for name, ctype in c_fields(struct_cls):
            desc = getattr(struct_cls, name)
            if _is_chars(ctype):
                fmt: Any = f"S{desc.size}"
            elif issubclass(ctype, (ctypes._Pointer, ctypes.c_char_p,
                                    ctypes.c_void_p)):
                fmt = numpy.uintp
            else:
                fmt = numpy.dtype(ctype)
            names.append(name)
            formats.append(fmt)
            offsets.append(desc.offset)
        dt = _DTYPES[struct_cls] = numpy.dtype({
            "names": names, "formats": formats, "offsets": offsets,
            "itemsize": ctypes.sizeof(struct_cls)})
    return dt


def _length(columns: Mapping[str, Any]) -> int:
    n = None
    for name, col in columns.items():
        if isinstance(col, (int, float)) or (
                numpy is not None and numpy.ndim(col) == 0):
            continue
        k = len(col)
        if n is not None and k != n:
            raise ValueError(f"{name} has {k} rows; the other columns {n}")
        n = k
    if n is None:
        raise ValueError("give at least one column (a sequence)")
    return n


def _numpy_inputs(in_struct: Type[ctypes.Structure],
                  columns: Mapping[str, Any], n: int) -> Any:
    assert numpy is not None
    m = _meta(in_struct)
    arr = numpy.zeros(n, dtype=_dtype(in_struct))
    arr["sz"] = ctypes.sizeof(in_struct)
    for name, col in columns.items():
        kind = m.kind.get(name)
        if kind is None:
            raise TypeError(f"unexpected column {name!r}; valid: "
                            f"{', '.join(m.names)}")
        a = numpy.asarray(col)
        if kind == 1:  # int field: integers (or bools) that fit
            if a.dtype.kind not in "iub":
                raise TypeError(f"{name} is an integer field, not "
                                f"{a.dtype}")
            lo, hi = m.bounds[name]
            if a.size and a.dtype.kind != "b" and (
                    int(a.min()) < lo or int(a.max()) > hi):
                raise OverflowError(f"{name}: a value does not fit the C "
                                    f"field ({lo} .. {hi})")
        elif kind == 2:
            raise TypeError(f"{name}: text columns are not batched")
        arr[name] = a
    return arr


def _list_inputs(in_struct: Type[ctypes.Structure],
                 columns: Mapping[str, Any], n: int) -> Any:
    arr = (in_struct * n)()
    cols = {k: (v if not isinstance(v, (int, float)) else [v] * n)
            for k, v in columns.items()}
    for i in range(n):
        arr[i] = to_struct(in_struct, {k: v[i] for k, v in cols.items()})
    return arr


def advise_batch(policy: Policy, advisor: Any, *, strict: bool = True,
                 **columns: Any) -> BatchResult:
    """Runs ``advisor`` (Advisor or its name: "partition", "join",
    "cache", "executor", "database", "kafka") over columns of inputs in
    one C call (ecap_advise_batch).

    With strict (the default) the first failed row raises its EcapError
    ("item N: ..."); with strict=False every row runs and
    ``result.rc`` tells which failed.
    """
    if isinstance(advisor, str):
        advisor = Advisor.parse(advisor)
    advisor = Advisor(advisor)
    if not _TABLE:
        _TABLE.update(_records())
    in_struct, out_struct, record = _TABLE[advisor]
    n = _length(columns)
    if numpy is not None:
        inp = _numpy_inputs(in_struct, columns, n)
        out = numpy.zeros(n, dtype=_dtype(out_struct))
        rc = numpy.zeros(n, dtype=numpy.int32)
        if n:
            out["sz"][0] = ctypes.sizeof(out_struct)
        in_p, out_p = inp.ctypes.data, out.ctypes.data
        rc_p = rc.ctypes.data_as(ctypes.POINTER(ctypes.c_int32))
    else:
        inp = _list_inputs(in_struct, columns, n)
        out = (out_struct * max(n, 1))()
        out[0].sz = ctypes.sizeof(out_struct)
        rc = (ctypes.c_int32 * max(n, 1))()
        in_p, out_p, rc_p = (ctypes.addressof(inp), ctypes.addressof(out),
                             rc)
    try:
        policy._call("ecap_advise_batch", int(advisor), in_p, out_p, n, rc_p)
    except EcapError:
        if strict or n == 0:
            raise
    if numpy is None:
        rc = list(rc)[:n]
    return BatchResult(out, rc, n, out_struct, record)


def advisor_to_string(advisor: Any) -> Optional[str]:
    """"partition", "join", ...; None for an unknown value."""
    s = _lib.lib.ecap_advisor_to_string(int(advisor))
    return None if s is None else s.decode()
