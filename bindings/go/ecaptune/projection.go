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
// C: ECAP_PROJECTION_MAX_YEARS.
const ProjectionMaxYears = 50

// ProjectionInput asks for a growth projection (struct
// ecap_projection_in).
type ProjectionInput struct {
	CurrentDailyTransactions float64 // required, 0 .. 1e12
	Years                    int     // required, 1 .. ProjectionMaxYears
	Scenario                 string  // "" = policy growth.default_scenario
	Today                    ProjectionToday
}

// ProjectionToday is today's workload, which each year grows as the
// transactions do (ecap-1 only; the guide sizes from the transactions).
// The zero value is the fallback: Spark's data from the peak's
// transactions / growth.transactions_per_gb, Kafka's events from the
// transactions / 86400.  The Spark fields are ExecutorInput's of today's
// plan (a year sizes today's data x peak / current on them), the Kafka
// fields KafkaInput's (a year keeps today's events x base / current and
// carries x peak / current x growth.intraday_peak_factor), the database
// fields DatabaseInput's retention and application instances (a year keeps
// the base for that many days and serves that many pools).
type ProjectionToday struct {
	SparkDailyDataGB           float64       // 0 .. 1073741824
	SparkProcessingWindowHours float64       // 0 = policy
	SparkPlatform              SparkPlatform // 0 = default
	SparkExecutorCoreCount     int64         // 0 = from the node
	SparkMaxExecutorCount      int64         // 0 = no hard cap
	SparkRunsPerDayCount       int64         // 0 = 1
	SparkNodeType              string        // "" = the cheapest that meets the window
	KafkaEventsPerSecond       float64       // 0 .. 1e10
	KafkaRetentionHours        float64       // 0 = policy kafka.retention_hours
	KafkaBrokerType            string        // "" = the cheapest that fits
	DatabaseRetentionDays      int64         // 0 = policy database.retention_days
	DatabaseAppInstanceCount   int64         // 0 = policy database.app_instance_count
}

// today's fields of either C input.
type cToday struct {
	gb, window, eps, retention *C.double
	platform                   *C.int32_t
	cores, maxExecutors, runs  *C.int64_t
	node, broker               []C.char
	dbRetention, dbInstances   *C.int64_t
}

func (t ProjectionToday) fill(c cToday) error {
	*c.gb = C.double(t.SparkDailyDataGB)
	*c.window = C.double(t.SparkProcessingWindowHours)
	*c.platform = C.int32_t(t.SparkPlatform)
	*c.cores = C.int64_t(t.SparkExecutorCoreCount)
	*c.maxExecutors = C.int64_t(t.SparkMaxExecutorCount)
	*c.runs = C.int64_t(t.SparkRunsPerDayCount)
	*c.eps = C.double(t.KafkaEventsPerSecond)
	*c.retention = C.double(t.KafkaRetentionHours)
	*c.dbRetention = C.int64_t(t.DatabaseRetentionDays)
	*c.dbInstances = C.int64_t(t.DatabaseAppInstanceCount)
	if err := setChars(c.node, t.SparkNodeType, "spark_node_type"); err != nil {
		return err
	}
	return setChars(c.broker, t.KafkaBrokerType, "kafka_broker_type")
}

