# SPDX-License-Identifier: MIT
"""ecaptune: Python binding of libecaptune, the ECAP performance tuning
guide as a library.

>>> import ecaptune
>>> with ecaptune.Policy() as p:
...     p["partition.target_size_mb"]
128.0

The shared library is found by ECAPTUNE_LIBRARY, then the SONAME
libecaptune.so.1, then ctypes.util.find_library; an older library than
this binding needs is refused at import.
"""

from __future__ import annotations

from ._convert import Property, Record, properties_to_dict
from ._lib import MIN_VERSION, library_path
from .core import (VersionInfo, model_from_string, model_to_string, strerror,
                   version_info, version_number, version_string)
from .enums import CEnum, Model, ValueType
from .errors import (EcapError, EcapIOError, EcapMemoryError, EcapTypeError,
                     ErrorCode, InvalidArgumentError, JsonError, LimitError,
                     NoSpaceError, NotFoundError, RangeError, StructSizeError,
                     UnknownEnumError, UnknownKeyError, UnknownModelError)
from .policy import (KeyInfo, Policy, Scenario, Value,
                     key_at, key_count, key_find, keys)
from .catalog import (Catalog, CatalogEntry, CATALOG_MAX_ENTRIES,
                      catalog_to_string, catalog_from_string)

from .partition import (PartitionAction, PartitionReason, PartitionAdvice,
                        ScanTasks, AqeResult, PARTITION_MAX_BYTES,
                        PARTITION_MAX_COUNT, advise_partitions,
                        partition_scan_tasks, partition_aqe,
                        partition_spark_properties,
                        partition_action_to_string,
                        partition_action_from_string,
                        partition_reason_to_string,
                        partition_reason_from_string)

from .join import (JoinType, JoinHint, JoinStrategy, JoinBuildSide,
                   JoinReason, JoinHintIgnored, JoinText, JoinWarning,
                   JoinAdvice,
                   JOIN_MAX_BROADCAST_BYTES, JOIN_MAX_BROADCAST_ROWS_HASH,
                   JOIN_MAX_BROADCAST_ROWS_LONG, advise_join,
                   join_type_to_string, join_type_from_string,
                   join_hint_to_string, join_hint_from_string,
                   join_strategy_to_string, join_strategy_from_string,
                   join_build_side_to_string, join_build_side_from_string,
                   join_warning_from_string)

from .cache import (StorageLevel, SparkApi, CacheReason, CacheFormat,
                    CacheAlternative, StorageLevelFlags, CacheAdvice,
                    advise_cache, storage_level_flags,
                    storage_level_to_string, storage_level_from_string,
                    spark_api_to_string, spark_api_from_string,
                    cache_reason_to_string, cache_reason_from_string,
                    cache_format_to_string, cache_format_from_string,
                    cache_alternative_to_string,
                    cache_alternative_from_string)

from .executor import (SparkPlatform, ExecutorReason, ExecutorNodeReason,
                       ExecutorAdvice, SparkMemoryRegions, advise_executors,
                       executor_explain, executor_spark_properties,
                       spark_memory_regions, spark_platform_to_string,
                       spark_platform_from_string, executor_reason_to_string,
                       executor_reason_from_string,
                       executor_node_reason_to_string,
                       executor_node_reason_from_string)

from .database import (DatabaseReason, DatabaseWorkload, DatabaseStorage,
                       DatabaseFlag, DatabaseAdvice, RdsParameter,
                       DATABASE_MAX_TRANSACTIONS_PER_DAY, advise_database,
                       advise_database_shape, explain_database,
                       database_properties, database_rds_parameters,
                       database_reason_to_string, database_reason_from_string,
                       database_workload_to_string,
                       database_workload_from_string,
                       database_storage_to_string, database_storage_from_string,
                       database_flag_to_string, database_flag_from_string)

from .kafka import (KafkaReason, KafkaAdvice, KAFKA_MAX_EVENTS_PER_SECOND,
                    KAFKA_MAX_INGRESS_MB_PER_SECOND, advise_kafka,
                    kafka_reason_to_string, kafka_reason_from_string)

from .projection import (ProjectionYear, ProjectionBand, MonteCarloYear,
                         PROJECTION_MAX_YEARS, projection_run,
                         projection_to_json, projection_montecarlo,
                         projection_montecarlo_to_json)

