// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <stdlib.h>
#include <ecaptune.h>
#cgo noescape ecap_database_explain
#cgo nocallback ecap_database_explain
#cgo noescape ecap_database_flag_from_string
#cgo nocallback ecap_database_flag_from_string
#cgo noescape ecap_database_flag_to_string
#cgo nocallback ecap_database_flag_to_string
#cgo noescape ecap_database_properties
#cgo nocallback ecap_database_properties
#cgo noescape ecap_database_rds_parameters
#cgo nocallback ecap_database_rds_parameters
#cgo noescape ecap_database_reason_from_string
#cgo nocallback ecap_database_reason_from_string
#cgo noescape ecap_database_reason_to_string
#cgo nocallback ecap_database_reason_to_string
#cgo noescape ecap_database_storage_from_string
#cgo nocallback ecap_database_storage_from_string
#cgo noescape ecap_database_storage_to_string
#cgo nocallback ecap_database_storage_to_string
#cgo noescape ecap_database_workload_from_string
#cgo nocallback ecap_database_workload_from_string
#cgo noescape ecap_database_workload_to_string
#cgo nocallback ecap_database_workload_to_string
#cgo noescape ecap_go_database_advise
#cgo nocallback ecap_go_database_advise
#cgo noescape ecap_go_database_advise_shape
#cgo nocallback ecap_go_database_advise_shape

// ecap_database_advise for adviseLean: the handle as a byte pointer, which
// cgo does not inspect.
static int
ecap_go_database_advise(const char *policy, const struct ecap_database_in *in,
                        struct ecap_database_out *out, struct ecap_error *err)
{
	return ecap_database_advise((const ecap_policy *)(const void *)policy, in, out, err);
}

// ecap_database_advise_shape for adviseLean, as ecap_go_database_advise.
static int
ecap_go_database_advise_shape(const char *policy,
                              const struct ecap_database_shape_in *in,
                              struct ecap_database_out *out,
                              struct ecap_error *err)
{
	return ecap_database_advise_shape((const ecap_policy *)(const void *)policy,
	                                  in, out, err);
}
*/
import "C"

import "unsafe"

// DatabaseMaxTransactionsPerDay is the largest volume accepted.
// C: ECAP_DATABASE_MAX_TRANSACTIONS_PER_DAY.
const DatabaseMaxTransactionsPerDay = 1e+12

// DatabaseReason says why the instance class was chosen (enum
// ecap_database_reason).
type DatabaseReason int32

const (
	// DatabaseReasonGuideThreshold is ECAP_DATABASE_REASON_GUIDE_THRESHOLD: the guide's <= 32 / <= 64 / else rule.
	DatabaseReasonGuideThreshold DatabaseReason = 1
	// DatabaseReasonGuideUndersized is ECAP_DATABASE_REASON_GUIDE_UNDERSIZED: above 64 GB: db.r6g.4xlarge, too small.
	DatabaseReasonGuideUndersized DatabaseReason = 2
	// DatabaseReasonCheapestFit is ECAP_DATABASE_REASON_CHEAPEST_FIT: ecap-1: cheapest class with the memory and vCPUs.
	DatabaseReasonCheapestFit DatabaseReason = 3
	// DatabaseReasonBeyondOneInstance is ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE: ecap-1: the largest class and the flags.
	DatabaseReasonBeyondOneInstance DatabaseReason = 4
	// DatabaseReasonReadReplicas is ECAP_DATABASE_REASON_READ_REPLICAS: ecap-1: replicas for the reads beyond the primary.
	DatabaseReasonReadReplicas DatabaseReason = 5
	// DatabaseReasonShapeGiven is ECAP_DATABASE_REASON_SHAPE_GIVEN: AdviseDatabaseShape: the caller's machine.
	DatabaseReasonShapeGiven DatabaseReason = 6
)

// String names the reason, e.g. "cheapest-fit".
func (r DatabaseReason) String() string {
	return enumString(C.ecap_database_reason_to_string(C.int32_t(r)), "DatabaseReason", int32(r))
}

