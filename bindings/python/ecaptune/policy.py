# SPDX-License-Identifier: MIT
"""The policy: every tunable constant of the guide, under dotted keys with
the unit in the name, plus growth scenarios and the catalogs of priced
machine shapes (ecaptune.catalog).  Wraps the opaque ``ecap_policy *`` handle.
"""

from __future__ import annotations

import ctypes
import dataclasses
import json
import os
import threading
from typing import (Any, Dict, Iterator, List, Optional, Union)

from . import _lib
from . import _structs as S
from ._convert import Record, enum_value, from_struct, to_struct
from .catalog import Catalog, CatalogEntry
from .enums import Model, ValueType
from .errors import EcapIOError, EcapTypeError, UnknownKeyError

__all__ = ["Policy", "KeyInfo", "Scenario", "Value",
           "key_count", "key_at", "key_find", "keys"]

#: A policy value in Python: float (double), int (int64), bool, str.
Value = Union[float, int, bool, str]

PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]


# ---------------------------------------------------------------- records

@dataclasses.dataclass(frozen=True)
class KeyInfo(Record):
    """struct ecap_key_info: a static policy key, its type, default,
    inclusive range and unit.  The *_double fields apply to
    ECAP_TYPE_DOUBLE keys, the *_int64 fields to ECAP_TYPE_INT64 and
    ECAP_TYPE_BOOL keys, default_string to ECAP_TYPE_STRING keys."""

    _enums = {"type": ValueType}

    name: str
    unit: str
    description: str
    type: ValueType
    default_double: float
    min_double: float
    max_double: float
    default_int64: int
    min_int64: int
    max_int64: int
    default_string: Optional[str]

    @property
    def default(self) -> Value:
        """The default as a Python value of the key's type."""
        return _typed(self.type, self.default_double, self.default_int64,
                      self.default_string)

    @property
    def minimum(self) -> Optional[Union[float, int]]:
        """Inclusive lower bound (None for strings)."""
        return _bound(self.type, self.min_double, self.min_int64)

    @property
    def maximum(self) -> Optional[Union[float, int]]:
        """Inclusive upper bound (None for strings)."""
        return _bound(self.type, self.max_double, self.max_int64)


def _typed(t: int, d: float, i: int, s: Optional[str]) -> Value:
    if t == ValueType.DOUBLE:
        return d
    if t == ValueType.BOOL:
        return bool(i)
    if t == ValueType.INT64:
        return i
    return s or ""


def _bound(t: int, d: float, i: int) -> Optional[Union[float, int]]:
    if t == ValueType.DOUBLE:
        return d
    if t in (ValueType.INT64, ValueType.BOOL):
        return i
    return None


@dataclasses.dataclass(frozen=True)
class Scenario(Record):
    """struct ecap_scenario: a growth scenario.

    name: 1 to 63 characters of [A-Za-z0-9_-].
    yearly_growth_ratio: yearly growth, 0.5 = 50 % a year; -0.99 .. 100.
    seasonal_peak_factor: seasonal peak over base traffic, 2.0 = twice;
        1 .. 100.
    description: up to 255 bytes of text.
    yearly_growth_sd_ratio: standard deviation of the yearly growth
        (Monte Carlo projection); 0 .. 10.
    seasonal_peak_sd_factor: standard deviation of the seasonal peak; 0 .. 10.
    """

    name: str
    yearly_growth_ratio: float
    seasonal_peak_factor: float
    description: str = ""
    yearly_growth_sd_ratio: float = 0.0
    seasonal_peak_sd_factor: float = 0.0


# ------------------------------------------------------- key introspection

def key_count() -> int:
    """Number of static policy keys (ecap_policy_key_count)."""
    return int(_lib.lib.ecap_policy_key_count())


#: type of ctypes.byref(...)
_CARG = type(ctypes.byref(ctypes.c_int()))
# The binding's per-thread state (_lib.error_struct() fills .err).
_TLS = _lib._tls

_STATIC_TYPES: Dict[str, ValueType] = {}


