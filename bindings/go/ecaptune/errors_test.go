// SPDX-License-Identifier: MIT

package ecaptune

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"testing"
)

// Every sentinel from a real bad input, with the field the library names.
func TestErrorSentinels(t *testing.T) {
	p := newPolicy(t)
	cases := []struct {
		name  string
		err   error
		want  Code
		field string
	}{
		{"NaN value", p.SetFloat64("partition.target_size_mb", math.NaN()), ErrInvalid, "partition.target_size_mb"},
		{"zero where positive needed", p.SetFloat64("partition.target_size_mb", 0), ErrRange, "partition.target_size_mb"},
		{"struct sz too small", keyAtWithSize(0, 8), ErrStructSize, "ecap_key_info"},
		{"unknown enum value", second(p.AdviseExecutor(ExecutorInput{DailyDataGB: 100, Platform: 5})), ErrUnknownEnum, "platform"},
		{"unknown enum name", second(ParseStorageLevel("memory_only")), ErrUnknownEnum, "level"},
		{"unknown key", p.SetFloat64("partition.target_size", 1), ErrUnknownKey, "partition.target_size"},
		{"wrong type", second(p.Float64("executor.cores")), ErrType, "executor.cores"},
		{"malformed JSON", p.LoadJSON([]byte("{\n  \"model\": }")), ErrJSON, ""},
		{"unknown model name", second(ParseModel("ecap-2")), ErrUnknownModel, "model"},
		{"missing file", p.LoadFile(filepath.Join(t.TempDir(), "missing.json")), ErrIO, ""},
		{"unknown scenario", second(p.Scenario("hyper")), ErrNotFound, "scenario"},
		{"array too small", second(p.projectWithCapacity(ProjectionInput{CurrentDailyTransactions: 1000, Years: 3}, 2)), ErrNoSpace, "count"},
		{"last catalog entry", removeAllClasses(p), ErrLimit, "name"},
		{"NUL in a key", second(p.Float64("model\x00x")), ErrInvalid, "key"},
	}
	for _, c := range cases {
		var e *Error
		if !errors.As(c.err, &e) {
			t.Errorf("%s: %v is not an *Error", c.name, c.err)
			continue
		}
		if !errors.Is(c.err, c.want) || e.Code != c.want {
			t.Errorf("%s: %v (code %d); want %v", c.name, c.err, e.Code, c.want)
		}
		if c.field != "" && e.Field != c.field {
			t.Errorf("%s: field %q; want %q", c.name, e.Field, c.field)
		}
		if e.Message == "" || e.Error() == "" {
			t.Errorf("%s: empty message", c.name)
		}
		for _, other := range allCodes {
			if other != c.want && errors.Is(c.err, other) {
				t.Errorf("%s: also matches %v", c.name, other)
			}
		}
	}
}

// ErrNoMem has no trigger (no allocation can be made to fail), so the
// conversion itself is checked for every code.  The binding also refuses
// an unknown Model before C sees it, with the library's sentinel.
var allCodes = []Code{ErrInvalid, ErrRange, ErrStructSize, ErrUnknownEnum,
	ErrUnknownKey, ErrType, ErrJSON, ErrUnknownModel, ErrNoMem, ErrIO,
	ErrNoSpace, ErrNotFound, ErrLimit}

func TestEveryCodeIsASentinel(t *testing.T) {
	if err := newPolicy(t).SetModel(Model(99)); !errors.Is(err, ErrUnknownEnum) {
		t.Errorf("unknown model value: %v", err)
	}
	seen := map[string]bool{}
	for _, c := range allCodes {
		err := fmt.Errorf("wrapped: %w", &Error{Code: c, Message: "m"})
		if !errors.Is(err, c) {
			t.Errorf("%v does not match itself through wrapping", c)
		}
		if s := c.String(); s == "unknown error" || seen[s] {
			t.Errorf("code %d has name %q", int32(c), s)
		} else {
			seen[s] = true
		}
	}
	if ErrInvalid != -4001 || ErrLimit != -4013 {
		t.Error("pinned codes changed")
	}
}

func TestJSONErrorPosition(t *testing.T) {
	p := newPolicy(t)
	err := p.LoadJSON([]byte("{\n  \"executor.cores\": 2,\n  \"kafka.retention\": 1\n}"))
	var e *Error
	if !errors.As(err, &e) || e.Code != ErrUnknownKey || e.Field != "kafka.retention" || e.Line != 3 {
		t.Fatalf("unknown key in JSON: %#v", err)
	}
	if e.Column <= 0 {
		t.Errorf("no column: %#v", e)
	}
	// A failed load leaves the policy unchanged.
	if v, _ := p.Int64("executor.cores"); v != 2 {
		t.Errorf("cores %d", v)
	}
}

func TestScenarioLimit(t *testing.T) {
	p := newPolicy(t)
	for i := p.ScenarioCount(); i < MaxScenarios; i++ {
		if err := p.SetScenario(Scenario{Name: fmt.Sprintf("s%d", i), YearlyGrowthRatio: 0.1, SeasonalPeakFactor: 1}); err != nil {
			t.Fatal(err)
		}
	}
	err := p.SetScenario(Scenario{Name: "one-too-many", SeasonalPeakFactor: 1})
	if !errors.Is(err, ErrLimit) {
		t.Fatalf("one too many: %v", err)
	}
}

func second[T any](_ T, err error) error { return err }

func removeAllClasses(p *Policy) error {
	for {
		c, err := p.CatalogAt(CatalogDatabase, 0)
		if err != nil {
			return err
		}
		if err := p.RemoveCatalogEntry(CatalogDatabase, c.Name); err != nil {
			return err
		}
	}
}