// ParseDatabaseReason parses a reason name; ErrUnknownEnum if unknown.
func ParseDatabaseReason(name string) (DatabaseReason, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_database_reason_from_string(cs, v, ce)
	})
	return DatabaseReason(v), err
}

// DatabaseWorkload is PGTune's DB type (enum ecap_database_workload); 0
// takes the policy's database.workload.
type DatabaseWorkload int32

const (
	// WorkloadWeb is ECAP_DATABASE_WORKLOAD_WEB.
	WorkloadWeb DatabaseWorkload = 1
	// WorkloadOLTP is ECAP_DATABASE_WORKLOAD_OLTP.
	WorkloadOLTP DatabaseWorkload = 2
	// WorkloadDW is ECAP_DATABASE_WORKLOAD_DW.
	WorkloadDW DatabaseWorkload = 3
	// WorkloadDesktop is ECAP_DATABASE_WORKLOAD_DESKTOP.
	WorkloadDesktop DatabaseWorkload = 4
	// WorkloadMixed is ECAP_DATABASE_WORKLOAD_MIXED.
	WorkloadMixed DatabaseWorkload = 5
)

// String is "web", "oltp", "dw", "desktop" or "mixed".
func (w DatabaseWorkload) String() string {
	return enumString(C.ecap_database_workload_to_string(C.int32_t(w)), "DatabaseWorkload", int32(w))
}

// ParseDatabaseWorkload parses a workload name; ErrUnknownEnum if unknown.
func ParseDatabaseWorkload(name string) (DatabaseWorkload, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_database_workload_from_string(cs, v, ce)
	})
	return DatabaseWorkload(v), err
}

// DatabaseStorage is PGTune's data storage type (enum
// ecap_database_storage); 0 takes the policy's database.storage_type.
type DatabaseStorage int32

const (
	// StorageSSD is ECAP_DATABASE_STORAGE_SSD.
	StorageSSD DatabaseStorage = 1
	// StorageHDD is ECAP_DATABASE_STORAGE_HDD.
	StorageHDD DatabaseStorage = 2
	// StorageSAN is ECAP_DATABASE_STORAGE_SAN.
	StorageSAN DatabaseStorage = 3
	// StorageNVMe is ECAP_DATABASE_STORAGE_NVME.
	StorageNVMe DatabaseStorage = 4
)

// String is "ssd", "hdd", "san" or "nvme".
func (s DatabaseStorage) String() string {
	return enumString(C.ecap_database_storage_to_string(C.int32_t(s)), "DatabaseStorage", int32(s))
}

// ParseDatabaseStorage parses a storage name; ErrUnknownEnum if unknown.
func ParseDatabaseStorage(name string) (DatabaseStorage, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_database_storage_from_string(cs, v, ce)
	})
	return DatabaseStorage(v), err
}

// DatabaseFlag is a bit of DatabaseAdvice.Flags (enum ecap_database_flag).
type DatabaseFlag uint32

const (
	// FlagPartitionAndArchive is ECAP_DATABASE_FLAG_PARTITION_AND_ARCHIVE: range-partition by date, archive cold partitions.
	FlagPartitionAndArchive DatabaseFlag = 1
	// FlagAnalyticsToLake is ECAP_DATABASE_FLAG_ANALYTICS_TO_LAKE: move the analytics tables to the lake.
	FlagAnalyticsToLake DatabaseFlag = 2
	// FlagAddReadReplicas is ECAP_DATABASE_FLAG_ADD_READ_REPLICAS: ReadReplicaCount replicas take reads.
	FlagAddReadReplicas DatabaseFlag = 4
	// FlagMemoryShort is ECAP_DATABASE_FLAG_MEMORY_SHORT: no class holds the working set.
	FlagMemoryShort DatabaseFlag = 8
	// FlagStorageLimit is ECAP_DATABASE_FLAG_STORAGE_LIMIT: storage beyond one instance's limit.
	FlagStorageLimit DatabaseFlag = 16
	// FlagWritesShort is ECAP_DATABASE_FLAG_WRITES_SHORT: writes beyond the largest class.
	FlagWritesShort DatabaseFlag = 32
	// FlagIOPSLimit is ECAP_DATABASE_FLAG_IOPS_LIMIT: IOPS beyond gp3: io2.
	FlagIOPSLimit DatabaseFlag = 64
	// FlagPoolExhaustion is ECAP_DATABASE_FLAG_POOL_EXHAUSTION: pools can exhaust max_connections.
	FlagPoolExhaustion DatabaseFlag = 128
	// FlagReadsShort is ECAP_DATABASE_FLAG_READS_SHORT: reads beyond the most replicas.
	FlagReadsShort DatabaseFlag = 256
)

