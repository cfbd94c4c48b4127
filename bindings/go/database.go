// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <ecaptune.h>
#cgo noescape ecap_database_advise
#cgo nocallback ecap_database_advise
#cgo noescape ecap_database_properties
#cgo nocallback ecap_database_properties
*/
import "C"

// DatabaseMaxTransactionsPerDay is the largest volume accepted.
const DatabaseMaxTransactionsPerDay = C.ECAP_DATABASE_MAX_TRANSACTIONS_PER_DAY

// DatabaseReason says why the instance class was chosen (enum
// ecap_database_reason).
type DatabaseReason int32

const (
	DatabaseReasonGuideThreshold  DatabaseReason = C.ECAP_DATABASE_REASON_GUIDE_THRESHOLD  // the guide's <= 32 / <= 64 / else rule
	DatabaseReasonGuideUndersized DatabaseReason = C.ECAP_DATABASE_REASON_GUIDE_UNDERSIZED // above 64 GB: db.r6g.4xlarge, too small
	DatabaseReasonSmallestFit     DatabaseReason = C.ECAP_DATABASE_REASON_SMALLEST_FIT     // ecap-1: smallest class that holds it
	DatabaseReasonNoneFits        DatabaseReason = C.ECAP_DATABASE_REASON_NONE_FITS        // ecap-1: the largest, several times
)

var databaseReasonNames = map[DatabaseReason]string{
	DatabaseReasonGuideThreshold:  "guide-threshold",
	DatabaseReasonGuideUndersized: "guide-undersized",
	DatabaseReasonSmallestFit:     "smallest-fit",
	DatabaseReasonNoneFits:        "none-fits",
}

// String names the reason, e.g. "smallest-fit".
func (r DatabaseReason) String() string { return enumName(databaseReasonNames, r, "DatabaseReason") }

// DatabaseInput is a transaction volume to size PostgreSQL for (struct
// ecap_database_in).
type DatabaseInput struct {
	TransactionsPerDay float64 // required, 0 .. 1e12
	RetentionDays      int64   // 0 = policy database.retention_days
}

// DatabaseAdvice is the PostgreSQL sizing and parameter group (struct
// ecap_database_out).
type DatabaseAdvice struct {
	Model                           Model
	Reason                          DatabaseReason
	DailyStorageGB                  float64
	DataStorageGB                   float64
	StorageGB                       float64 // whole GB to provision, buffer included
	MemoryRequiredGB                float64
	InstanceClass                   string
	InstanceMemoryGB                float64
	InstanceVCPUs                   int32
	Fits                            bool  // one instance holds MemoryRequiredGB
	InstancesNeededCount            int64 // 1, or ceil(memory / class memory)
	PriceUSDPerHour                 float64
	CostUSDPerMonth                 float64
	MaxConnectionsCount             int64
	SharedBuffersKB                 int64
	EffectiveCacheSizeKB            int64
	MaintenanceWorkMemKB            int64
	CheckpointCompletionTargetRatio float64
	WALBuffersKB                    int64
	MaxWorkerProcessesCount         int64
	WorkMemKB                       int64
	PoolSizeCount                   int64
	PoolMaxOverflowCount            int64
	PoolTimeoutSeconds              int64
	PoolRecycleSeconds              int64
	PoolPrePing                     bool
	ReasonText                      string
}

func goDatabaseAdvice(o *C.struct_ecap_database_out) DatabaseAdvice {
	return DatabaseAdvice{
		Model:                           Model(o.model),
		Reason:                          DatabaseReason(o.reason),
		DailyStorageGB:                  float64(o.daily_storage_gb),
		DataStorageGB:                   float64(o.data_storage_gb),
		StorageGB:                       float64(o.storage_gb),
		MemoryRequiredGB:                float64(o.memory_required_gb),
		InstanceClass:                   goChars(o.instance_class[:]),
		InstanceMemoryGB:                float64(o.instance_memory_gb),
		InstanceVCPUs:                   int32(o.instance_vcpus),
		Fits:                            goBool(o.fits_flag),
		InstancesNeededCount:            int64(o.instances_needed_count),
		PriceUSDPerHour:                 float64(o.price_usd_per_hour),
		CostUSDPerMonth:                 float64(o.cost_usd_per_month),
		MaxConnectionsCount:             int64(o.max_connections_count),
		SharedBuffersKB:                 int64(o.shared_buffers_kb),
		EffectiveCacheSizeKB:            int64(o.effective_cache_size_kb),
		MaintenanceWorkMemKB:            int64(o.maintenance_work_mem_kb),
		CheckpointCompletionTargetRatio: float64(o.checkpoint_completion_target_ratio),
		WALBuffersKB:                    int64(o.wal_buffers_kb),
		MaxWorkerProcessesCount:         int64(o.max_worker_processes_count),
		WorkMemKB:                       int64(o.work_mem_kb),
		PoolSizeCount:                   int64(o.pool_size_count),
		PoolMaxOverflowCount:            int64(o.pool_max_overflow_count),
		PoolTimeoutSeconds:              int64(o.pool_timeout_seconds),
		PoolRecycleSeconds:              int64(o.pool_recycle_seconds),
		PoolPrePing:                     goBool(o.pool_pre_ping_flag),
		ReasonText:                      goChars(o.reason_text[:]),
	}
}

