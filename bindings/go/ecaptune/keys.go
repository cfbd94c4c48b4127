// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <ecaptune.h>
#cgo noescape ecap_policy_key_at
#cgo nocallback ecap_policy_key_at
#cgo noescape ecap_policy_key_count
#cgo nocallback ecap_policy_key_count
#cgo noescape ecap_policy_key_find
#cgo nocallback ecap_policy_key_find
#cgo noescape ecap_value_type_from_string
#cgo nocallback ecap_value_type_from_string
#cgo noescape ecap_value_type_to_string
#cgo nocallback ecap_value_type_to_string
*/
import "C"

// ValueType is the type of a policy key's value (enum ecap_value_type).
type ValueType int32

const (
	// TypeDouble is ECAP_TYPE_DOUBLE: read with Float64.
	TypeDouble ValueType = 1
	// TypeInt64 is ECAP_TYPE_INT64: read with Int64.
	TypeInt64 ValueType = 2
	// TypeString is ECAP_TYPE_STRING: read with String.
	TypeString ValueType = 3
	// TypeBool is ECAP_TYPE_BOOL: read with Bool (int64 0 or 1 in C).
	TypeBool ValueType = 4
)

// String is "double", "int64", "string" or "bool"
// (ecap_value_type_to_string).
func (t ValueType) String() string {
	return enumString(C.ecap_value_type_to_string(C.int32_t(t)), "ValueType", int32(t))
}

// ParseValueType parses a value type name; ErrUnknownEnum if unknown.
func ParseValueType(name string) (ValueType, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_value_type_from_string(cs, v, ce)
	})
	return ValueType(v), err
}

// KeyInfo describes a static policy key (struct ecap_key_info).  Ranges
// are inclusive; the Float64 fields apply to TypeDouble, the Int64 fields
// to TypeInt64 and TypeBool, DefaultString to TypeString.
type KeyInfo struct {
	Name           string
	Unit           string
	Description    string
	Type           ValueType
	DefaultFloat64 float64
	MinFloat64     float64
	MaxFloat64     float64
	DefaultInt64   int64
	MinInt64       int64
	MaxInt64       int64
	DefaultString  string
}

// Default is the key's default as float64, int64, bool or string.
func (k KeyInfo) Default() any {
	switch k.Type {
	case TypeDouble:
		return k.DefaultFloat64
	case TypeInt64:
		return k.DefaultInt64
	case TypeBool:
		return k.DefaultInt64 != 0
	}
	return k.DefaultString
}

func goKeyInfo(ki *C.struct_ecap_key_info) KeyInfo {
	return KeyInfo{
		Name:           C.GoString(ki.name),
		Unit:           C.GoString(ki.unit),
		Description:    C.GoString(ki.description),
		Type:           ValueType(ki._type),
		DefaultFloat64: float64(ki.default_double),
		MinFloat64:     float64(ki.min_double),
		MaxFloat64:     float64(ki.max_double),
		DefaultInt64:   int64(ki.default_int64),
		MinInt64:       int64(ki.min_int64),
		MaxInt64:       int64(ki.max_int64),
		DefaultString:  C.GoString(ki.default_string),
	}
}

// KeyCount is the number of static policy keys.
func KeyCount() int {
	return int(C.ecap_policy_key_count())
}

// KeyAt describes the key at index (0 .. KeyCount()-1), in the library's
// stable order; ErrRange past the end.
func KeyAt(index int) (KeyInfo, error) {
	ci, err := cIndex(index)
	if err != nil {
		return KeyInfo{}, err
	}
	ki := initSized(new(C.struct_ecap_key_info), C.sizeof_struct_ecap_key_info)
	err = call(func(ce *C.struct_ecap_error) C.int {
		return C.ecap_policy_key_at(ci, ki, ce)
	})
	if err != nil {
		return KeyInfo{}, err
	}
	return goKeyInfo(ki), nil
}

// FindKey describes the static key named name; ErrUnknownKey if none.
func FindKey(name string) (KeyInfo, error) {
	ki := initSized(new(C.struct_ecap_key_info), C.sizeof_struct_ecap_key_info)
	err := withCString(name, "key", func(cn *C.char) error {
		return call(func(ce *C.struct_ecap_error) C.int {
			return C.ecap_policy_key_find(cn, ki, ce)
		})
	})
	if err != nil {
		return KeyInfo{}, err
	}
	return goKeyInfo(ki), nil
}

// Keys lists every static policy key in the library's stable order.
func Keys() ([]KeyInfo, error) {
	n := KeyCount()
	keys := make([]KeyInfo, 0, n)
	for i := 0; i < n; i++ {
		k, err := KeyAt(i)
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, nil
}