// String names one flag bit ("partition-and-archive", ...), or
// "DatabaseFlag(v)" for none, several or an unknown one.
func (f DatabaseFlag) String() string {
	return enumString(C.ecap_database_flag_to_string(C.uint32_t(f)), "DatabaseFlag", int32(f))
}

// ParseDatabaseFlag parses a flag name into its bit; ErrUnknownEnum if
// unknown.
func ParseDatabaseFlag(name string) (DatabaseFlag, error) {
	var v C.uint32_t
	err := withCString(name, "name", func(cs *C.char) error {
		return call(func(ce *C.struct_ecap_error) C.int { return C.ecap_database_flag_from_string(cs, &v, ce) })
	})
	return DatabaseFlag(v), err
}

// DatabaseInput is a transaction volume to size PostgreSQL for (struct
// ecap_database_in); zero fields take the policy's values.
type DatabaseInput struct {
	TransactionsPerDay  float64 // required, 0 .. 1e12
	RetentionDays       int64   // 0 = policy database.retention_days
	Workload            DatabaseWorkload
	StorageType         DatabaseStorage
	MaxConnectionsCount int64 // 0 = PGTune's default, raised to the pools' need
	PostgresVersion     int32 // 10 .. 18; 0 = policy database.postgres_version
	AppInstanceCount    int64 // application pools; 0 = policy
	// ecap-1: the day whose busiest hour sizes vCPUs and IOPS (a
	// seasonal peak); 0 = TransactionsPerDay.
	PeakTransactionsPerDay float64
}

// DatabaseShape is a machine already chosen (struct
// ecap_database_shape_in).
type DatabaseShape struct {
	MemoryGB            float64 // required, GiB
	VCPUCount           int64   // required
	Workload            DatabaseWorkload
	StorageType         DatabaseStorage
	MaxConnectionsCount int64 // 0 = PGTune's default for the workload
	PostgresVersion     int32
	AppInstanceCount    int64
}

// DatabaseAdvice is the PostgreSQL sizing and parameters (struct
// ecap_database_out).  Explain gives the sentence that says why.
type DatabaseAdvice struct {
	Model                              Model
	Reason                             DatabaseReason
	Flags                              DatabaseFlag // advice bits
	Workload                           DatabaseWorkload
	StorageType                        DatabaseStorage
	PostgresVersion                    int32
	DailyStorageGB                     float64
	DataStorageGB                      float64
	WorkingSetGB                       float64 // ecap-1: daily * hot days
	MemoryRequiredGB                   float64
	PeakTransactionsPerSecond          float64
	VCPURequiredCount                  int64
	InstanceClass                      string
	InstanceMemoryGB                   float64
	InstanceVCPUs                      int32
	Fits                               bool // the class holds MemoryRequiredGB
	MultiAZ                            bool // a Multi-AZ standby
	ReadReplicaCount                   int32
	PriceUSDPerHour                    float64 // the primary, Multi-AZ or not
	InstanceCostUSDPerMonth            float64
	ReplicaCostUSDPerMonth             float64
	StorageGB                          float64 // whole GB to provision
	StorageLimitGB                     float64
	StorageCostUSDPerMonth             float64
	IOPSRequiredCount                  int64
	IOPSBaselineCount                  int64
	IOPSProvisionedCount               int64
	IOPSCostUSDPerMonth                float64
	CostUSDPerMonth                    float64 // everything (the guide: one instance)
	MaxConnectionsCount                int64
	SharedBuffersKB                    int64
	EffectiveCacheSizeKB               int64
	MaintenanceWorkMemKB               int64
	CheckpointCompletionTargetRatio    float64
	WALBuffersKB                       int64
	MinWALSizeMB                       int64
	MaxWALSizeMB                       int64
	RandomPageCost                     float64
	EffectiveIOConcurrencyCount        int64
	DefaultStatisticsTargetCount       int64
	WorkMemKB                          int64
	MaxWorkerProcessesCount            int64 // 0 = not set
	MaxParallelWorkersPerGatherCount   int64
	MaxParallelWorkersCount            int64
	MaxParallelMaintenanceWorkersCount int64
	AutovacuumMaxWorkersCount          int64  // 0 = not set
	AutovacuumWorkMemKB                int64  // 0 = not set
	HugePages                          string // "try", "off"; "" = not set
	JIT                                string // "off"; "" = not set
	WALCompression                     string // "lz4", "on"; "" = not set
	WALLevel                           string // "minimal" (desktop); "" = not set
	PoolSizeCount                      int64
	PoolMaxOverflowCount               int64
	PoolTimeoutSeconds                 int64
	PoolRecycleSeconds                 int64
	PoolPrePing                        bool
	AppInstanceCount                   int64
	PoolConnectionsMaxCount            int64 // (pool + overflow) * app instances
	ConnectionsAvailableCount          int64 // max_connections less the reserve
}

