# SPDX-License-Identifier: MIT
"""The catalogs of priced machine shapes a policy carries (Spark nodes, RDS
classes, MSK brokers): :class:`Catalog`, :class:`CatalogEntry` and the
name functions.  The Policy methods ``catalog``, ``catalog_find``,
``catalog_set`` and ``catalog_remove`` read and change them.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Optional, Union

from ._convert import Record, enum_from_string, enum_to_string
from .enums import CEnum

__all__ = ["Catalog", "CatalogEntry", "CATALOG_MAX_ENTRIES",
           "catalog_to_string", "catalog_from_string"]

#: Most entries one catalog holds (ECAP_CATALOG_MAX_ENTRIES).
CATALOG_MAX_ENTRIES: int = 128


class Catalog(CEnum):
    """enum ecap_catalog: which catalog ("spark-node", "database",
    "kafka-broker")."""

    SPARK_NODE = 1
    DATABASE = 2
    KAFKA_BROKER = 3


@dataclasses.dataclass(frozen=True)
class CatalogEntry(Record):
    """struct ecap_catalog_entry: a priced machine shape of a catalog.

    catalog: the Catalog it belongs to.
    name: 1 to 63 printable characters without white space, unique in
        its catalog ("r5.4xlarge", "db.r6g.xlarge", "kafka.m5.large").
    vcpu_count: 1 .. 65536.  memory_gb: GiB, > 0 .. 1048576.
    price_usd_per_hour: on-demand price (EC2, RDS Single-AZ, MSK broker).
    region: "us-east-1"; price_date: "YYYY-MM-DD", the day of the prices.
    family: the name up to its last '.' (filled by the library when "").
    spark-node only: emr_price_usd_per_hour (0: EMR does not offer the
        type), yarn_memory_mb (MiB, at most the memory; 0: EMR's rule for
        the type's generation, derived flag set), yarn_memory_derived_flag,
        eks_max_pod_count.
    database only: multi_az_price_usd_per_hour, iops_usd_per_month;
        database and kafka-broker: storage_usd_per_gb_month.
    kafka-broker only: max_partition_replica_count,
        throughput_mb_per_second.
    Fields of other catalogs must be 0.
    """

    _enums = {"catalog": Catalog}
    _bools = frozenset({"yarn_memory_derived_flag"})

    catalog: Catalog
    name: str
    vcpu_count: int
    memory_gb: float
    price_usd_per_hour: float
    region: str
    price_date: str
    family: str = ""
    emr_price_usd_per_hour: float = 0.0
    multi_az_price_usd_per_hour: float = 0.0
    storage_usd_per_gb_month: float = 0.0
    iops_usd_per_month: float = 0.0
    yarn_memory_mb: int = 0
    yarn_memory_derived_flag: bool = False
    eks_max_pod_count: int = 0
    max_partition_replica_count: int = 0
    throughput_mb_per_second: float = 0.0


def catalog_to_string(catalog: Union[Catalog, int]) -> Optional[str]:
    """"spark-node", "database", "kafka-broker"; None for an unknown value."""
    return enum_to_string("ecap_catalog_to_string", catalog)


def catalog_from_string(name: str) -> Catalog:
    """Parses a catalog name; UnknownEnumError if unknown."""
    return enum_from_string("ecap_catalog_from_string", Catalog, name)
