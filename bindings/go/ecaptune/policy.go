// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <stdlib.h>
#include <ecaptune.h>
#cgo noescape ecap_free
#cgo nocallback ecap_free
#cgo noescape ecap_policy_copy
#cgo nocallback ecap_policy_copy
#cgo noescape ecap_policy_dump_json
#cgo nocallback ecap_policy_dump_json
#cgo noescape ecap_policy_free
#cgo nocallback ecap_policy_free
#cgo noescape ecap_policy_get_double
#cgo nocallback ecap_policy_get_double
#cgo noescape ecap_policy_get_int64
#cgo nocallback ecap_policy_get_int64
#cgo noescape ecap_policy_get_string
#cgo nocallback ecap_policy_get_string
#cgo noescape ecap_policy_load_file
#cgo nocallback ecap_policy_load_file
#cgo noescape ecap_policy_load_json
#cgo nocallback ecap_policy_load_json
#cgo noescape ecap_policy_model
#cgo nocallback ecap_policy_model
#cgo noescape ecap_policy_new
#cgo nocallback ecap_policy_new
#cgo noescape ecap_policy_set_double
#cgo nocallback ecap_policy_set_double
#cgo noescape ecap_policy_set_int64
#cgo nocallback ecap_policy_set_int64
#cgo noescape ecap_policy_set_string
#cgo nocallback ecap_policy_set_string
*/
import "C"

import (
	"runtime"
	"strings"
	"sync"
	"unsafe"
)

// Policy holds the guide's tunables (an ecap_policy handle).
//
// A Policy is safe for concurrent use by many goroutines: readers share it
// (the C library allows any number of concurrent const calls), while
// setters, loads, scenario and instance-class edits and Close take it
// exclusively.  Every method of a closed Policy fails with ErrInvalid
// (field "policy").
type Policy struct {
	mu  sync.RWMutex
	ptr *C.ecap_policy
}

// NewPolicy creates a policy with the guide's defaults and model "ecap-1".
func NewPolicy() (*Policy, error) {
	var cp *C.ecap_policy
	err := call(func(ce *C.struct_ecap_error) C.int {
		return C.ecap_policy_new(&cp, ce)
	})
	if err != nil {
		return nil, err
	}
	return wrapPolicy(cp), nil
}

func wrapPolicy(cp *C.ecap_policy) *Policy {
	p := &Policy{ptr: cp}
	runtime.SetFinalizer(p, (*Policy).free)
	return p
}

// free releases the handle; the finalizer's safety net.
func (p *Policy) free() {
	if p.ptr != nil {
		C.ecap_policy_free(&p.ptr)
	}
}

// Close frees the policy.  It waits for calls in progress, is idempotent,
// and is safe to call concurrently with other methods (they then fail).
func (p *Policy) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.free()
	runtime.SetFinalizer(p, nil)
	return nil
}

func errClosed() error {
	return goFail(ErrInvalid, "policy", "policy is closed")
}

// read runs fn with the handle under the shared lock: for calls that take
// a const ecap_policy.  Family files call every advisor through it.
func (p *Policy) read(fn func(cp *C.ecap_policy) error) error {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.ptr == nil {
		return errClosed()
	}
	err := fn(p.ptr)
	runtime.KeepAlive(p)
	return err
}

// write runs fn with the handle under the exclusive lock: for calls that
// modify the policy.
func (p *Policy) write(fn func(cp *C.ecap_policy) error) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ptr == nil {
		return errClosed()
	}
	err := fn(p.ptr)
	runtime.KeepAlive(p)
	return err
}

// Copy returns an independent copy of the policy.
func (p *Policy) Copy() (*Policy, error) {
	var cq *C.ecap_policy
	err := p.read(func(cp *C.ecap_policy) error {
		return call(func(ce *C.struct_ecap_error) C.int {
			return C.ecap_policy_copy(cp, &cq, ce)
		})
	})
	if err != nil {
		return nil, err
	}
	return wrapPolicy(cq), nil
}

