# SPDX-License-Identifier: MIT
"""make bench: ns per call of every advisor in C, through the Python
binding, through the batch entry point, through Go, and in the guide's own
Python (bench/guide.py), measured in the same run, interleaved round by
round, with the ratios.  Medians over the rounds.

Usage: bench.py --c BENCH_ADVISE [--go GO_TEST_BINARY] [--rounds N]
                [--seconds S]

Environment as for the binding's tests (ECAPTUNE_LIBRARY, PYTHONPATH).
Timings are printed, never asserted: the machine may be shared.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import statistics
import subprocess
import sys
import time
from typing import Callable, Dict, List, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import guide  # noqa: E402

import ecaptune  # noqa: E402

try:
    import numpy
except ImportError:  # the batch rows then use plain lists
    numpy = None

FAMILIES = ["partition", "join", "cache", "executor", "database", "kafka",
            "projection-year"]
BATCH_N = 4096


def per_call_ns(fn: Callable[[], object], seconds: float) -> float:
    """Best of five timed runs of a loop of fn, ns per call; the loop
    length doubles until one run takes seconds / 4."""
    n = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        if time.perf_counter() - t0 >= seconds / 4 or n > 1 << 24:
            break
        n *= 2
    best = None
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        t = time.perf_counter() - t0
        best = t if best is None or t < best else best
    return best * 1e9 / n


def guide_subjects() -> Dict[str, Callable[[], object]]:
    return {
        "partition": lambda: guide.optimize_partitions(10e9),
        "join": lambda: guide.optimize_join(150000),
        "cache": lambda: guide.cache_frequently_accessed_data(60),
        "executor": lambda: guide.calculate_spark_resources(100.0),
        "database": lambda: guide.calculate_database_resources(1e6),
        "kafka": lambda: guide.calculate_kafka_resources(1000.0),
        "projection-year": lambda: guide.project_capacity_needs(1e6, 3),
    }


def binding_subjects(p: "ecaptune.Policy") -> Dict[str, Callable[[], object]]:
    e = ecaptune
    return {
        "partition": lambda: e.advise_partitions(p, data_size_bytes=10**10),
        "join": lambda: e.advise_join(
            p, left_size_bytes=10**10, right_size_bytes=8 * 10**6,
            left_row_count=10**8, right_row_count=150000),
        "cache": lambda: e.advise_cache(
            p, deserialized_size_bytes=10**9, partition_count=60,
            reuse_count=3, storage_memory_bytes=16 << 30, api=2),
        "executor": lambda: e.advise_executors(p, daily_data_gb=100.0),
        "database": lambda: e.advise_database(p, transactions_per_day=1e6),
        "kafka": lambda: e.advise_kafka(p, events_per_second=1000.0),
        "projection-year": lambda: e.projection_run(
            p, current_daily_transactions=1e6, years=3),
    }


def _column(values: List[float], kind: str):
    if numpy is None:
        return values
    return numpy.asarray(values, dtype=kind)


def batch_subjects(p: "ecaptune.Policy") -> Dict[str, Callable[[], object]]:
    """One call of the batch entry point over BATCH_N inputs; the row
    divides by BATCH_N.  Empty when the binding has none."""
    batch = getattr(ecaptune, "advise_batch", None)
    if batch is None:
        return {}
    n = BATCH_N
    vary = [1 + (i & 7) for i in range(n)]
    cols = {
        "partition": {"data_size_bytes": _column([v * 10**10 for v in vary], "i8")},
        "join": {"left_size_bytes": _column([v * 10**10 for v in vary], "i8"),
                 "right_size_bytes": _column([v * 8 * 10**6 for v in vary], "i8"),
                 "left_row_count": _column([v * 10**8 for v in vary], "i8"),
                 "right_row_count": _column([v * 150000 for v in vary], "i8")},
        "cache": {"deserialized_size_bytes": _column([v * 10**9 for v in vary], "u8"),
                  "partition_count": _column([v * 60 for v in vary], "i8"),
                  "reuse_count": _column([3] * n, "i8"),
                  "storage_memory_bytes": _column([16 << 30] * n, "u8"),
                  "api": _column([2] * n, "i4")},
        "executor": {"daily_data_gb": _column([v * 100.0 for v in vary], "f8")},
        "database": {"transactions_per_day": _column([v * 1e6 for v in vary], "f8")},
        "kafka": {"events_per_second": _column([v * 1000.0 for v in vary], "f8")},
    }
    return {fam: (lambda fam=fam, c=c: batch(p, fam, **c))
            for fam, c in cols.items()}


def bare_ctypes_ns(seconds: float) -> float:
    """The floor of any binding call: ecap_partition_advise (about 20 ns
    of C) through ctypes with its structs built once, nothing converted."""
    from ecaptune import _lib, _structs as S
    p = ecaptune.Policy()
    inp = S.new_struct(S.PartitionInStruct)
    inp.data_size_bytes = 10**10
    out = S.new_struct(S.PartitionOutStruct)
    err = S.new_struct(S.ErrorStruct)
    fn = _lib.lib.ecap_partition_advise
    h = p._h()
    ri, ro, re = ctypes.byref(inp), ctypes.byref(out), ctypes.byref(err)
    ns = per_call_ns(lambda: fn(h, ri, ro, re), seconds)
    p.close()
    return ns


def run_c(binary: str, seconds: float, model: str = "ecap-1") -> Dict[str, float]:
    out = subprocess.run([binary, model, str(seconds)], check=True,
                         capture_output=True, text=True).stdout
    rows = {}
    for line in out.splitlines():
        if line and not line.startswith("#"):
            name, ns = line.split()
            rows[name] = float(ns)
    return rows


GO_NAMES = {"BenchmarkPartition": "partition", "BenchmarkJoin": "join",
            "BenchmarkCache": "cache", "BenchmarkExecutor": "executor",
            "BenchmarkDatabase": "database", "BenchmarkKafka": "kafka",
            "BenchmarkProjectionYear": "projection-year",
            "BenchmarkCgoCall": "cgo-call", "BenchmarkPolicyGet": "policy-get"}


def run_go(binary: str, seconds: float) -> Dict[str, Dict[str, float]]:
    out = subprocess.run(
        [binary, "-test.run", "^$", "-test.bench", ".",
         "-test.benchtime", f"{max(seconds * 5, 0.05):.3f}s",
         "-test.benchmem", "-test.cpu", "1"],
        check=True, capture_output=True, text=True,
        cwd=os.path.dirname(binary) or ".").stdout
    rows: Dict[str, Dict[str, float]] = {}
    for line in out.splitlines():
        f = line.split()
        if not f:
            continue
        name = f[0].split("-")[0]
        if name.startswith("BenchmarkC/"):
            key = "raw-" + name[len("BenchmarkC/"):]
        elif name in GO_NAMES:
            key = GO_NAMES[name]
        else:
            continue
        vals = {f[i + 1]: float(f[i]) for i in range(2, len(f) - 1, 2)}
        ns = vals.get("ns/year", vals.get("ns/op"))
        rows[key] = {"ns": ns, "allocs": vals.get("allocs/op", 0),
                     "bytes": vals.get("B/op", 0)}
    return rows


def median(xs: List[float]) -> Optional[float]:
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def fmt(x: Optional[float], unit: str = "") -> str:
    if x is None:
        return "-"
    if x >= 100:
        return f"{x:,.0f}{unit}"
    return f"{x:.1f}{unit}" if x >= 10 else f"{x:.2f}{unit}"


def ratio(a: Optional[float], b: Optional[float]) -> str:
    if a is None or b is None or b == 0:
        return "-"
    r = a / b
    return f"{r:,.0f}x" if r >= 100 else f"{r:.1f}x"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--c", required=True)
    ap.add_argument("--go")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=0.02)
    a = ap.parse_args()

    policy = ecaptune.Policy()
    # The guide model through the binding and the batch path: the same
    # advice as the guide's Python, so the goals compare like with like.
    gpolicy = ecaptune.Policy()
    gpolicy.model = "guide"
    gsub, bsub, xsub = (guide_subjects(), binding_subjects(policy),
                        batch_subjects(policy))
    bgsub, xgsub = binding_subjects(gpolicy), batch_subjects(gpolicy)
    res: Dict[str, Dict[str, List[float]]] = {}

    def add(col: str, fam: str, ns: Optional[float]) -> None:
        res.setdefault(col, {}).setdefault(fam, []).append(ns)

    for r in range(a.rounds):
        for fam, ns in run_c(a.c, a.seconds).items():
            add("c", fam, ns)
        # the guide model: the same advice as the guide's Python
        for fam, ns in run_c(a.c, a.seconds, "guide").items():
            if not fam.startswith(("load", "jansson")):
                add("cg", fam, ns)
        for fam in FAMILIES:
            div = 3 if fam == "projection-year" else 1
            add("guide", fam, per_call_ns(gsub[fam], a.seconds) / div)
            add("py", fam, per_call_ns(bsub[fam], a.seconds) / div)
            add("pyg", fam, per_call_ns(bgsub[fam], a.seconds) / div)
            if fam in xsub:
                add("batch", fam, per_call_ns(xsub[fam], a.seconds) / BATCH_N)
                add("batchg", fam,
                    per_call_ns(xgsub[fam], a.seconds) / BATCH_N)
        add("misc", "ctypes-bare", bare_ctypes_ns(a.seconds))
        add("misc", "py-policy-get", per_call_ns(
            lambda: policy["partition.target_size_mb"], a.seconds))
        if a.go:
            for fam, v in run_go(a.go, a.seconds).items():
                add("go", fam, v["ns"])
                add("go-allocs", fam, v["allocs"])
                add("go-bytes", fam, v["bytes"])
        print(f"round {r + 1}/{a.rounds} done", file=sys.stderr)

    def m(col: str, fam: str) -> Optional[float]:
        return median(res.get(col, {}).get(fam, []))

    bare = m("misc", "ctypes-bare")
    cgo = m("go", "cgo-call")
    print(f"libecaptune benchmark: medians of {a.rounds} interleaved rounds, "
          "ns per call (batch: per item of "
          f"{BATCH_N}); C guide: the guide model (the same advice as the "
          "guide's Python); everything else the default model ecap-1; "
          f"batch columns {'numpy' if numpy is not None else 'lists'}")
    print("The machine may be shared: compare ratios of one run, not runs.")
    hdr = ("family", "guide py", "C guide", "guide/Cg", "C", "guide/C",
           "py binding", "py/guide", "batch", "guide/batch", "Go",
           "Go allocs", "Go/Craw")
    line = "{:<16}{:>9}{:>9}{:>9}{:>8}{:>8}{:>11}{:>9}{:>8}{:>12}{:>8}{:>10}{:>8}"
    print(line.format(*hdr))
    for fam in FAMILIES:
        g, c, py, x, go = (m("guide", fam), m("c", fam), m("py", fam),
                           m("batch", fam), m("go", fam))
        cg = m("cg", fam)
        print(line.format(fam, fmt(g), fmt(cg), ratio(g, cg), fmt(c),
                      ratio(g, c), fmt(py),
                      ratio(py, g), fmt(x), ratio(g, x), fmt(go),
                      fmt(m("go-allocs", fam)), ratio(go, m("go", "raw-" + fam))))
    print()
    print("The guide model everywhere (the same advice as the guide's "
          "Python):")
    hdr2 = ("family", "guide py", "C guide", "guide/Cg", "py guide",
            "py-Cg", "py/guide", "batch guide", "guide/batch")
    line2 = "{:<16}{:>9}{:>9}{:>9}{:>10}{:>8}{:>9}{:>12}{:>12}"
    print(line2.format(*hdr2))
    for fam in FAMILIES:
        g, cg, pyg, xg = (m("guide", fam), m("cg", fam), m("pyg", fam),
                          m("batchg", fam))
        print(line2.format(fam, fmt(g), fmt(cg), ratio(g, cg), fmt(pyg),
                           fmt(pyg - cg if pyg and cg else None),
                           ratio(pyg, g), fmt(xg), ratio(g, xg)))
    cmp_ = m("c", "compare")
    print()
    print(f"C baseline, one comparison plus validation through a function "
          f"pointer: {fmt(cmp_, ' ns')}; join {ratio(m('c', 'join'), cmp_)}"
          f", cache {ratio(m('c', 'cache'), cmp_)} of it")
    print(f"bare ctypes call (ecap_partition_advise, structs prebuilt): "
          f"{fmt(bare, ' ns')}; Python policy get: "
          f"{fmt(m('misc', 'py-policy-get'), ' ns')}")
    if cgo is not None:
        print(f"cgo fixed cost (a C call that returns): {fmt(cgo, ' ns')}; "
              f"Go policy get: {fmt(m('go', 'policy-get'), ' ns')}, "
              f"{fmt(m('go-allocs', 'policy-get'))} allocs")
        print("Go/Craw: the Go method over the same advisor called from Go "
              "in C (C call + cgo's fixed cost, same process): " +
              ", ".join(f"{fam} {fmt(m('go', 'raw-' + fam), ' ns')}"
                        for fam in FAMILIES if m("go", "raw-" + fam)))
    for size in ("small", "large"):
        ld, js = m("c", f"load-{size}"), m("c", f"jansson-{size}")
        print(f"policy load, {size} document: ecap_policy_load_json "
              f"{fmt(ld and ld / 1000, ' us')}, json_loadb "
              f"{fmt(js and js / 1000, ' us')}: {ratio(ld, js)}")
    print()
    print_goals(m)
    return 0


SIZING = ["partition", "executor", "database", "kafka", "projection-year"]


def print_goals(m: Callable[[str, str], Optional[float]]) -> None:
    """Issue 13's goals, each with its figures and a verdict."""
    def verdict(ok: Optional[bool]) -> str:
        return "-" if ok is None else ("met" if ok else "NOT met")

    def ge(x: Optional[float], y: Optional[float], k: float) -> Optional[bool]:
        return None if x is None or y is None else x >= k * y

    print("Goals (issue 13), from the medians above:")
    for fam in SIZING:
        g, cg = m("guide", fam), m("cg", fam)
        print(f"  C {fam}: guide py / C guide = {ratio(g, cg)} "
              f"(goal >= 20x): {verdict(ge(g, cg, 20))}")
    cmp_ = m("c", "compare")
    for fam in ("join", "cache"):
        c = m("c", fam)
        print(f"  C {fam}: {fmt(c, ' ns')} = {ratio(c, cmp_)} the one-"
              f"comparison baseline ({fmt(cmp_, ' ns')}); goal well under "
              f"100 ns (taken as < 50 ns): "
              f"{verdict(None if c is None else c < 50)}")
    bare = m("misc", "ctypes-bare")
    for fam in SIZING:
        g, cg, pyg = m("guide", fam), m("cg", fam), m("pyg", fam)
        if g is None or cg is None or pyg is None or bare is None:
            continue
        if g >= 1500:
            goal, how = 2 * g, "2x the guide's Python"
        else:
            goal, how = bare + 1000 + cg, "bare ctypes + 1 us + C"
        print(f"  Python binding {fam} (guide model): {fmt(pyg, ' ns')}, "
              f"goal <= {fmt(goal, ' ns')} ({how}): "
              f"{verdict(pyg <= goal)}")
    for fam in SIZING:
        g, xg = m("guide", fam), m("batchg", fam)
        if xg is None:
            continue
        print(f"  batch {fam} (guide model): guide py / batch = "
              f"{ratio(g, xg)} (goal >= 10x): {verdict(ge(g, xg, 10))}")
    for fam in FAMILIES:
        go, raw = m("go", fam), m("go", "raw-" + fam)
        if go is None or raw is None:
            continue
        print(f"  Go {fam}: {fmt(go, ' ns')} / C+cgo {fmt(raw, ' ns')} = "
              f"{ratio(go, raw)} (goal <= 1.5x): "
              f"{verdict(go <= 1.5 * raw)}")
    for size in ("small", "large"):
        ld, js = m("c", f"load-{size}"), m("c", f"jansson-{size}")
        print(f"  policy load, {size}: {ratio(ld, js)} json_loadb (goal <= "
              f"1.5x): {verdict(None if ld is None or js is None else ld <= 1.5 * js)}")


if __name__ == "__main__":
    sys.exit(main())
