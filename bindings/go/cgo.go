// SPDX-License-Identifier: MIT

package ecaptune

/*
#cgo pkg-config: libecaptune
#include <ecaptune.h>

// No libecaptune function keeps a pointer it is given or calls back into
// Go.  Each file's preamble says so for the functions it calls
// ("#cgo noescape f" and "#cgo nocallback f"): the structs a call fills
// then live on the caller's stack (no allocation per call) and cgo skips
// the callback bookkeeping.  cgo refuses the pair for a function no Go
// code calls; a call without its pair still works, only slower.

#if ECAP_VERSION_MAJOR != 1
#error "libecaptune headers of major version 1 are needed by this binding"
#endif

static uint32_t
ecap_go_header_version(void)
{
	return ECAP_VERSION_NUMBER;
}
#cgo noescape ecap_version_number
#cgo nocallback ecap_version_number
#cgo noescape ecap_version_string
#cgo nocallback ecap_version_string
*/
import "C"

import (
	"fmt"
	"sync"
)

// Version of the header this package was compiled against.
const (
	VersionMajor  = C.ECAP_VERSION_MAJOR
	VersionMinor  = C.ECAP_VERSION_MINOR
	VersionPatch  = C.ECAP_VERSION_PATCH
	HeaderVersion = C.ECAP_VERSION_STRING
)

var (
	libOnce sync.Once
	libErr  error
)

// checkLibrary verifies once that the library loaded at run time is at
// least as new as the header: a struct this binding fills may carry fields
// an older library rejects.
func checkLibrary() error {
	libOnce.Do(func() {
		have := uint32(C.ecap_version_number())
		want := uint32(C.ecap_go_header_version())
		if have < want {
			libErr = &Error{
				Code:  ErrInvalid,
				Field: "version",
				Message: fmt.Sprintf("libecaptune %s is loaded; this binding was built against %s and needs at least that",
					VersionString(), HeaderVersion),
			}
		}
	})
	return libErr
}

// VersionString is the version of the library loaded at run time, e.g. "1.0.0".
func VersionString() string {
	return C.GoString(C.ecap_version_string())
}

// VersionNumber is the packed version (0xMMmmpp) of the library loaded at
// run time.
func VersionNumber() uint32 {
	return uint32(C.ecap_version_number())
}
