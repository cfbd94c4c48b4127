// SPDX-License-Identifier: MIT

//go:build !race

package ecaptune

import "testing"

// A call allocates nothing beyond its result: the structs live on the
// stack (cgo noescape), the error struct and a key's C copy come from a
// pool, and an *Error is made only for a failure.  (Counted without the
// race detector, which allocates on its own.)
func TestCallsAllocateNothing(t *testing.T) {
	p := newPolicy(t)
	in := JoinInput{LeftSizeBytes: 1e10, RightSizeBytes: 8e6}
	cases := map[string]func(){
		"AdviseJoin": func() {
			if _, err := p.AdviseJoin(in); err != nil {
				t.Fatal(err)
			}
		},
		"Float64": func() {
			if _, err := p.Float64("partition.target_size_mb"); err != nil {
				t.Fatal(err)
			}
		},
		"Int64": func() {
			if _, err := p.Int64("executor.cores"); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, fn := range cases {
		if n := testing.AllocsPerRun(100, fn); n != 0 {
			t.Errorf("%s: %v allocations per call", name, n)
		}
	}
}
