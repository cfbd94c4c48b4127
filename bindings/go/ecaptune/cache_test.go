// SPDX-License-Identifier: MIT

package ecaptune

import (
	"strings"
	"testing"
)

// 3 GiB as objects, 1 GiB serialized, 400 MiB of Parquet (1000 MiB
// columnar), 100 partitions, used 3 times, 4 GiB of storage memory
// (tests/test-cache.c, reset_in).
func cacheInput() CacheInput {
	return CacheInput{
		DeserializedSizeBytes:  3 * uint64(GiB),
		SerializedSizeBytes:    uint64(GiB),
		StorageFormatSizeBytes: 400 * uint64(MiB),
		PartitionCount:         100,
		ReuseCount:             3,
		StorageMemoryBytes:     4 * uint64(GiB),
		API:                    SparkAPIRDD,
	}
}

// guide_partition_threshold.
func TestCacheGuide(t *testing.T) {
	p := guidePolicy(t)
	in := cacheInput()
	// getNumPartitions() > 200: 200 is not above -> MEMORY_ONLY_SER
	in.PartitionCount = 200
	in.StorageMemoryBytes = 512 * uint64(MiB)
	a, err := p.AdviseCache(in)
	if err != nil {
		t.Fatal(err)
	}
	// serialized block ceil(2^30 / 200) = 5368710; floor(2^29 / 5368710)
	// = 99 blocks: share 99/200
	if a.Model != ModelGuide || a.Level != StorageMemoryOnlySer || a.LevelName != "MEMORY_ONLY_SER" ||
		a.Reason != CacheReasonGuideFewPartitions || !a.LevelExistsInAPI || a.Deserialized ||
		a.PartitionsInMemoryCount != 99 || !near(a.MemoryShareRatio, 99.0/200.0) || a.StoredSizeBytes != uint64(GiB) {
		t.Errorf("%+v", a)
	}
	// 201 > 200 -> MEMORY_AND_DISK_SER
	in.PartitionCount = 201
	a, _ = p.AdviseCache(in)
	if a.Level != StorageMemoryAndDiskSer || a.Reason != CacheReasonGuideManyPartitions {
		t.Errorf("%+v", a)
	}
	// PySpark: the guide's names do not exist there
	in.API = SparkAPIPySparkDataFrame
	a, _ = p.AdviseCache(in)
	text, err := a.Explain()
	if a.LevelExistsInAPI || err != nil || !strings.Contains(text, "PySpark") {
		t.Errorf("%+v %q %v", a, text, err)
	}
}

// ecap1_declines_too_little and ecap1_cache_format_per_api.
func TestCacheDeclinesAndFormats(t *testing.T) {
	p := newPolicy(t)
	// 2 TiB of Parquet as a Dataset on 20 executors of 8 GiB: 4965217075
	// B of unified memory each; 5 TiB columnar in 16384 blocks of
	// 320 MiB, 14 per executor, 280 of 16384 (1.7%) < 50%: do not cache,
	// re-read
	in := CacheInput{API: SparkAPIDataset, StorageFormatSizeBytes: 2048 * uint64(GiB), PartitionCount: 16384,
		ReuseCount: 3, ExecutorCount: 20, ExecutorHeapBytes: 8 * uint64(GiB)}
	a, err := p.AdviseCache(in)
	if err != nil || a.Level != StorageNone || a.Reason != CacheReasonTooLittleInMemory ||
		a.Alternative != CacheAlternativeRereadSource || a.PartitionsInMemoryCount != 280 ||
		a.PartitionsSafeCount != 140 ||
		a.CacheFormat != CacheFormatColumnar {
		t.Errorf("%+v %v", a, err)
	}
	text, err := a.Explain()
	if err != nil || !strings.Contains(text, "do not cache; re-read the source") {
		t.Errorf("%q %v", text, err)
	}
	// out of a shuffle: cached with disk, up to (16384 - 140) x 320 MiB;
	// with 4 TiB of local disk, declined: checkpoint
	in.ComputedWithShuffle = true
	if a, _ = p.AdviseCache(in); a.Level != StorageMemoryAndDisk || a.DiskBytes != 16244*320*uint64(MiB) {
		t.Errorf("%+v", a)
	}
	in.LocalDiskBytes = 4096 * uint64(GiB)
	if a, _ = p.AdviseCache(in); a.Reason != CacheReasonNoDiskRoom || a.Alternative != CacheAlternativeCheckpoint {
		t.Errorf("%+v", a)
	}
	// each API's format
	for _, c := range []struct {
		api    SparkAPI
		format CacheFormat
		size   uint64
	}{
		{SparkAPIDataset, CacheFormatColumnar, 1000 * uint64(MiB)},          // 2.5 x 400 MiB
		{SparkAPIPySparkDataFrame, CacheFormatColumnar, 1000 * uint64(MiB)}, // the JVM's cache
		{SparkAPIRDD, CacheFormatObjects, 3 * uint64(GiB)},                  // objects fit
		{SparkAPIPySparkRDD, CacheFormatPickled, uint64(GiB)},               // pickled
	} {
		in := cacheInput()
		in.API = c.api
		a, err := p.AdviseCache(in)
		if err != nil || a.CacheFormat != c.format || a.CachedSizeBytes != c.size {
			t.Errorf("%v: %+v %v", c.api, a, err)
		}
	}
}

