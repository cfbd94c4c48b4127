// SPDX-License-Identifier: MIT

package ecaptune

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoadJSON feeds arbitrary bytes to the JSON policy loader: it must
// never crash, and a document it accepts must dump to JSON that loads
// again and dumps identically.
//
//	go test -run '^$' -fuzz FuzzLoadJSON -fuzztime 60000x
func FuzzLoadJSON(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		``, `{}`, `[]`, `null`, `{"model": "guide"}`,
		`{"executor.cores": 4, "partition.target_size_mb": 64.5}`,
		`{"join.prefer_sort_merge": true}`,
		`{"growth.scenarios": {"x": {"description": "d", "yearly_growth_ratio": 0.1, "seasonal_peak_factor": 1}}}`,
		`{"catalog.database": [{"name": "db.t", "memory_gb": 1, "price_usd_per_hour": 0, "vcpu_count": 1, "region": "us-east-1", "price_date": "2026-01-01"}]}`,
		`{"model": "guide", "model": "ecap-1"}`, `{"executor.cores": 1e999}`,
		`{"kafka.instance_type": "a\u0000b"}`, "{\"model\": \"\xff\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := NewPolicy()
		if err != nil {
			t.Fatal(err)
		}
		defer p.Close()
		if err := p.LoadJSON(data); err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		first, err := p.DumpJSON()
		if err != nil {
			t.Fatalf("dump after a successful load: %v", err)
		}
		q, err := NewPolicy()
		if err != nil {
			t.Fatal(err)
		}
		defer q.Close()
		if err := q.LoadJSON(first); err != nil {
			t.Fatalf("the dump does not load again: %v\n%s", err, first)
		}
		second, err := q.DumpJSON()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("dump of the reloaded policy differs:\n%s\n---\n%s", first, second)
		}
	})
}
