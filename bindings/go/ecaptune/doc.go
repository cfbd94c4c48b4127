// SPDX-License-Identifier: MIT

// Package ecaptune is the Go binding of libecaptune, the C library that
// turns the ECAP performance tuning guide into versioned functions.
//
// The binding links the system library through pkg-config (libecaptune)
// and refuses, at compile time, headers of another major version; at first
// use it also checks that the library loaded at run time is at least as
// new as the header it was compiled against.
//
// A [Policy] holds the guide's tunables.  It is safe for concurrent use:
// any number of goroutines may read it (typed getters, JSON dump, key and
// scenario listings, advice calls) while setters, loads and Close take it
// exclusively.  Close it when done; a finalizer frees a forgotten one.
//
// Every failure is an [*Error] carrying the library's code, the offending
// field or key, the JSON line and column where it applies, and the
// library's message.  Test the kind of failure with errors.Is and the
// sentinel codes (ErrInvalid, ErrRange, ...):
//
//	if err := p.SetFloat64("partition.target_size_mb", 0); errors.Is(err, ecaptune.ErrRange) {
//		...
//	}
package ecaptune