// fromC fills a from the C advice, field by field in place (a returned
// composite literal costs a copy through a stalled store).
func (a *DatabaseAdvice) fromC(o *C.struct_ecap_database_out) {
	a.Model = Model(o.model)
	a.Reason = DatabaseReason(o.reason)
	a.Flags = DatabaseFlag(o.flags)
	a.Workload = DatabaseWorkload(o.workload)
	a.StorageType = DatabaseStorage(o.storage_type)
	a.PostgresVersion = int32(o.postgres_version)
	a.DailyStorageGB = float64(o.daily_storage_gb)
	a.DataStorageGB = float64(o.data_storage_gb)
	a.WorkingSetGB = float64(o.working_set_gb)
	a.MemoryRequiredGB = float64(o.memory_required_gb)
	a.PeakTransactionsPerSecond = float64(o.peak_transactions_per_second)
	a.VCPURequiredCount = int64(o.vcpu_required_count)
	a.InstanceClass = goName(o.instance_class[:])
	a.InstanceMemoryGB = float64(o.instance_memory_gb)
	a.InstanceVCPUs = int32(o.instance_vcpus)
	a.Fits = goBool(o.fits_flag)
	a.MultiAZ = goBool(o.multi_az_flag)
	a.ReadReplicaCount = int32(o.read_replica_count)
	a.PriceUSDPerHour = float64(o.price_usd_per_hour)
	a.InstanceCostUSDPerMonth = float64(o.instance_cost_usd_per_month)
	a.ReplicaCostUSDPerMonth = float64(o.replica_cost_usd_per_month)
	a.StorageGB = float64(o.storage_gb)
	a.StorageLimitGB = float64(o.storage_limit_gb)
	a.StorageCostUSDPerMonth = float64(o.storage_cost_usd_per_month)
	a.IOPSRequiredCount = int64(o.iops_required_count)
	a.IOPSBaselineCount = int64(o.iops_baseline_count)
	a.IOPSProvisionedCount = int64(o.iops_provisioned_count)
	a.IOPSCostUSDPerMonth = float64(o.iops_cost_usd_per_month)
	a.CostUSDPerMonth = float64(o.cost_usd_per_month)
	a.MaxConnectionsCount = int64(o.max_connections_count)
	a.SharedBuffersKB = int64(o.shared_buffers_kb)
	a.EffectiveCacheSizeKB = int64(o.effective_cache_size_kb)
	a.MaintenanceWorkMemKB = int64(o.maintenance_work_mem_kb)
	a.CheckpointCompletionTargetRatio = float64(o.checkpoint_completion_target_ratio)
	a.WALBuffersKB = int64(o.wal_buffers_kb)
	a.MinWALSizeMB = int64(o.min_wal_size_mb)
	a.MaxWALSizeMB = int64(o.max_wal_size_mb)
	a.RandomPageCost = float64(o.random_page_cost)
	a.EffectiveIOConcurrencyCount = int64(o.effective_io_concurrency_count)
	a.DefaultStatisticsTargetCount = int64(o.default_statistics_target_count)
	a.WorkMemKB = int64(o.work_mem_kb)
	a.MaxWorkerProcessesCount = int64(o.max_worker_processes_count)
	a.MaxParallelWorkersPerGatherCount = int64(o.max_parallel_workers_per_gather_count)
	a.MaxParallelWorkersCount = int64(o.max_parallel_workers_count)
	a.MaxParallelMaintenanceWorkersCount = int64(o.max_parallel_maintenance_workers_count)
	a.AutovacuumMaxWorkersCount = int64(o.autovacuum_max_workers_count)
	a.AutovacuumWorkMemKB = int64(o.autovacuum_work_mem_kb)
	a.HugePages = goName(o.huge_pages[:])
	a.JIT = goName(o.jit[:])
	a.WALCompression = goName(o.wal_compression[:])
	a.WALLevel = goName(o.wal_level[:])
	a.PoolSizeCount = int64(o.pool_size_count)
	a.PoolMaxOverflowCount = int64(o.pool_max_overflow_count)
	a.PoolTimeoutSeconds = int64(o.pool_timeout_seconds)
	a.PoolRecycleSeconds = int64(o.pool_recycle_seconds)
	a.PoolPrePing = goBool(o.pool_pre_ping_flag)
	a.AppInstanceCount = int64(o.app_instance_count)
	a.PoolConnectionsMaxCount = int64(o.pool_connections_max_count)
	a.ConnectionsAvailableCount = int64(o.connections_available_count)
}

