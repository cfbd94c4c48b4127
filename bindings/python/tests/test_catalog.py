# SPDX-License-Identifier: MIT
"""Catalogs: the C suite's seed rows (engine-facts 4.2/4.3, the guide's
RDS prices, the MSK broker sizes), order, edits, errors, JSON and keys."""

from __future__ import annotations

import dataclasses
import json

import pytest

import ecaptune
from ecaptune import Catalog, CatalogEntry
from ecaptune import errors as E


def test_names():
    assert ecaptune.catalog_to_string(Catalog.ECAP_CATALOG_SPARK_NODE) == "spark-node"
    assert ecaptune.catalog_to_string(3) == "kafka-broker"
    assert ecaptune.catalog_to_string(9) is None
    assert ecaptune.catalog_from_string("database") is Catalog.ECAP_CATALOG_DATABASE
    with pytest.raises(E.UnknownEnumError):
        ecaptune.catalog_from_string("rds")


def test_defaults_sorted_by_price(policy):
    # 76 types (lib/catalog-spark-node.def), cheapest first: m6g.large
    # 0.077, m7g.large 0.0816, c5.large and c6i.large 0.085, m5.large 0.096
    assert policy.catalog_count("spark-node") == 76
    assert [e.name for e in policy.catalog("spark-node")][:5] == [
        "m6g.large", "m7g.large", "c5.large", "c6i.large", "m5.large"]
    m = policy.catalog_find(Catalog.ECAP_CATALOG_SPARK_NODE, "m5.4xlarge")
    # YARN 57344 MiB (4.2), EMR uplift 25 % = 0.192, 8 * (30 - 1) + 2 pods
    assert (m.vcpu_count, m.memory_gb, m.yarn_memory_mb,
            m.emr_price_usd_per_hour, m.eks_max_pod_count, m.family) == \
        (16, 64.0, 57344, 0.192, 234, "m5")
    assert m.catalog is Catalog.ECAP_CATALOG_SPARK_NODE
    assert m.yarn_memory_derived_flag is False
    # MSK: the cheapest first; kafka.t3.small holds 300 replicas a broker
    # and writes 60 % of its 174 Mbit/s baseline EBS = 12 MiB/s
    k = policy.catalog("kafka-broker")
    assert len(k) == 16
    assert (k[0].name, k[0].max_partition_replica_count,
            k[0].throughput_mb_per_second) == ("kafka.t3.small", 300, 12.0)
    assert k[-1].name == "kafka.m5.24xlarge"


def test_not_on_emr_and_yarn_rule(policy):
    # the large rows: no EMR price, i.e. EMR does not offer them
    assert policy.catalog_find("spark-node",
                               "m5.large").emr_price_usd_per_hour == 0.0
    # no YARN memory given: EMR's rule for a 7th-generation type,
    # 32768 x 61/64 = 31232, x 0.75 = 23424 MiB (as m7g.2xlarge publishes)
    policy.catalog_set(CatalogEntry(
        Catalog.ECAP_CATALOG_SPARK_NODE, "m8g.2xlarge", 8, 32.0, 0.36,
        "us-east-1", "2026-01-01", emr_price_usd_per_hour=0.09,
        eks_max_pod_count=58))
    m = policy.catalog_find("spark-node", "m8g.2xlarge")
    assert (m.yarn_memory_mb, m.yarn_memory_derived_flag) == (23424, True)


def test_set_replace_remove(policy):
    r5 = CatalogEntry(Catalog.ECAP_CATALOG_SPARK_NODE, "r5.4xlarge", 16,
                      128.0, 1.008, "us-east-1", "2026-01-01",
                      emr_price_usd_per_hour=0.252, yarn_memory_mb=122880,
                      eks_max_pod_count=234)
    policy.catalog_set(r5)
    got = policy.catalog_find("spark-node", "r5.4xlarge")
    assert got == dataclasses.replace(r5, family="r5")
    # the shipped r5.4xlarge row is replaced, not added
    assert policy.catalog_count("spark-node") == 76
    policy.catalog_set(r5, price_usd_per_hour=0.01)
    assert policy.catalog_at("spark-node", 0).name == "r5.4xlarge"
    assert policy.catalog_count("spark-node") == 76
    policy.catalog_remove("spark-node", "r5.4xlarge")
    assert policy.catalog_count("spark-node") == 75
    with pytest.raises(E.NotFoundError):
        policy.catalog_find("spark-node", "r5.4xlarge")


@pytest.mark.parametrize("change,error,field", [
    ({"memory_gb": 0.0}, E.RangeError, "memory_gb"),
    ({"memory_gb": float("nan")}, E.InvalidArgumentError, "memory_gb"),
    ({"name": "m5 x"}, E.RangeError, "name"),
    ({"price_date": "2026-02-30"}, E.InvalidArgumentError, "price_date"),
    ({"region": ""}, E.RangeError, "region"),
    ({"yarn_memory_mb": 200000}, E.RangeError, "yarn_memory_mb"),
    ({"storage_usd_per_gb_month": 0.1}, E.InvalidArgumentError,
     "storage_usd_per_gb_month"),
    ({"catalog": 7}, E.UnknownEnumError, "catalog"),
])
def test_validation(policy, change, error, field):
    base = policy.catalog_find("spark-node", "m5.xlarge")
    before = policy.dump_json()
    with pytest.raises(error) as info:
        policy.catalog_set(dataclasses.replace(base, **change))
    assert info.value.field == field
    assert policy.dump_json() == before


def test_last_entry_stays(policy):
    for e in policy.catalog("kafka-broker")[:-1]:
        policy.catalog_remove("kafka-broker", e.name)
    with pytest.raises(E.LimitError):
        policy.catalog_remove("kafka-broker", "kafka.m5.24xlarge")


def test_json_and_keys(policy):
    doc = json.loads(policy.dump_json())
    # the shipped RDS catalog, sorted by price: 44 classes
    assert len(doc["catalog.database"]) == 44
    doc["catalog.database"] = [e for e in doc["catalog.database"]
                               if e["name"] == "db.r6g.xlarge"]
    policy.load_json(json.dumps(doc))
    assert policy.catalog_count("database") == 1
    assert policy["catalog.spark-node.r5.2xlarge.yarn_memory_mb"] == 57344
    policy["catalog.database.db.r6g.xlarge.price_usd_per_hour"] = 0.5
    assert policy.catalog_find("database", "db.r6g.xlarge").price_usd_per_hour == 0.5
    with pytest.raises(E.UnknownKeyError):
        policy["database.instance_classes.db.r6g.xlarge.vcpus"]