// ProjectionYear is one projected year (struct ecap_projection_year).
// ecap-1 keeps data for the base volume (database storage and working
// set, Kafka retention) and computes for the seasonal peak (Spark nodes
// and hours, database vCPUs and IOPS, Kafka throughput); the guide sizes
// everything for the peak.  Every cost part is reported and totalled; the
// flags mark the years a budget review must not pass silently.
type ProjectionYear struct {
	Model                           Model
	Year                            int // 1 .. Years
	BaseDailyTransactions           float64
	PeakDailyTransactions           float64
	GrowthMultipleRatio             float64 // base / today's
	SparkDailyDataGB                float64
	SparkNodeType                   string // "" without one
	SparkNodeCount                  int64
	SparkExecutorsCount             int64
	SparkExecutorMemoryGB           float64
	SparkTotalMemoryGB              float64
	SparkProjectedHours             float64
	SparkWindowHours                float64
	SparkWindowMissHours            float64 // 0 when met
	SparkCostUSDPerHour             float64
	SparkCostUSDPerMonth            float64 // ecap-1: nodes x price x run hours x runs
	DatabaseInstanceClass           string
	DatabaseInstancesCount          int64 // primary and read replicas
	DatabaseMemoryRequiredGB        float64
	DatabaseStorageGB               float64
	DatabaseReason                  DatabaseReason
	DatabaseFits                    bool
	DatabaseVCPURequiredCount       float64
	DatabaseIOPSRequiredCount       float64
	DatabaseInstanceCostUSDPerMonth float64
	DatabaseReplicaCostUSDPerMonth  float64
	DatabaseStorageCostUSDPerMonth  float64
	DatabaseIOPSCostUSDPerMonth     float64
	DatabaseCostUSDPerMonth         float64
	KafkaEventsPerSecond            float64
	KafkaPeakEventsPerSecond        float64
	KafkaBrokerType                 string
	KafkaPartitionsCount            int64
	KafkaBrokersCount               int64
	KafkaStoragePerBrokerGB         float64
	KafkaReason                     KafkaReason
	KafkaBrokerCostUSDPerMonth      float64
	KafkaStorageCostUSDPerMonth     float64
	KafkaCostUSDPerMonth            float64
	TotalCostUSDPerMonth            float64 // Spark + database + Kafka
	SparkWindowMissed               bool
	SparkExecutorsOverPolicy        bool // over executor.max_executors, a soft budget
	DatabaseBeyondOneInstance       bool
	KafkaQuotaExceeded              bool
	ReviewArchitecture              bool
	SparkExecutorsCapped            bool   // SparkMaxExecutorCount held the count
	Currency                        string // "USD"
	PriceDate                       string // latest catalog price date priced
	// A month of peak days (SparkCostUSDPerMonth: ecap-1's base days).
	SparkPeakCostUSDPerMonth float64
}

// Explain sums the year up in one sentence (volumes, Spark nodes,
// executors and run hours, database class and count, brokers, cost, and
// each flag raised), rendered by the library now
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
		Model:                           Model(y.model),
		Year:                            int(y.year),
		BaseDailyTransactions:           float64(y.base_daily_transactions),
		PeakDailyTransactions:           float64(y.peak_daily_transactions),
		GrowthMultipleRatio:             float64(y.growth_multiple_ratio),
		SparkDailyDataGB:                float64(y.spark_daily_data_gb),
		SparkNodeType:                   goName(y.spark_node_type[:]),
		SparkNodeCount:                  int64(y.spark_node_count),
		SparkExecutorsCount:             int64(y.spark_executors_count),
		SparkExecutorMemoryGB:           float64(y.spark_executor_memory_gb),
		SparkTotalMemoryGB:              float64(y.spark_total_memory_gb),
		SparkProjectedHours:             float64(y.spark_projected_hours),
		SparkWindowHours:                float64(y.spark_window_hours),
		SparkWindowMissHours:            float64(y.spark_window_miss_hours),
		SparkCostUSDPerHour:             float64(y.spark_cost_usd_per_hour),
		SparkCostUSDPerMonth:            float64(y.spark_cost_usd_per_month),
		DatabaseInstanceClass:           goName(y.database_instance_class[:]),
		DatabaseInstancesCount:          int64(y.database_instances_count),
		DatabaseMemoryRequiredGB:        float64(y.database_memory_required_gb),
		DatabaseStorageGB:               float64(y.database_storage_gb),
		DatabaseReason:                  DatabaseReason(y.database_reason),
		DatabaseFits:                    goBool(y.database_fits_flag),
		DatabaseVCPURequiredCount:       float64(y.database_vcpu_required_count),
		DatabaseIOPSRequiredCount:       float64(y.database_iops_required_count),
		DatabaseInstanceCostUSDPerMonth: float64(y.database_instance_cost_usd_per_month),
		DatabaseReplicaCostUSDPerMonth:  float64(y.database_replica_cost_usd_per_month),
		DatabaseStorageCostUSDPerMonth:  float64(y.database_storage_cost_usd_per_month),
		DatabaseIOPSCostUSDPerMonth:     float64(y.database_iops_cost_usd_per_month),
		DatabaseCostUSDPerMonth:         float64(y.database_cost_usd_per_month),
		KafkaEventsPerSecond:            float64(y.kafka_events_per_second),
		KafkaPeakEventsPerSecond:        float64(y.kafka_peak_events_per_second),
		KafkaBrokerType:                 goName(y.kafka_broker_type[:]),
		KafkaPartitionsCount:            int64(y.kafka_partitions_count),
		KafkaBrokersCount:               int64(y.kafka_brokers_count),
		KafkaStoragePerBrokerGB:         float64(y.kafka_storage_per_broker_gb),
		KafkaReason:                     KafkaReason(y.kafka_reason),
		KafkaBrokerCostUSDPerMonth:      float64(y.kafka_broker_cost_usd_per_month),
		KafkaStorageCostUSDPerMonth:     float64(y.kafka_storage_cost_usd_per_month),
		KafkaCostUSDPerMonth:            float64(y.kafka_cost_usd_per_month),
		TotalCostUSDPerMonth:            float64(y.total_cost_usd_per_month),
		SparkWindowMissed:               goBool(y.spark_window_missed_flag),
		SparkExecutorsOverPolicy:        goBool(y.spark_executors_over_policy_flag),
		DatabaseBeyondOneInstance:       goBool(y.database_beyond_one_instance_flag),
		KafkaQuotaExceeded:              goBool(y.kafka_quota_exceeded_flag),
		ReviewArchitecture:              goBool(y.review_architecture_flag),
		SparkExecutorsCapped:            goBool(y.spark_executors_capped_flag),
		Currency:                        goName(y.currency[:]),
		PriceDate:                       goName(y.price_date[:]),
		SparkPeakCostUSDPerMonth:        float64(y.spark_peak_cost_usd_per_month),
	}
}

