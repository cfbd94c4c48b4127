// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <ecaptune.h>
#cgo noescape ecap_policy_scenario_at
#cgo nocallback ecap_policy_scenario_at
#cgo noescape ecap_policy_scenario_count
#cgo nocallback ecap_policy_scenario_count
#cgo noescape ecap_policy_scenario_find
#cgo nocallback ecap_policy_scenario_find
#cgo noescape ecap_policy_scenario_remove
#cgo nocallback ecap_policy_scenario_remove
#cgo noescape ecap_policy_scenario_set
#cgo nocallback ecap_policy_scenario_set
*/
import "C"

// MaxScenarios is the capacity of a policy's scenario table.
// C: ECAP_MAX_SCENARIOS.
const MaxScenarios = 64

// Scenario is a growth scenario (struct ecap_scenario).
type Scenario struct {
	Name                 string  // 1 to 63 characters of [A-Za-z0-9_-]
	Description          string  // at most 255 bytes
	YearlyGrowthRatio    float64 // 0.5 = 50 % a year; -0.99 .. 100
	SeasonalPeakFactor   float64 // peak over base traffic, 2.0 = twice; 1 .. 100
	YearlyGrowthSDRatio  float64 // standard deviation of the yearly growth; 0 .. 10
	SeasonalPeakSDFactor float64 // standard deviation of the seasonal peak; 0 .. 10
}

func newCScenario() *C.struct_ecap_scenario {
	return initSized(new(C.struct_ecap_scenario), C.sizeof_struct_ecap_scenario)
}

func goScenario(s *C.struct_ecap_scenario) Scenario {
	return Scenario{
		Name:                 goChars(s.name[:]),
		Description:          goChars(s.description[:]),
		YearlyGrowthRatio:    float64(s.yearly_growth_ratio),
		SeasonalPeakFactor:   float64(s.seasonal_peak_factor),
		YearlyGrowthSDRatio:  float64(s.yearly_growth_sd_ratio),
		SeasonalPeakSDFactor: float64(s.seasonal_peak_sd_factor),
	}
}

func (s Scenario) c() (*C.struct_ecap_scenario, error) {
	cs := newCScenario()
	if err := setChars(cs.name[:], s.Name, "name"); err != nil {
		return nil, err
	}
	if err := setChars(cs.description[:], s.Description, "description"); err != nil {
		return nil, err
	}
	cs.yearly_growth_ratio = C.double(s.YearlyGrowthRatio)
	cs.seasonal_peak_factor = C.double(s.SeasonalPeakFactor)
	cs.yearly_growth_sd_ratio = C.double(s.YearlyGrowthSDRatio)
	cs.seasonal_peak_sd_factor = C.double(s.SeasonalPeakSDFactor)
	return cs, nil
}

// ScenarioCount is the number of scenarios; 0 for a closed policy.
func (p *Policy) ScenarioCount() int {
	var n int
	_ = p.read(func(cp *C.ecap_policy) error {
		n = int(C.ecap_policy_scenario_count(cp))
		return nil
	})
	return n
}

// ScenarioAt returns the scenario at index; ErrRange past the end.
func (p *Policy) ScenarioAt(index int) (Scenario, error) {
	ci, err := cIndex(index)
	if err != nil {
		return Scenario{}, err
	}
	cs := newCScenario()
	err = p.read(func(cp *C.ecap_policy) error {
		return call(func(ce *C.struct_ecap_error) C.int {
			return C.ecap_policy_scenario_at(cp, ci, cs, ce)
		})
	})
	if err != nil {
		return Scenario{}, err
	}
	return goScenario(cs), nil
}

// Scenario returns the scenario named name; ErrNotFound if none.
func (p *Policy) Scenario(name string) (Scenario, error) {
	cs := newCScenario()
	err := p.read(func(cp *C.ecap_policy) error {
		return withCString(name, "scenario", func(cn *C.char) error {
			return call(func(ce *C.struct_ecap_error) C.int {
				return C.ecap_policy_scenario_find(cp, cn, cs, ce)
			})
		})
	})
	if err != nil {
		return Scenario{}, err
	}
	return goScenario(cs), nil
}

// Scenarios lists every scenario, in the policy's order, as one
// consistent snapshot.
func (p *Policy) Scenarios() ([]Scenario, error) {
	var out []Scenario
	err := p.read(func(cp *C.ecap_policy) error {
		n := C.ecap_policy_scenario_count(cp)
		out = make([]Scenario, 0, int(n))
		for i := C.size_t(0); i < n; i++ {
			cs := newCScenario()
			err := call(func(ce *C.struct_ecap_error) C.int {
				return C.ecap_policy_scenario_at(cp, i, cs, ce)
			})
			if err != nil {
				return err
			}
			out = append(out, goScenario(cs))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SetScenario adds s, or replaces the scenario with the same name;
// ErrLimit when MaxScenarios are already there.
func (p *Policy) SetScenario(s Scenario) error {
	cs, err := s.c()
	if err != nil {
		return err
	}
	return p.write(func(cp *C.ecap_policy) error {
		return call(func(ce *C.struct_ecap_error) C.int {
			return C.ecap_policy_scenario_set(cp, cs, ce)
		})
	})
}

// RemoveScenario removes the scenario named name; ErrNotFound if none.
func (p *Policy) RemoveScenario(name string) error {
	return p.write(func(cp *C.ecap_policy) error {
		return withCString(name, "scenario", func(cn *C.char) error {
			return call(func(ce *C.struct_ecap_error) C.int {
				return C.ecap_policy_scenario_remove(cp, cn, ce)
			})
		})
	})
}
