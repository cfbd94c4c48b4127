// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <ecaptune.h>
#cgo noescape ecap_cache_alternative_from_string
#cgo nocallback ecap_cache_alternative_from_string
#cgo noescape ecap_cache_alternative_to_string
#cgo nocallback ecap_cache_alternative_to_string
#cgo noescape ecap_cache_explain
#cgo nocallback ecap_cache_explain
#cgo noescape ecap_cache_format_from_string
#cgo nocallback ecap_cache_format_from_string
#cgo noescape ecap_cache_format_to_string
#cgo nocallback ecap_cache_format_to_string
#cgo noescape ecap_cache_reason_from_string
#cgo nocallback ecap_cache_reason_from_string
#cgo noescape ecap_cache_reason_to_string
#cgo nocallback ecap_cache_reason_to_string
#cgo noescape ecap_spark_api_from_string
#cgo nocallback ecap_spark_api_from_string
#cgo noescape ecap_spark_api_to_string
#cgo nocallback ecap_spark_api_to_string
#cgo noescape ecap_storage_level_flags
#cgo nocallback ecap_storage_level_flags
#cgo noescape ecap_storage_level_from_string
#cgo nocallback ecap_storage_level_from_string
#cgo noescape ecap_storage_level_to_string
#cgo nocallback ecap_storage_level_to_string
#cgo noescape ecap_go_cache_advise
#cgo nocallback ecap_go_cache_advise

// ecap_cache_advise for adviseLean: the handle as a byte pointer, which
// cgo does not inspect.
static int
ecap_go_cache_advise(const char *policy, const struct ecap_cache_in *in,
                     struct ecap_cache_out *out, struct ecap_error *err)
{
	return ecap_cache_advise((const ecap_policy *)(const void *)policy, in, out, err);
}
*/
import "C"

// StorageLevel is a Spark storage level (enum ecap_storage_level).
type StorageLevel int32

const (
	// StorageNone is ECAP_STORAGE_LEVEL_NONE.
	StorageNone StorageLevel = 1
	// StorageDiskOnly is ECAP_STORAGE_LEVEL_DISK_ONLY.
	StorageDiskOnly StorageLevel = 2
	// StorageDiskOnly2 is ECAP_STORAGE_LEVEL_DISK_ONLY_2.
	StorageDiskOnly2 StorageLevel = 3
	// StorageDiskOnly3 is ECAP_STORAGE_LEVEL_DISK_ONLY_3.
	StorageDiskOnly3 StorageLevel = 4
	// StorageMemoryOnly is ECAP_STORAGE_LEVEL_MEMORY_ONLY.
	StorageMemoryOnly StorageLevel = 5
	// StorageMemoryOnly2 is ECAP_STORAGE_LEVEL_MEMORY_ONLY_2.
	StorageMemoryOnly2 StorageLevel = 6
	// StorageMemoryOnlySer is ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER: not in PySpark.
	StorageMemoryOnlySer StorageLevel = 7
	// StorageMemoryOnlySer2 is ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER_2: not in PySpark.
	StorageMemoryOnlySer2 StorageLevel = 8
	// StorageMemoryAndDisk is ECAP_STORAGE_LEVEL_MEMORY_AND_DISK.
	StorageMemoryAndDisk StorageLevel = 9
	// StorageMemoryAndDisk2 is ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_2.
	StorageMemoryAndDisk2 StorageLevel = 10
	// StorageMemoryAndDiskSer is ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER: not in PySpark.
	StorageMemoryAndDiskSer StorageLevel = 11
	// StorageMemoryAndDiskSer2 is ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER_2: not in PySpark.
	StorageMemoryAndDiskSer2 StorageLevel = 12
	// StorageOffHeap is ECAP_STORAGE_LEVEL_OFF_HEAP.
	StorageOffHeap StorageLevel = 13
	// StorageMemoryAndDiskDeser is ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_DESER: PySpark only.
	StorageMemoryAndDiskDeser StorageLevel = 14
)

// String is Spark's name, e.g. "MEMORY_AND_DISK_SER".
func (l StorageLevel) String() string {
	return enumString(C.ecap_storage_level_to_string(C.int32_t(l)), "StorageLevel", int32(l))
}

