#!/bin/sh
# Installs what building and testing libecaptune needs, from Debian's
# packages, when it is missing.  Safe to run again.
set -eu
pkgs="autoconf automake libtool pkg-config make gcc g++ libjansson-dev check mandoc valgrind"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
	echo "install-deps: installing$missing"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
fi
