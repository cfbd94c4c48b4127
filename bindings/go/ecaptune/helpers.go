// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <stdlib.h>
#include <string.h>
#include <ecaptune.h>
#cgo noescape ecap_free
#cgo nocallback ecap_free
*/
import "C"

import (
	"bytes"
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// initSized zero-fills a size-prefixed C struct and sets its sz (the first
// member) to csize, the struct's sizeof as the C compiler sees it
// (C.sizeof_struct_ecap_<x>).  It panics if cgo's Go layout disagrees with
// the C size, which would let the library write past Go memory.
//
//	in := initSized(new(C.struct_ecap_<family>_in), C.sizeof_struct_ecap_<family>_in)
func initSized[T any](v *T, csize C.size_t) *T {
	var zero T
	if uintptr(unsafe.Sizeof(zero)) != uintptr(csize) {
		panic("ecaptune: Go and C disagree on the size of a struct")
	}
	*v = zero
	*(*C.size_t)(unsafe.Pointer(v)) = csize
	return v
}

// scratch is C memory a call borrows: an error struct and a buffer for a
// short string argument, so a call allocates nothing (C.CString would
// malloc and free a key on every policy get).  Pooled; freed with its
// finalizer when the pool drops it.
type scratch struct {
	err *C.struct_ecap_error
	str *C.char
}

// scratchStrMax is the longest string (without its NUL) the scratch
// buffer holds; longer ones go through C.CString.
const scratchStrMax = 255

var scratchPool = sync.Pool{New: func() any {
	s := &scratch{
		err: (*C.struct_ecap_error)(C.calloc(1, C.sizeof_struct_ecap_error)),
		str: (*C.char)(C.malloc(scratchStrMax + 1)),
	}
	if s.err == nil || s.str == nil {
		panic("ecaptune: out of memory")
	}
	runtime.SetFinalizer(s, func(s *scratch) {
		C.free(unsafe.Pointer(s.err))
		C.free(unsafe.Pointer(s.str))
	})
	return s
}}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func putScratch(s *scratch) { scratchPool.Put(s) }

// withCString runs fn with s as a C string: copied once into pooled C
// memory (or C.CString for a long one).  A string with a NUL byte is
// rejected (C would silently cut it).
func withCString(s, field string, fn func(cs *C.char) error) error {
	if strings.IndexByte(s, 0) >= 0 {
		return goFail(ErrInvalid, field, "%s contains a NUL byte", field)
	}
	if len(s) > scratchStrMax {
		cs := C.CString(s)
		defer C.free(unsafe.Pointer(cs))
		return fn(cs)
	}
	sc := getScratch()
	defer putScratch(sc)
	buf := unsafe.Slice((*byte)(unsafe.Pointer(sc.str)), len(s)+1)
	copy(buf, s)
	buf[len(s)] = 0
	return fn(sc.str)
}

// setChars copies s into a fixed C char array field (NUL-terminated); a
// string that does not fit, or holds a NUL byte, is rejected with the
// field's name.
func setChars(dst []C.char, s, field string) error {
	if strings.IndexByte(s, 0) >= 0 {
		return goFail(ErrInvalid, field, "%s contains a NUL byte", field)
	}
	if len(s) >= len(dst) {
		return goFail(ErrRange, field, "%s is %d bytes long; at most %d fit",
			field, len(s), len(dst)-1)
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(&dst[0])), len(dst))
	b[copy(b, s)] = 0
	return nil
}

// goChars reads a NUL-terminated fixed C char array field with one copy
// (the array need not hold a NUL).
func goChars(src []C.char) string {
	return string(cChars(src))
}

// cChars is the bytes of a fixed C char array field up to its first NUL
// (all of them without one), without a copy.
func cChars(src []C.char) []byte {
	if len(src) == 0 {
		return nil
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(&src[0])), len(src))
	if n := bytes.IndexByte(b, 0); n >= 0 {
		b = b[:n]
	}
	return b
}

