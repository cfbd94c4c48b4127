# SPDX-License-Identifier: MIT
"""Enums of the foundation API, with the C names and the C values.

An advisor family's enums (reason codes, join types, ...) live in that
family's module, also as ``enum.IntEnum`` with the C names and values.
"""

from __future__ import annotations

import enum

__all__ = ["Model", "ValueType"]


class Model(enum.IntEnum):
    """enum ecap_model: which model of advice produced a result.

    ECAP_MODEL_GUIDE ("guide") reproduces the tuning guide's formulas number
    for number; ECAP_MODEL_ECAP_1 ("ecap-1", the default) keeps the guide's
    constants with corrected arithmetic and Spark's own rules.
    """

    ECAP_MODEL_GUIDE = 1
    ECAP_MODEL_ECAP_1 = 2


class ValueType(enum.IntEnum):
    """enum ecap_value_type: the type of a policy key's value."""

    ECAP_TYPE_DOUBLE = 1
    ECAP_TYPE_INT64 = 2
    ECAP_TYPE_STRING = 3
    #: Stored as int64 0 or 1; the binding reads and writes Python bool.
    ECAP_TYPE_BOOL = 4
