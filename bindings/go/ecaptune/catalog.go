// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <ecaptune.h>
#cgo noescape ecap_catalog_from_string
#cgo nocallback ecap_catalog_from_string
#cgo noescape ecap_catalog_to_string
#cgo nocallback ecap_catalog_to_string
#cgo noescape ecap_policy_catalog_at
#cgo nocallback ecap_policy_catalog_at
#cgo noescape ecap_policy_catalog_count
#cgo nocallback ecap_policy_catalog_count
#cgo noescape ecap_policy_catalog_find
#cgo nocallback ecap_policy_catalog_find
#cgo noescape ecap_policy_catalog_remove
#cgo nocallback ecap_policy_catalog_remove
#cgo noescape ecap_policy_catalog_set
#cgo nocallback ecap_policy_catalog_set
*/
import "C"

// MaxCatalogEntries is the capacity of one catalog of a policy.
// C: ECAP_CATALOG_MAX_ENTRIES.
const MaxCatalogEntries = 128

// Catalog names one of a policy's catalogs of priced machine shapes (enum
// ecap_catalog).
type Catalog int32

const (
	// CatalogSparkNode is ECAP_CATALOG_SPARK_NODE: EC2 instance types for Spark executors.
	CatalogSparkNode Catalog = 1
	// CatalogDatabase is ECAP_CATALOG_DATABASE: RDS for PostgreSQL DB instance classes.
	CatalogDatabase Catalog = 2
	// CatalogKafkaBroker is ECAP_CATALOG_KAFKA_BROKER: MSK provisioned broker sizes.
	CatalogKafkaBroker Catalog = 3
)

// String is "spark-node", "database" or "kafka-broker".
func (c Catalog) String() string {
	return enumString(C.ecap_catalog_to_string(C.int32_t(c)), "Catalog", int32(c))
}

// ParseCatalog parses a catalog name; ErrUnknownEnum if unknown.
func ParseCatalog(name string) (Catalog, error) {
	v, err := parseEnum(name, "catalog", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_catalog_from_string(cs, v, ce)
	})
	return Catalog(v), err
}

// CatalogEntry is a priced machine shape of a catalog (struct
// ecap_catalog_entry).  Fields of other catalogs must be 0.
type CatalogEntry struct {
	Catalog   Catalog
	Name      string // 1 to 63 printable characters, no white space; unique in its catalog
	Family    string // the name up to its last '.'; filled by the library when empty
	Region    string // region of the prices, e.g. "us-east-1"
	PriceDate string // "YYYY-MM-DD", the day the prices were read
	VCPUCount int32  // 1 .. 65536
	MemoryGB  float64
	// On-demand price: EC2 (spark-node), RDS Single-AZ (database), MSK broker.
	PriceUSDPerHour float64
	// spark-node: the EMR charge on top of PriceUSDPerHour; 0: EMR does not
	// offer the type (the shipped "large" rows).
	EMRPriceUSDPerHour float64
	// database: the Multi-AZ (one standby) instance price.
	MultiAZPriceUSDPerHour float64
	// database: gp3 storage; kafka-broker: broker storage (per GB-month).
	StorageUSDPerGBMonth float64
	// database: provisioned gp3 IOPS above the baseline, per IOPS-month.
	IOPSUSDPerMonth float64
	// spark-node: yarn.nodemanager.resource.memory-mb (MiB), at most the memory;
	// 0 on set: EMR's rule for the type's generation (YARNMemoryDerived set).
	YARNMemoryMB int64
	// spark-node: YARNMemoryMB follows EMR's rule rather than a published row.
	YARNMemoryDerived bool
	// spark-node: pods the EKS AMI allows on the node.
	EKSMaxPodCount int32
	// kafka-broker: most partition replicas per broker (MSK's advice).
	MaxPartitionReplicaCount int64
	// kafka-broker: sustained ingress one broker takes (MB/s).
	ThroughputMBPerSecond float64
}

func newCCatalogEntry() *C.struct_ecap_catalog_entry {
	return initSized(new(C.struct_ecap_catalog_entry), C.sizeof_struct_ecap_catalog_entry)
}

func goCatalogEntry(c *C.struct_ecap_catalog_entry) CatalogEntry {
	return CatalogEntry{
		Catalog:                  Catalog(c.catalog),
		Name:                     goChars(c.name[:]),
		Family:                   goChars(c.family[:]),
		Region:                   goChars(c.region[:]),
		PriceDate:                goChars(c.price_date[:]),
		VCPUCount:                int32(c.vcpu_count),
		MemoryGB:                 float64(c.memory_gb),
		PriceUSDPerHour:          float64(c.price_usd_per_hour),
		EMRPriceUSDPerHour:       float64(c.emr_price_usd_per_hour),
		MultiAZPriceUSDPerHour:   float64(c.multi_az_price_usd_per_hour),
		StorageUSDPerGBMonth:     float64(c.storage_usd_per_gb_month),
		IOPSUSDPerMonth:          float64(c.iops_usd_per_month),
		YARNMemoryMB:             int64(c.yarn_memory_mb),
		YARNMemoryDerived:        goBool(c.yarn_memory_derived_flag),
		EKSMaxPodCount:           int32(c.eks_max_pod_count),
		MaxPartitionReplicaCount: int64(c.max_partition_replica_count),
		ThroughputMBPerSecond:    float64(c.throughput_mb_per_second),
	}
}

