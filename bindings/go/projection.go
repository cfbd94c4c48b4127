// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <stdlib.h>
#include <ecaptune.h>
#cgo noescape ecap_projection_montecarlo
#cgo nocallback ecap_projection_montecarlo
#cgo noescape ecap_projection_montecarlo_to_json
#cgo nocallback ecap_projection_montecarlo_to_json
#cgo noescape ecap_projection_run
#cgo nocallback ecap_projection_run
#cgo noescape ecap_projection_to_json
#cgo nocallback ecap_projection_to_json
#cgo noescape ecap_projection_year_explain
#cgo nocallback ecap_projection_year_explain
*/
import "C"

import "unsafe"

// ProjectionMaxYears is the longest projection.
const ProjectionMaxYears = C.ECAP_PROJECTION_MAX_YEARS

// ProjectionInput asks for a growth projection (struct
// ecap_projection_in).
type ProjectionInput struct {
	CurrentDailyTransactions float64 // required, 0 .. 1e12
	Years                    int     // required, 1 .. ProjectionMaxYears
	Scenario                 string  // "" = policy growth.default_scenario
}

// ProjectionYear is one projected year (struct ecap_projection_year).
type ProjectionYear struct {
	Model                    Model
	Year                     int // 1 .. Years
	BaseDailyTransactions    float64
	PeakDailyTransactions    float64
	SparkDailyDataGB         float64
	SparkExecutorsCount      int64
	SparkExecutorMemoryGB    float64
	SparkCostUSDPerHour      float64
	SparkCostUSDPerMonth     float64
	DatabaseInstanceClass    string
	DatabaseMemoryRequiredGB float64
	DatabaseStorageGB        float64
	DatabaseReason           DatabaseReason
	DatabaseFits             bool
	DatabaseInstancesCount   int64
	DatabaseCostUSDPerMonth  float64
	KafkaEventsPerSecond     float64
	KafkaPeakEventsPerSecond float64
	KafkaPartitionsCount     int64
	KafkaBrokersCount        int64
	KafkaStoragePerBrokerGB  float64
	KafkaReason              KafkaReason
	KafkaCostUSDPerMonth     float64
	TotalCostUSDPerMonth     float64 // Spark + database + Kafka
}

// Explain sums the year up in one sentence (peak, executors, database,
// brokers, cost), rendered by the library now
// (ecap_projection_year_explain).
func (py ProjectionYear) Explain() (string, error) {
	var y C.struct_ecap_projection_year
	initSized(&y, C.sizeof_struct_ecap_projection_year)
	if err := py.fill(&y); err != nil {
		return "", err
	}
	return callExplain(func(buf *C.char, size C.size_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_projection_year_explain(&y, buf, size, ce)
	})
}

func goProjectionYear(y *C.struct_ecap_projection_year) ProjectionYear {
	return ProjectionYear{
		Model:                    Model(y.model),
		Year:                     int(y.year),
		BaseDailyTransactions:    float64(y.base_daily_transactions),
		PeakDailyTransactions:    float64(y.peak_daily_transactions),
		SparkDailyDataGB:         float64(y.spark_daily_data_gb),
		SparkExecutorsCount:      int64(y.spark_executors_count),
		SparkExecutorMemoryGB:    float64(y.spark_executor_memory_gb),
		SparkCostUSDPerHour:      float64(y.spark_cost_usd_per_hour),
		SparkCostUSDPerMonth:     float64(y.spark_cost_usd_per_month),
		DatabaseInstanceClass:    goChars(y.database_instance_class[:]),
		DatabaseMemoryRequiredGB: float64(y.database_memory_required_gb),
		DatabaseStorageGB:        float64(y.database_storage_gb),
		DatabaseReason:           DatabaseReason(y.database_reason),
		DatabaseFits:             goBool(y.database_fits_flag),
		DatabaseInstancesCount:   int64(y.database_instances_count),
		DatabaseCostUSDPerMonth:  float64(y.database_cost_usd_per_month),
		KafkaEventsPerSecond:     float64(y.kafka_events_per_second),
		KafkaPeakEventsPerSecond: float64(y.kafka_peak_events_per_second),
		KafkaPartitionsCount:     int64(y.kafka_partitions_count),
		KafkaBrokersCount:        int64(y.kafka_brokers_count),
		KafkaStoragePerBrokerGB:  float64(y.kafka_storage_per_broker_gb),
		KafkaReason:              KafkaReason(y.kafka_reason),
		KafkaCostUSDPerMonth:     float64(y.kafka_cost_usd_per_month),
		TotalCostUSDPerMonth:     float64(y.total_cost_usd_per_month),
	}
}

