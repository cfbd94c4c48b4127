#!/bin/sh
# make check: every stored fuzz input (fuzz/corpus/<target>/) through its
# target, built with whatever compiler configure chose.
set -eu
exec "${top_builddir:-.}/fuzz/replay" "${top_srcdir:-.}/fuzz/corpus"
