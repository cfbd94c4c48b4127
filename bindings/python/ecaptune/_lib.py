# SPDX-License-Identifier: MIT
"""Loading libecaptune and the table of every C prototype the binding uses.

The library is found by, in order: the environment variable
``ECAPTUNE_LIBRARY`` (a path), the SONAME ``libecaptune.so.1``, and
``ctypes.util.find_library("ecaptune")``.  At import the run-time version
(``ecap_version_number``) is checked against :data:`MIN_VERSION`.

Every exported C function is either in :data:`PROTOTYPES` (bound) or in
:data:`NOT_YET_BOUND` with a reason; tests/test_exports.py holds both
against lib/libecaptune.sym.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from ctypes import (POINTER, c_char_p, c_double, c_int, c_int32, c_int64,
                    c_size_t, c_uint32, c_uint64, c_void_p)
from typing import Any, Dict, List, Optional, Sequence, Tuple

from . import _structs as S
from .errors import EcapError, error_class

__all__ = ["lib", "library_path", "MIN_VERSION", "PROTOTYPES",
           "NOT_YET_BOUND", "check", "pack_version", "PolicyHandle"]


def pack_version(major: int, minor: int, patch: int) -> int:
    """ECAP_VERSION_PACK: 0xMMmmpp, comparable with < and >."""
    return (major << 16) | (minor << 8) | patch


#: Oldest library this binding works with (it uses every 1.0 function).
MIN_VERSION: Tuple[int, int, int] = (1, 0, 0)

_SONAME = "libecaptune.so.1"


class PolicyHandle(c_void_p):
    """``ecap_policy *``: the opaque policy handle."""


_err_p = POINTER(S.ErrorStruct)
#: struct ecap_error *, for prototypes made outside this table.
ERR_P = _err_p
_policy_pp = POINTER(PolicyHandle)


def _names(*enums: str) -> Dict[str, Tuple[Any, Sequence[Any]]]:
    """The ecap_<enum>_to_string / _from_string pair of each C enum."""
    out: Dict[str, Tuple[Any, Sequence[Any]]] = {}
    for e in enums:
        out[e + "_to_string"] = (c_char_p, (c_int32,))
        out[e + "_from_string"] = (c_int, (c_char_p, POINTER(c_int32), _err_p))
    return out

# name -> (restype, argtypes).  Fallible functions (int return, last
# argument struct ecap_error *) are called through check().
PROTOTYPES: Dict[str, Tuple[Any, Sequence[Any]]] = {
    # version
    "ecap_version_string": (c_char_p, ()),
    "ecap_version_number": (c_uint32, ()),
    # errors and memory
    "ecap_strerror": (c_char_p, (c_int,)),
    "ecap_free": (None, (c_void_p,)),
    # models
    "ecap_model_to_string": (c_char_p, (c_int32,)),
    "ecap_model_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    # policy
    "ecap_policy_new": (c_int, (_policy_pp, _err_p)),
    "ecap_policy_copy": (c_int, (PolicyHandle, _policy_pp, _err_p)),
    "ecap_policy_free": (None, (_policy_pp,)),
    "ecap_policy_model": (c_int32, (PolicyHandle,)),
    "ecap_policy_set_double": (c_int, (PolicyHandle, c_char_p, c_double, _err_p)),
    "ecap_policy_get_double": (c_int, (PolicyHandle, c_char_p, POINTER(c_double), _err_p)),
    "ecap_policy_set_int64": (c_int, (PolicyHandle, c_char_p, c_int64, _err_p)),
    "ecap_policy_get_int64": (c_int, (PolicyHandle, c_char_p, POINTER(c_int64), _err_p)),
    "ecap_policy_set_string": (c_int, (PolicyHandle, c_char_p, c_char_p, _err_p)),
    "ecap_policy_get_string": (c_int, (PolicyHandle, c_char_p, POINTER(c_char_p), _err_p)),
    "ecap_policy_load_json": (c_int, (PolicyHandle, c_char_p, c_size_t, _err_p)),
    "ecap_policy_load_file": (c_int, (PolicyHandle, c_char_p, _err_p)),
    # char ** as void ** so the pointer survives for ecap_free()
    "ecap_policy_dump_json": (c_int, (PolicyHandle, POINTER(c_void_p), _err_p)),
    "ecap_policy_key_count": (c_size_t, ()),
    "ecap_policy_key_at": (c_int, (c_size_t, POINTER(S.KeyInfoStruct), _err_p)),
    "ecap_policy_key_find": (c_int, (c_char_p, POINTER(S.KeyInfoStruct), _err_p)),
    "ecap_policy_scenario_count": (c_size_t, (PolicyHandle,)),
    "ecap_policy_scenario_at": (c_int, (PolicyHandle, c_size_t, POINTER(S.ScenarioStruct), _err_p)),
    "ecap_policy_scenario_find": (c_int, (PolicyHandle, c_char_p, POINTER(S.ScenarioStruct), _err_p)),
    "ecap_policy_scenario_set": (c_int, (PolicyHandle, POINTER(S.ScenarioStruct), _err_p)),
    "ecap_policy_scenario_remove": (c_int, (PolicyHandle, c_char_p, _err_p)),
    **_names("ecap_value_type"),
    "ecap_catalog_to_string": (c_char_p, (c_int32,)),
    "ecap_catalog_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    "ecap_policy_catalog_count": (c_size_t, (PolicyHandle, c_int32)),
    "ecap_policy_catalog_at": (c_int, (PolicyHandle, c_int32, c_size_t, POINTER(S.CatalogEntryStruct), _err_p)),
    "ecap_policy_catalog_find": (c_int, (PolicyHandle, c_int32, c_char_p, POINTER(S.CatalogEntryStruct), _err_p)),
    "ecap_policy_catalog_set": (c_int, (PolicyHandle, POINTER(S.CatalogEntryStruct), _err_p)),
    "ecap_policy_catalog_remove": (c_int, (PolicyHandle, c_int32, c_char_p, _err_p)),
    # ---- advisor families: add their prototypes below this line ----
    # partition sizing
    "ecap_partition_advise": (c_int, (PolicyHandle, POINTER(S.PartitionInStruct),
                                      POINTER(S.PartitionOutStruct), _err_p)),
    "ecap_partition_scan_tasks": (c_int, (PolicyHandle, POINTER(S.PartitionScanInStruct),
                                          POINTER(S.PartitionScanOutStruct), _err_p)),
    "ecap_partition_aqe": (c_int, (PolicyHandle, POINTER(S.PartitionAqeInStruct),
                                   POINTER(S.PartitionAqeOutStruct), POINTER(c_int64),
                                   POINTER(c_size_t), _err_p)),
    "ecap_partition_spark_properties": (c_int, (PolicyHandle, POINTER(S.PartitionOutStruct),
                                                POINTER(S.PropertyStruct),
                                                POINTER(c_size_t), _err_p)),
    "ecap_partition_action_to_string": (c_char_p, (c_int32,)),
    "ecap_partition_action_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    "ecap_partition_reason_to_string": (c_char_p, (c_int32,)),
    "ecap_partition_reason_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    "ecap_partition_explain": (c_int, (POINTER(S.PartitionOutStruct), c_char_p,
                                       c_size_t, _err_p)),
    "ecap_partition_scan_explain": (c_int, (POINTER(S.PartitionScanOutStruct), c_char_p,
                                            c_size_t, _err_p)),
    "ecap_partition_aqe_explain": (c_int, (POINTER(S.PartitionAqeOutStruct), c_char_p,
                                           c_size_t, _err_p)),
    # join strategy
    "ecap_join_advise": (c_int, (PolicyHandle, POINTER(S.JoinInStruct),
                                 POINTER(S.JoinOutStruct), _err_p)),
    "ecap_join_type_to_string": (c_char_p, (c_int32,)),
    "ecap_join_type_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    "ecap_join_hint_to_string": (c_char_p, (c_int32,)),
    "ecap_join_hint_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    "ecap_join_strategy_to_string": (c_char_p, (c_int32,)),
    "ecap_join_strategy_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    "ecap_join_build_side_to_string": (c_char_p, (c_int32,)),
    "ecap_join_build_side_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    **_names("ecap_join_reason", "ecap_join_hint_ignored", "ecap_join_text",
             "ecap_join_warning"),
    "ecap_join_explain": (c_int, (POINTER(S.JoinOutStruct), c_char_p, c_size_t, _err_p)),
    "ecap_join_explain_part": (c_int, (POINTER(S.JoinOutStruct), c_int32, c_char_p,
                                       c_size_t, _err_p)),
    # cache level
    "ecap_cache_advise": (c_int, (PolicyHandle, POINTER(S.CacheInStruct),
                                  POINTER(S.CacheOutStruct), _err_p)),
    "ecap_storage_level_flags": (c_int, (c_int32, c_int32,
                                         POINTER(S.StorageLevelFlagsStruct), _err_p)),
    "ecap_storage_level_to_string": (c_char_p, (c_int32,)),
    "ecap_storage_level_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    "ecap_cache_explain": (c_int, (POINTER(S.CacheOutStruct), c_char_p, c_size_t, _err_p)),
    "ecap_cache_reason_to_string": (c_char_p, (c_int32,)),
    "ecap_cache_reason_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    "ecap_cache_format_to_string": (c_char_p, (c_int32,)),
    "ecap_cache_format_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    "ecap_cache_alternative_to_string": (c_char_p, (c_int32,)),
    "ecap_cache_alternative_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    "ecap_spark_api_to_string": (c_char_p, (c_int32,)),
    "ecap_spark_api_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    # executor sizing
    "ecap_executor_advise": (c_int, (PolicyHandle, POINTER(S.ExecutorInStruct),
                                     POINTER(S.ExecutorOutStruct), _err_p)),
    "ecap_executor_spark_properties": (c_int, (POINTER(S.ExecutorOutStruct),
                                               POINTER(S.PropertyStruct),
                                               POINTER(c_size_t), _err_p)),
    "ecap_executor_explain": (c_int, (POINTER(S.ExecutorOutStruct), POINTER(ctypes.c_char),
                                      c_size_t, _err_p)),
    "ecap_executor_reason_to_string": (c_char_p, (c_int32,)),
    "ecap_executor_reason_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    "ecap_executor_node_reason_to_string": (c_char_p, (c_int32,)),
    "ecap_executor_node_reason_from_string": (c_int, (c_char_p, POINTER(c_int32),
                                                      _err_p)),
    "ecap_spark_memory_regions": (c_int, (PolicyHandle, c_uint64,
                                          POINTER(S.SparkMemoryRegionsStruct), _err_p)),
    "ecap_spark_platform_to_string": (c_char_p, (c_int32,)),
    "ecap_spark_platform_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    # database sizing
    "ecap_database_advise": (c_int, (PolicyHandle, POINTER(S.DatabaseInStruct),
                                     POINTER(S.DatabaseOutStruct), _err_p)),
    "ecap_database_advise_shape": (c_int, (PolicyHandle,
                                           POINTER(S.DatabaseShapeInStruct),
                                           POINTER(S.DatabaseOutStruct), _err_p)),
    "ecap_database_explain": (c_int, (POINTER(S.DatabaseOutStruct), c_char_p,
                                      c_size_t, _err_p)),
    "ecap_database_properties": (c_int, (POINTER(S.DatabaseOutStruct),
                                         POINTER(S.PropertyStruct),
                                         POINTER(c_size_t), _err_p)),
    "ecap_database_rds_parameters": (c_int, (POINTER(S.DatabaseOutStruct),
                                             POINTER(S.DatabaseRdsParameterStruct),
                                             POINTER(c_size_t), _err_p)),
    "ecap_database_reason_to_string": (c_char_p, (c_int32,)),
    "ecap_database_reason_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    "ecap_database_workload_to_string": (c_char_p, (c_int32,)),
    "ecap_database_workload_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    "ecap_database_storage_to_string": (c_char_p, (c_int32,)),
    "ecap_database_storage_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    "ecap_database_flag_to_string": (c_char_p, (c_uint32,)),
    "ecap_database_flag_from_string": (c_int, (c_char_p, POINTER(c_uint32), _err_p)),

    # Kafka sizing
    "ecap_kafka_advise": (c_int, (PolicyHandle, POINTER(S.KafkaInStruct),
                                  POINTER(S.KafkaOutStruct), _err_p)),
    "ecap_kafka_explain": (c_int, (POINTER(S.KafkaOutStruct), c_char_p,
                                   c_size_t, _err_p)),
    "ecap_kafka_reason_to_string": (c_char_p, (c_int32,)),
    "ecap_kafka_reason_from_string": (c_int, (c_char_p, POINTER(c_int32), _err_p)),
    # growth and projection
    "ecap_projection_run": (c_int, (PolicyHandle, POINTER(S.ProjectionInStruct),
                                    POINTER(S.ProjectionYearStruct),
                                    POINTER(c_size_t), _err_p)),
    # char ** as void ** so the pointer survives for ecap_free()
    "ecap_projection_to_json": (c_int, (POINTER(S.ProjectionYearStruct), c_size_t,
                                        POINTER(c_void_p), _err_p)),
    "ecap_projection_year_explain": (c_int, (POINTER(S.ProjectionYearStruct), c_char_p,
                                             c_size_t, _err_p)),
    # batch: arrays of any advisor's structs, hence void *
    "ecap_advise_batch": (c_int, (PolicyHandle, c_int32, c_void_p, c_void_p, c_size_t,
                                  POINTER(c_int32), _err_p)),
    **_names("ecap_advisor"),
    "ecap_projection_montecarlo": (c_int, (PolicyHandle, POINTER(S.MonteCarloInStruct),
                                           POINTER(S.MonteCarloYearStruct),
                                           POINTER(c_size_t), _err_p)),
    "ecap_projection_montecarlo_to_json": (c_int, (POINTER(S.MonteCarloYearStruct),
                                                   c_size_t, POINTER(c_void_p), _err_p)),
}

#: Exported C functions deliberately not bound yet: name -> reason.
#: Empty for the foundation; a family merged in C before its binding is
#: written goes here (with the reason) until the binding lands.
NOT_YET_BOUND: Dict[str, str] = {}


def _candidates() -> List[Tuple[str, str]]:
    env = os.environ.get("ECAPTUNE_LIBRARY")
    if env:
        # An explicit choice is never silently replaced by another copy.
        return [(env, "ECAPTUNE_LIBRARY")]
    found = [(_SONAME, "SONAME")]
    name = ctypes.util.find_library("ecaptune")
    if name:
        found.append((name, "ctypes.util.find_library"))
    return found


def _load() -> Tuple[ctypes.CDLL, str]:
    errors = []
    for path, how in _candidates():
        try:
            # use_errno: ctypes.get_errno() after a call is the errno the
            # library left (the IO error's errno).
            return ctypes.CDLL(path, use_errno=True), path
        except OSError as e:
            errors.append(f"{how} {path!r}: {e}")
    raise ImportError(
        "ecaptune: cannot load libecaptune (set ECAPTUNE_LIBRARY to the path "
        "of libecaptune.so.1, or install the library): " + "; ".join(errors))


#: The bound C functions by name (getattr on a CDLL is slower).
FUNCS: Dict[str, Any] = {}


def _bind(cdll: ctypes.CDLL) -> None:
    for name, (restype, argtypes) in PROTOTYPES.items():
        try:
            f = getattr(cdll, name)
        except AttributeError:
            raise ImportError(
                f"ecaptune: {library_path} does not export {name}; the "
                "library is older than this binding") from None
        f.restype = restype
        f.argtypes = list(argtypes)
        FUNCS[name] = f


def _check_version(cdll: ctypes.CDLL, path: str) -> None:
    fn = cdll.ecap_version_number
    fn.restype, fn.argtypes = c_uint32, []
    have = fn()
    need = pack_version(*MIN_VERSION)
    if have < need:
        raise ImportError(
            "ecaptune: the libecaptune at {} is version {}.{}.{}; this "
            "binding needs {}.{}.{} or newer".format(
                path, have >> 16, (have >> 8) & 0xFF, have & 0xFF,
                *MIN_VERSION))


lib, library_path = _load()
_check_version(lib, library_path)
_bind(lib)



_tls = threading.local()


def bind(name: str, restype: Any, argtypes: Sequence[Any],
         optional: bool = False) -> Any:
    """The C function ``name``, bound with its prototype (from
    :data:`PROTOTYPES` when listed there); None for a function the
    library does not export when ``optional``."""
    f = FUNCS.get(name)
    if f is None:
        try:
            f = getattr(lib, name)
        except AttributeError:
            if optional:
                return None
            raise
        if name not in PROTOTYPES:
            f.restype, f.argtypes = restype, list(argtypes)
        FUNCS[name] = f
    return f


def error_struct() -> S.ErrorStruct:
    """This thread's struct ecap_error, reused by every call (the library
    resets it at the start of each)."""
    try:
        err: S.ErrorStruct = _tls.err
    except AttributeError:
        err = _tls.err = S.new_struct(S.ErrorStruct)
    return err


def check(name: str, *args: Any) -> None:
    """Calls the fallible C function ``name`` with ``args`` plus this
    thread's struct ecap_error; raises the EcapError subclass for a
    failure."""
    f = FUNCS.get(name) or bind(name, None, ())
    try:
        err = _tls.err
    except AttributeError:
        err = error_struct()
    rc = f(*args, err)
    if rc != 0:
        raise error_from(rc, err)


def error_from(rc: int, err: Optional[S.ErrorStruct]) -> EcapError:
    """The exception for return code rc and the filled error struct."""
    if err is None or err.code != rc:
        return error_class(rc)(rc, "", lib.ecap_strerror(rc).decode())
    return error_class(rc)(
        rc,
        err.field.decode("utf-8", "replace"),
        err.message.decode("utf-8", "replace"),
        err.line,
        err.column,
    )
