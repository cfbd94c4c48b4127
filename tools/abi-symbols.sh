#!/bin/sh
# SPDX-License-Identifier: MIT
# Prints the dpkg symbols file (deb-symbols(5)) of a built libecaptune.so.1:
# every exported symbol with its version node, and the package version that
# introduced it.  A symbol already in the stored file OLD keeps its version;
# a new one gets VERSION (the version being released).
#   tools/abi-symbols.sh SO VERSION [OLD]
set -eu
so=$1
version=$2
old=${3:-/dev/null}
[ -f "$old" ] || old=/dev/null
echo "libecaptune.so.1 libecaptune1 #MINVER#"
echo "* Build-Depends-Package: libecaptune-dev"
# nm prints name@@NODE for a default version; a version node itself is an
# absolute symbol without one, listed as NODE@NODE as dpkg-gensymbols does.
${NM:-nm} -D --defined-only "$so" | awk '$2 ~ /^[TDBRVA]$/ {print $3}' |
	sed -e 's/@@*/@/' -e '/@/!s/.*/&@&/' | LC_ALL=C sort -u |
	awk -v version="$version" -v old="$old" '
	BEGIN {
		while ((getline line < old) > 0)
			if (line ~ /^ /) {
				split(line, f, " ")
				since[f[1]] = f[2]
			}
	}
	{ print " " $1 " " ($1 in since ? since[$1] : version) }'
