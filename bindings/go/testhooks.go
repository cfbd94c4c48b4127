// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <ecaptune.h>
*/
import "C"

// keyAtWithSize calls ecap_policy_key_at with a struct whose sz the caller
// chooses.  The binding always passes the right size; the tests use this
// to show that the library's ECAP_ERR_STRUCT_SIZE arrives as ErrStructSize.
func keyAtWithSize(index int, sz uintptr) error {
	ki := initSized(new(C.struct_ecap_key_info), C.sizeof_struct_ecap_key_info)
	ki.sz = C.size_t(sz)
	return call(func(ce *C.struct_ecap_error) C.int {
		return C.ecap_policy_key_at(C.size_t(index), ki, ce)
	})
}