// c converts an advice back for the rendering functions.
func (a DatabaseAdvice) c() (*C.struct_ecap_database_out, error) {
	o := initSized(new(C.struct_ecap_database_out), C.sizeof_struct_ecap_database_out)
	o.model = C.int32_t(a.Model)
	o.reason = C.int32_t(a.Reason)
	o.flags = C.uint32_t(a.Flags)
	o.workload = C.int32_t(a.Workload)
	o.storage_type = C.int32_t(a.StorageType)
	o.postgres_version = C.int32_t(a.PostgresVersion)
	o.daily_storage_gb = C.double(a.DailyStorageGB)
	o.data_storage_gb = C.double(a.DataStorageGB)
	o.working_set_gb = C.double(a.WorkingSetGB)
	o.memory_required_gb = C.double(a.MemoryRequiredGB)
	o.peak_transactions_per_second = C.double(a.PeakTransactionsPerSecond)
	o.vcpu_required_count = C.int64_t(a.VCPURequiredCount)
	if err := setChars(o.instance_class[:], a.InstanceClass, "instance_class"); err != nil {
		return nil, err
	}
	o.instance_memory_gb = C.double(a.InstanceMemoryGB)
	o.instance_vcpus = C.int32_t(a.InstanceVCPUs)
	o.fits_flag = cBool(a.Fits)
	o.multi_az_flag = cBool(a.MultiAZ)
	o.read_replica_count = C.int32_t(a.ReadReplicaCount)
	o.price_usd_per_hour = C.double(a.PriceUSDPerHour)
	o.instance_cost_usd_per_month = C.double(a.InstanceCostUSDPerMonth)
	o.replica_cost_usd_per_month = C.double(a.ReplicaCostUSDPerMonth)
	o.storage_gb = C.double(a.StorageGB)
	o.storage_limit_gb = C.double(a.StorageLimitGB)
	o.storage_cost_usd_per_month = C.double(a.StorageCostUSDPerMonth)
	o.iops_required_count = C.int64_t(a.IOPSRequiredCount)
	o.iops_baseline_count = C.int64_t(a.IOPSBaselineCount)
	o.iops_provisioned_count = C.int64_t(a.IOPSProvisionedCount)
	o.iops_cost_usd_per_month = C.double(a.IOPSCostUSDPerMonth)
	o.cost_usd_per_month = C.double(a.CostUSDPerMonth)
	o.max_connections_count = C.int64_t(a.MaxConnectionsCount)
	o.shared_buffers_kb = C.int64_t(a.SharedBuffersKB)
	o.effective_cache_size_kb = C.int64_t(a.EffectiveCacheSizeKB)
	o.maintenance_work_mem_kb = C.int64_t(a.MaintenanceWorkMemKB)
	o.checkpoint_completion_target_ratio = C.double(a.CheckpointCompletionTargetRatio)
	o.wal_buffers_kb = C.int64_t(a.WALBuffersKB)
	o.min_wal_size_mb = C.int64_t(a.MinWALSizeMB)
	o.max_wal_size_mb = C.int64_t(a.MaxWALSizeMB)
	o.random_page_cost = C.double(a.RandomPageCost)
	o.effective_io_concurrency_count = C.int64_t(a.EffectiveIOConcurrencyCount)
	o.default_statistics_target_count = C.int64_t(a.DefaultStatisticsTargetCount)
	o.work_mem_kb = C.int64_t(a.WorkMemKB)
	o.max_worker_processes_count = C.int64_t(a.MaxWorkerProcessesCount)
	o.max_parallel_workers_per_gather_count = C.int64_t(a.MaxParallelWorkersPerGatherCount)
	o.max_parallel_workers_count = C.int64_t(a.MaxParallelWorkersCount)
	o.max_parallel_maintenance_workers_count = C.int64_t(a.MaxParallelMaintenanceWorkersCount)
	o.autovacuum_max_workers_count = C.int64_t(a.AutovacuumMaxWorkersCount)
	o.autovacuum_work_mem_kb = C.int64_t(a.AutovacuumWorkMemKB)
	for _, s := range []struct {
		dst        []C.char
		val, field string
	}{
		{o.huge_pages[:], a.HugePages, "huge_pages"},
		{o.jit[:], a.JIT, "jit"},
		{o.wal_compression[:], a.WALCompression, "wal_compression"},
		{o.wal_level[:], a.WALLevel, "wal_level"},
	} {
		if err := setChars(s.dst, s.val, s.field); err != nil {
			return nil, err
		}
	}
	o.pool_size_count = C.int64_t(a.PoolSizeCount)
	o.pool_max_overflow_count = C.int64_t(a.PoolMaxOverflowCount)
	o.pool_timeout_seconds = C.int64_t(a.PoolTimeoutSeconds)
	o.pool_recycle_seconds = C.int64_t(a.PoolRecycleSeconds)
	o.pool_pre_ping_flag = cBool(a.PoolPrePing)
	o.app_instance_count = C.int64_t(a.AppInstanceCount)
	o.pool_connections_max_count = C.int64_t(a.PoolConnectionsMaxCount)
	o.connections_available_count = C.int64_t(a.ConnectionsAvailableCount)
	return o, nil
}