// c converts an advice back for ecap_database_properties.
func (a DatabaseAdvice) c() (*C.struct_ecap_database_out, error) {
	o := initSized(new(C.struct_ecap_database_out), C.sizeof_struct_ecap_database_out)
	o.model = C.int32_t(a.Model)
	o.reason = C.int32_t(a.Reason)
	o.daily_storage_gb = C.double(a.DailyStorageGB)
	o.data_storage_gb = C.double(a.DataStorageGB)
	o.storage_gb = C.double(a.StorageGB)
	o.memory_required_gb = C.double(a.MemoryRequiredGB)
	if err := setChars(o.instance_class[:], a.InstanceClass, "instance_class"); err != nil {
		return nil, err
	}
	o.instance_memory_gb = C.double(a.InstanceMemoryGB)
	o.instance_vcpus = C.int32_t(a.InstanceVCPUs)
	o.fits_flag = cBool(a.Fits)
	o.instances_needed_count = C.int64_t(a.InstancesNeededCount)
	o.price_usd_per_hour = C.double(a.PriceUSDPerHour)
	o.cost_usd_per_month = C.double(a.CostUSDPerMonth)
	o.max_connections_count = C.int64_t(a.MaxConnectionsCount)
	o.shared_buffers_kb = C.int64_t(a.SharedBuffersKB)
	o.effective_cache_size_kb = C.int64_t(a.EffectiveCacheSizeKB)
	o.maintenance_work_mem_kb = C.int64_t(a.MaintenanceWorkMemKB)
	o.checkpoint_completion_target_ratio = C.double(a.CheckpointCompletionTargetRatio)
	o.wal_buffers_kb = C.int64_t(a.WALBuffersKB)
	o.max_worker_processes_count = C.int64_t(a.MaxWorkerProcessesCount)
	o.work_mem_kb = C.int64_t(a.WorkMemKB)
	o.pool_size_count = C.int64_t(a.PoolSizeCount)
	o.pool_max_overflow_count = C.int64_t(a.PoolMaxOverflowCount)
	o.pool_timeout_seconds = C.int64_t(a.PoolTimeoutSeconds)
	o.pool_recycle_seconds = C.int64_t(a.PoolRecycleSeconds)
	o.pool_pre_ping_flag = cBool(a.PoolPrePing)
	if err := setChars(o.reason_text[:], a.ReasonText, "reason_text"); err != nil {
		return nil, err
	}
	return o, nil
}

// AdviseDatabase sizes a PostgreSQL database for a transaction volume
// (ecap_database_advise: the guide's calculate_database_resources, or
// ecap-1 over the policy's instance catalog).
func (p *Policy) AdviseDatabase(in DatabaseInput) (DatabaseAdvice, error) {
	ci := initSized(new(C.struct_ecap_database_in), C.sizeof_struct_ecap_database_in)
	ci.transactions_per_day = C.double(in.TransactionsPerDay)
	ci.retention_days = C.int64_t(in.RetentionDays)
	out := initSized(new(C.struct_ecap_database_out), C.sizeof_struct_ecap_database_out)
	err := p.advise(func(cp *C.ecap_policy, ce *C.struct_ecap_error) C.int {
		return C.ecap_database_advise(cp, ci, out, ce)
	})
	if err != nil {
		return DatabaseAdvice{}, err
	}
	return goDatabaseAdvice(out), nil
}

// Properties renders the advice's PostgreSQL parameters with units
// ("8GB", "256MB", "41120kB") (ecap_database_properties).
func (a DatabaseAdvice) Properties() ([]Property, error) {
	o, err := a.c()
	if err != nil {
		return nil, err
	}
	return callProps(func(arr *C.struct_ecap_property, n *C.size_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_database_properties(o, arr, n, ce)
	})
}