// ParseStorageLevel parses exactly one of Spark's level names (no case
// folding); ErrUnknownEnum otherwise.
func ParseStorageLevel(name string) (StorageLevel, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_storage_level_from_string(cs, v, ce)
	})
	return StorageLevel(v), err
}

// SparkAPI is the API that persists the data (enum ecap_spark_api).
type SparkAPI int32

const (
	// SparkAPIDataset is ECAP_SPARK_API_DATASET: cache() is MEMORY_AND_DISK.
	SparkAPIDataset SparkAPI = 1
	// SparkAPIRDD is ECAP_SPARK_API_RDD: cache() is MEMORY_ONLY.
	SparkAPIRDD SparkAPI = 2
	// SparkAPIPySparkDataFrame is ECAP_SPARK_API_PYSPARK_DATAFRAME: cache() is MEMORY_AND_DISK_DESER.
	SparkAPIPySparkDataFrame SparkAPI = 3
	// SparkAPIPySparkRDD is ECAP_SPARK_API_PYSPARK_RDD: always serialized.
	SparkAPIPySparkRDD SparkAPI = 4
)

// String names the API, e.g. "pyspark-dataframe" (ecap_spark_api_to_string).
func (a SparkAPI) String() string {
	return enumString(C.ecap_spark_api_to_string(C.int32_t(a)), "SparkAPI", int32(a))
}

// ParseSparkAPI parses an API name exactly; ErrUnknownEnum if unknown.
func ParseSparkAPI(name string) (SparkAPI, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_spark_api_from_string(cs, v, ce)
	})
	return SparkAPI(v), err
}

// StorageLevelFlags are a level's StorageLevel flags in one API (struct
// ecap_storage_level_flags).
type StorageLevelFlags struct {
	UseDisk          bool
	UseMemory        bool
	UseOffHeap       bool
	Deserialized     bool   // kept as objects
	ReplicationCount int64  // copies of each block: 1, 2 or 3
	Name             string // the constant's name in that API
}

// Flags returns the level's flags as api defines them
// (ecap_storage_level_flags); ErrNotFound for a level the API does not
// have (a _SER level in PySpark, MEMORY_AND_DISK_DESER in Scala).
func (l StorageLevel) Flags(api SparkAPI) (StorageLevelFlags, error) {
	f := initSized(new(C.struct_ecap_storage_level_flags), C.sizeof_struct_ecap_storage_level_flags)
	err := call(func(ce *C.struct_ecap_error) C.int {
		return C.ecap_storage_level_flags(C.int32_t(l), C.int32_t(api), f, ce)
	})
	if err != nil {
		return StorageLevelFlags{}, err
	}
	return StorageLevelFlags{
		UseDisk:          goBool(f.use_disk),
		UseMemory:        goBool(f.use_memory),
		UseOffHeap:       goBool(f.use_off_heap),
		Deserialized:     goBool(f.deserialized),
		ReplicationCount: int64(f.replication_count),
		Name:             goChars(f.name[:]),
	}, nil
}

// CacheReason says why the level is what it is (enum ecap_cache_reason).
type CacheReason int32

const (
	// CacheReasonGuideManyPartitions is ECAP_CACHE_REASON_GUIDE_MANY_PARTITIONS.
	CacheReasonGuideManyPartitions CacheReason = 1
	// CacheReasonGuideFewPartitions is ECAP_CACHE_REASON_GUIDE_FEW_PARTITIONS.
	CacheReasonGuideFewPartitions CacheReason = 2
	// CacheReasonNotReused is ECAP_CACHE_REASON_NOT_REUSED.
	CacheReasonNotReused CacheReason = 10
	// CacheReasonFitsDeserialized is ECAP_CACHE_REASON_FITS_DESERIALIZED.
	CacheReasonFitsDeserialized CacheReason = 11
	// CacheReasonFitsSerialized is ECAP_CACHE_REASON_FITS_SERIALIZED.
	CacheReasonFitsSerialized CacheReason = 12
	// CacheReasonSpillsToDisk is ECAP_CACHE_REASON_SPILLS_TO_DISK.
	CacheReasonSpillsToDisk CacheReason = 13
	// CacheReasonTooLittleInMemory is ECAP_CACHE_REASON_TOO_LITTLE_IN_MEMORY: declined: Level is NONE.
	CacheReasonTooLittleInMemory CacheReason = 14
	// CacheReasonFitsColumnar is ECAP_CACHE_REASON_FITS_COLUMNAR.
	CacheReasonFitsColumnar CacheReason = 15
	// CacheReasonFitsEvictable is ECAP_CACHE_REASON_FITS_EVICTABLE: fits in unified memory, not all in the eviction-safe region.
	CacheReasonFitsEvictable CacheReason = 16
	// CacheReasonNoDiskRoom is ECAP_CACHE_REASON_NO_DISK_ROOM: declined: Level is NONE.
	CacheReasonNoDiskRoom CacheReason = 17
)