// goName reads a name field of an advice (a catalog entry, a storage
// level, a PostgreSQL setting) as goChars does, but returns the string of
// an earlier call for a name seen before: advice names come from small
// sets, so a call allocates nothing for them once they are known.  A
// name is looked up first in a small direct-mapped cache (no hashing of
// the whole name), then in a table of every name seen.
func goName(src []C.char) string {
	b := cChars(src)
	if len(b) == 0 {
		return ""
	}
	slot := &nameSlots[nameSlotOf(b)]
	if s := slot.Load(); s != nil && *s == string(b) { // no copy to compare
		return *s
	}
	return goNameSlow(b, slot)
}

// nameSlots caches, per slot, the last name goName returned for it.
var nameSlots [256]atomic.Pointer[string]

// nameSlotOf spreads names over nameSlots by their length and their
// first and last bytes, which tell most names of a family apart.
func nameSlotOf(b []byte) int {
	return int((uint(len(b))*131 + uint(b[0])*31 + uint(b[len(b)-1])) % uint(len(nameSlots)))
}

// knownNames is the table of every name seen: read without a lock,
// replaced whole (copy on write) under knownNamesMu when a name arrives.
// It keeps at most knownNamesMax names of at most knownNameMaxBytes:
// names beyond those (a policy's own catalog entries) are copied on
// every call.
var (
	knownNames   atomic.Pointer[map[string]*string]
	knownNamesMu sync.Mutex
)

const (
	knownNamesMax     = 1024
	knownNameMaxBytes = 64
)

// goNameSlow is goName's path for a name not in its slot: from the
// table (which then fills the slot), or copied and added to it.
//
//go:noinline
func goNameSlow(b []byte, slot *atomic.Pointer[string]) string {
	if m := knownNames.Load(); m != nil {
		if s, ok := (*m)[string(b)]; ok { // the lookup copies nothing
			slot.Store(s)
			return *s
		}
	}
	s := string(b)
	if len(s) > knownNameMaxBytes {
		return s
	}
	knownNamesMu.Lock()
	defer knownNamesMu.Unlock()
	var old map[string]*string
	if p := knownNames.Load(); p != nil {
		old = *p
	}
	if have, ok := old[s]; ok {
		return *have
	}
	if len(old) >= knownNamesMax {
		return s
	}
	m := make(map[string]*string, len(old)+1)
	for k, v := range old {
		m[k] = v
	}
	m[s] = &s
	knownNames.Store(&m)
	slot.Store(&s)
	return s
}

// cIndex converts a Go index for a size_t parameter; a negative one is
// ErrRange, as the library reports an index past the end.
func cIndex(i int) (C.size_t, error) {
	if i < 0 {
		return 0, goFail(ErrRange, "index", "index is %d; it must not be negative", i)
	}
	return C.size_t(i), nil
}

// cBool and goBool convert the library's int32_t 0/1 flags.
func cBool(b bool) C.int32_t {
	if b {
		return 1
	}
	return 0
}

func goBool(v C.int32_t) bool { return v != 0 }

// Property is one rendered Spark (or engine) property (struct
// ecap_property), e.g. {"spark.sql.shuffle.partitions", "200"}.
type Property struct {
	Key   string
	Value string
}

// propsInitialCap is the first capacity tried by callProps; the library
// reports the count it needs when that is too small.
const propsInitialCap = 32

// maxPropsCap bounds the retry so a misbehaving count cannot make us
// allocate without limit.
const maxPropsCap = 1 << 16

