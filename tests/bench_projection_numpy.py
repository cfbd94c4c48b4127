#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Times libecaptune's Monte Carlo projection beside a vectorised numpy
version of the same model, in the same run.

    bench_projection_numpy.py [--paths 100000] [--years 5] [--repeats 7]

The model (ecap-1, default policy, the scenario of tests/bench-projection:
1e6 transactions a day, growth 0.5 +- 0.2, seasonal peak 2 +- 0.5): per
year and path two Irwin-Hall normal deviates of 12 uniforms each, clamped
growth and peak, the base volume kept and the peak computed; Spark on the
node the advisor picks for the expected year (cores for the window, nodes
with a slot for the driver, run hours, nodes x price x (hours + start-up)
x 30 runs), the database's cheapest Multi-AZ class for the working set and
the peak hour's vCPUs with gp3 storage and IOPS, Kafka on the expected
year's broker size (partitions, retention storage, brokers by storage,
throughput and partition replicas, zones); the mean and nearest-rank
P10/P50/P90/P99 of 14 columns per year.  numpy draws from its own PCG64
(the library's xoshiro256** stream is sequential), so the two agree in
distribution, not bit for bit: the script checks the year-5 total cost P50
within 3 %, and that with no spread numpy reproduces the library's
deterministic years; a disagreement (a sizing rule changed in the library
and this copy must follow) is a warning, or exit 1 with --strict.

Prints the median time of each, paths per second and the ratio.  Exits 77
(skipped) without numpy or the binding.  No timing assertion.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

try:
    import numpy as np
    import ecaptune as E
except ImportError as e:  # pragma: no cover
    print(f"SKIP: {e}")
    sys.exit(77)

CURRENT = 1e6


def scenario(p, name, g, pf, g_sd, pf_sd):
    p.set_scenario(name=name, yearly_growth_ratio=g, seasonal_peak_factor=pf,
                   yearly_growth_sd_ratio=g_sd, seasonal_peak_sd_factor=pf_sd)


class Model:
    """The policy's numbers and each year's node and broker, read from the
    library once; the per-path arithmetic is numpy's."""

    def __init__(self, p, sc, years):
        d, i = p.get_double, p.get_int64
        self.sc = sc
        self.tx_per_gb = d("growth.transactions_per_gb")
        self.intraday = d("growth.intraday_peak_factor")
        self.hours = d("cost.hours_per_month")
        # Spark
        self.tp = d("executor.throughput_gb_per_core_hour")
        self.window = d("executor.processing_window_hours")
        self.target = self.window * d("executor.window_share_ratio")
        self.min_exec = i("executor.min_executors")
        self.cap = i("executor.max_executors")
        self.startup = d("executor.startup_hours")
        self.ebs = d("executor.node_ebs_gb") * d("executor.ebs_usd_per_gb_month") / self.hours
        # database
        self.db_kb = d("database.transaction_size_kb") * d("database.index_overhead_factor")
        self.retention = i("database.retention_days")
        self.analytics = d("database.analytics_multiplier")
        self.buffer = d("database.storage_buffer_ratio")
        self.hot = min(i("database.hot_days"), self.retention)
        self.cache = d("database.cache_share_ratio")
        self.min_mem = d("database.min_memory_gb")
        self.min_storage = np.ceil(d("database.min_storage_gb"))
        self.tps_vcpu = d("database.transactions_per_vcpu_second")
        self.pool_vcpu = np.ceil(i("database.app_instance_count") * i("database.pool_size")
                                 / d("database.connections_per_vcpu"))
        self.iops_tx = d("database.iops_per_transaction")
        self.gp3 = i("database.gp3_baseline_iops")
        self.gp3_large = i("database.gp3_large_baseline_iops")
        self.gp3_large_gb = d("database.gp3_large_volume_gb")
        rows = sorted(p.catalog("database"),
                      key=lambda e: (e.multi_az_price_usd_per_hour, e.memory_gb,
                                     e.vcpu_count, e.name))
        self.db_mem = np.array([e.memory_gb for e in rows])
        self.db_vcpu = np.array([e.vcpu_count for e in rows], dtype=float)
        self.db_price = np.array([e.multi_az_price_usd_per_hour for e in rows])
        self.db_storage = np.array([e.storage_usd_per_gb_month for e in rows])
        self.db_iops = np.array([e.iops_usd_per_month for e in rows])
        # Kafka
        self.ev_kb = d("kafka.event_size_kb")
        self.rf = i("kafka.replication_factor")
        self.ret_h = d("kafka.retention_hours")
        self.p_prod = d("kafka.partition_produce_mb_per_second")
        self.p_cons = d("kafka.partition_consume_mb_per_second")
        self.min_part = i("kafka.min_partitions")
        self.seg_gb = i("kafka.segment_bytes") / 2**30
        self.roll_h = d("kafka.segment_roll_hours")
        self.k_buffer = d("kafka.storage_buffer_ratio")
        self.k_min = max(i("kafka.min_brokers"), self.rf)
        self.disk = d("kafka.broker_disk_gb")
        self.replica_gb = min(d("kafka.max_partition_replica_gb"), self.disk)
        self.az = i("kafka.availability_zone_count")
        # each year's node and broker: the advisors' choice for the
        # scenario's expected year
        ys = E.projection_run(p, current_daily_transactions=CURRENT,
                              years=years, scenario=sc)
        self.nodes = []
        for y in ys:
            a = E.advise_executors(p, daily_data_gb=y.spark_daily_data_gb,
                                   node_type=y.spark_node_type)
            self.nodes.append((a.executors_per_node_count,
                               a.executor_request_vcpu,
                               a.cost_usd_per_hour / a.node_count))
        self.brokers = [p.catalog_find("kafka-broker", y.kafka_broker_type)
                        for y in ys]
        self.expected = ys

    def spark(self, year, peak):
        per, req, node_hour = self.nodes[year - 1]
        gb = peak / self.tx_per_gb
        need = np.ceil(gb / (self.tp * self.target))
        n = np.ceil(need / req)
        n = np.where(n <= self.min_exec, self.min_exec, n)
        nodes = np.floor((n + 1 + per - 1) / per)
        execs = nodes * per - 1
        hours = gb / (execs * req * self.tp)
        cost = nodes * node_hour * (hours + self.startup) * 1 * self.hours / 24.0
        return nodes, execs, hours, cost, hours > self.window, execs > self.cap

    def database(self, base, peak):
        daily = base * self.db_kb / 1024.0 / 1024.0
        data = daily * self.retention * self.analytics
        mem = np.maximum(self.min_mem, daily * self.hot / self.cache)
        tps = peak / 86400.0 * self.intraday
        vcpu = np.maximum(1.0, np.maximum(np.ceil(tps / self.tps_vcpu), self.pool_vcpu))
        fits = (self.db_mem[None, :] >= mem[:, None]) & (self.db_vcpu[None, :] >= vcpu[:, None])
        k = np.where(fits.any(axis=1), fits.argmax(axis=1), len(self.db_mem) - 1)
        storage = np.maximum(np.ceil(data * (1.0 + self.buffer)), self.min_storage)
        iops = np.ceil(tps * self.iops_tx)
        storage = np.where((iops > self.gp3) & (storage < self.gp3_large_gb),
                           np.ceil(self.gp3_large_gb), storage)
        base_iops = np.where(storage >= self.gp3_large_gb, self.gp3_large, self.gp3)
        prov = np.maximum(0.0, iops - base_iops)
        cost = (self.db_price[k] * self.hours + storage * self.db_storage[k] * 2
                + prov * self.db_iops[k] * 2)
        beyond = ~fits.any(axis=1)
        return 1.0 + 0.0 * mem, mem, storage, cost, beyond

    def kafka(self, year, base, peak):
        b = self.brokers[year - 1]
        ingress = base / 86400.0 * self.ev_kb / 1024.0
        t = peak / 86400.0 * self.intraday * self.ev_kb / 1024.0
        data = ingress * self.ret_h * 3600.0 * self.rf / 1024.0
        # partitions by throughput, the minimum and the largest replica
        parts = np.maximum(np.maximum(np.ceil(t / self.p_prod), np.ceil(t / self.p_cons)),
                           np.maximum(self.min_part,
                                      np.ceil(data / self.rf / self.replica_gb)))

        def storage(p):
            # an open segment per replica, rolled at segment.bytes or
            # after log.roll.hours
            seg = np.minimum(self.seg_gb, ingress / p * self.roll_h * 3600.0 / 1024.0)
            return (data + p * self.rf * seg) * (1.0 + self.k_buffer)

        total = storage(parts)
        n = np.maximum(self.k_min, np.ceil(total / self.disk))
        n = np.maximum(n, np.ceil(t * self.rf / b.throughput_mb_per_second))
        n = np.maximum(n, np.ceil(parts * self.rf / b.max_partition_replica_count))
        brokers = np.ceil(n / self.az) * self.az
        # at least a partition a broker; their open segments may add
        # brokers
        while True:
            total = storage(np.maximum(parts, brokers))
            need = np.ceil(total / self.disk)
            if not (need > brokers).any():
                break
            brokers = np.where(need > brokers, np.ceil(need / self.az) * self.az, brokers)
        per = np.maximum(1.0, np.ceil(total / brokers))
        cost = brokers * b.price_usd_per_hour * self.hours + brokers * per * b.storage_usd_per_gb_month
        return brokers, per, cost, brokers > 30

    def run(self, paths, years, g, g_sd, pf, pf_sd, seed=2026):
        bits = np.random.PCG64(seed)
        growth = np.ones(paths)
        ranks = [max(1, (paths * q + 99) // 100) - 1 for q in (10, 50, 90, 99)]
        out = []
        for year in range(1, years + 1):
            raw = bits.random_raw((paths, 24)) >> np.uint64(11)
            zg = raw[:, :12].sum(axis=1).astype(float) * 2.0**-53 - 6.0
            zp = raw[:, 12:].sum(axis=1).astype(float) * 2.0**-53 - 6.0
            gr = np.clip(g + g_sd * zg, -0.99, 100.0)
            pk = np.clip(pf + pf_sd * zp, 1.0, 100.0)
            if g_sd == 0.0:
                growth[:] = (1.0 + g) ** year
            else:
                growth *= 1.0 + gr
            base = CURRENT * growth
            peak = base * pk
            s_nodes, s_exec, s_hours, s_cost, _, _ = self.spark(year, peak)
            d_inst, d_mem, d_storage, d_cost, _ = self.database(base, peak)
            k_brokers, k_per, k_cost, _ = self.kafka(year, base, peak)
            total = s_cost + d_cost + k_cost
            bands = []
            for col in (base, peak, s_nodes, s_exec, s_hours, d_inst, d_mem,
                        d_storage, k_brokers, k_per, s_cost, d_cost, k_cost, total):
                sel = np.partition(col, ranks)
                bands.append((col.mean(), *(sel[r] for r in ranks)))
            out.append(bands)
        return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--paths", type=int, default=100000)
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--strict", action="store_true",
                    help="exit 1 when the numpy model disagrees with the "
                    "library (make check only warns: a sizing rule changed "
                    "in the library and this copy of the model must follow)")
    args = ap.parse_args()
    fail = 1 if args.strict else 0
    with E.Policy() as p:
        scenario(p, "bench", 0.5, 2.0, 0.2, 0.5)
        scenario(p, "flat", 0.5, 2.0, 0.0, 0.0)
        # the same model: without spread numpy gives the library's years
        flat = Model(p, "flat", args.years)
        for y, bands in zip(flat.expected, flat.run(1000, args.years, 0.5, 0.0, 2.0, 0.0)):
            got = bands[13][2]
            if abs(got - y.total_cost_usd_per_month) > 1e-9 * y.total_cost_usd_per_month:
                print(f"WARNING: the numpy model is not the library's: year "
                      f"{y.year}: numpy {got!r}, library "
                      f"{y.total_cost_usd_per_month!r}")
                return fail
        model = Model(p, "bench", args.years)
        c_times, np_times = [], []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            mc = E.projection_montecarlo(p, current_daily_transactions=CURRENT,
                                         years=args.years, scenario="bench",
                                         seed=2026, paths_count=args.paths)
            c_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            nb = model.run(args.paths, args.years, 0.5, 0.2, 2.0, 0.5)
            np_times.append(time.perf_counter() - t0)
        c, n = statistics.median(c_times), statistics.median(np_times)
        c_p50 = mc[-1].total_cost_usd_per_month.p50
        n_p50 = nb[-1][13][2]
        print(f"{args.paths} paths x {args.years} years, median of {args.repeats}:")
        print(f"  libecaptune {c * 1e3:8.1f} ms  {args.paths / c:12.0f} paths/s")
        print(f"  numpy       {n * 1e3:8.1f} ms  {args.paths / n:12.0f} paths/s")
        print(f"  numpy / libecaptune time: {n / c:.2f}")
        print(f"  year {args.years} total cost P50: libecaptune {c_p50:.2f}, "
              f"numpy {n_p50:.2f} USD/month")
        if abs(c_p50 - n_p50) > 0.03 * c_p50:
            print("WARNING: the two models disagree")
            return fail
    return 0


if __name__ == "__main__":
    sys.exit(main())
