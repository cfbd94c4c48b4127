#!/usr/bin/env python3
"""Reads back every machine format ecaptune wrote (tests/cli/cases) with a
real parser and checks it against what its target accepts.

usage: check-formats.py DIR   (DIR holds the outputs, named as in cases)

- json: Python's json; valid against cli/ecaptune-plan.schema.json
  (jsonschema); reals in shortest form.
- k8s: PyYAML; the SparkApplication fields the Spark Operator's CRD
  (sparkoperator.k8s.io/v1beta2) defines, with their types.
- emr: botocore's EMR service model (RunJobFlow's Configurations).
- rds: botocore's RDS service model (ModifyDBParameterGroup), at most 20
  parameters a call, ApplyMethod one of the model's enum values.
- kafka: the broker, topic and producer config names Kafka documents.
- spark-defaults, spark-submit, pyspark: parsed as Spark and Python read
  them; all three and the JSON carry the same properties.
- postgresql: "name = value" lines naming the JSON's parameters.
- csv: Python's csv; numeric columns are numbers.
- svg: an XML document with an <svg> root, a band and lines.
"""
import ast
import csv
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

import botocore.session
import jsonschema
import yaml
from botocore.validate import ParamValidator

D = sys.argv[1]
failures = []


def read(name):
    with open(os.path.join(D, name), encoding="utf-8") as f:
        return f.read()


def check(cond, what):
    if not cond:
        failures.append(what)


# ---- json ----
SCHEMA_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                           "..", "cli", "ecaptune-plan.schema.json")
with open(SCHEMA_FILE, encoding="utf-8") as f:
    SCHEMA = json.load(f)
jsonschema.Draft202012Validator.check_schema(SCHEMA)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def digits(text):
    """Significant digits of a number's text."""
    mantissa = re.split(r"[eE]", text)[0].replace("-", "").replace(".", "")
    return len(mantissa.strip("0")) or 1


def shortest_reals(text):
    """True when every real has no more digits than Python's repr, which
    is the shortest text that reads back as the same double."""
    reals = []
    json.loads(text, parse_float=lambda s: reals.append(s) or float(s))
    return all(digits(s) <= digits(repr(float(s))) for s in reals)


for name in sorted(os.listdir(D)):
    if not name.endswith(".json") or name.startswith("policy"):
        continue
    text = read(name)
    doc = json.loads(text)
    check(doc.get("schema") == "ecaptune-plan" and doc.get("version") == 1,
          f"{name}: schema/version")
    for e in VALIDATOR.iter_errors(doc):
        check(False, f"{name}: {'/'.join(map(str, e.path))}: {e.message}")
    check(shortest_reals(text), f"{name}: a real is not in shortest form")
    for section in ("executors", "partitions", "join", "cache", "database",
                    "kafka"):
        if section in doc:
            reason = doc[section]["reason"]
            check(isinstance(reason, str) and reason != "unknown",
                  f"{name}: {section}.reason is {reason!r}")
            check(doc[section]["reason_text"], f"{name}: {section}.reason_text")
json.loads(read("policy-dump.json"))

plan = json.loads(read("plan.json"))
spark = plan["spark_properties"]
pg = plan["database"]["parameters"]

# ---- spark-defaults, spark-submit, pyspark ----


def spark_defaults(text):
    # Spark's Utils.getPropertiesFromFile: java.util.Properties, which
    # splits key and value at the first white space (or = or :).
    props = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, value = re.split(r"\s+", line, maxsplit=1)
        props[key] = value
    return props


def spark_submit(text):
    props = {}
    words = text.split()
    check(len(words) % 2 == 0, "spark-submit: words come in pairs")
    for flag, kv in zip(words[::2], words[1::2]):
        check(flag == "--conf", f"spark-submit: {flag}")
        key, value = kv.split("=", 1)
        props[key] = value
    return props


def pyspark(text):
    tree = ast.parse(text)
    props = {}
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "config"):
            props[node.args[0].value] = node.args[1].value
    return props


check(spark_defaults(read("plan.spark-defaults")) == spark,
      "spark-defaults differs from the JSON's spark_properties")
check(spark_submit(read("plan.spark-submit")) == spark,
      "spark-submit differs from the JSON's spark_properties")
check(pyspark(read("plan.pyspark")) == spark,
      "pyspark differs from the JSON's spark_properties")
check(spark_submit(read("executors.spark-submit")) ==
      json.loads(read("executors.json")).get("spark_properties"),
      "executors spark-submit differs from its JSON")