func TestCacheEnumNames(t *testing.T) {
	if CacheReasonTooLittleInMemory.String() != "too-little-in-memory" || CacheFormatColumnar.String() != "columnar" ||
		CacheReasonFitsEvictable.String() != "fits-evictable" || CacheReasonNoDiskRoom.String() != "no-disk-room" ||
		CacheAlternativeCheckpoint.String() != "checkpoint" || SparkAPIPySparkDataFrame.String() != "pyspark-dataframe" {
		t.Error("names")
	}
	if r, err := ParseCacheReason("fits-columnar"); err != nil || r != CacheReasonFitsColumnar {
		t.Error(r, err)
	}
	if f, err := ParseCacheFormat("pickled"); err != nil || f != CacheFormatPickled {
		t.Error(f, err)
	}
	if a, err := ParseCacheAlternative("reread-source"); err != nil || a != CacheAlternativeRereadSource {
		t.Error(a, err)
	}
	if a, err := ParseSparkAPI("rdd"); err != nil || a != SparkAPIRDD {
		t.Error(a, err)
	}
	_, err := ParseCacheAlternative("persist")
	wantErr(t, "unknown alternative", err, ErrUnknownEnum, "alternative")
}

// ecap1_fits_deserialized.
func TestCacheECAP1(t *testing.T) {
	p := newPolicy(t)
	// deserialized block ceil(3 GiB / 100) = 32212255; floor(4 GiB /
	// 32212255 = 133.3) = 133 >= 100: fits as objects; RDD.cache() default
	a, err := p.AdviseCache(cacheInput())
	if err != nil {
		t.Fatal(err)
	}
	if a.Model != ModelECAP1 || a.Level != StorageMemoryOnly || a.Reason != CacheReasonFitsDeserialized ||
		!a.Deserialized || a.PartitionsInMemoryCount != 100 || a.MemoryShareRatio != 1 ||
		a.StoredSizeBytes != 3*uint64(GiB) || a.StorageMemoryBytes != 4*uint64(GiB) {
		t.Errorf("%+v", a)
	}
	// PySpark DataFrame.cache() default since 3.0
	in := cacheInput()
	in.API = SparkAPIPySparkDataFrame
	a, _ = p.AdviseCache(in)
	if a.Level != StorageMemoryAndDiskDeser || a.LevelName != "MEMORY_AND_DISK_DESER" {
		t.Errorf("%+v", a)
	}
}