// Model is the model the policy selects; 0 for a closed policy.
func (p *Policy) Model() Model {
	var m Model
	_ = p.read(func(cp *C.ecap_policy) error {
		m = Model(C.ecap_policy_model(cp))
		return nil
	})
	return m
}

// SetModel selects a model (the "model" key).
func (p *Policy) SetModel(m Model) error {
	name, err := m.MarshalText()
	if err != nil {
		return err
	}
	return p.SetString("model", string(name))
}

// keyed runs a typed accessor with key as a C string, under the shared or
// the exclusive lock.  The key is copied once, into pooled C memory that
// also holds the error struct (one pool round trip a call); a long key
// goes through withCString.
func (p *Policy) keyed(key string, exclusive bool, fn func(cp *C.ecap_policy, ck *C.char, ce *C.struct_ecap_error) C.int) error {
	if len(key) > scratchStrMax || strings.IndexByte(key, 0) >= 0 {
		return p.keyedLong(key, exclusive, fn)
	}
	sc := getScratch()
	buf := unsafe.Slice((*byte)(unsafe.Pointer(sc.str)), len(key)+1)
	buf[copy(buf, key)] = 0
	sc.err.sz = C.sizeof_struct_ecap_error
	if exclusive {
		p.mu.Lock()
	} else {
		p.mu.RLock()
	}
	var err error
	if cp := p.ptr; cp == nil {
		err = errClosed()
	} else if rc := fn(cp, sc.str, sc.err); rc != C.ECAP_OK {
		err = goError(rc, sc.err)
	}
	if exclusive {
		p.mu.Unlock()
	} else {
		p.mu.RUnlock()
	}
	putScratch(sc)
	return err
}

// keyedLong is keyed for a key too long for the pooled buffer (or one
// with a NUL byte, which withCString rejects).
func (p *Policy) keyedLong(key string, exclusive bool, fn func(cp *C.ecap_policy, ck *C.char, ce *C.struct_ecap_error) C.int) error {
	with := func(cp *C.ecap_policy) error {
		return withCString(key, "key", func(ck *C.char) error {
			return call(func(ce *C.struct_ecap_error) C.int { return fn(cp, ck, ce) })
		})
	}
	if exclusive {
		return p.write(with)
	}
	return p.read(with)
}

// Float64 reads a double key, e.g. "partition.target_size_mb".
func (p *Policy) Float64(key string) (float64, error) {
	var v C.double
	err := p.keyed(key, false, func(cp *C.ecap_policy, ck *C.char, ce *C.struct_ecap_error) C.int {
		return C.ecap_policy_get_double(cp, ck, &v, ce)
	})
	return float64(v), err
}

// SetFloat64 writes a double key; NaN, infinities and out-of-range values
// are rejected and leave the policy unchanged.
func (p *Policy) SetFloat64(key string, value float64) error {
	return p.keyed(key, true, func(cp *C.ecap_policy, ck *C.char, ce *C.struct_ecap_error) C.int {
		return C.ecap_policy_set_double(cp, ck, C.double(value), ce)
	})
}

// Int64 reads an int64 (or bool, as 0/1) key, e.g. "executor.cores".
func (p *Policy) Int64(key string) (int64, error) {
	var v C.int64_t
	err := p.keyed(key, false, func(cp *C.ecap_policy, ck *C.char, ce *C.struct_ecap_error) C.int {
		return C.ecap_policy_get_int64(cp, ck, &v, ce)
	})
	return int64(v), err
}

// SetInt64 writes an int64 (or bool, as 0/1) key.
func (p *Policy) SetInt64(key string, value int64) error {
	return p.keyed(key, true, func(cp *C.ecap_policy, ck *C.char, ce *C.struct_ecap_error) C.int {
		return C.ecap_policy_set_int64(cp, ck, C.int64_t(value), ce)
	})
}