def _static_types() -> Dict[str, ValueType]:
    """Static key name -> type, read from the library once (the key table
    is compiled in), so a get or set needs no key-info object."""
    if not _STATIC_TYPES:
        info = S.new_struct(S.KeyInfoStruct)
        types = {}
        for i in range(int(_lib.lib.ecap_policy_key_count())):
            _lib.check("ecap_policy_key_at", i, ctypes.byref(info))
            types[info.name.decode()] = ValueType(info.type)
        _STATIC_TYPES.update(types)
    return _STATIC_TYPES


def key_at(index: int) -> KeyInfo:
    """The static key at ``index`` (0 .. key_count()-1), in the library's
    stable order (ecap_policy_key_at); RangeError past the end."""
    info = S.new_struct(S.KeyInfoStruct)
    _lib.check("ecap_policy_key_at", index, ctypes.byref(info))
    return from_struct(info, KeyInfo)


def key_find(name: str) -> KeyInfo:
    """The static key named ``name`` (ecap_policy_key_find);
    UnknownKeyError if there is none."""
    info = S.new_struct(S.KeyInfoStruct)
    _lib.check("ecap_policy_key_find", name.encode(), ctypes.byref(info))
    return from_struct(info, KeyInfo)


def keys() -> List[KeyInfo]:
    """Every static policy key, in the library's stable order."""
    return [key_at(i) for i in range(key_count())]


# ------------------------------------------------------------------ policy

