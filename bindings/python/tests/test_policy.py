# SPDX-License-Identifier: MIT
"""Policy: defaults (the C suite's expected values, from the guide), typed
access, JSON, scenarios, catalog, lifetime."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

import ecaptune
from ecaptune import Model, ValueType


def test_version():
    # the binding needs 1.0.0; the library in the tree is 1.0.0
    assert ecaptune.version_string() == "1.0.0"
    assert ecaptune.version_number() == 0x010000
    assert ecaptune.version_info() >= ecaptune.MIN_VERSION


@pytest.mark.parametrize("key,expected", [
    ("partition.target_size_mb", 128.0),          # guide: 128 MB HDFS block
    ("join.broadcast_threshold_mb", 50.0),        # guide: autoBroadcastJoinThreshold 50MB
    ("join.guide_broadcast_max_rows", 1000000),   # guide's optimize_join
    ("cache.guide_partition_threshold", 200),     # guide's cache rule
    ("executor.memory_multiplier", 3.0),          # guide: 1 GB data needs 3 GB
    ("executor.window_share_ratio", 0.25),        # guide: 25 % of the window
    ("executor.cores", 2),                        # guide: spark.executor.cores 2
    ("executor.max_executors", 20),               # guide: maxExecutors 20
    ("executor.price_usd_per_hour", 0.20),
    ("database.index_overhead_factor", 1.3),
    ("database.retention_days", 365),
    ("kafka.replication_factor", 3),
    ("kafka.retention_hours", 168.0),             # 7 days
    ("kafka.broker_price_usd_per_hour", 0.192),
    ("kafka.instance_type", "kafka.m5.large"),
    ("growth.default_scenario", "conservative"),
    ("cost.hours_per_month", 720.0),              # 24 x 30
    ("spark.memory_fraction", 0.6),               # Spark default
    ("spark.reserved_memory_mb", 300.0),          # RESERVED_SYSTEM_MEMORY_BYTES
    ("join.prefer_sort_merge", True),             # Spark default true
    ("model", "ecap-1"),
])
def test_defaults_are_the_guides(policy, key, expected):
    value = policy[key]
    assert value == pytest.approx(expected) if isinstance(expected, float) \
        else value == expected
    assert type(value) is type(expected)


def test_model(policy):
    assert policy.model is Model.ECAP_MODEL_ECAP_1
    policy.model = Model.ECAP_MODEL_GUIDE
    assert policy.model == Model.ECAP_MODEL_GUIDE
    assert policy["model"] == "guide"
    policy.model = "ecap-1"
    assert policy.model == Model.ECAP_MODEL_ECAP_1
    assert ecaptune.model_to_string(Model.ECAP_MODEL_GUIDE) == "guide"
    assert ecaptune.model_to_string(99) is None
    assert ecaptune.model_from_string("ecap-1") is Model.ECAP_MODEL_ECAP_1


def test_enums_have_c_names_and_values():
    assert Model.ECAP_MODEL_GUIDE == 1 and Model.ECAP_MODEL_ECAP_1 == 2
    assert ValueType.ECAP_TYPE_BOOL == 4
    assert ecaptune.ErrorCode.ECAP_ERR_LIMIT == -4013
    assert ecaptune.strerror(ecaptune.ErrorCode.ECAP_ERR_RANGE) == "value out of range"
    assert ecaptune.strerror(12345) == "unknown error"


def test_typed_access_dispatches_on_key_type(policy):
    policy["partition.target_size_mb"] = 256         # int accepted for double
    assert policy.get_double("partition.target_size_mb") == 256.0
    policy["executor.cores"] = 4
    assert policy["executor.cores"] == 4
    policy["join.prefer_sort_merge"] = False
    assert policy["join.prefer_sort_merge"] is False
    assert policy.get_int64("join.prefer_sort_merge") == 0
    policy.set("kafka.instance_type", "kafka.m5.xlarge")
    assert policy.get_string("kafka.instance_type") == "kafka.m5.xlarge"
    assert "executor.cores" in policy and "no.such.key" not in policy
    assert policy.keys()[0] == "model" and len(policy.keys()) == ecaptune.key_count()


def test_dynamic_keys(policy):
    # the C suite: aggressive peak 3.0, db.r6g.4xlarge 128 GB, xlarge 4 vCPUs
    assert policy["growth.scenarios.aggressive.seasonal_peak_factor"] == 3.0
    assert policy["catalog.database.db.r6g.4xlarge.memory_gb"] == 128.0
    assert policy["catalog.database.db.r6g.xlarge.vcpu_count"] == 4
    policy["growth.scenarios.enterprise.yearly_growth_ratio"] = 0.3
    assert policy.scenario("enterprise").yearly_growth_ratio == 0.3
    policy["growth.scenarios.enterprise.description"] = "Slow"
    assert policy["growth.scenarios.enterprise.description"] == "Slow"
    policy["catalog.database.db.r6g.xlarge.vcpu_count"] = 8
    assert policy.catalog_find("database", "db.r6g.xlarge").vcpu_count == 8
    assert policy.key_type("catalog.database.db.r6g.xlarge.vcpu_count") \
        is ValueType.ECAP_TYPE_INT64


def test_key_introspection():
    infos = ecaptune.keys()
    assert len(infos) == ecaptune.key_count() > 50
    assert ecaptune.key_at(0).name == "model"
    k = ecaptune.key_find("partition.target_size_mb")
    assert (k.type, k.unit, k.default, k.minimum, k.maximum) == \
        (ValueType.ECAP_TYPE_DOUBLE, "MiB", 128.0, 1.0, 1048576.0)
    b = ecaptune.key_find("join.prefer_sort_merge")
    assert b.type is ValueType.ECAP_TYPE_BOOL and b.default is True
    assert json.loads(json.dumps(k.to_dict()))["type"] == "double"


def test_default_scenarios_and_catalog(policy):
    names = [s.name for s in policy.scenarios()]
    assert names == ["conservative", "aggressive", "enterprise"]
    c = policy.scenario("conservative")
    assert (c.yearly_growth_ratio, c.seasonal_peak_factor) == (0.5, 2.0)
    cat = policy.catalog(ecaptune.Catalog.ECAP_CATALOG_DATABASE)
    assert len(cat) == 44
    # RDS: db.r6g.xlarge has 4 vCPUs and 32 GiB; Multi-AZ twice the price
    x = policy.catalog_find("database", "db.r6g.xlarge").to_dict()
    assert (x["catalog"], x["vcpu_count"], x["memory_gb"], x["family"],
            x["region"]) == ("database", 4, 32.0, "db.r6g", "us-east-1")
    assert x["multi_az_price_usd_per_hour"] == 2 * x["price_usd_per_hour"]


def test_scenario_and_class_edit(policy):
    policy.set_scenario(name="hyper", yearly_growth_ratio=2.0,
                        seasonal_peak_factor=4.0, yearly_growth_sd_ratio=0.5)
    assert policy.scenario("hyper") == ecaptune.Scenario(
        "hyper", 2.0, 4.0, "", 0.5, 0.0)
    policy.set_scenario(policy.scenario("hyper"), description="Very fast")
    assert policy.scenario("hyper").description == "Very fast"
    assert policy.scenario_count() == 4
    policy.remove_scenario("hyper")
    assert policy.scenario_count() == 3
    policy.catalog_set(ecaptune.CatalogEntry(
        ecaptune.Catalog.ECAP_CATALOG_DATABASE, "db.t.tiny", 2, 16.0,
        0.001, "us-east-1", "2026-01-01"))
    assert policy.catalog_at("database", 0).name == "db.t.tiny"  # by price
    policy.catalog_remove("database", "db.t.tiny")
    assert policy.catalog_count("database") == 44
    with pytest.raises(TypeError, match="valid: name"):
        policy.set_scenario(name="x", yearly_growth_pct=1)


def test_json_string_dict_and_file(policy, tmp_path):
    policy["partition.target_size_mb"] = 64
    policy["join.prefer_sort_merge"] = False
    text = policy.dump_json()
    d = policy.to_dict()
    assert d == json.loads(text)
    assert d["partition.target_size_mb"] == 64 and d["join.prefer_sort_merge"] is False
    assert ecaptune.Policy.from_json(text).dump_json() == text
    assert ecaptune.Policy.from_dict(d).to_dict() == d
    f = tmp_path / "policy.json"
    policy.dump_file(f)
    with ecaptune.Policy.from_file(f) as q:
        assert q.dump_json() == text
    with ecaptune.Policy() as q:
        q.load_dict({"executor.cores": 3})
        assert q["executor.cores"] == 3 and q["partition.target_size_mb"] == 128.0


def test_copy_pickle_and_lifetime():
    p = ecaptune.Policy()
    p["executor.cores"] = 5
    for q in (p.copy(), copy.copy(p), copy.deepcopy(p),
              pickle.loads(pickle.dumps(p))):
        assert q["executor.cores"] == 5
        q["executor.cores"] = 6
        assert p["executor.cores"] == 5
        q.close()
    with p:
        assert not p.closed
    assert p.closed
    p.close()                                # twice is fine
    with pytest.raises(ValueError, match="closed"):
        p["executor.cores"]
    assert "closed" in repr(p)


def test_garbage_collection_frees():
    import gc
    for _ in range(1000):
        ecaptune.Policy()["executor.cores"] = 3
    gc.collect()


def test_to_struct_refuses_padding_and_unknown_names():
    import ctypes

    from ecaptune import _structs as S
    from ecaptune._convert import to_struct
    with pytest.raises(TypeError, match="reserved_0"):
        to_struct(S.PartitionInStruct, {"reserved_0": 1})
    with pytest.raises(TypeError, match="nope"):
        to_struct(S.PartitionInStruct, {"nope": 1})
    with pytest.raises(OverflowError):
        to_struct(S.PartitionInStruct, {"data_size_bytes": 1 << 63})
    s = to_struct(S.PartitionInStruct, {"data_size_bytes": 5,
                                        "files_not_splittable": True})
    assert (s.sz, s.data_size_bytes, s.files_not_splittable) == \
        (ctypes.sizeof(S.PartitionInStruct), 5, 1)

