// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <ecaptune.h>
*/
import "C"

// MaxInstanceClasses is the capacity of a policy's instance catalog.
const MaxInstanceClasses = C.ECAP_MAX_INSTANCE_CLASSES

// InstanceClass is a database instance class of the catalog (struct
// ecap_instance_class).
type InstanceClass struct {
	Name            string  // 1 to 63 printable characters, e.g. "db.r6g.xlarge"
	MemoryGB        float64 // > 0 .. 1048576
	PriceUSDPerHour float64 // on-demand price; 0 .. 1000000
	VCPUs           int32   // 1 .. 65536
}

func newCInstanceClass() *C.struct_ecap_instance_class {
	return initSized(new(C.struct_ecap_instance_class), C.sizeof_struct_ecap_instance_class)
}

func goInstanceClass(c *C.struct_ecap_instance_class) InstanceClass {
	return InstanceClass{
		Name:            goChars(c.name[:]),
		MemoryGB:        float64(c.memory_gb),
		PriceUSDPerHour: float64(c.price_usd_per_hour),
		VCPUs:           int32(c.vcpus),
	}
}

func (ic InstanceClass) c() (*C.struct_ecap_instance_class, error) {
	cc := newCInstanceClass()
	if err := setChars(cc.name[:], ic.Name, "name"); err != nil {
		return nil, err
	}
	cc.memory_gb = C.double(ic.MemoryGB)
	cc.price_usd_per_hour = C.double(ic.PriceUSDPerHour)
	cc.vcpus = C.int32_t(ic.VCPUs)
	return cc, nil
}

// InstanceClassCount is the number of classes in the catalog; 0 for a
// closed policy.
func (p *Policy) InstanceClassCount() int {
	var n int
	_ = p.read(func(cp *C.ecap_policy) error {
		n = int(C.ecap_policy_instance_class_count(cp))
		return nil
	})
	return n
}

// InstanceClassAt returns the class at index (the catalog is sorted by
// memory); ErrRange past the end.
func (p *Policy) InstanceClassAt(index int) (InstanceClass, error) {
	ci, err := cIndex(index)
	if err != nil {
		return InstanceClass{}, err
	}
	cc := newCInstanceClass()
	err = p.read(func(cp *C.ecap_policy) error {
		return call(func(ce *C.struct_ecap_error) C.int {
			return C.ecap_policy_instance_class_at(cp, ci, cc, ce)
		})
	})
	if err != nil {
		return InstanceClass{}, err
	}
	return goInstanceClass(cc), nil
}

// InstanceClass returns the class named name; ErrNotFound if none.
func (p *Policy) InstanceClass(name string) (InstanceClass, error) {
	cc := newCInstanceClass()
	err := p.read(func(cp *C.ecap_policy) error {
		return withCString(name, "instance_class", func(cn *C.char) error {
			return call(func(ce *C.struct_ecap_error) C.int {
				return C.ecap_policy_instance_class_find(cp, cn, cc, ce)
			})
		})
	})
	if err != nil {
		return InstanceClass{}, err
	}
	return goInstanceClass(cc), nil
}

// InstanceClasses lists the catalog, sorted by memory, as one consistent
// snapshot.
func (p *Policy) InstanceClasses() ([]InstanceClass, error) {
	var out []InstanceClass
	err := p.read(func(cp *C.ecap_policy) error {
		n := C.ecap_policy_instance_class_count(cp)
		out = make([]InstanceClass, 0, int(n))
		for i := C.size_t(0); i < n; i++ {
			cc := newCInstanceClass()
			err := call(func(ce *C.struct_ecap_error) C.int {
				return C.ecap_policy_instance_class_at(cp, i, cc, ce)
			})
			if err != nil {
				return err
			}
			out = append(out, goInstanceClass(cc))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SetInstanceClass adds ic, or replaces the class with the same name;
// ErrLimit when MaxInstanceClasses are already there.
func (p *Policy) SetInstanceClass(ic InstanceClass) error {
	cc, err := ic.c()
	if err != nil {
		return err
	}
	return p.write(func(cp *C.ecap_policy) error {
		return call(func(ce *C.struct_ecap_error) C.int {
			return C.ecap_policy_instance_class_set(cp, cc, ce)
		})
	})
}

// RemoveInstanceClass removes the class named name; ErrNotFound if none,
// ErrLimit for the last one (the catalog is never empty).
func (p *Policy) RemoveInstanceClass(name string) error {
	return p.write(func(cp *C.ecap_policy) error {
		return withCString(name, "instance_class", func(cn *C.char) error {
			return call(func(ce *C.struct_ecap_error) C.int {
				return C.ecap_policy_instance_class_remove(cp, cn, ce)
			})
		})
	})
}
