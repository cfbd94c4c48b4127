# SPDX-License-Identifier: MIT
"""Enums of the binding, with the C values and the C library's names.

Every public C enum is a :class:`CEnum`: an ``enum.IntEnum`` whose members
are the C constants without their common prefix
(``ExecutorReason.CAPPED`` for ``ECAP_EXECUTOR_REASON_CAPPED``) and whose
names for people come from the library itself: ``str(member)`` and
``member.c_name`` call ``ecap_<enum>_to_string`` (once per value, then
cached), :meth:`CEnum.parse` calls ``ecap_<enum>_from_string``.  The C
enum is found from the class name (``ExecutorReason`` ->
``ecap_executor_reason``); the binding keeps no table of names, so it
cannot drift from C (tests/test_enum_names.py compares every value).

A family adds an enum with one line, its class statement::

    class KafkaReason(CEnum):
        ECAP_KAFKA_REASON_MIN_BROKERS = 1   # or MIN_BROKERS = 1

Members may be written with the C prefix (it is stripped) or without it.
The prefixed spelling still resolves as an attribute
(``ExecutorReason.ECAP_EXECUTOR_REASON_CAPPED is ExecutorReason.CAPPED``)
for code written before 1.0.0.
"""

from __future__ import annotations

import ctypes
import enum
import re
from typing import Any, Dict, List, Optional, Type, TypeVar

from . import _lib

__all__ = ["CEnum", "c_enums", "Model", "ValueType"]

_E = TypeVar("_E", bound="CEnum")


def _common_prefix(names: List[str]) -> str:
    """The longest run of whole ``WORD_`` words all C names share, leaving
    every member a valid identifier; "" unless they all start ECAP_."""
    if not names or not all(n.startswith("ECAP_") for n in names):
        return ""
    words = [n.split("_") for n in names]
    if len(words) == 1:  # one member: keep its last word
        return "_".join(words[0][:-1]) + "_"
    k = 0
    while all(len(w) > k + 1 and w[k] == words[0][k] for w in words):
        k += 1
    while k > 0 and any(w[k][:1].isdigit() for w in words):
        k -= 1
    return "".join(w + "_" for w in words[0][:k])


class _CEnumMeta(enum.EnumMeta):
    """Strips the C prefix from member names as the class is made, and
    resolves a prefixed name as an attribute."""

    def __new__(mcls, cls: str, bases: Any, classdict: Any, **kw: Any) -> Any:
        members = list(getattr(classdict, "_member_names", ()))
        prefix = _common_prefix(members)
        if prefix:
            renamed = mcls.__prepare__(cls, bases, **kw)
            for key in classdict.keys():
                new = key[len(prefix):] if key in members else key
                renamed[new] = classdict[key]
            classdict = renamed
        return super().__new__(mcls, cls, bases, classdict, **kw)

    def __getattr__(cls, name: str) -> Any:
        # Only reached when normal lookup fails: ECAP_<...>_<MEMBER>.
        if name.startswith("ECAP_") and not name.startswith("__"):
            words = name.split("_")
            members = cls.__dict__.get("_member_map_", {})
            for i in range(1, len(words)):
                short = "_".join(words[i:])
                if short in members:
                    # remembered: the next lookup is a plain attribute
                    type.__setattr__(cls, name, members[short])
                    return members[short]
        raise AttributeError(name)


#: Every CEnum subclass with members, for the name tests.
_REGISTRY: List[Type["CEnum"]] = []


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class CEnum(enum.IntEnum, metaclass=_CEnumMeta):
    """Base of the binding's enums: an IntEnum whose ``str()`` is the C
    library's name of the value."""

    def __init_subclass__(cls, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        if cls.__module__.split(".")[0] == "ecaptune":
            _REGISTRY.append(cls)

    @classmethod
    def c_enum_name(cls) -> str:
        """The C enum, e.g. "ecap_executor_reason"."""
        name: Optional[str] = cls.__dict__.get("_c_enum_name_")
        if name is None:
            name = "ecap_" + _snake(cls.__name__)
            type.__setattr__(cls, "_c_enum_name_", name)
        return name

    @classmethod
    def _c_names(cls) -> Dict[int, Optional[str]]:
        names: Optional[Dict[int, Optional[str]]] = cls.__dict__.get("_c_names_")
        if names is None:
            names = {}
            fn = _to_string(cls.c_enum_name())
            for m in cls:
                s = fn(int(m)) if fn is not None else None
                names[int(m)] = None if s is None else s.decode()
            type.__setattr__(cls, "_c_names_", names)
        return names

    @property
    def c_name(self) -> Optional[str]:
        """The library's name of this value (ecap_<enum>_to_string);
        None if the library has none."""
        return type(self)._c_names().get(int(self))

    def __str__(self) -> str:
        n = self.c_name
        return n if n is not None else self.name.lower()

    def __format__(self, spec: str) -> str:
        # f"{reason}" is the name, as str(); an integer spec the number
        if spec and spec[-1] in "bcdnoxX":
            return int.__format__(int(self), spec)
        return format(str(self), spec)

    @classmethod
    def parse(cls: Type[_E], name: str) -> _E:
        """The member the library's ecap_<enum>_from_string parses
        ``name`` to; UnknownEnumError for a name it does not know."""
        out = ctypes.c_int32(0)
        fn = cls.c_enum_name() + "_from_string"
        _lib.bind(fn, ctypes.c_int, (ctypes.c_char_p,
                                     ctypes.POINTER(ctypes.c_int32),
                                     _lib.ERR_P))
        _lib.check(fn, name.encode("utf-8"), ctypes.byref(out))
        try:
            return cls(out.value)
        except ValueError:  # a value newer than this binding
            return out.value  # type: ignore[return-value]  # no member yet: the int


def _to_string(c_enum: str) -> Any:
    """The bound C ``<c_enum>_to_string``, or None when the library does
    not export it (the name test reports that)."""
    return _lib.bind(c_enum + "_to_string", ctypes.c_char_p,
                     (ctypes.c_int32,), optional=True)


def c_enums() -> List[Type[CEnum]]:
    """Every enum of the binding whose names come from C."""
    return [c for c in _REGISTRY if len(c.__members__) > 0]


class Model(CEnum):
    """enum ecap_model: which model of advice produced a result.

    GUIDE ("guide") reproduces the tuning guide's formulas number for
    number; ECAP_1 ("ecap-1", the default) keeps the guide's constants
    with corrected arithmetic and Spark's own rules.
    """

    GUIDE = 1
    ECAP_1 = 2


class ValueType(CEnum):
    """enum ecap_value_type: the type of a policy key's value."""

    DOUBLE = 1
    INT64 = 2
    STRING = 3
    #: Stored as int64 0 or 1; the binding reads and writes Python bool.
    BOOL = 4