// fill writes the year into a C element whose sz is already set.
func (py ProjectionYear) fill(y *C.struct_ecap_projection_year) error {
	y.model = C.int32_t(py.Model)
	y.year = C.int32_t(py.Year)
	y.base_daily_transactions = C.double(py.BaseDailyTransactions)
	y.peak_daily_transactions = C.double(py.PeakDailyTransactions)
	y.growth_multiple_ratio = C.double(py.GrowthMultipleRatio)
	y.spark_daily_data_gb = C.double(py.SparkDailyDataGB)
	if err := setChars(y.spark_node_type[:], py.SparkNodeType, "spark_node_type"); err != nil {
		return err
	}
	y.spark_node_count = C.int64_t(py.SparkNodeCount)
	y.spark_executors_count = C.int64_t(py.SparkExecutorsCount)
	y.spark_executor_memory_gb = C.double(py.SparkExecutorMemoryGB)
	y.spark_total_memory_gb = C.double(py.SparkTotalMemoryGB)
	y.spark_projected_hours = C.double(py.SparkProjectedHours)
	y.spark_window_hours = C.double(py.SparkWindowHours)
	y.spark_window_miss_hours = C.double(py.SparkWindowMissHours)
	y.spark_cost_usd_per_hour = C.double(py.SparkCostUSDPerHour)
	y.spark_cost_usd_per_month = C.double(py.SparkCostUSDPerMonth)
	if err := setChars(y.database_instance_class[:], py.DatabaseInstanceClass, "database_instance_class"); err != nil {
		return err
	}
	y.database_instances_count = C.int64_t(py.DatabaseInstancesCount)
	y.database_memory_required_gb = C.double(py.DatabaseMemoryRequiredGB)
	y.database_storage_gb = C.double(py.DatabaseStorageGB)
	y.database_reason = C.int32_t(py.DatabaseReason)
	y.database_fits_flag = cBool(py.DatabaseFits)
	y.database_vcpu_required_count = C.double(py.DatabaseVCPURequiredCount)
	y.database_iops_required_count = C.double(py.DatabaseIOPSRequiredCount)
	y.database_instance_cost_usd_per_month = C.double(py.DatabaseInstanceCostUSDPerMonth)
	y.database_replica_cost_usd_per_month = C.double(py.DatabaseReplicaCostUSDPerMonth)
	y.database_storage_cost_usd_per_month = C.double(py.DatabaseStorageCostUSDPerMonth)
	y.database_iops_cost_usd_per_month = C.double(py.DatabaseIOPSCostUSDPerMonth)
	y.database_cost_usd_per_month = C.double(py.DatabaseCostUSDPerMonth)
	y.kafka_events_per_second = C.double(py.KafkaEventsPerSecond)
	y.kafka_peak_events_per_second = C.double(py.KafkaPeakEventsPerSecond)
	if err := setChars(y.kafka_broker_type[:], py.KafkaBrokerType, "kafka_broker_type"); err != nil {
		return err
	}
	y.kafka_partitions_count = C.int64_t(py.KafkaPartitionsCount)
	y.kafka_brokers_count = C.int64_t(py.KafkaBrokersCount)
	y.kafka_storage_per_broker_gb = C.double(py.KafkaStoragePerBrokerGB)
	y.kafka_reason = C.int32_t(py.KafkaReason)
	y.kafka_broker_cost_usd_per_month = C.double(py.KafkaBrokerCostUSDPerMonth)
	y.kafka_storage_cost_usd_per_month = C.double(py.KafkaStorageCostUSDPerMonth)
	y.kafka_cost_usd_per_month = C.double(py.KafkaCostUSDPerMonth)
	y.total_cost_usd_per_month = C.double(py.TotalCostUSDPerMonth)
	y.spark_window_missed_flag = cBool(py.SparkWindowMissed)
	y.spark_executors_over_policy_flag = cBool(py.SparkExecutorsOverPolicy)
	y.database_beyond_one_instance_flag = cBool(py.DatabaseBeyondOneInstance)
	y.kafka_quota_exceeded_flag = cBool(py.KafkaQuotaExceeded)
	y.review_architecture_flag = cBool(py.ReviewArchitecture)
	y.spark_executors_capped_flag = cBool(py.SparkExecutorsCapped)
	y.spark_peak_cost_usd_per_month = C.double(py.SparkPeakCostUSDPerMonth)
	if err := setChars(y.currency[:], py.Currency, "currency"); err != nil {
		return err
	}
	if err := setChars(y.price_date[:], py.PriceDate, "price_date"); err != nil {
		return err
	}
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
	if err := in.Today.fill(cToday{&ci.spark_daily_data_gb,
		&ci.spark_processing_window_hours, &ci.kafka_events_per_second,
		&ci.kafka_retention_hours, &ci.spark_platform,
		&ci.spark_executor_core_count, &ci.spark_max_executor_count,
		&ci.spark_runs_per_day_count, ci.spark_node_type[:],
		ci.kafka_broker_type[:], &ci.database_retention_days,
		&ci.database_app_instance_count}); err != nil {
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
	Today                    ProjectionToday
}

// ProjectionBand is the mean and the nearest-rank percentiles of one
// quantity over the Monte Carlo paths (struct ecap_projection_band); each
// percentile is one path's value.
type ProjectionBand struct {
	Mean, P10, P50, P90, P99 float64
}

func goBand(b *C.struct_ecap_projection_band) ProjectionBand {
	return ProjectionBand{Mean: float64(b.mean), P10: float64(b.p10),
		P50: float64(b.p50), P90: float64(b.p90), P99: float64(b.p99)}
}

func (b ProjectionBand) fill(c *C.struct_ecap_projection_band) {
	c.mean = C.double(b.Mean)
	c.p10 = C.double(b.P10)
	c.p50 = C.double(b.P50)
	c.p90 = C.double(b.P90)
	c.p99 = C.double(b.P99)
}

// MonteCarloYear is one year over all paths (struct
// ecap_projection_montecarlo_year): the band of every family's sizing and
// of each cost part, and the share of paths (0 .. 1) with each flag.
type MonteCarloYear struct {
	Model                               Model
	Year                                int
	BaseDailyTransactions               ProjectionBand
	PeakDailyTransactions               ProjectionBand
	SparkNodeCount                      ProjectionBand
	SparkExecutorsCount                 ProjectionBand
	SparkProjectedHours                 ProjectionBand
	DatabaseInstancesCount              ProjectionBand
	DatabaseMemoryRequiredGB            ProjectionBand
	DatabaseStorageGB                   ProjectionBand
	KafkaBrokersCount                   ProjectionBand
	KafkaStoragePerBrokerGB             ProjectionBand
	SparkCostUSDPerMonth                ProjectionBand
	DatabaseCostUSDPerMonth             ProjectionBand
	KafkaCostUSDPerMonth                ProjectionBand
	TotalCostUSDPerMonth                ProjectionBand
	SparkWindowMissedShareRatio         float64
	SparkExecutorsOverPolicyShareRatio  float64
	DatabaseBeyondOneInstanceShareRatio float64
	KafkaQuotaExceededShareRatio        float64
	ReviewArchitectureShareRatio        float64
	SparkExecutorsCappedShareRatio      float64
	SparkPeakCostUSDPerMonth            ProjectionBand
}

func goMonteCarloYear(y *C.struct_ecap_projection_montecarlo_year) MonteCarloYear {
	return MonteCarloYear{
		Model:                               Model(y.model),
		Year:                                int(y.year),
		BaseDailyTransactions:               goBand(&y.base_daily_transactions),
		PeakDailyTransactions:               goBand(&y.peak_daily_transactions),
		SparkNodeCount:                      goBand(&y.spark_node_count),
		SparkExecutorsCount:                 goBand(&y.spark_executors_count),
		SparkProjectedHours:                 goBand(&y.spark_projected_hours),
		DatabaseInstancesCount:              goBand(&y.database_instances_count),
		DatabaseMemoryRequiredGB:            goBand(&y.database_memory_required_gb),
		DatabaseStorageGB:                   goBand(&y.database_storage_gb),
		KafkaBrokersCount:                   goBand(&y.kafka_brokers_count),
		KafkaStoragePerBrokerGB:             goBand(&y.kafka_storage_per_broker_gb),
		SparkCostUSDPerMonth:                goBand(&y.spark_cost_usd_per_month),
		DatabaseCostUSDPerMonth:             goBand(&y.database_cost_usd_per_month),
		KafkaCostUSDPerMonth:                goBand(&y.kafka_cost_usd_per_month),
		TotalCostUSDPerMonth:                goBand(&y.total_cost_usd_per_month),
		SparkWindowMissedShareRatio:         float64(y.spark_window_missed_share_ratio),
		SparkExecutorsOverPolicyShareRatio:  float64(y.spark_executors_over_policy_share_ratio),
		DatabaseBeyondOneInstanceShareRatio: float64(y.database_beyond_one_instance_share_ratio),
		KafkaQuotaExceededShareRatio:        float64(y.kafka_quota_exceeded_share_ratio),
		ReviewArchitectureShareRatio:        float64(y.review_architecture_share_ratio),
		SparkExecutorsCappedShareRatio:      float64(y.spark_executors_capped_share_ratio),
		SparkPeakCostUSDPerMonth:            goBand(&y.spark_peak_cost_usd_per_month),
	}
}

func (m MonteCarloYear) fill(y *C.struct_ecap_projection_montecarlo_year) {
	y.model = C.int32_t(m.Model)
	y.year = C.int32_t(m.Year)
	m.BaseDailyTransactions.fill(&y.base_daily_transactions)
	m.PeakDailyTransactions.fill(&y.peak_daily_transactions)
	m.SparkNodeCount.fill(&y.spark_node_count)
	m.SparkExecutorsCount.fill(&y.spark_executors_count)
	m.SparkProjectedHours.fill(&y.spark_projected_hours)
	m.DatabaseInstancesCount.fill(&y.database_instances_count)
	m.DatabaseMemoryRequiredGB.fill(&y.database_memory_required_gb)
	m.DatabaseStorageGB.fill(&y.database_storage_gb)
	m.KafkaBrokersCount.fill(&y.kafka_brokers_count)
	m.KafkaStoragePerBrokerGB.fill(&y.kafka_storage_per_broker_gb)
	m.SparkCostUSDPerMonth.fill(&y.spark_cost_usd_per_month)
	m.DatabaseCostUSDPerMonth.fill(&y.database_cost_usd_per_month)
	m.KafkaCostUSDPerMonth.fill(&y.kafka_cost_usd_per_month)
	m.TotalCostUSDPerMonth.fill(&y.total_cost_usd_per_month)
	y.spark_window_missed_share_ratio = C.double(m.SparkWindowMissedShareRatio)
	y.spark_executors_over_policy_share_ratio = C.double(m.SparkExecutorsOverPolicyShareRatio)
	y.database_beyond_one_instance_share_ratio = C.double(m.DatabaseBeyondOneInstanceShareRatio)
	y.kafka_quota_exceeded_share_ratio = C.double(m.KafkaQuotaExceededShareRatio)
	y.review_architecture_share_ratio = C.double(m.ReviewArchitectureShareRatio)
	y.spark_executors_capped_share_ratio = C.double(m.SparkExecutorsCappedShareRatio)
	m.SparkPeakCostUSDPerMonth.fill(&y.spark_peak_cost_usd_per_month)
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
	if err := in.Today.fill(cToday{&ci.spark_daily_data_gb,
		&ci.spark_processing_window_hours, &ci.kafka_events_per_second,
		&ci.kafka_retention_hours, &ci.spark_platform,
		&ci.spark_executor_core_count, &ci.spark_max_executor_count,
		&ci.spark_runs_per_day_count, ci.spark_node_type[:],
		ci.kafka_broker_type[:], &ci.database_retention_days,
		&ci.database_app_instance_count}); err != nil {
		return nil, err
	}
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