// level_names_round_trip and level_flags_per_api.
func TestStorageLevels(t *testing.T) {
	for l := StorageNone; l <= StorageMemoryAndDiskDeser; l++ {
		back, err := ParseStorageLevel(l.String())
		if err != nil || back != l {
			t.Errorf("%d: %v %v", l, back, err)
		}
	}
	if StorageLevel(15).String() != "StorageLevel(15)" {
		t.Error(StorageLevel(15))
	}
	// exactly Spark's names: no case folding
	_, err := ParseStorageLevel("memory_only")
	wantErr(t, "lower case", err, ErrUnknownEnum, "level")

	// Scala OFF_HEAP (true, true, true, false, 1)
	f, err := StorageOffHeap.Flags(SparkAPIRDD)
	if err != nil || !f.UseDisk || !f.UseMemory || !f.UseOffHeap || f.Deserialized || f.ReplicationCount != 1 || f.Name != "OFF_HEAP" {
		t.Errorf("%+v %v", f, err)
	}
	// PySpark: MEMORY_ONLY = (False, True, False, False)
	f, _ = StorageMemoryOnly.Flags(SparkAPIPySparkDataFrame)
	if f.UseDisk || !f.UseMemory || f.Deserialized {
		t.Errorf("%+v", f)
	}
	// DISK_ONLY_3: three copies
	if f, _ := StorageDiskOnly3.Flags(SparkAPIDataset); f.ReplicationCount != 3 {
		t.Errorf("%+v", f)
	}
	// _SER constants do not exist in PySpark 3.x; _DESER only there
	_, err = StorageMemoryOnlySer.Flags(SparkAPIPySparkDataFrame)
	wantErr(t, "SER in PySpark", err, ErrNotFound, "level")
	_, err = StorageMemoryAndDiskDeser.Flags(SparkAPIRDD)
	wantErr(t, "DESER in Scala", err, ErrNotFound, "level")
	_, err = StorageLevel(0).Flags(SparkAPIRDD)
	wantErr(t, "level 0", err, ErrUnknownEnum, "level")
	_, err = StorageNone.Flags(5)
	wantErr(t, "api 5", err, ErrUnknownEnum, "api")
	if SparkAPIPySparkRDD.String() != "pyspark-rdd" || CacheReasonSpillsToDisk.String() != "spills-to-disk" {
		t.Error(SparkAPIPySparkRDD, CacheReasonSpillsToDisk)
	}
}

// bad_input.
func TestCacheBadInput(t *testing.T) {
	p := newPolicy(t)
	cases := []struct {
		mod   func(*CacheInput)
		code  Code
		field string
	}{
		{func(in *CacheInput) { in.PartitionCount = 0 }, ErrRange, "partition_count"},
		{func(in *CacheInput) { in.PartitionCount = 10000001 }, ErrRange, "partition_count"},
		{func(in *CacheInput) { in.ReuseCount = 0 }, ErrRange, "reuse_count"},
		{func(in *CacheInput) { in.API = 0 }, ErrInvalid, "api"},
		{func(in *CacheInput) { in.API = 5 }, ErrUnknownEnum, "api"},
		{func(in *CacheInput) { in.DeserializedSizeBytes, in.SerializedSizeBytes = 0, 0 }, ErrInvalid, "serialized_size_bytes"},
		{func(in *CacheInput) { in.API, in.StorageFormatSizeBytes = SparkAPIDataset, 0 }, ErrInvalid, "storage_format_size_bytes"},
		{func(in *CacheInput) { in.ComputedWithShuffle = true; in.ReuseCount = 0 }, ErrRange, "reuse_count"},
		{func(in *CacheInput) { in.DeserializedSizeBytes = uint64(GiB) - 1 }, ErrRange, "deserialized_size_bytes"},
		{func(in *CacheInput) { in.SerializedSizeBytes = ^uint64(0) }, ErrRange, "serialized_size_bytes"},
	}
	for _, c := range cases {
		in := cacheInput()
		c.mod(&in)
		_, err := p.AdviseCache(in)
		wantErr(t, c.field, err, c.code, c.field)
	}
}