# ---- k8s: the SparkApplication fields (Kubeflow Spark Operator,
# api/v1beta2/sparkapplication_types.go: SparkApplicationSpec,
# SparkPodSpec/DriverSpec/ExecutorSpec, DynamicAllocation) ----
SPEC_FIELDS = {"type", "sparkVersion", "mode", "image", "mainClass",
               "mainApplicationFile", "arguments", "sparkConf", "hadoopConf",
               "driver", "executor", "deps", "restartPolicy",
               "dynamicAllocation", "volumes", "pythonVersion",
               "timeToLiveSeconds", "batchScheduler", "monitoring"}
POD_FIELDS = {"cores": int, "coreRequest": str, "coreLimit": str,
              "memory": str, "memoryOverhead": str, "instances": int,
              "gpu": dict, "image": str, "labels": dict, "annotations": dict,
              "serviceAccount": str, "env": list, "javaOptions": str}
DYN_FIELDS = {"enabled": bool, "initialExecutors": int, "minExecutors": int,
              "maxExecutors": int, "shuffleTrackingTimeout": int}
for name in ("plan.k8s", "executors.k8s", "executors-k8s.k8s"):
    app = yaml.safe_load(read(name))
    check(app["apiVersion"] == "sparkoperator.k8s.io/v1beta2"
          and app["kind"] == "SparkApplication", f"{name}: kind")
    spec = app["spec"]
    check(set(spec) <= SPEC_FIELDS, f"{name}: spec fields {set(spec) - SPEC_FIELDS}")
    for pod in ("driver", "executor"):
        for k, v in spec[pod].items():
            check(k in POD_FIELDS and isinstance(v, POD_FIELDS[k]),
                  f"{name}: {pod}.{k}={v!r}")
    for k, v in spec.get("dynamicAllocation", {}).items():
        check(k in DYN_FIELDS and isinstance(v, DYN_FIELDS[k]),
              f"{name}: dynamicAllocation.{k}={v!r}")
    conf = spec.get("sparkConf", {})
    check(all(isinstance(k, str) and isinstance(v, str)
              for k, v in conf.items()), f"{name}: sparkConf map[string]string")
    # the operator writes these from its own fields
    check(not {"spark.executor.instances", "spark.executor.memory"} & set(conf),
          f"{name}: executor size duplicated in sparkConf")
k8s = yaml.safe_load(read("plan.k8s"))["spec"]
check(str(k8s["executor"]["cores"]) == spark["spark.executor.cores"]
      and k8s["executor"]["memory"] == spark["spark.executor.memory"]
      and str(k8s["executor"].get("instances")) ==
      spark.get("spark.executor.instances", "None")
      and str(k8s["dynamicAllocation"]["maxExecutors"]) ==
      spark["spark.dynamicAllocation.maxExecutors"],
      "k8s executor differs from the Spark properties")

# ---- emr and rds: botocore's service models ----
session = botocore.session.get_session()
validator = ParamValidator()


def validate(service, operation, params, what):
    model = session.get_service_model(service)
    shape = model.operation_model(operation).input_shape
    report = validator.validate(params, shape)
    check(not report.has_errors(), f"{what}: {report.generate_report()}")
    return model


for name in ("plan.emr", "executors.emr"):
    configurations = json.loads(read(name))
    validate("emr", "RunJobFlow",
             {"Name": "ecaptune-check", "Instances": {},
              "Configurations": configurations}, name)
    classes = [c["Classification"] for c in configurations]
    check(set(classes) <= {"spark", "spark-defaults", "yarn-site"},
          f"{name}: classifications {classes}")
emr = {c["Classification"]: c["Properties"] for c in json.loads(read("plan.emr"))}
check(emr["spark-defaults"] == spark, "emr spark-defaults differ from the JSON")
check(emr["spark"] == {"maximizeResourceAllocation": "false"}, "emr spark")

# An RDS parameter value: a number, a word (on, lz4) or a formula of
# DBInstanceClassMemory, optionally bounded with GREATEST or LEAST.
FORMULA = r"\{DBInstanceClassMemory(\*\d+)?/\d+\}"
RDS_VALUE = re.compile(rf"[0-9.]+|[a-z0-9_]+|{FORMULA}|"
                       rf"(GREATEST|LEAST)\({FORMULA},\d+\)")
for name in ("plan.rds", "database.rds"):
    calls = json.loads(read(name))
    check(isinstance(calls, list) and calls, f"{name}: a list of calls")
    for call in calls:
        model = validate("rds", "ModifyDBParameterGroup", call, name)
        check(1 <= len(call["Parameters"]) <= 20, f"{name}: 1 to 20 a call")
        apply = model.shape_for("ApplyMethod").enum
        for p in call["Parameters"]:
            check(p["ApplyMethod"] in apply, f"{name}: {p}")
            check(RDS_VALUE.fullmatch(p["ParameterValue"]) is not None,
                  f"{name}: {p['ParameterName']}={p['ParameterValue']}")