// String names the reason, e.g. "too-little-in-memory".
func (r CacheReason) String() string {
	return enumString(C.ecap_cache_reason_to_string(C.int32_t(r)), "CacheReason", int32(r))
}

// ParseCacheReason parses a reason name; ErrUnknownEnum if unknown.
func ParseCacheReason(name string) (CacheReason, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_cache_reason_from_string(cs, v, ce)
	})
	return CacheReason(v), err
}

// CacheFormat is the form the cached data was sized in (enum
// ecap_cache_format).
type CacheFormat int32

const (
	// CacheFormatColumnar is ECAP_CACHE_FORMAT_COLUMNAR: Spark SQL's columnar batches.
	CacheFormatColumnar CacheFormat = 1
	// CacheFormatObjects is ECAP_CACHE_FORMAT_OBJECTS: Java objects (RDD).
	CacheFormatObjects CacheFormat = 2
	// CacheFormatSerialized is ECAP_CACHE_FORMAT_SERIALIZED: serialized bytes (RDD _SER).
	CacheFormatSerialized CacheFormat = 3
	// CacheFormatPickled is ECAP_CACHE_FORMAT_PICKLED: PySpark RDD.
	CacheFormatPickled CacheFormat = 4
)

// String is "columnar", "objects", "serialized" or "pickled".
func (f CacheFormat) String() string {
	return enumString(C.ecap_cache_format_to_string(C.int32_t(f)), "CacheFormat", int32(f))
}

// ParseCacheFormat parses a format name; ErrUnknownEnum if unknown.
func ParseCacheFormat(name string) (CacheFormat, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_cache_format_from_string(cs, v, ce)
	})
	return CacheFormat(v), err
}

// CacheAlternative is what to do instead of caching (enum
// ecap_cache_alternative).
type CacheAlternative int32

const (
	// CacheAlternativeNone is ECAP_CACHE_ALTERNATIVE_NONE.
	CacheAlternativeNone CacheAlternative = 1
	// CacheAlternativeRereadSource is ECAP_CACHE_ALTERNATIVE_REREAD_SOURCE.
	CacheAlternativeRereadSource CacheAlternative = 2
	// CacheAlternativeCheckpoint is ECAP_CACHE_ALTERNATIVE_CHECKPOINT.
	CacheAlternativeCheckpoint CacheAlternative = 3
)

// String is "none", "reread-source" or "checkpoint".
func (a CacheAlternative) String() string {
	return enumString(C.ecap_cache_alternative_to_string(C.int32_t(a)), "CacheAlternative", int32(a))
}

// ParseCacheAlternative parses an alternative's name; ErrUnknownEnum if
// unknown.
func ParseCacheAlternative(name string) (CacheAlternative, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_cache_alternative_from_string(cs, v, ce)
	})
	return CacheAlternative(v), err
}

// CacheInput describes data that will be reused (struct ecap_cache_in).
type CacheInput struct {
	// RDDs: size as objects and serialized; give both, or one and
	// DeserializedSizeFactor (0 = policy cache.deserialized_size_factor).
	DeserializedSizeBytes  uint64
	SerializedSizeBytes    uint64
	DeserializedSizeFactor float64
	PartitionCount         int64 // required, 1 .. 10000000
	ReuseCount             int64 // required, 1 .. 1000000000
	// The eviction-safe storage region of the application (see
	// UnifiedMemoryBytes); or 0 and ExecutorCount with ExecutorHeapBytes.
	StorageMemoryBytes uint64
	ExecutorCount      int64
	ExecutorHeapBytes  uint64
	API                SparkAPI // required
	Replicated         bool     // keep two copies (a _2 level)
	// Datasets/DataFrames: the Parquet/ORC size; ecap-1 sizes the columnar
	// cache as it times cache.columnar_size_factor.
	StorageFormatSizeBytes uint64
	ColumnarSizeBytes      uint64 // the columnar cache if measured; 0 = estimate
	// The data comes out of a join or aggregation: cached with disk at
	// any in-memory share, and a declined cache advises a checkpoint
	// instead of a re-read.
	ComputedWithShuffle bool
	// Without executors: the unified memory storage can borrow into (0 =
	// the region alone; alone, the region is it times
	// spark.memory_storage_fraction).
	UnifiedMemoryBytes uint64
	// Local disk free for cached blocks, all executors (0 = unknown).
	LocalDiskBytes uint64
}

