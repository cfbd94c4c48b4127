# SPDX-License-Identifier: MIT
"""ctypes mirrors of the public size-prefixed structs of include/ecaptune.h.

One ``ctypes.Structure`` subclass per C struct, fields in header order with
the header's fixed-width types.  Every mirror is registered in ``MIRRORS``
(C struct name -> class); the layout test compiles a C program generated
from that table and compares every ``sizeof`` and ``offsetof``, so a mirror
that drifts from the header, or a header struct with no mirror, fails.

The mirrors live in three modules by concern, all re-exported here (the
family modules use ``_structs.<Name>``): the registry (_mirror), the
library-wide structs below (errors, policy keys, scenarios, catalog
entries, properties), the Spark-side families (_structs_spark) and the
capacity-side ones (_structs_capacity).  Add an advisor family's ``struct
ecap_<family>_in`` / ``_out`` to the module of its side with
``@mirror("ecap_<family>_in")``.
"""

from __future__ import annotations

import ctypes

from . import _structs_capacity, _structs_spark
from ._mirror import MIRRORS, mirror, new_struct
from ._structs_capacity import *  # noqa: F401,F403
from ._structs_spark import *  # noqa: F401,F403

__all__ = [
    "MIRRORS",
    "mirror",
    "new_struct",
    "ErrorStruct",
    "KeyInfoStruct",
    "ScenarioStruct",
    "CatalogEntryStruct",
    "PropertyStruct",
]
__all__ += _structs_spark.__all__
__all__ += _structs_capacity.__all__


@mirror("ecap_error")
class ErrorStruct(ctypes.Structure):
    """struct ecap_error: the detailed error every fallible call fills."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("code", ctypes.c_int32),
        ("line", ctypes.c_int32),
        ("column", ctypes.c_int32),
        ("reserved_0", ctypes.c_int32),
        ("field", ctypes.c_char * 96),
        ("message", ctypes.c_char * 256),
    ]


@mirror("ecap_key_info")
class KeyInfoStruct(ctypes.Structure):
    """struct ecap_key_info: one static policy key (static strings)."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("name", ctypes.c_char_p),
        ("unit", ctypes.c_char_p),
        ("description", ctypes.c_char_p),
        ("type", ctypes.c_int32),
        ("reserved_0", ctypes.c_int32),
        ("default_double", ctypes.c_double),
        ("min_double", ctypes.c_double),
        ("max_double", ctypes.c_double),
        ("default_int64", ctypes.c_int64),
        ("min_int64", ctypes.c_int64),
        ("max_int64", ctypes.c_int64),
        ("default_string", ctypes.c_char_p),
    ]


@mirror("ecap_scenario")
class ScenarioStruct(ctypes.Structure):
    """struct ecap_scenario: a growth scenario."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("name", ctypes.c_char * 64),
        ("description", ctypes.c_char * 256),
        ("yearly_growth_ratio", ctypes.c_double),
        ("seasonal_peak_factor", ctypes.c_double),
        ("yearly_growth_sd_ratio", ctypes.c_double),
        ("seasonal_peak_sd_factor", ctypes.c_double),
    ]


@mirror("ecap_catalog_entry")
class CatalogEntryStruct(ctypes.Structure):
    """struct ecap_catalog_entry: a priced machine shape of a catalog."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("catalog", ctypes.c_int32),
        ("vcpu_count", ctypes.c_int32),
        ("name", ctypes.c_char * 64),
        ("family", ctypes.c_char * 32),
        ("region", ctypes.c_char * 32),
        ("price_date", ctypes.c_char * 16),
        ("memory_gb", ctypes.c_double),
        ("price_usd_per_hour", ctypes.c_double),
        ("emr_price_usd_per_hour", ctypes.c_double),
        ("multi_az_price_usd_per_hour", ctypes.c_double),
        ("storage_usd_per_gb_month", ctypes.c_double),
        ("iops_usd_per_month", ctypes.c_double),
        ("yarn_memory_mb", ctypes.c_int64),
        ("yarn_memory_derived_flag", ctypes.c_int32),
        ("eks_max_pod_count", ctypes.c_int32),
        ("max_partition_replica_count", ctypes.c_int64),
        ("throughput_mb_per_second", ctypes.c_double),
    ]


@mirror("ecap_property")
class PropertyStruct(ctypes.Structure):
    """struct ecap_property: one rendered Spark/engine property."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("key", ctypes.c_char * 96),
        ("value", ctypes.c_char * 160),
    ]
