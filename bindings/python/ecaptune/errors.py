# SPDX-License-Identifier: MIT
"""Exceptions: one class per C error code, all under :class:`EcapError`.

Every fallible C call is made with a ``struct ecap_error``; a failure raises
the class registered for the returned code, carrying the code, the
offending field or policy key, the library's one-sentence message and, for
JSON input, the line and column.
"""

from __future__ import annotations

import enum
import os
from typing import Any, Dict, Optional, Tuple, Type

__all__ = [
    "ErrorCode",
    "EcapError",
    "InvalidArgumentError",
    "RangeError",
    "StructSizeError",
    "UnknownEnumError",
    "UnknownKeyError",
    "EcapTypeError",
    "JsonError",
    "UnknownModelError",
    "EcapMemoryError",
    "EcapIOError",
    "NoSpaceError",
    "NotFoundError",
    "LimitError",
    "error_class",
]


class ErrorCode(enum.IntEnum):
    """enum ecap_error_code: the pinned C error codes (C names, C values)."""

    ECAP_OK = 0
    ECAP_ERR_INVALID = -4001
    ECAP_ERR_RANGE = -4002
    ECAP_ERR_STRUCT_SIZE = -4003
    ECAP_ERR_UNKNOWN_ENUM = -4004
    ECAP_ERR_UNKNOWN_KEY = -4005
    ECAP_ERR_TYPE = -4006
    ECAP_ERR_JSON = -4007
    ECAP_ERR_UNKNOWN_MODEL = -4008
    ECAP_ERR_NOMEM = -4009
    ECAP_ERR_IO = -4010
    ECAP_ERR_NOSPACE = -4011
    ECAP_ERR_NOT_FOUND = -4012
    ECAP_ERR_LIMIT = -4013

    @classmethod
    def _missing_(cls, value: object) -> Optional["ErrorCode"]:
        # A code newer than this binding is still an ErrorCode (named
        # ECAP_ERR_<n>), so EcapError.code always has .name and .value.
        if not isinstance(value, int):
            return None
        member = int.__new__(cls, value)
        member._name_ = f"ECAP_ERR_{-value}" if value < 0 else f"ECAP_{value}"
        member._value_ = value
        return member


class EcapError(Exception):
    """Base class of every error libecaptune reports.

    Attributes:
        code: the C error code, an :class:`ErrorCode` (one newer than this
            binding is an ErrorCode named ``ECAP_ERR_<n>``).
        field: the offending struct field or policy key ("" when none).
        message: the library's sentence naming the field and bad value.
        line, column: 1-based position in JSON input; 0 when not JSON.
    """

    #: The C code this class stands for (set on each subclass).
    CODE: Optional[ErrorCode] = None

    def __init__(self, code: int, field: str = "", message: str = "",
                 line: int = 0, column: int = 0) -> None:
        self.code: ErrorCode = ErrorCode(code)
        self.field = field
        self.message = message
        self.line = line
        self.column = column
        super().__init__(self._text())

    def _text(self) -> str:
        name = self.code.name
        text = self.message or name
        if self.field and self.field not in text:
            text = f"{self.field}: {text}"
        if self.line:
            text += f" (line {self.line}, column {self.column})"
        return f"{text} [{name}]"

    def __str__(self) -> str:
        # The library's sentence, also for the OSError subclass (whose own
        # __str__ would print only errno and filename).
        return self._text()

    def __reduce__(self) -> Tuple[Any, ...]:
        # keep pickling (multiprocessing, Spark) working
        return (type(self), (int(self.code), self.field, self.message,
                             self.line, self.column), self.__dict__)


class InvalidArgumentError(EcapError, ValueError):
    """ECAP_ERR_INVALID: NULL, NaN or infinite argument, or a missing one."""

    CODE = ErrorCode.ECAP_ERR_INVALID


class RangeError(EcapError, ValueError):
    """ECAP_ERR_RANGE: a finite number (or text) outside its documented range."""

    CODE = ErrorCode.ECAP_ERR_RANGE


class StructSizeError(EcapError, ValueError):
    """ECAP_ERR_STRUCT_SIZE: the library does not know a field this binding
    set (the library is older than the binding), or a bad struct size."""

    CODE = ErrorCode.ECAP_ERR_STRUCT_SIZE


class UnknownEnumError(EcapError, ValueError):
    """ECAP_ERR_UNKNOWN_ENUM: an enum value the library does not know."""

    CODE = ErrorCode.ECAP_ERR_UNKNOWN_ENUM


class UnknownKeyError(EcapError, LookupError):
    """ECAP_ERR_UNKNOWN_KEY: a policy key that does not exist."""

    CODE = ErrorCode.ECAP_ERR_UNKNOWN_KEY


class EcapTypeError(EcapError, TypeError):
    """ECAP_ERR_TYPE: a policy key read or written with the wrong type."""

    CODE = ErrorCode.ECAP_ERR_TYPE


class JsonError(EcapError, ValueError):
    """ECAP_ERR_JSON: malformed JSON, or JSON of the wrong shape or type."""

    CODE = ErrorCode.ECAP_ERR_JSON


class UnknownModelError(EcapError, ValueError):
    """ECAP_ERR_UNKNOWN_MODEL: a model name other than "guide" and "ecap-1"."""

    CODE = ErrorCode.ECAP_ERR_UNKNOWN_MODEL


class EcapMemoryError(EcapError, MemoryError):
    """ECAP_ERR_NOMEM: memory allocation failed in the library."""

    CODE = ErrorCode.ECAP_ERR_NOMEM


class EcapIOError(EcapError, OSError):
    """ECAP_ERR_IO: a file could not be opened or read.

    As every OSError: ``errno`` (e.g. ``errno.ENOENT``; None when the
    system gave none), ``strerror`` and ``filename`` (the path given).
    """

    CODE = ErrorCode.ECAP_ERR_IO

    def set_os_error(self, errno: int, filename: Any) -> None:
        """Records the system's errno and the file it concerns."""
        self.errno = errno or None
        self.strerror = os.strerror(errno) if errno else None
        self.filename = filename

    def __reduce__(self) -> Tuple[Any, ...]:
        cls, args, state = super().__reduce__()
        state = dict(state, errno=self.errno, strerror=self.strerror,
                     filename=self.filename)
        return (cls, args, state)


class NoSpaceError(EcapError):
    """ECAP_ERR_NOSPACE: a caller-provided array is too small (the binding
    retries with the needed count, so users rarely see it)."""

    CODE = ErrorCode.ECAP_ERR_NOSPACE


class NotFoundError(EcapError, LookupError):
    """ECAP_ERR_NOT_FOUND: a named scenario or instance class does not exist."""

    CODE = ErrorCode.ECAP_ERR_NOT_FOUND


class LimitError(EcapError):
    """ECAP_ERR_LIMIT: a fixed-capacity table is full, or would become empty."""

    CODE = ErrorCode.ECAP_ERR_LIMIT


_BY_CODE: Dict[int, Type[EcapError]] = {
    int(c.CODE): c
    for c in (InvalidArgumentError, RangeError, StructSizeError,
              UnknownEnumError, UnknownKeyError, EcapTypeError, JsonError,
              UnknownModelError, EcapMemoryError, EcapIOError, NoSpaceError,
              NotFoundError, LimitError)
    if c.CODE is not None
}


def error_class(code: int) -> Type[EcapError]:
    """The exception class for a C error code (EcapError for an unknown one)."""
    return _BY_CODE.get(code, EcapError)
