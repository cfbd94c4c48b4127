// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <ecaptune.h>
#cgo noescape ecap_model_from_string
#cgo nocallback ecap_model_from_string
#cgo noescape ecap_model_to_string
#cgo nocallback ecap_model_to_string
*/
import "C"

import "fmt"

// Model selects how advice is computed (enum ecap_model).
type Model int32

const (
	// ModelGuide reproduces the guide's formulas number for number.
	// C: ECAP_MODEL_GUIDE.
	ModelGuide Model = 1
	// ModelECAP1 keeps the guide's constants with corrected arithmetic
	// and the engines' own rules (the default).
	// C: ECAP_MODEL_ECAP_1.
	ModelECAP1 Model = 2
)

// String is the model's name ("guide", "ecap-1"), or "Model(n)" for a
// value the library does not know.
func (m Model) String() string {
	if s := C.ecap_model_to_string(C.int32_t(m)); s != nil {
		return C.GoString(s)
	}
	return fmt.Sprintf("Model(%d)", int32(m))
}

// ParseModel parses a model name; ErrUnknownModel if it is not one.
func ParseModel(name string) (Model, error) {
	var m C.int32_t
	err := withCString(name, "model", func(cs *C.char) error {
		return call(func(ce *C.struct_ecap_error) C.int {
			return C.ecap_model_from_string(cs, &m, ce)
		})
	})
	if err != nil {
		return 0, err
	}
	return Model(m), nil
}

// MarshalText encodes the model by name (for JSON and YAML configs).
func (m Model) MarshalText() ([]byte, error) {
	if C.ecap_model_to_string(C.int32_t(m)) == nil {
		return nil, goFail(ErrUnknownEnum, "model", "model %d is not known", int32(m))
	}
	return []byte(m.String()), nil
}

// UnmarshalText decodes a model name.
func (m *Model) UnmarshalText(b []byte) error {
	v, err := ParseModel(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}