__version__ = "1.0.0"

from .batch import Advisor, BatchResult, advise_batch

__all__ = [
    "MIN_VERSION", "library_path", "__version__",
    "VersionInfo", "version_string", "version_number", "version_info",
    "strerror", "model_to_string", "model_from_string",
    "Model", "ValueType", "ErrorCode",
    "EcapError", "InvalidArgumentError", "RangeError", "StructSizeError",
    "UnknownEnumError", "UnknownKeyError", "EcapTypeError", "JsonError",
    "UnknownModelError", "EcapMemoryError", "EcapIOError", "NoSpaceError",
    "NotFoundError", "LimitError",
    "Policy", "KeyInfo", "Scenario", "Property", "Record",
    "properties_to_dict",
    "Catalog", "CatalogEntry", "CATALOG_MAX_ENTRIES", "catalog_to_string",
    "catalog_from_string",
    "Value", "key_count", "key_at", "key_find", "keys",
    # ---- advisor families: add their public names below this line ----
    # partition
    "PartitionAction", "PartitionReason", "PartitionAdvice",
    "ScanTasks", "AqeResult", "PARTITION_MAX_BYTES",
    "PARTITION_MAX_COUNT", "advise_partitions", "partition_scan_tasks",
    "partition_aqe", "partition_spark_properties", "partition_action_to_string",
    "partition_action_from_string", "partition_reason_to_string", "partition_reason_from_string",
    # join
    "JoinType", "JoinHint", "JoinStrategy",
    "JoinBuildSide", "JoinReason", "JoinHintIgnored",
    "JoinText", "JoinWarning", "JoinAdvice", "JOIN_MAX_BROADCAST_BYTES",
    "JOIN_MAX_BROADCAST_ROWS_HASH", "JOIN_MAX_BROADCAST_ROWS_LONG", "advise_join",
    "join_type_to_string", "join_type_from_string", "join_hint_to_string",
    "join_hint_from_string", "join_strategy_to_string", "join_strategy_from_string",
    "join_build_side_to_string", "join_build_side_from_string",
    "join_warning_from_string",
    # cache
    "StorageLevel", "SparkApi", "CacheReason", "CacheFormat", "CacheAlternative",
    "StorageLevelFlags", "CacheAdvice", "advise_cache",
    "storage_level_flags", "storage_level_to_string", "storage_level_from_string",
    "spark_api_to_string", "spark_api_from_string", "cache_reason_to_string",
    "cache_reason_from_string", "cache_format_to_string", "cache_format_from_string",
    "cache_alternative_to_string", "cache_alternative_from_string",
    # executor
    "SparkPlatform", "ExecutorReason", "ExecutorNodeReason", "ExecutorAdvice",
    "SparkMemoryRegions", "advise_executors", "executor_explain",
    "executor_spark_properties", "spark_memory_regions",
    "spark_platform_to_string", "spark_platform_from_string",
    "executor_reason_to_string", "executor_reason_from_string",
    "executor_node_reason_to_string", "executor_node_reason_from_string",
    # database
    "DatabaseReason", "DatabaseWorkload", "DatabaseStorage", "DatabaseFlag",
    "DatabaseAdvice", "RdsParameter", "DATABASE_MAX_TRANSACTIONS_PER_DAY",
    "advise_database", "advise_database_shape", "explain_database",
    "database_properties", "database_rds_parameters",
    "database_reason_to_string", "database_reason_from_string",
    "database_workload_to_string", "database_workload_from_string",
    "database_storage_to_string", "database_storage_from_string",
    "database_flag_to_string", "database_flag_from_string",
    # kafka
    "KafkaReason", "KafkaAdvice", "KAFKA_MAX_EVENTS_PER_SECOND",
    "KAFKA_MAX_INGRESS_MB_PER_SECOND", "advise_kafka",
    "kafka_reason_to_string", "kafka_reason_from_string",
    # projection
    "ProjectionYear", "ProjectionBand", "MonteCarloYear", "PROJECTION_MAX_YEARS",
    "projection_run", "projection_to_json", "projection_montecarlo",
    "projection_montecarlo_to_json",
    # batch
    "Advisor", "BatchResult", "advise_batch",
    # enums
    "CEnum",
]