// callProps runs a C function that fills a caller-provided array of
// struct ecap_property (capacity in, count out, ECAP_ERR_NOSPACE with the
// needed count when too small).  The array lives in C memory, so no Go
// pointer is handed to C; on ErrNoSpace it retries once with the needed
// capacity.  Family files use it like this:
//
//	props, err := callProps(func(arr *C.struct_ecap_property, n *C.size_t, ce *C.struct_ecap_error) C.int {
//		return C.ecap_x_properties(cp, in, arr, n, ce)
//	})
func callProps(fn func(arr *C.struct_ecap_property, count *C.size_t, ce *C.struct_ecap_error) C.int) ([]Property, error) {
	capacity := propsInitialCap
	for attempt := 0; ; attempt++ {
		props, need, err := callPropsOnce(fn, capacity)
		if err == nil || attempt > 0 || need <= capacity || need > maxPropsCap {
			return props, err
		}
		if e, ok := err.(*Error); !ok || e.Code != ErrNoSpace {
			return nil, err
		}
		capacity = need
	}
}

func callPropsOnce(fn func(*C.struct_ecap_property, *C.size_t, *C.struct_ecap_error) C.int, capacity int) ([]Property, int, error) {
	size := C.size_t(C.sizeof_struct_ecap_property)
	arr := (*C.struct_ecap_property)(C.calloc(C.size_t(capacity), size))
	if arr == nil {
		return nil, 0, goFail(ErrNoMem, "", "cannot allocate %d properties", capacity)
	}
	defer C.free(unsafe.Pointer(arr))
	elems := unsafe.Slice(arr, capacity)
	for i := range elems {
		elems[i].sz = size
	}
	count := C.size_t(capacity)
	err := call(func(ce *C.struct_ecap_error) C.int { return fn(arr, &count, ce) })
	n := int(min(uint64(count), uint64(math.MaxInt32)))
	if err != nil {
		return nil, n, err
	}
	if n > capacity {
		n = capacity
	}
	out := make([]Property, n)
	for i := range out {
		out[i] = Property{Key: goChars(elems[i].key[:]), Value: goChars(elems[i].value[:])}
	}
	return out, n, nil
}

// explainMax is ECAP_EXPLAIN_MAX: a buffer that always holds a sentence.
const explainMax = C.ECAP_EXPLAIN_MAX

// callExplain runs an ecap_<family>_explain function into a buffer of
// explainMax bytes on the stack (the functions keep no pointer: cgo
// noescape) and returns the sentence, copied once.
func callExplain(fn func(buf *C.char, size C.size_t, ce *C.struct_ecap_error) C.int) (string, error) {
	var buf [explainMax]C.char
	if err := call(func(ce *C.struct_ecap_error) C.int { return fn(&buf[0], explainMax, ce) }); err != nil {
		return "", err
	}
	return goChars(buf[:]), nil
}

// enumString is the name a C _to_string function gave (s), or "typ(v)"
// for a value the library does not know.
func enumString(s *C.char, typ string, v int32) string {
	if s != nil {
		return C.GoString(s)
	}
	return fmt.Sprintf("%s(%d)", typ, v)
}

// parseEnum runs a C _from_string function on name.
func parseEnum(name, field string, fn func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int) (int32, error) {
	var v C.int32_t
	err := withCString(name, field, func(cs *C.char) error {
		return call(func(ce *C.struct_ecap_error) C.int { return fn(cs, &v, ce) })
	})
	return int32(v), err
}

// advise runs one advisor call on the shared lock: the shape of the
// methods that are not on the lean path (adviseLean).
func (p *Policy) advise(fn func(cp *C.ecap_policy, ce *C.struct_ecap_error) C.int) error {
	return p.read(func(cp *C.ecap_policy) error {
		return call(func(ce *C.struct_ecap_error) C.int { return fn(cp, ce) })
	})
}

