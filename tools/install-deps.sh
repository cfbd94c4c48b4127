#!/bin/sh
# Installs what building libecaptune needs, from Debian's packages, when it
# is missing; with --test also what its checks need from Debian (groff,
# abigail-tools, dpkg-dev) and from PyPI (pytest and hypothesis for the
# Python binding, mypy for its types, numpy for its batch path, pyyaml,
# botocore and jsonschema for the ecaptune format checks, pyspark for the
# Spark engine checks).
# Safe to run again.
set -eu
tests=no
case "${1:-}" in
--test) tests=yes ;;
"") ;;
*) echo "usage: tools/install-deps.sh [--test]" >&2; exit 2 ;;
esac
# Installs from Debian those of the given packages that are missing.
install_missing() {
	missing=""
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
			missing="$missing $p"
	done
	[ -n "$missing" ] || return 0
	if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
	echo "install-deps: installing$missing"
	$sudo apt-get update -qq
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
}
install_missing autoconf automake libtool pkg-config make gcc g++ \
	libjansson-dev check mandoc valgrind
[ "$tests" = yes ] || exit 0
# The checks: groff -ww on the man pages, abidw/abidiff for make check-abi
# and update-abi, dpkg-gensymbols for the symbols file.
install_missing groff-base abigail-tools dpkg-dev
# The Python binding's tests (bindings/python) need pytest and hypothesis;
# mypy checks the examples' types.
if command -v python3 >/dev/null 2>&1 &&
	! python3 -c 'import pytest, hypothesis, mypy' 2>/dev/null; then
	echo "install-deps: installing pytest hypothesis mypy (pip)"
	python3 -m pip install -q hypothesis pytest mypy
fi
# ecaptune's format checks (tests/cli/check-formats.py) read YAML with
# PyYAML, validate the EMR and RDS requests against botocore's service
# models and the JSON against its schema with jsonschema.
if command -v python3 >/dev/null 2>&1 &&
	! python3 -c 'import yaml, botocore, jsonschema' 2>/dev/null; then
	echo "install-deps: installing pyyaml botocore jsonschema (pip)"
	python3 -m pip install -q pyyaml botocore jsonschema
fi
# numpy is optional for the binding; its batch tests and make bench's
# batch column use it (they skip, or fall back to lists, without it).
if command -v python3 >/dev/null 2>&1 &&
	! python3 -c 'import numpy' 2>/dev/null; then
	echo "install-deps: installing numpy (pip)"
	python3 -m pip install -q numpy
fi
# The engine checks (tests/spark) need pyspark; they also need java, and
# skip without it.
if command -v python3 >/dev/null 2>&1 &&
	! python3 -c 'import pyspark' 2>/dev/null; then
	echo "install-deps: installing pyspark (pip)"
	python3 -m pip install -q 'pyspark==3.5.3'
fi