func (e CatalogEntry) c() (*C.struct_ecap_catalog_entry, error) {
	cc := newCCatalogEntry()
	for _, s := range []struct {
		dst   []C.char
		v, nm string
	}{
		{cc.name[:], e.Name, "name"},
		{cc.family[:], e.Family, "family"},
		{cc.region[:], e.Region, "region"},
		{cc.price_date[:], e.PriceDate, "price_date"},
	} {
		if err := setChars(s.dst, s.v, s.nm); err != nil {
			return nil, err
		}
	}
	cc.catalog = C.int32_t(e.Catalog)
	cc.vcpu_count = C.int32_t(e.VCPUCount)
	cc.memory_gb = C.double(e.MemoryGB)
	cc.price_usd_per_hour = C.double(e.PriceUSDPerHour)
	cc.emr_price_usd_per_hour = C.double(e.EMRPriceUSDPerHour)
	cc.multi_az_price_usd_per_hour = C.double(e.MultiAZPriceUSDPerHour)
	cc.storage_usd_per_gb_month = C.double(e.StorageUSDPerGBMonth)
	cc.iops_usd_per_month = C.double(e.IOPSUSDPerMonth)
	cc.yarn_memory_mb = C.int64_t(e.YARNMemoryMB)
	cc.yarn_memory_derived_flag = cBool(e.YARNMemoryDerived)
	cc.eks_max_pod_count = C.int32_t(e.EKSMaxPodCount)
	cc.max_partition_replica_count = C.int64_t(e.MaxPartitionReplicaCount)
	cc.throughput_mb_per_second = C.double(e.ThroughputMBPerSecond)
	return cc, nil
}

// CatalogCount is the number of entries in a catalog; 0 for an unknown
// catalog or a closed policy.
func (p *Policy) CatalogCount(catalog Catalog) int {
	var n int
	_ = p.read(func(cp *C.ecap_policy) error {
		n = int(C.ecap_policy_catalog_count(cp, C.int32_t(catalog)))
		return nil
	})
	return n
}

// CatalogAt returns entry index of a catalog (sorted by price, then
// name); ErrRange past the end, ErrUnknownEnum for an unknown catalog.
func (p *Policy) CatalogAt(catalog Catalog, index int) (CatalogEntry, error) {
	ci, err := cIndex(index)
	if err != nil {
		return CatalogEntry{}, err
	}
	cc := newCCatalogEntry()
	err = p.read(func(cp *C.ecap_policy) error {
		return call(func(ce *C.struct_ecap_error) C.int {
			return C.ecap_policy_catalog_at(cp, C.int32_t(catalog), ci, cc, ce)
		})
	})
	if err != nil {
		return CatalogEntry{}, err
	}
	return goCatalogEntry(cc), nil
}

// CatalogFind returns the entry named name; ErrNotFound if none.
func (p *Policy) CatalogFind(catalog Catalog, name string) (CatalogEntry, error) {
	cc := newCCatalogEntry()
	err := p.read(func(cp *C.ecap_policy) error {
		return withCString(name, "name", func(cn *C.char) error {
			return call(func(ce *C.struct_ecap_error) C.int {
				return C.ecap_policy_catalog_find(cp, C.int32_t(catalog), cn, cc, ce)
			})
		})
	})
	if err != nil {
		return CatalogEntry{}, err
	}
	return goCatalogEntry(cc), nil
}

// Catalog lists a catalog, sorted by price then name, as one consistent
// snapshot.
func (p *Policy) Catalog(catalog Catalog) ([]CatalogEntry, error) {
	var out []CatalogEntry
	err := p.read(func(cp *C.ecap_policy) error {
		n := C.ecap_policy_catalog_count(cp, C.int32_t(catalog))
		out = make([]CatalogEntry, 0, int(n))
		for i := C.size_t(0); i < n; i++ {
			cc := newCCatalogEntry()
			err := call(func(ce *C.struct_ecap_error) C.int {
				return C.ecap_policy_catalog_at(cp, C.int32_t(catalog), i, cc, ce)
			})
			if err != nil {
				return err
			}
			out = append(out, goCatalogEntry(cc))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SetCatalogEntry adds e to e.Catalog, or replaces the entry with the
// same name; ErrLimit when MaxCatalogEntries are already there.
func (p *Policy) SetCatalogEntry(e CatalogEntry) error {
	cc, err := e.c()
	if err != nil {
		return err
	}
	return p.write(func(cp *C.ecap_policy) error {
		return call(func(ce *C.struct_ecap_error) C.int {
			return C.ecap_policy_catalog_set(cp, cc, ce)
		})
	})
}

// RemoveCatalogEntry removes the entry named name; ErrNotFound if none,
// ErrLimit for the last one (a catalog is never empty).
func (p *Policy) RemoveCatalogEntry(catalog Catalog, name string) error {
	return p.write(func(cp *C.ecap_policy) error {
		return withCString(name, "name", func(cn *C.char) error {
			return call(func(ce *C.struct_ecap_error) C.int {
				return C.ecap_policy_catalog_remove(cp, C.int32_t(catalog), cn, ce)
			})
		})
	})
}
