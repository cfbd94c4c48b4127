#!/bin/sh
# include/ecaptune.h compiles on its own as C99, C11 and C++, warning-free.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '#include <ecaptune.h>\nint ecap_header_test(void);\nint ecap_header_test(void) { return ECAP_VERSION_MAJOR; }\n' >"$tmp/t.c"
cp "$tmp/t.c" "$tmp/t.cc"
flags="-Wall -Wextra -Werror -pedantic -I$top_srcdir/include -c"
for std in c99 c11; do
	${CC:-cc} -std=$std $flags -o "$tmp/t-$std.o" "$tmp/t.c"
	echo "PASS: $std"
done
if command -v "${CXX:-c++}" >/dev/null 2>&1; then
	for std in c++11 c++17; do
		${CXX:-c++} -std=$std $flags -o "$tmp/t-$std.o" "$tmp/t.cc"
		echo "PASS: $std"
	done
fi