// AdviseDatabase sizes a PostgreSQL database for a transaction volume
// (ecap_database_advise: the guide's calculate_database_resources, or
// ecap-1's one primary from the policy's "database" catalog).
func (p *Policy) AdviseDatabase(in DatabaseInput) (a DatabaseAdvice, err error) {
	var ci C.struct_ecap_database_in
	var out C.struct_ecap_database_out
	initSized(&ci, C.sizeof_struct_ecap_database_in)
	ci.transactions_per_day = C.double(in.TransactionsPerDay)
	ci.retention_days = C.int64_t(in.RetentionDays)
	ci.workload = C.int32_t(in.Workload)
	ci.storage_type = C.int32_t(in.StorageType)
	ci.max_connections_count = C.int64_t(in.MaxConnectionsCount)
	ci.postgres_version = C.int32_t(in.PostgresVersion)
	ci.app_instance_count = C.int64_t(in.AppInstanceCount)
	ci.peak_transactions_per_day = C.double(in.PeakTransactionsPerDay)
	initSized(&out, C.sizeof_struct_ecap_database_out)
	err = p.adviseLean(func(cp *C.char, ce *C.struct_ecap_error) C.int {
		return C.ecap_go_database_advise(cp, &ci, &out, ce)
	})
	if err == nil {
		a.fromC(&out)
	}
	return a, err
}

