/* SPDX-License-Identifier: MIT */
/*
 * replay - runs the stored corpus through every fuzz target, with any
 * compiler (make check): replay DIR runs every file of DIR/<target>/
 * through its target; replay TARGET FILE... runs files through one (a crash to
 * reproduce).  A failed property aborts.
 */
#include <dirent.h>
#include <errno.h>

#include "fuzz.h"

typedef int (*target_fn)(const uint8_t *data, size_t size);

static const struct {
	const char *name;
	target_fn fn;
} targets[] = {
#define ECAP_FUZZ_ENTRY(name) { #name, ecap_fuzz_##name },
	ECAP_FUZZ_TARGETS(ECAP_FUZZ_ENTRY)
#undef ECAP_FUZZ_ENTRY
};
#define N_TARGETS (sizeof(targets) / sizeof(targets[0]))

static int
run_file(target_fn fn, const char *path)
{
	uint8_t *buf = NULL;
	size_t n = 0, cap = 0, got;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	do {
		if (n == cap) {
			uint8_t *grown;

			cap = cap ? cap * 2 : 4096;
			if ((grown = realloc(buf, cap)) == NULL) {
				free(buf);
				fclose(f);
				return -1;
			}
			buf = grown;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	/* A copy of exactly n bytes, so that ASan sees a read past it. */
	{
		uint8_t *exact = malloc(n ? n : 1);

		if (exact == NULL) {
			free(buf);
			return -1;
		}
		memcpy(exact, buf, n);
		free(buf);
		fn(exact, n);
		free(exact);
	}
	return 0;
}

static int
run_dir(target_fn fn, const char *dir, size_t *count)
{
	char path[8192];
	struct dirent *e;
	DIR *d = opendir(dir);
	int rc = 0;

	if (d == NULL)
		return 0;	/* a target without stored inputs */
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
				     e->d_name) >= sizeof(path))
			continue;
		if (run_file(fn, path) != 0)
			rc = -1;
		(*count)++;
	}
	closedir(d);
	return rc;
}

int
main(int argc, char **argv)
{
	char dir[4096];
	size_t i, count;
	int k, rc = 0;

	if (argc == 2) {
		for (i = 0; i < N_TARGETS; i++) {
			count = 0;
			snprintf(dir, sizeof(dir), "%s/%s", argv[1],
				 targets[i].name);
			if (run_dir(targets[i].fn, dir, &count) != 0)
				rc = 1;
			printf("replay: %-12s %zu inputs\n", targets[i].name,
			       count);
		}
		return rc;
	}
	for (i = 0; argc > 2 && i < N_TARGETS; i++)
		if (strcmp(argv[1], targets[i].name) == 0) {
			for (k = 2; k < argc; k++)
				if (run_file(targets[i].fn, argv[k]) != 0)
					rc = 1;
			return rc;
		}
	fprintf(stderr, "usage: replay CORPUS-DIR | replay TARGET FILE...\n");
	return 2;
}
