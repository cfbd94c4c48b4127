// SPDX-License-Identifier: MIT

package ecaptune

import (
	"errors"
	"testing"
)

func TestCatalogNames(t *testing.T) {
	if CatalogSparkNode.String() != "spark-node" || CatalogKafkaBroker.String() != "kafka-broker" {
		t.Errorf("names: %s, %s", CatalogSparkNode, CatalogKafkaBroker)
	}
	if c, err := ParseCatalog("database"); err != nil || c != CatalogDatabase {
		t.Errorf("ParseCatalog(database) = %v, %v", c, err)
	}
	if _, err := ParseCatalog("rds"); !errors.Is(err, ErrUnknownEnum) {
		t.Errorf("ParseCatalog(rds) = %v", err)
	}
}

// The same rows as tests/test-catalog.c defaults_present_and_sorted.
func TestCatalogDefaults(t *testing.T) {
	p := newPolicy(t)
	db, err := p.Catalog(CatalogDatabase)
	if err != nil || len(db) != 44 || p.CatalogCount(CatalogDatabase) != 44 {
		t.Fatalf("Catalog(database) = %v, %v", db, err)
	}
	// RDS: db.r6g.xlarge has 4 vCPUs and 32 GiB; Multi-AZ twice the price.
	x, err := p.CatalogFind(CatalogDatabase, "db.r6g.xlarge")
	if err != nil || x.VCPUCount != 4 || x.MemoryGB != 32 || x.Family != "db.r6g" ||
		x.MultiAZPriceUSDPerHour != 2*x.PriceUSDPerHour || x.Region != "us-east-1" {
		t.Errorf("db.r6g.xlarge = %+v, %v", x, err)
	}
	// 76 types sorted by EC2 price: m6g.large 0.077 first, r6i.24xlarge
	// 6.048 last (lib/catalog-spark-node.def; equal prices by name).
	spark, err := p.Catalog(CatalogSparkNode)
	if err != nil || len(spark) != 76 || spark[0].Name != "m6g.large" || spark[75].Name != "r6i.24xlarge" {
		t.Fatalf("Catalog(spark-node) = %+v, %v", spark, err)
	}
	// YARN 57344 MiB (4.2), EMR 25 % = 0.192, 8 * (30 - 1) + 2 = 234 pods.
	m, err := p.CatalogFind(CatalogSparkNode, "m5.4xlarge")
	if err != nil || m.YARNMemoryMB != 57344 || m.EMRPriceUSDPerHour != 0.192 || m.EKSMaxPodCount != 234 {
		t.Errorf("m5.4xlarge = %+v, %v", m, err)
	}
	// MSK: the cheapest size first, kafka.t3.small (300 replicas a
	// broker; 60 % of 174 Mbit/s baseline EBS = 12 MiB/s); 16 sizes.
	k, err := p.CatalogAt(CatalogKafkaBroker, 0)
	if err != nil || k.Name != "kafka.t3.small" || k.MaxPartitionReplicaCount != 300 || k.ThroughputMBPerSecond != 12 {
		t.Errorf("kafka-broker[0] = %+v, %v", k, err)
	}
	if _, err := p.CatalogAt(CatalogKafkaBroker, 16); !errors.Is(err, ErrRange) {
		t.Errorf("CatalogAt past the end: %v", err)
	}
	if _, err := p.CatalogAt(Catalog(9), 0); !errors.Is(err, ErrUnknownEnum) {
		t.Errorf("CatalogAt(9): %v", err)
	}
}

func TestCatalogEdit(t *testing.T) {
	p := newPolicy(t)
	r5 := CatalogEntry{Catalog: CatalogSparkNode, Name: "r5.4xlarge", Region: "us-east-1",
		PriceDate: "2026-01-01", VCPUCount: 16, MemoryGB: 128, PriceUSDPerHour: 1.008,
		EMRPriceUSDPerHour: 0.252, YARNMemoryMB: 122880, EKSMaxPodCount: 234}
	if err := p.SetCatalogEntry(r5); err != nil {
		t.Fatal(err)
	}
	// The shipped r5.4xlarge row is replaced, not added.
	got, err := p.CatalogFind(CatalogSparkNode, "r5.4xlarge")
	r5.Family = "r5"
	if err != nil || got != r5 || p.CatalogCount(CatalogSparkNode) != 76 {
		t.Fatalf("r5.4xlarge = %+v, %v; want %+v", got, err, r5)
	}
	bad := r5
	bad.YARNMemoryMB = 200000 // more than 128 GiB
	var e *Error
	if err := p.SetCatalogEntry(bad); !errors.As(err, &e) || e.Code != ErrRange || e.Field != "yarn_memory_mb" {
		t.Errorf("YARN above memory: %v", err)
	}
	// No YARN memory: EMR's rule for a 7th-generation type,
	// 32768 x 61/64 = 31232, x 0.75 = 23424 MiB (m7g.2xlarge publishes it).
	m8g := CatalogEntry{Catalog: CatalogSparkNode, Name: "m8g.2xlarge", Region: "us-east-1",
		PriceDate: "2026-01-01", VCPUCount: 8, MemoryGB: 32, PriceUSDPerHour: 0.36,
		EMRPriceUSDPerHour: 0.09, EKSMaxPodCount: 58}
	if err := p.SetCatalogEntry(m8g); err != nil {
		t.Fatal(err)
	}
	if got, err := p.CatalogFind(CatalogSparkNode, "m8g.2xlarge"); err != nil ||
		got.YARNMemoryMB != 23424 || !got.YARNMemoryDerived {
		t.Errorf("m8g.2xlarge = %+v, %v; want YARN 23424 MiB, derived", got, err)
	}
	if got, err := p.CatalogFind(CatalogSparkNode, "m5.large"); err != nil || got.EMRPriceUSDPerHour != 0 {
		t.Errorf("m5.large = %+v, %v; want no EMR price (not on EMR)", got, err)
	}
	bad = r5
	bad.StorageUSDPerGBMonth = 0.1 // not a spark-node field
	if err := p.SetCatalogEntry(bad); !errors.Is(err, ErrInvalid) {
		t.Errorf("storage on a spark-node: %v", err)
	}
	if err := p.RemoveCatalogEntry(CatalogSparkNode, "r5.4xlarge"); err != nil {
		t.Fatal(err)
	}
	for n := p.CatalogCount(CatalogKafkaBroker); n > 1; n-- {
		k, err := p.CatalogAt(CatalogKafkaBroker, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := p.RemoveCatalogEntry(CatalogKafkaBroker, k.Name); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.RemoveCatalogEntry(CatalogKafkaBroker, "kafka.m5.24xlarge"); !errors.Is(err, ErrLimit) {
		t.Errorf("removing the last broker: %v", err)
	}
	if v, err := p.Int64("catalog.spark-node.m5.xlarge.yarn_memory_mb"); err != nil || v != 12288 {
		t.Errorf("dynamic key = %d, %v", v, err)
	}
}