// adviseLean runs one advisor call, the shape of every Advise method: a
// call costs the C call, cgo's fixed cost and the lock, little more.
//
//   - The policy handle goes to C as a byte pointer (cBytes; the family's
//     ecap_go_<family>_advise wrapper casts it back).  cgo's pointer check
//     (cgocheck) inspects every argument whose C type may hold a pointer,
//     the opaque handle included, on every call; the handle is C memory
//     and the structs hold no Go pointer, so the check could never fail.
//   - No error struct: C gets NULL, and only a failure pays for the
//     details.  The call is then made again, under the same lock, with an
//     error struct (advisors are pure: the same input fails the same way).
//   - No library version check: a Policy exists only if NewPolicy's call
//     made it (and a closed or zero Policy fails here).
func (p *Policy) adviseLean(fn func(cp *C.char, ce *C.struct_ecap_error) C.int) error {
	p.mu.RLock()
	var err error
	if cp := p.ptr; cp == nil {
		err = errClosed()
	} else if rc := fn(cBytes(unsafe.Pointer(cp)), nil); rc != C.ECAP_OK {
		err = leanFailure(rc, func(ce *C.struct_ecap_error) C.int { return fn(cBytes(unsafe.Pointer(cp)), ce) })
	}
	p.mu.RUnlock()
	return err
}

// leanFailure makes the failed call of adviseLean again with an error
// struct and converts it; a call that does not fail the same way the
// second time is reported by its first code alone.
//
//go:noinline
func leanFailure(rc C.int, again func(ce *C.struct_ecap_error) C.int) error {
	sc := getScratch()
	defer putScratch(sc)
	sc.err.sz = C.sizeof_struct_ecap_error
	if again(sc.err) != rc {
		return goError(rc, nil)
	}
	return goError(rc, sc.err)
}

// cBytes passes C memory, or a struct that holds only C pointers, to an
// ecap_go_ wrapper as a byte pointer, which cgo does not inspect.
func cBytes(v unsafe.Pointer) *C.char { return (*C.char)(v) }

// cInt64s copies v into C memory (C must not see Go memory it could
// keep, and a C struct may not hold a Go pointer); nil for an empty
// slice.  Free the result with C.free.
func cInt64s(v []int64) *C.int64_t {
	if len(v) == 0 {
		return nil
	}
	arr := (*C.int64_t)(C.calloc(C.size_t(len(v)), C.size_t(unsafe.Sizeof(C.int64_t(0)))))
	if arr == nil {
		panic("ecaptune: out of memory")
	}
	copy(unsafe.Slice((*int64)(unsafe.Pointer(arr)), len(v)), v)
	return arr
}

// cBools copies 0/1 flags into C memory, as cInt64s.
func cBools(v []bool) *C.int32_t {
	if len(v) == 0 {
		return nil
	}
	arr := (*C.int32_t)(C.calloc(C.size_t(len(v)), C.size_t(unsafe.Sizeof(C.int32_t(0)))))
	if arr == nil {
		panic("ecaptune: out of memory")
	}
	s := unsafe.Slice(arr, len(v))
	for i, b := range v {
		s[i] = cBool(b)
	}
	return arr
}

// callJSON runs a C function that returns an ecap_free()-able JSON text
// and copies it.
func callJSON(fn func(js **C.char, ce *C.struct_ecap_error) C.int) ([]byte, error) {
	var js *C.char
	if err := call(func(ce *C.struct_ecap_error) C.int { return fn(&js, ce) }); err != nil {
		return nil, err
	}
	defer C.ecap_free(unsafe.Pointer(js))
	return C.GoBytes(unsafe.Pointer(js), C.int(C.strlen(js))), nil
}

// cSizedArray allocates n size-prefixed C structs in C memory, each with
// its sz set (the library takes the first one's sz as the stride).  Free
// the pointer with C.free.
func cSizedArray[T any](n int, csize C.size_t) (*T, []T) {
	var zero T
	if uintptr(unsafe.Sizeof(zero)) != uintptr(csize) {
		panic("ecaptune: Go and C disagree on the size of a struct")
	}
	if n < 1 {
		n = 1
	}
	arr := (*T)(C.calloc(C.size_t(n), csize))
	if arr == nil {
		panic("ecaptune: out of memory")
	}
	elems := unsafe.Slice(arr, n)
	for i := range elems {
		*(*C.size_t)(unsafe.Pointer(&elems[i])) = csize
	}
	return arr, elems
}