// CacheAdvice is the chosen storage level (struct ecap_cache_out).
// Explain gives the sentence.
type CacheAdvice struct {
	Model                   Model
	Reason                  CacheReason
	Level                   StorageLevel
	LevelExistsInAPI        bool   // false: the guide's _SER levels in PySpark
	LevelName               string // as the API spells it
	UseDisk                 bool
	UseMemory               bool
	UseOffHeap              bool
	Deserialized            bool
	ReplicationCount        int64
	StoredSizeBytes         uint64  // bytes kept, replicas included
	StorageMemoryBytes      uint64  // the eviction-safe region the in-memory levels fit in
	PartitionsInMemoryCount int64   // partition copies that fit in unified memory
	MemoryShareRatio        float64 // their share of all copies, 0 .. 1 (declined: the share it would have had)
	CacheFormat             CacheFormat
	Alternative             CacheAlternative // what to do instead of caching
	CachedSizeBytes         uint64           // one copy in CacheFormat
	// The numbers the rules used.
	PartitionCount               int64
	ReuseCount                   int64
	MinReuseCount                int64
	GuidePartitionThresholdCount int64
	MinMemoryShareRatio          float64
	ColumnarSizeFactor           float64
	StorageFormatSizeBytes       uint64
	UnifiedMemoryBytes           uint64 // the room storage can use
	PartitionsSafeCount          int64  // copies in the eviction-safe region
	DiskBytes                    uint64 // the most a memory-and-disk level writes to local disk
	LocalDiskBytes               uint64 // as given (0 = unknown)
}

// c fills the caller's struct (on its stack: no allocation).
func (in *CacheInput) c(ci *C.struct_ecap_cache_in) {
	initSized(ci, C.sizeof_struct_ecap_cache_in)
	ci.deserialized_size_bytes = C.uint64_t(in.DeserializedSizeBytes)
	ci.serialized_size_bytes = C.uint64_t(in.SerializedSizeBytes)
	ci.deserialized_size_factor = C.double(in.DeserializedSizeFactor)
	ci.partition_count = C.int64_t(in.PartitionCount)
	ci.reuse_count = C.int64_t(in.ReuseCount)
	ci.storage_memory_bytes = C.uint64_t(in.StorageMemoryBytes)
	ci.executor_count = C.int64_t(in.ExecutorCount)
	ci.executor_heap_bytes = C.uint64_t(in.ExecutorHeapBytes)
	ci.api = C.int32_t(in.API)
	ci.replicated = cBool(in.Replicated)
	ci.storage_format_size_bytes = C.uint64_t(in.StorageFormatSizeBytes)
	ci.columnar_size_bytes = C.uint64_t(in.ColumnarSizeBytes)
	ci.computed_with_shuffle = cBool(in.ComputedWithShuffle)
	ci.unified_memory_bytes = C.uint64_t(in.UnifiedMemoryBytes)
	ci.local_disk_bytes = C.uint64_t(in.LocalDiskBytes)
}

