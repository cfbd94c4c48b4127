/* SPDX-License-Identifier: MIT */
/*
 * render-emr.c - --format emr: the Amazon EMR configurations JSON (the
 * Configurations of RunJobFlow, or "Software settings" in the console):
 *
 * - "spark": maximizeResourceAllocation false, so EMR does not replace
 *   the advised executor size with its own whole-node one;
 * - "spark-defaults": the advised Spark properties;
 * - "yarn-site": with a node from the catalog, the container memory EMR
 *   gives that node type (yarn.nodemanager.resource.memory-mb) and the
 *   same as the largest container YARN grants, so the advised
 *   container fits.
 *
 * Every value is a string, as the API requires.
 */
#include <stdlib.h>

#include <jansson.h>

#include "ecaptune-cli.h"

static json_t *
classification(const char *name, json_t *properties)
{
	return json_pack("{s:s, s:o}", "Classification", name, "Properties",
			 properties);
}

int
render_emr(FILE *f, const struct plan *p)
{
	struct ecap_property props[CLI_MAX_PROPS];
	json_t *root, *defaults, *yarn;
	char mb[32];
	int i, n;

	if ((n = spark_props(p, props)) < 0)
		return CLI_EXIT_INPUT;
	root = json_array();
	json_array_append_new(root, classification("spark",
		json_pack("{s:s}", "maximizeResourceAllocation", "false")));
	defaults = json_object();
	for (i = 0; i < n; i++)
		json_object_set_new(defaults, props[i].key,
				    json_string(props[i].value));
	json_array_append_new(root, classification("spark-defaults",
						   defaults));
	if (p->have_node) {
		snprintf(mb, sizeof(mb), "%lld",
			 (long long)p->node.yarn_memory_mb);
		yarn = json_pack("{s:s, s:s}",
				 "yarn.nodemanager.resource.memory-mb", mb,
				 "yarn.scheduler.maximum-allocation-mb", mb);
		json_array_append_new(root, classification("yarn-site", yarn));
	}
	return print_json(f, root);
}