// AdviseDatabaseShape gives PGTune's parameters and the pool check for a
// machine already chosen (ecap_database_advise_shape).
func (p *Policy) AdviseDatabaseShape(in DatabaseShape) (a DatabaseAdvice, err error) {
	var ci C.struct_ecap_database_shape_in
	var out C.struct_ecap_database_out
	initSized(&ci, C.sizeof_struct_ecap_database_shape_in)
	ci.memory_gb = C.double(in.MemoryGB)
	ci.vcpu_count = C.int64_t(in.VCPUCount)
	ci.workload = C.int32_t(in.Workload)
	ci.storage_type = C.int32_t(in.StorageType)
	ci.max_connections_count = C.int64_t(in.MaxConnectionsCount)
	ci.postgres_version = C.int32_t(in.PostgresVersion)
	ci.app_instance_count = C.int64_t(in.AppInstanceCount)
	initSized(&out, C.sizeof_struct_ecap_database_out)
	err = p.adviseLean(func(cp *C.char, ce *C.struct_ecap_error) C.int {
		return C.ecap_go_database_advise_shape(cp, &ci, &out, ce)
	})
	if err == nil {
		a.fromC(&out)
	}
	return a, err
}

// Explain is the sentence naming the rule and numbers that decided
// (ecap_database_explain).
func (a DatabaseAdvice) Explain() (string, error) {
	o, err := a.c()
	if err != nil {
		return "", err
	}
	buf := (*C.char)(C.calloc(C.ECAP_EXPLAIN_MAX, 1))
	if buf == nil {
		return "", goFail(ErrNoMem, "", "cannot allocate the explanation")
	}
	defer C.free(unsafe.Pointer(buf))
	if err := call(func(ce *C.struct_ecap_error) C.int {
		return C.ecap_database_explain(o, buf, C.ECAP_EXPLAIN_MAX, ce)
	}); err != nil {
		return "", err
	}
	return C.GoString(buf), nil
}

// Properties renders the advice's parameters as postgresql.conf settings
// with PGTune's units ("4GB", "20560kB") (ecap_database_properties).
func (a DatabaseAdvice) Properties() ([]Property, error) {
	o, err := a.c()
	if err != nil {
		return nil, err
	}
	return callProps(func(arr *C.struct_ecap_property, n *C.size_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_database_properties(o, arr, n, ce)
	})
}

// RDSParameter is one parameter of an RDS DB parameter group (struct
// ecap_database_rds_parameter): the value for the group (an RDS formula
// such as "{DBInstanceClassMemory/32768}" or a number), what it evaluates
// to on the advice's class, and RDS's unit ("8kB", "kB", "MB" or "").
type RDSParameter struct {
	Name      string
	Value     string
	Evaluated string
	Unit      string
}

// rdsGroupCap holds every parameter the library writes (20 at most today).
const rdsGroupCap = 32

// RDSParameters renders the advice's parameters as an RDS DB parameter
// group (ecap_database_rds_parameters).
func (a DatabaseAdvice) RDSParameters() ([]RDSParameter, error) {
	o, err := a.c()
	if err != nil {
		return nil, err
	}
	size := C.size_t(C.sizeof_struct_ecap_database_rds_parameter)
	arr := (*C.struct_ecap_database_rds_parameter)(C.calloc(rdsGroupCap, size))
	if arr == nil {
		return nil, goFail(ErrNoMem, "", "cannot allocate the parameter group")
	}
	defer C.free(unsafe.Pointer(arr))
	elems := unsafe.Slice(arr, rdsGroupCap)
	for i := range elems {
		elems[i].sz = size
	}
	count := C.size_t(rdsGroupCap)
	if err := call(func(ce *C.struct_ecap_error) C.int {
		return C.ecap_database_rds_parameters(o, arr, &count, ce)
	}); err != nil {
		return nil, err
	}
	out := make([]RDSParameter, int(count))
	for i := range out {
		out[i] = RDSParameter{Name: goChars(elems[i].name[:]), Value: goChars(elems[i].value[:]),
			Evaluated: goChars(elems[i].evaluated[:]), Unit: goChars(elems[i].unit[:])}
	}
	return out, nil
}