rds = {p["ParameterName"]: p["ParameterValue"]
       for c in json.loads(read("plan.rds")) for p in c["Parameters"]}
lib_rds = {p["name"]: p for p in plan["database"]["rds_parameters"]}
check(rds == {k: v["value"] for k, v in lib_rds.items()},
      "rds requests differ from the JSON's rds_parameters")
# RDS sets huge_pages and wal_level itself; every other parameter is there.
check(set(rds) == set(pg) - {"huge_pages", "wal_level"},
      f"rds parameters {set(rds) ^ (set(pg) - {'huge_pages', 'wal_level'})}")


# PostgreSQL's units (pg_settings.unit): shared_buffers in 8kB pages.
def kb(v):
    m = re.fullmatch(r"(\d+)(kB|MB|GB|TB)", v)
    return int(m.group(1)) * {"kB": 1, "MB": 1024, "GB": 1 << 20, "TB": 1 << 30}[m.group(2)]


check(int(lib_rds["shared_buffers"]["evaluated"]) * 8 == kb(pg["shared_buffers"]),
      "rds shared_buffers")
check(int(lib_rds["work_mem"]["evaluated"]) == kb(pg["work_mem"]), "rds work_mem")

# ---- postgresql.conf ----
conf = {}
for line in read("plan.postgresql").splitlines():
    if line and not line.startswith("#"):
        key, value = (s.strip() for s in line.split("=", 1))
        conf[key] = value
check(conf == pg, "postgresql.conf differs from the JSON's parameters")

# ---- kafka: names from the Kafka 3.x documentation, "Broker Configs",
# "Topic-Level Configs" and "Producer Configs" (kafka.apache.org/documentation,
# sections 3.1, 3.2, 3.3), the ones a sizing could set ----
BROKER = {"num.partitions", "default.replication.factor", "min.insync.replicas",
          "log.retention.ms", "log.retention.hours", "log.retention.minutes",
          "log.retention.bytes", "log.segment.bytes", "num.io.threads",
          "num.network.threads", "num.replica.fetchers",
          "offsets.topic.replication.factor",
          "transaction.state.log.replication.factor",
          "transaction.state.log.min.isr", "unclean.leader.election.enable",
          "message.max.bytes", "replica.lag.time.max.ms"}
TOPIC = {"cleanup.policy", "compression.type", "min.insync.replicas",
         "retention.ms", "retention.bytes", "segment.bytes", "segment.ms",
         "max.message.bytes", "unclean.leader.election.enable"}
PRODUCER = {"acks", "batch.size", "linger.ms", "compression.type",
            "enable.idempotence", "max.in.flight.requests.per.connection"}
for name in ("plan.kafka", "kafka.kafka"):
    section = None
    seen = {}
    for line in read(name).splitlines():
        if line.startswith("# server.properties"):
            section = "broker"
        elif line.startswith("# topic"):
            section = "topic"
        elif line.startswith("# producer.properties"):
            section = "producer"
        elif line and not line.startswith("#"):
            key, value = line.split("=", 1)
            names = {"broker": BROKER, "topic": TOPIC, "producer": PRODUCER}
            check(section in names and key in names[section],
                  f"{name}: {key} is not a documented {section} config")
            check(re.fullmatch(r"[0-9]+|all|-?1", value) is not None,
                  f"{name}: {key}={value}")
            seen[(section, key)] = value
    check(("broker", "num.partitions") in seen and ("producer", "acks") in seen,
          f"{name}: sections")
kafka = json.loads(read("kafka.json"))["kafka"]
check(str(kafka["partitions_count"]) in read("kafka.kafka"), "kafka partitions")

# ---- csv ----
for name in ("project.csv", "project-mc.csv"):
    rows = list(csv.DictReader(open(os.path.join(D, name), encoding="utf-8")))
    check(len(rows) == 3, f"{name}: 3 years")
    for row in rows:
        for k, v in row.items():
            if k != "database_instance_class":
                float(v)
    check(("total_cost_usd_per_month_p90" in rows[0]) == ("mc" in name),
          f"{name}: Monte Carlo columns")

# ---- svg ----
svg = ET.fromstring(read("project-mc.svg"))
NS = "{http://www.w3.org/2000/svg}"
check(svg.tag == NS + "svg", "svg root")
check(len(svg.findall(NS + "polygon")) == 4, "svg: a band per cost part")
check(len(svg.findall(NS + "polyline")) == 8, "svg: P50 and scenario per part")

for f in failures:
    print("FAIL:", f)
print(f"check-formats: {len(failures)} failures")
sys.exit(1 if failures else 0)