// fill writes the year into a C element whose sz is already set.
func (py ProjectionYear) fill(y *C.struct_ecap_projection_year) error {
	y.model = C.int32_t(py.Model)
	y.year = C.int32_t(py.Year)
	y.base_daily_transactions = C.double(py.BaseDailyTransactions)
	y.peak_daily_transactions = C.double(py.PeakDailyTransactions)
	y.spark_daily_data_gb = C.double(py.SparkDailyDataGB)
	y.spark_executors_count = C.int64_t(py.SparkExecutorsCount)
	y.spark_executor_memory_gb = C.double(py.SparkExecutorMemoryGB)
	y.spark_cost_usd_per_hour = C.double(py.SparkCostUSDPerHour)
	y.spark_cost_usd_per_month = C.double(py.SparkCostUSDPerMonth)
	if err := setChars(y.database_instance_class[:], py.DatabaseInstanceClass, "database_instance_class"); err != nil {
		return err
	}
	y.database_memory_required_gb = C.double(py.DatabaseMemoryRequiredGB)
	y.database_storage_gb = C.double(py.DatabaseStorageGB)
	y.database_reason = C.int32_t(py.DatabaseReason)
	y.database_fits_flag = cBool(py.DatabaseFits)
	y.database_instances_count = C.int64_t(py.DatabaseInstancesCount)
	y.database_cost_usd_per_month = C.double(py.DatabaseCostUSDPerMonth)
	y.kafka_events_per_second = C.double(py.KafkaEventsPerSecond)
	y.kafka_peak_events_per_second = C.double(py.KafkaPeakEventsPerSecond)
	y.kafka_partitions_count = C.int64_t(py.KafkaPartitionsCount)
	y.kafka_brokers_count = C.int64_t(py.KafkaBrokersCount)
	y.kafka_storage_per_broker_gb = C.double(py.KafkaStoragePerBrokerGB)
	y.kafka_reason = C.int32_t(py.KafkaReason)
	y.kafka_cost_usd_per_month = C.double(py.KafkaCostUSDPerMonth)
	y.total_cost_usd_per_month = C.double(py.TotalCostUSDPerMonth)
	return nil
}

// yearsCapacity is the array length to offer the library: the years
// asked for, kept within 1 .. ProjectionMaxYears (the library rejects
// other counts with ErrRange before it looks at the array).
func yearsCapacity(years int) int {
	return min(max(years, 1), ProjectionMaxYears)
}

// Project projects capacity needs year by year (ecap_projection_run: the
// guide's project_capacity_needs).  An unknown scenario is ErrNotFound.
func (p *Policy) Project(in ProjectionInput) ([]ProjectionYear, error) {
	ci := initSized(new(C.struct_ecap_projection_in), C.sizeof_struct_ecap_projection_in)
	ci.current_daily_transactions = C.double(in.CurrentDailyTransactions)
	ci.years = C.int64_t(in.Years)
	if err := setChars(ci.scenario[:], in.Scenario, "scenario"); err != nil {
		return nil, err
	}
	return p.projectN(ci, yearsCapacity(in.Years))
}

// projectN runs ecap_projection_run with an array of capacity elements.
func (p *Policy) projectN(ci *C.struct_ecap_projection_in, capacity int) ([]ProjectionYear, error) {
	arr, elems := cSizedArray[C.struct_ecap_projection_year](capacity, C.sizeof_struct_ecap_projection_year)
	defer C.free(unsafe.Pointer(arr))
	count := C.size_t(capacity)
	err := p.advise(func(cp *C.ecap_policy, ce *C.struct_ecap_error) C.int {
		return C.ecap_projection_run(cp, ci, arr, &count, ce)
	})
	if err != nil {
		return nil, err
	}
	out := make([]ProjectionYear, min(int(count), capacity))
	for i := range out {
		out[i] = goProjectionYear(&elems[i])
	}
	return out, nil
}

// ProjectionJSON renders projected years as JSON
// (ecap_projection_to_json).
func ProjectionJSON(years []ProjectionYear) ([]byte, error) {
	arr, elems := cSizedArray[C.struct_ecap_projection_year](len(years), C.sizeof_struct_ecap_projection_year)
	defer C.free(unsafe.Pointer(arr))
	for i, y := range years {
		if err := y.fill(&elems[i]); err != nil {
			return nil, err
		}
	}
	return callJSON(func(js **C.char, ce *C.struct_ecap_error) C.int {
		return C.ecap_projection_to_json(arr, C.size_t(len(years)), js, ce)
	})
}

// MonteCarloInput asks for a Monte Carlo projection (struct
// ecap_projection_montecarlo_in): the growth and seasonal peak are drawn per path
// from the scenario's standard deviations.
type MonteCarloInput struct {
	CurrentDailyTransactions float64
	Years                    int
	Scenario                 string // "" = policy growth.default_scenario
	Seed                     uint64 // the same seed gives the same result
	PathsCount               int64  // 0 = policy growth.montecarlo_paths
}

// MonteCarloYear holds nearest-rank percentiles of one year over all
// paths (struct ecap_projection_montecarlo_year).
type MonteCarloYear struct {
	Model                   Model
	Year                    int
	SparkExecutorsP50Count  float64
	SparkExecutorsP90Count  float64
	SparkExecutorsP99Count  float64
	DatabaseMemoryP50GB     float64
	DatabaseMemoryP90GB     float64
	DatabaseMemoryP99GB     float64
	KafkaBrokersP50Count    float64
	KafkaBrokersP90Count    float64
	KafkaBrokersP99Count    float64
	TotalCostP50USDPerMonth float64
	TotalCostP90USDPerMonth float64
	TotalCostP99USDPerMonth float64
}

