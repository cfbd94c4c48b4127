# SPDX-License-Identifier: MIT
"""The tuning guide's sizing formulas in plain Python, for the benchmark.

The same arithmetic as the guide's calculate_spark_resources,
calculate_database_resources, calculate_kafka_resources,
optimize_partitions, optimize_join, cache_frequently_accessed_data and
project_capacity_needs (docs: ecap-performance-tuning-guide.md), with the
Spark DataFrame taken out: each function takes the number the guide reads
from the DataFrame (size, row count, partition count) and returns the
decision it would apply.  bench.py times these against the library.
"""

GROWTH_SCENARIOS = {
    "conservative": {"yearly_growth": 0.50, "seasonal_peak": 2.0},
    "aggressive": {"yearly_growth": 1.0, "seasonal_peak": 3.0},
    "enterprise": {"yearly_growth": 0.25, "seasonal_peak": 1.5},
}


def optimize_partitions(total_size_bytes, target_partition_size_mb=128):
    total_size_mb = total_size_bytes / 1024 / 1024
    return max(1, int(total_size_mb / target_partition_size_mb))


def optimize_join(small_row_count):
    if small_row_count < 1000000:
        return "broadcast"
    return "shuffle_hash"


def cache_frequently_accessed_data(num_partitions):
    if num_partitions > 200:
        return "MEMORY_AND_DISK_SER"
    return "MEMORY_ONLY_SER"


def calculate_spark_resources(daily_data_gb, processing_hours=8):
    memory_multiplier = 3
    required_memory_gb = daily_data_gb * memory_multiplier
    target_hours = processing_hours * 0.25
    throughput_per_executor = 10
    required_executors = max(2, int(daily_data_gb /
                                    (throughput_per_executor * target_hours)))
    memory_per_executor = min(8, max(4, required_memory_gb /
                                     required_executors))
    final_executors = int(required_memory_gb / memory_per_executor)
    return {
        "executors": final_executors,
        "memory_per_executor": f"{memory_per_executor}g",
        "cores_per_executor": 2,
        "total_memory_gb": final_executors * memory_per_executor,
        "estimated_cost_per_hour": final_executors * 0.20,
    }


def calculate_database_resources(transactions_per_day, retention_days=365):
    transaction_size_kb = 2
    index_overhead = 1.3
    analytics_multiplier = 2
    daily_storage_gb = (transactions_per_day * transaction_size_kb *
                        index_overhead) / 1024 / 1024
    total_storage_gb = daily_storage_gb * retention_days * analytics_multiplier
    required_memory_gb = max(16, total_storage_gb * 0.25)
    if required_memory_gb <= 32:
        instance_type = "db.r6g.xlarge"
        cost_per_hour = 0.504
    elif required_memory_gb <= 64:
        instance_type = "db.r6g.2xlarge"
        cost_per_hour = 1.008
    else:
        instance_type = "db.r6g.4xlarge"
        cost_per_hour = 2.016
    return {
        "storage_gb": int(total_storage_gb * 1.2),
        "memory_gb": required_memory_gb,
        "instance_type": instance_type,
        "estimated_monthly_cost": cost_per_hour * 24 * 30,
    }


def calculate_kafka_resources(events_per_second, retention_hours=168):
    avg_event_size_kb = 0.75
    replication_factor = 3
    daily_events = events_per_second * 86400
    daily_storage_gb = (daily_events * avg_event_size_kb *
                        replication_factor) / 1024 / 1024
    retention_days = retention_hours / 24
    total_storage_gb = daily_storage_gb * retention_days
    max_partition_size_mb = 50
    partitions_needed = max(12, int(daily_storage_gb * 1024 /
                                    max_partition_size_mb))
    brokers_needed = max(3, int(partitions_needed / 10))
    return {
        "brokers": brokers_needed,
        "partitions_per_topic": partitions_needed,
        "storage_per_broker_gb": int(total_storage_gb / brokers_needed * 1.3),
        "instance_type": "kafka.m5.large",
        "estimated_monthly_cost": brokers_needed * 0.192 * 24 * 30,
    }


def project_capacity_needs(current_daily_transactions, years=3,
                           scenario="conservative"):
    growth_rate = GROWTH_SCENARIOS[scenario]["yearly_growth"]
    seasonal_peak = GROWTH_SCENARIOS[scenario]["seasonal_peak"]
    projections = []
    for year in range(1, years + 1):
        base_transactions = current_daily_transactions * \
            ((1 + growth_rate) ** year)
        peak_transactions = base_transactions * seasonal_peak
        projections.append({
            "year": year,
            "base_daily_transactions": int(base_transactions),
            "peak_daily_transactions": int(peak_transactions),
            "spark_resources":
                calculate_spark_resources(peak_transactions / 100000),
            "database_resources":
                calculate_database_resources(peak_transactions),
            "kafka_resources":
                calculate_kafka_resources(peak_transactions / 86400),
        })
    return projections