// fromC fills a from the C advice, field by field in place (a returned
// composite literal costs a copy through a stalled store).
func (a *CacheAdvice) fromC(o *C.struct_ecap_cache_out) {
	a.Model = Model(o.model)
	a.Reason = CacheReason(o.reason)
	a.Level = StorageLevel(o.level)
	a.LevelExistsInAPI = goBool(o.level_exists_in_api)
	a.LevelName = goName(o.level_name[:])
	a.UseDisk = goBool(o.use_disk)
	a.UseMemory = goBool(o.use_memory)
	a.UseOffHeap = goBool(o.use_off_heap)
	a.Deserialized = goBool(o.deserialized)
	a.ReplicationCount = int64(o.replication_count)
	a.StoredSizeBytes = uint64(o.stored_size_bytes)
	a.StorageMemoryBytes = uint64(o.storage_memory_bytes)
	a.PartitionsInMemoryCount = int64(o.partitions_in_memory_count)
	a.MemoryShareRatio = float64(o.memory_share_ratio)
	a.CacheFormat = CacheFormat(o.cache_format)
	a.Alternative = CacheAlternative(o.alternative)
	a.CachedSizeBytes = uint64(o.cached_size_bytes)
	a.PartitionCount = int64(o.partition_count)
	a.ReuseCount = int64(o.reuse_count)
	a.MinReuseCount = int64(o.min_reuse_count)
	a.GuidePartitionThresholdCount = int64(o.guide_partition_threshold_count)
	a.MinMemoryShareRatio = float64(o.min_memory_share_ratio)
	a.ColumnarSizeFactor = float64(o.columnar_size_factor)
	a.StorageFormatSizeBytes = uint64(o.storage_format_size_bytes)
	a.UnifiedMemoryBytes = uint64(o.unified_memory_bytes)
	a.PartitionsSafeCount = int64(o.partitions_safe_count)
	a.DiskBytes = uint64(o.disk_bytes)
	a.LocalDiskBytes = uint64(o.local_disk_bytes)
}

// Explain is one sentence naming the rule and numbers behind the advice,
// and for a declined cache the alternative (ecap_cache_explain).
func (a CacheAdvice) Explain() (string, error) {
	o := initSized(new(C.struct_ecap_cache_out), C.sizeof_struct_ecap_cache_out)
	o.model = C.int32_t(a.Model)
	o.reason = C.int32_t(a.Reason)
	o.level = C.int32_t(a.Level)
	o.level_exists_in_api = cBool(a.LevelExistsInAPI)
	if err := setChars(o.level_name[:], a.LevelName, "level_name"); err != nil {
		return "", err
	}
	o.use_disk = cBool(a.UseDisk)
	o.use_memory = cBool(a.UseMemory)
	o.use_off_heap = cBool(a.UseOffHeap)
	o.deserialized = cBool(a.Deserialized)
	o.replication_count = C.int64_t(a.ReplicationCount)
	o.stored_size_bytes = C.uint64_t(a.StoredSizeBytes)
	o.storage_memory_bytes = C.uint64_t(a.StorageMemoryBytes)
	o.partitions_in_memory_count = C.int64_t(a.PartitionsInMemoryCount)
	o.memory_share_ratio = C.double(a.MemoryShareRatio)
	o.cache_format = C.int32_t(a.CacheFormat)
	o.alternative = C.int32_t(a.Alternative)
	o.cached_size_bytes = C.uint64_t(a.CachedSizeBytes)
	o.partition_count = C.int64_t(a.PartitionCount)
	o.reuse_count = C.int64_t(a.ReuseCount)
	o.min_reuse_count = C.int64_t(a.MinReuseCount)
	o.guide_partition_threshold_count = C.int64_t(a.GuidePartitionThresholdCount)
	o.min_memory_share_ratio = C.double(a.MinMemoryShareRatio)
	o.columnar_size_factor = C.double(a.ColumnarSizeFactor)
	o.storage_format_size_bytes = C.uint64_t(a.StorageFormatSizeBytes)
	o.unified_memory_bytes = C.uint64_t(a.UnifiedMemoryBytes)
	o.partitions_safe_count = C.int64_t(a.PartitionsSafeCount)
	o.disk_bytes = C.uint64_t(a.DiskBytes)
	o.local_disk_bytes = C.uint64_t(a.LocalDiskBytes)
	return callExplain(func(buf *C.char, n C.size_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_cache_explain(o, buf, n, ce)
	})
}

// AdviseCache chooses a storage level for data that will be reused
// (ecap_cache_advise).
func (p *Policy) AdviseCache(in CacheInput) (a CacheAdvice, err error) {
	var ci C.struct_ecap_cache_in
	var o C.struct_ecap_cache_out
	in.c(&ci)
	initSized(&o, C.sizeof_struct_ecap_cache_out)
	err = p.adviseLean(func(cp *C.char, ce *C.struct_ecap_error) C.int {
		return C.ecap_go_cache_advise(cp, &ci, &o, ce)
	})
	if err == nil {
		a.fromC(&o)
	}
	return a, err
}