func goMonteCarloYear(y *C.struct_ecap_projection_montecarlo_year) MonteCarloYear {
	return MonteCarloYear{
		Model:                   Model(y.model),
		Year:                    int(y.year),
		SparkExecutorsP50Count:  float64(y.spark_executors_p50_count),
		SparkExecutorsP90Count:  float64(y.spark_executors_p90_count),
		SparkExecutorsP99Count:  float64(y.spark_executors_p99_count),
		DatabaseMemoryP50GB:     float64(y.database_memory_p50_gb),
		DatabaseMemoryP90GB:     float64(y.database_memory_p90_gb),
		DatabaseMemoryP99GB:     float64(y.database_memory_p99_gb),
		KafkaBrokersP50Count:    float64(y.kafka_brokers_p50_count),
		KafkaBrokersP90Count:    float64(y.kafka_brokers_p90_count),
		KafkaBrokersP99Count:    float64(y.kafka_brokers_p99_count),
		TotalCostP50USDPerMonth: float64(y.total_cost_p50_usd_per_month),
		TotalCostP90USDPerMonth: float64(y.total_cost_p90_usd_per_month),
		TotalCostP99USDPerMonth: float64(y.total_cost_p99_usd_per_month),
	}
}

func (m MonteCarloYear) fill(y *C.struct_ecap_projection_montecarlo_year) {
	y.model = C.int32_t(m.Model)
	y.year = C.int32_t(m.Year)
	y.spark_executors_p50_count = C.double(m.SparkExecutorsP50Count)
	y.spark_executors_p90_count = C.double(m.SparkExecutorsP90Count)
	y.spark_executors_p99_count = C.double(m.SparkExecutorsP99Count)
	y.database_memory_p50_gb = C.double(m.DatabaseMemoryP50GB)
	y.database_memory_p90_gb = C.double(m.DatabaseMemoryP90GB)
	y.database_memory_p99_gb = C.double(m.DatabaseMemoryP99GB)
	y.kafka_brokers_p50_count = C.double(m.KafkaBrokersP50Count)
	y.kafka_brokers_p90_count = C.double(m.KafkaBrokersP90Count)
	y.kafka_brokers_p99_count = C.double(m.KafkaBrokersP99Count)
	y.total_cost_p50_usd_per_month = C.double(m.TotalCostP50USDPerMonth)
	y.total_cost_p90_usd_per_month = C.double(m.TotalCostP90USDPerMonth)
	y.total_cost_p99_usd_per_month = C.double(m.TotalCostP99USDPerMonth)
}

// ProjectMonteCarlo runs the Monte Carlo projection
// (ecap_projection_montecarlo).
func (p *Policy) ProjectMonteCarlo(in MonteCarloInput) ([]MonteCarloYear, error) {
	ci := initSized(new(C.struct_ecap_projection_montecarlo_in), C.sizeof_struct_ecap_projection_montecarlo_in)
	ci.current_daily_transactions = C.double(in.CurrentDailyTransactions)
	ci.years = C.int64_t(in.Years)
	if err := setChars(ci.scenario[:], in.Scenario, "scenario"); err != nil {
		return nil, err
	}
	ci.seed = C.uint64_t(in.Seed)
	ci.paths_count = C.int64_t(in.PathsCount)
	capacity := yearsCapacity(in.Years)
	arr, elems := cSizedArray[C.struct_ecap_projection_montecarlo_year](capacity, C.sizeof_struct_ecap_projection_montecarlo_year)
	defer C.free(unsafe.Pointer(arr))
	count := C.size_t(capacity)
	err := p.advise(func(cp *C.ecap_policy, ce *C.struct_ecap_error) C.int {
		return C.ecap_projection_montecarlo(cp, ci, arr, &count, ce)
	})
	if err != nil {
		return nil, err
	}
	out := make([]MonteCarloYear, min(int(count), capacity))
	for i := range out {
		out[i] = goMonteCarloYear(&elems[i])
	}
	return out, nil
}

// MonteCarloJSON renders Monte Carlo years as JSON
// (ecap_projection_montecarlo_to_json).
func MonteCarloJSON(years []MonteCarloYear) ([]byte, error) {
	arr, elems := cSizedArray[C.struct_ecap_projection_montecarlo_year](len(years), C.sizeof_struct_ecap_projection_montecarlo_year)
	defer C.free(unsafe.Pointer(arr))
	for i, y := range years {
		y.fill(&elems[i])
	}
	return callJSON(func(js **C.char, ce *C.struct_ecap_error) C.int {
		return C.ecap_projection_montecarlo_to_json(arr, C.size_t(len(years)), js, ce)
	})
}
