// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <ecaptune.h>
#cgo noescape ecap_strerror
#cgo nocallback ecap_strerror
*/
import "C"

import "fmt"

// Code is a libecaptune error code (enum ecap_error_code).  The codes are
// also the sentinel errors that errors.Is matches against an [*Error].
type Code int32

// The library's error codes; values are pinned by the C ABI.
const (
	// OK is ECAP_OK.
	OK Code = 0
	// ErrInvalid is ECAP_ERR_INVALID: NULL, NaN, infinite or missing argument.
	ErrInvalid Code = -4001
	// ErrRange is ECAP_ERR_RANGE: finite value outside its documented range.
	ErrRange Code = -4002
	// ErrStructSize is ECAP_ERR_STRUCT_SIZE: size-prefixed struct of the wrong size.
	ErrStructSize Code = -4003
	// ErrUnknownEnum is ECAP_ERR_UNKNOWN_ENUM: enum value the library does not know.
	ErrUnknownEnum Code = -4004
	// ErrUnknownKey is ECAP_ERR_UNKNOWN_KEY: policy key that does not exist.
	ErrUnknownKey Code = -4005
	// ErrType is ECAP_ERR_TYPE: policy key read or written with the wrong type.
	ErrType Code = -4006
	// ErrJSON is ECAP_ERR_JSON: malformed JSON or JSON of the wrong shape.
	ErrJSON Code = -4007
	// ErrUnknownModel is ECAP_ERR_UNKNOWN_MODEL: model name other than "guide" and "ecap-1".
	ErrUnknownModel Code = -4008
	// ErrNoMem is ECAP_ERR_NOMEM: allocation failed.
	ErrNoMem Code = -4009
	// ErrIO is ECAP_ERR_IO: file could not be opened or read.
	ErrIO Code = -4010
	// ErrNoSpace is ECAP_ERR_NOSPACE: caller's array too small.
	ErrNoSpace Code = -4011
	// ErrNotFound is ECAP_ERR_NOT_FOUND: named scenario or instance class missing.
	ErrNotFound Code = -4012
	// ErrLimit is ECAP_ERR_LIMIT: fixed-capacity table full (or would be empty).
	ErrLimit Code = -4013
)

// String names the code in words (ecap_strerror).
func (c Code) String() string {
	return C.GoString(C.ecap_strerror(C.int(c)))
}

// Error makes a Code usable as a sentinel error.
func (c Code) Error() string {
	return "ecaptune: " + c.String()
}

// Error is a failure reported by libecaptune (struct ecap_error).
type Error struct {
	Code    Code   // what kind of failure; compare with errors.Is
	Field   string // offending struct field or policy key; "" when none
	Line    int    // 1-based JSON line; 0 when not JSON or unknown
	Column  int    // 1-based JSON column; 0 when not JSON or unknown
	Message string // one sentence naming the field and the bad value
}

func (e *Error) Error() string {
	msg := e.Message
	if msg == "" {
		msg = e.Code.String()
	}
	if e.Line > 0 {
		return fmt.Sprintf("ecaptune: %s (line %d, column %d)", msg, e.Line, e.Column)
	}
	return "ecaptune: " + msg
}

// Unwrap returns the Code, so errors.Is(err, ErrRange) works.
func (e *Error) Unwrap() error {
	return e.Code
}

// goError converts a C return code and the filled struct ecap_error into
// a Go error; nil on success.
func goError(rc C.int, ce *C.struct_ecap_error) error {
	if rc == C.ECAP_OK {
		return nil
	}
	e := &Error{Code: Code(rc)}
	if ce != nil && ce.code == C.int32_t(rc) {
		e.Field = C.GoString(&ce.field[0])
		e.Message = C.GoString(&ce.message[0])
		e.Line = int(ce.line)
		e.Column = int(ce.column)
	}
	return e
}

// call runs one fallible C call with a fresh struct ecap_error and
// converts its result: the shape every wrapper (and every family file)
// uses:
//
//	err := call(func(ce *C.struct_ecap_error) C.int { return C.ecap_x(..., ce) })
//
// The error struct is pooled C memory (not a rerun without one: in/out
// arguments such as an array's count change on failure): a call
// allocates nothing, and an *Error is made only for a failure.
func call(fn func(ce *C.struct_ecap_error) C.int) error {
	if err := checkLibrary(); err != nil {
		return err
	}
	sc := getScratch()
	sc.err.sz = C.sizeof_struct_ecap_error
	rc := fn(sc.err)
	var err error
	if rc != C.ECAP_OK {
		err = goError(rc, sc.err)
	}
	putScratch(sc)
	return err
}

// goFail builds an *Error for a bad input the binding rejects itself,
// before C sees it (e.g. a Go string with a NUL byte).
func goFail(code Code, field, format string, args ...any) error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}