class Policy:
    """A libecaptune policy: the guide's tunables, scenarios and instance
    catalog.  ``Policy()`` carries the guide's defaults and model "ecap-1".

    Use it as a context manager or call :meth:`close`; it is also freed when
    garbage-collected.  Calls on one Policy are serialised by a lock, so one
    Policy may be shared by any number of threads.  A Policy pickles as its
    JSON dump (handy for Spark and multiprocessing).

    Keys are read and written with Python types chosen from the key's type:
    ``policy["partition.target_size_mb"] = 256`` (float),
    ``policy["join.prefer_sort_merge"]`` (bool).  Besides the static keys,
    "growth.scenarios.<name>.<field>" and
    "catalog.<catalog>.<name>.<field>" (numeric fields) are keys.
    """

    def __init__(self) -> None:
        """A policy with the guide's defaults (ecap_policy_new)."""
        self._lock = threading.RLock()
        self._handle: Optional[_lib.PolicyHandle] = None
        h = _lib.PolicyHandle()
        _lib.check("ecap_policy_new", ctypes.byref(h))
        self._handle = h

    # ---- construction from JSON
    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "Policy":
        """Defaults overlaid with a JSON document of policy keys."""
        p = cls()
        p.load_json(text)
        return p

    @classmethod
    def from_file(cls, path: PathLike) -> "Policy":
        """Defaults overlaid with the JSON file at ``path``."""
        p = cls()
        p.load_file(path)
        return p

    @classmethod
    def from_dict(cls, doc: Dict[str, Any]) -> "Policy":
        """Defaults overlaid with a dict of policy keys (JSON-shaped)."""
        p = cls()
        p.load_dict(doc)
        return p

    def copy(self) -> "Policy":
        """An independent copy (ecap_policy_copy)."""
        new = Policy.__new__(Policy)
        new._lock = threading.RLock()
        new._handle = None
        h = _lib.PolicyHandle()
        with self._lock:
            _lib.check("ecap_policy_copy", self._h(), ctypes.byref(h))
        new._handle = h
        return new

    __copy__ = copy

    def __deepcopy__(self, memo: Dict[int, Any]) -> "Policy":
        return self.copy()

    def __reduce__(self) -> Any:
        return (Policy.from_json, (self.dump_json(),))

    # ---- lifetime
    def close(self) -> None:
        """Frees the C policy (ecap_policy_free); safe to call twice."""
        with self._lock:
            if self._handle is not None:
                _lib.lib.ecap_policy_free(ctypes.byref(self._handle))
                self._handle = None

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run."""
        return self._handle is None

    def __enter__(self) -> "Policy":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            handle = getattr(self, "_handle", None)
            if handle is not None:
                _lib.lib.ecap_policy_free(ctypes.byref(handle))
                self._handle = None
        except Exception:  # interpreter shutdown: modules may be gone
            pass

    def _h(self) -> _lib.PolicyHandle:
        if self._handle is None:
            raise ValueError("operation on a closed ecaptune.Policy")
        return self._handle

    def _call(self, name: str, *args: Any) -> None:
        """Calls fallible C function ``name(policy, *args, err)`` under the
        lock; advisor families call their functions through this.

        A struct passed as ctypes.byref(s) is passed as s: ctypes converts
        a struct for a pointer parameter at a third of byref's cost."""
        f = _lib.FUNCS.get(name) or _lib.bind(name, None, ())
        if args and type(args[0]) is _CARG:
            args = tuple([a._obj if type(a) is _CARG else a for a in args])
        try:  # this thread's error struct, as _lib.error_struct() gives
            err = _TLS.err
        except AttributeError:
            err = _lib.error_struct()
        with self._lock:
            h = self._handle
            if h is None:
                raise ValueError("operation on a closed ecaptune.Policy")
            rc = f(h, *args, err)
        if rc != 0:
            raise _lib.error_from(rc, err)

    # ---- model
    @property
    def model(self) -> Model:
        """The model of advice (ecap_policy_model); settable with a Model or
        its name "guide" / "ecap-1"."""
        with self._lock:
            return Model(_lib.lib.ecap_policy_model(self._h()))

    @model.setter
    def model(self, value: Union[Model, str]) -> None:
        if isinstance(value, Model):
            name = _lib.lib.ecap_model_to_string(int(value)).decode()
        else:
            name = value
        self.set_string("model", name)

    # ---- typed access
    def get_double(self, key: str) -> float:
        """The double value of ``key`` (ecap_policy_get_double)."""
        out = ctypes.c_double()
        self._call("ecap_policy_get_double", key.encode(), ctypes.byref(out))
        return out.value

    def set_double(self, key: str, value: float) -> None:
        """Sets a double key (ecap_policy_set_double); RangeError or
        InvalidArgumentError (NaN, inf) leave the policy unchanged."""
        self._call("ecap_policy_set_double", key.encode(), float(value))

    def get_int64(self, key: str) -> int:
        """The int64 (or bool as 0/1) value of ``key``."""
        out = ctypes.c_int64()
        self._call("ecap_policy_get_int64", key.encode(), ctypes.byref(out))
        return out.value

    def set_int64(self, key: str, value: int) -> None:
        """Sets an int64 or bool (0/1) key (ecap_policy_set_int64)."""
        if not -(1 << 63) <= value < (1 << 63):
            raise OverflowError(f"{key}: {value} does not fit in int64")
        self._call("ecap_policy_set_int64", key.encode(), int(value))

    def get_string(self, key: str) -> str:
        """The string value of ``key`` (ecap_policy_get_string)."""
        out = ctypes.c_char_p()
        with self._lock:  # the C string lives until the next mutation
            _lib.check("ecap_policy_get_string", self._h(), key.encode(),
                       ctypes.byref(out))
            return (out.value or b"").decode("utf-8")

    def set_string(self, key: str, value: str) -> None:
        """Sets a string key (ecap_policy_set_string)."""
        self._call("ecap_policy_set_string", key.encode(),
                   value.encode("utf-8"))

    def key_type(self, key: str) -> ValueType:
        """The type of ``key``: from the table of static keys (read once),
        found by probing for a scenario or instance-class field."""
        t = _static_types().get(key)
        if t is not None:
            return t
        for t, fn in ((ValueType.DOUBLE, self.get_double),
                      (ValueType.INT64, self.get_int64)):
            try:
                fn(key)
                return t
            except EcapTypeError:
                continue
        self.get_string(key)  # raises for an unknown key
        return ValueType.STRING

    def get(self, key: str) -> Value:
        """The value of ``key`` as float, int, bool or str by its type."""
        t = self.key_type(key)
        if t == ValueType.DOUBLE:
            return self.get_double(key)
        if t == ValueType.BOOL:
            return bool(self.get_int64(key))
        if t == ValueType.INT64:
            return self.get_int64(key)
        return self.get_string(key)

    def set(self, key: str, value: Value) -> None:
        """Sets ``key`` from a Python value: float or int for a double key,
        int for an int64 key, bool for a bool key, str for a string key.
        A value of another type reaches the C setter of its own type, so
        the library reports EcapTypeError with its message."""
        if not isinstance(value, (bool, int, float, str)):
            raise TypeError(f"{key}: a policy value is float, int, bool or "
                            f"str, not {type(value).__name__}")
        t = self.key_type(key)
        is_int = isinstance(value, int) and not isinstance(value, bool)
        if t == ValueType.DOUBLE and (is_int or isinstance(value, float)):
            self.set_double(key, float(value))
        elif t == ValueType.INT64 and is_int:
            self.set_int64(key, int(value))
        elif t == ValueType.BOOL and isinstance(value, bool):
            self.set_int64(key, int(value))
        elif t == ValueType.STRING and isinstance(value, str):
            self.set_string(key, value)
        elif isinstance(value, str):
            self.set_string(key, value)
        elif isinstance(value, float):
            self.set_double(key, value)
        else:
            self.set_int64(key, int(value))

    def __getitem__(self, key: str) -> Any:
        """``policy[key]``: :meth:`get`, typed Any because the type depends
        on the key at run time (get_double, get_int64 and get_string give
        a static type)."""
        return self.get(key)

    __setitem__ = set

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        try:
            self.key_type(key)
            return True
        except UnknownKeyError:
            return False

    def keys(self) -> List[str]:
        """Names of the static policy keys, in the library's stable order."""
        return [k.name for k in keys()]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    # ---- JSON
    def load_json(self, text: Union[str, bytes]) -> None:
        """Applies a JSON object of policy keys, atomically
        (ecap_policy_load_json).  JsonError carries line and column."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        self._call("ecap_policy_load_json", data, len(data))

    def load_file(self, path: PathLike) -> None:
        """Applies the JSON file at ``path`` (ecap_policy_load_file);
        EcapIOError when it cannot be read."""
        ctypes.set_errno(0)
        try:
            self._call("ecap_policy_load_file", os.fsencode(path))
        except EcapIOError as e:
            # The library leaves errno as the failing open or read set it.
            e.set_os_error(ctypes.get_errno(), path)
            raise

    def load_dict(self, doc: Dict[str, Any]) -> None:
        """Applies a dict of policy keys (as the JSON document would)."""
        self.load_json(json.dumps(doc, allow_nan=False))

    def dump_json(self) -> str:
        """Every key as a JSON document that round-trips exactly
        (ecap_policy_dump_json)."""
        out = ctypes.c_void_p()
        self._call("ecap_policy_dump_json", ctypes.byref(out))
        try:
            return ctypes.string_at(out.value or 0).decode("utf-8")
        finally:
            _lib.lib.ecap_free(out)

    def dump_file(self, path: PathLike) -> None:
        """Writes :meth:`dump_json` to ``path``."""
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.dump_json())

    def to_dict(self) -> Dict[str, Any]:
        """Every key as a plain dict (the parsed :meth:`dump_json`)."""
        result: Dict[str, Any] = json.loads(self.dump_json())
        return result

    # ---- scenarios
    def scenario_count(self) -> int:
        """Number of growth scenarios (ecap_policy_scenario_count)."""
        with self._lock:
            return int(_lib.lib.ecap_policy_scenario_count(self._h()))

    def scenario_at(self, index: int) -> Scenario:
        """The scenario at ``index``; RangeError past the end."""
        s = S.new_struct(S.ScenarioStruct)
        self._call("ecap_policy_scenario_at", index, ctypes.byref(s))
        return from_struct(s, Scenario)

    def scenario(self, name: str) -> Scenario:
        """The scenario named ``name``; NotFoundError if there is none."""
        s = S.new_struct(S.ScenarioStruct)
        self._call("ecap_policy_scenario_find", name.encode(), ctypes.byref(s))
        return from_struct(s, Scenario)

    def scenarios(self) -> List[Scenario]:
        """Every growth scenario, in the policy's order."""
        with self._lock:
            return [self.scenario_at(i) for i in range(self.scenario_count())]

    def set_scenario(self, scenario: Optional[Scenario] = None,
                     **fields: Any) -> None:
        """Adds a scenario or replaces the one with the same name
        (ecap_policy_scenario_set).  Pass a Scenario or its fields as
        keywords (name=, yearly_growth_ratio=, seasonal_peak_factor=, ...)."""
        if scenario is not None:
            fields = {**dataclasses.asdict(scenario), **fields}
        s = to_struct(S.ScenarioStruct, fields)
        self._call("ecap_policy_scenario_set", ctypes.byref(s))

    def remove_scenario(self, name: str) -> None:
        """Removes a scenario; NotFoundError if there is none."""
        self._call("ecap_policy_scenario_remove", name.encode())

    # ---- catalogs
    def catalog_count(self, catalog: Union[Catalog, int, str]) -> int:
        """Entries in a catalog (ecap_policy_catalog_count); 0 for an
        unknown int."""
        c = enum_value(catalog, Catalog, "ecap_catalog_from_string")
        with self._lock:
            return int(_lib.lib.ecap_policy_catalog_count(self._h(), c))

    def catalog_at(self, catalog: Union[Catalog, int, str],
                   index: int) -> CatalogEntry:
        """The entry at ``index`` of a catalog (sorted by price, then
        name); RangeError past the end."""
        c = enum_value(catalog, Catalog, "ecap_catalog_from_string")
        e = S.new_struct(S.CatalogEntryStruct)
        self._call("ecap_policy_catalog_at", c, index, ctypes.byref(e))
        return from_struct(e, CatalogEntry)

    def catalog(self, catalog: Union[Catalog, int, str]) -> List[CatalogEntry]:
        """Every entry of a catalog (Catalog, its value or its name), sorted
        by price_usd_per_hour, then name."""
        with self._lock:
            return [self.catalog_at(catalog, i)
                    for i in range(self.catalog_count(catalog))]

    def catalog_find(self, catalog: Union[Catalog, int, str],
                     name: str) -> CatalogEntry:
        """The entry named ``name``; NotFoundError if there is none."""
        c = enum_value(catalog, Catalog, "ecap_catalog_from_string")
        e = S.new_struct(S.CatalogEntryStruct)
        self._call("ecap_policy_catalog_find", c, name.encode(),
                   ctypes.byref(e))
        return from_struct(e, CatalogEntry)

    def catalog_set(self, entry: Optional[CatalogEntry] = None,
                    **fields: Any) -> None:
        """Adds an entry to its catalog or replaces the one with the same
        name (ecap_policy_catalog_set).  Pass a CatalogEntry or its fields
        as keywords (catalog=, name=, vcpu_count=, memory_gb=, ...);
        LimitError when the catalog is full."""
        if entry is not None:
            fields = {**dataclasses.asdict(entry), **fields}
        if "catalog" in fields:
            fields["catalog"] = enum_value(fields["catalog"], Catalog,
                                           "ecap_catalog_from_string")
        e = to_struct(S.CatalogEntryStruct, fields)
        self._call("ecap_policy_catalog_set", ctypes.byref(e))

    def catalog_remove(self, catalog: Union[Catalog, int, str],
                       name: str) -> None:
        """Removes an entry; LimitError for the last one of a catalog."""
        c = enum_value(catalog, Catalog, "ecap_catalog_from_string")
        self._call("ecap_policy_catalog_remove", c, name.encode())

    def __repr__(self) -> str:
        if self._handle is None:
            return "<ecaptune.Policy closed>"
        return f"<ecaptune.Policy model={_model_name(self.model)}>"


def _model_name(m: Model) -> str:
    """The name of a model, or its number when the library has none."""
    s = _lib.lib.ecap_model_to_string(int(m))
    return s.decode() if s else str(int(m))
