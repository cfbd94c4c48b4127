/* SPDX-License-Identifier: MIT */
/*
 * ecaptune/property.h - rendered engine properties.
 *
 * Part of the public interface; include <ecaptune.h>, not this file.
 */
#ifndef ECAPTUNE_PROPERTY_H
#define ECAPTUNE_PROPERTY_H

#ifndef ECAPTUNE_H
#error "include <ecaptune.h> instead of <ecaptune/property.h>"
#endif

/* ------------------------------------------------------------------------
 * Spark properties (shared by the advisors that render settings)
 */

/*
 * One Spark (or engine) property.  Functions that render properties fill a
 * caller-provided array: the caller sets sz in the first element (e.g.
 * ECAP_STRUCT_INIT on each), the library uses it as the array's stride,
 * takes the capacity in *count and stores the number written; when the
 * array is too small it stores the number needed and returns
 * ECAP_ERR_NOSPACE.
 */
struct ecap_property {
	size_t sz;
	char key[96];
	char value[160];
	size_t :0;
};
#define ecap_property__last_field value

#endif /* ECAPTUNE_PROPERTY_H */
