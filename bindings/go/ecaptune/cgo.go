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

static const char *
ecap_go_header_string(void)
{
	return ECAP_VERSION_STRING;
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

// The version of libecaptune's API this package was written for, which is
// also the module's version (tag bindings/go/vX.Y.Z).  The header it is
// compiled against has the same major version (an #error otherwise) and
// may be newer; at first use the package checks that the library loaded at
// run time is at least as new as that header.
const (
	// VersionMajor is the major version (ECAP_VERSION_MAJOR).
	VersionMajor = 1
	// VersionMinor is the minor version (ECAP_VERSION_MINOR).
	VersionMinor = 0
	// VersionPatch is the patch version (ECAP_VERSION_PATCH).
	VersionPatch = 0
	// HeaderVersion is "major.minor.patch" (ECAP_VERSION_STRING).
	HeaderVersion = "1.0.0"
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
					VersionString(), C.GoString(C.ecap_go_header_string())),
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