// Bool reads a bool key, e.g. "join.prefer_sort_merge".
func (p *Policy) Bool(key string) (bool, error) {
	v, err := p.Int64(key)
	return v != 0, err
}

// SetBool writes a bool key.
func (p *Policy) SetBool(key string, value bool) error {
	return p.SetInt64(key, int64(cBool(value)))
}

// String reads a string key, e.g. "model" or "kafka.instance_type".
func (p *Policy) String(key string) (string, error) {
	var s string
	err := p.keyed(key, false, func(cp *C.ecap_policy, ck *C.char, ce *C.struct_ecap_error) C.int {
		var v *C.char
		rc := C.ecap_policy_get_string(cp, ck, &v, ce)
		if rc == C.ECAP_OK {
			// Valid only until the next non-const call: copy under the lock.
			s = C.GoString(v)
		}
		return rc
	})
	return s, err
}

// SetString writes a string key.
func (p *Policy) SetString(key, value string) error {
	return withCString(value, key, func(cv *C.char) error {
		return p.keyed(key, true, func(cp *C.ecap_policy, ck *C.char, ce *C.struct_ecap_error) C.int {
			return C.ecap_policy_set_string(cp, ck, cv, ce)
		})
	})
}

// Get reads any key by its type: float64, int64, bool or string.  Static
// keys are typed by ecap_policy_key_find; the dynamic scenario and
// instance-class keys ("growth.scenarios.<name>.<field>") by trying the
// typed getters in turn.
func (p *Policy) Get(key string) (any, error) {
	info, err := FindKey(key)
	if err == nil {
		switch info.Type {
		case TypeDouble:
			return p.Float64(key)
		case TypeInt64:
			return p.Int64(key)
		case TypeBool:
			return p.Bool(key)
		default:
			return p.String(key)
		}
	}
	if !isCode(err, ErrUnknownKey) {
		return nil, err
	}
	if v, err := p.Float64(key); !isCode(err, ErrType) {
		return v, err
	}
	if v, err := p.Int64(key); !isCode(err, ErrType) {
		return v, err
	}
	return p.String(key)
}

func isCode(err error, c Code) bool {
	e, ok := err.(*Error)
	return ok && e.Code == c
}

// LoadJSON applies a JSON policy document (an object whose members are
// policy keys) atomically: on any error the policy is unchanged, and the
// error carries the line, column and key.
func (p *Policy) LoadJSON(data []byte) error {
	return p.write(func(cp *C.ecap_policy) error {
		// C memory: the library must not see Go memory it could keep.
		var buf unsafe.Pointer
		if len(data) > 0 {
			buf = C.CBytes(data)
			defer C.free(buf)
		} else {
			buf = unsafe.Pointer(C.CString(""))
			defer C.free(buf)
		}
		return call(func(ce *C.struct_ecap_error) C.int {
			return C.ecap_policy_load_json(cp, (*C.char)(buf), C.size_t(len(data)), ce)
		})
	})
}

// LoadFile applies a JSON policy file, as LoadJSON.
func (p *Policy) LoadFile(path string) error {
	return p.write(func(cp *C.ecap_policy) error {
		return withCString(path, "path", func(cpath *C.char) error {
			return call(func(ce *C.struct_ecap_error) C.int {
				return C.ecap_policy_load_file(cp, cpath, ce)
			})
		})
	})
}

// DumpJSON returns every key as a JSON document that LoadJSON reads back
// exactly.
func (p *Policy) DumpJSON() ([]byte, error) {
	var out []byte
	err := p.read(func(cp *C.ecap_policy) error {
		var js *C.char
		err := call(func(ce *C.struct_ecap_error) C.int {
			return C.ecap_policy_dump_json(cp, &js, ce)
		})
		if err != nil {
			return err
		}
		defer C.ecap_free(unsafe.Pointer(js))
		out = C.GoBytes(unsafe.Pointer(js), C.int(C.strlen(js)))
		return nil
	})
	return out, err
}
