#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Keeps the Go binding's constants Go constants.

    tools/go-consts.py GO_PACKAGE_DIR [INCLUDE_DIR]

1. Every constant declared from cgo (``Name Type = C.ECAP_X``, one a line)
   gets the C value as a literal, so ``go doc`` shows the value and not
   ``C.ECAP_X``, and a doc comment naming the C constant: ``// Name is
   ECAP_X: <its trailing comment>.``, or ``// C: ECAP_X.`` appended to a
   doc comment it already has.
2. ``cconsts.go`` is rewritten from those doc comments: for each constant
   a constant expression that does not compile unless the Go value equals
   the C one in the header the package is compiled against.

Values come from the C compiler ($CC, default cc) reading INCLUDE_DIR
(default: include/ beside this script's folder).  Run it after adding a
constant as ``= C.ECAP_X``; gofmt the package afterwards.
"""

from __future__ import annotations

import os
import pathlib
import re
import shlex
import subprocess
import sys
import tempfile

DECL = re.compile(
    r"^(?P<indent>\s*)(?P<const>const\s+)?(?P<name>[A-Z][A-Za-z0-9_]*)"
    r"(?P<type>\s+[A-Z][A-Za-z0-9_]*)?\s*=\s*C\.(?P<c>ECAP_[A-Z0-9_]+)"
    r"\s*(?://\s*(?P<comment>.*))?$")
NAMED = re.compile(r"(?:\bis |\bC: )(ECAP_[A-Z0-9_]+)\b")
# Describe the header the package is compiled against, which may be newer
# (same major, checked by cgo.go's #error): no equality check.
UNCHECKED = {"VersionMajor", "VersionMinor", "VersionPatch", "HeaderVersion"}


def c_values(names: list[str], include: pathlib.Path) -> dict[str, str]:
    """The Go literal of each C constant, printed by the C compiler."""
    lines = ["#include <stdio.h>", "#include \"ecaptune.h\"",
             "static void pi(const char *n, long long v) { printf(\"%s i %lld\\n\", n, v); }",
             "static void pd(const char *n, double v) { printf(\"%s d %.17g\\n\", n, v); }",
             "static void ps(const char *n, const char *v) { printf(\"%s s %s\\n\", n, v); }",
             "#define P(x) _Generic((x), char *: ps, const char *: ps, "
             "double: pd, float: pd, default: pi)(#x, (x))",
             "int main(void) {"]
    lines += [f"\tP({n});" for n in sorted(set(names))]
    lines += ["\treturn 0;", "}"]
    cc = shlex.split(os.environ.get("CC") or "cc")
    with tempfile.TemporaryDirectory() as d:
        src, exe = pathlib.Path(d, "v.c"), pathlib.Path(d, "v")
        src.write_text("\n".join(lines) + "\n")
        subprocess.run(cc + ["-std=c11", "-I", str(include), "-o", str(exe),
                             str(src)], check=True)
        out = subprocess.run([str(exe)], check=True, capture_output=True,
                             text=True).stdout
    values = {}
    for line in out.splitlines():
        name, kind, value = line.split(" ", 2)
        if kind == "s":
            value = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        elif kind == "d":
            value = go_float(float(value))
        values[name] = value
    return values


def go_float(v: float) -> str:
    """The shortest literal that is v, kept a float literal (1e+12)."""
    for prec in range(1, 18):
        text = f"{v:.{prec}g}"
        if float(text) == v:
            break
    return text if any(c in text for c in ".e") else text + ".0"


def sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith(".") else text + "."


def rewrite(path: pathlib.Path, values: dict[str, str]) -> None:
    lines = path.read_text().split("\n")
    out: list[str] = []
    for line in lines:
        m = DECL.match(line)
        if not m:
            out.append(line)
            continue
        indent, name, cname = m["indent"], m["name"], m["c"]
        doc = out[-1].strip().startswith("//") if out else False
        if doc:
            if cname not in out[-1] and not any(
                    cname in x for x in out[-3:]):
                out.append(f"{indent}// C: {cname}.")
            if m["comment"]:
                out.append(f"{indent}// {sentence(m['comment'])}")
        elif m["comment"]:
            out.append(f"{indent}// {name} is {cname}: {sentence(m['comment'])}")
        else:
            out.append(f"{indent}// {name} is {cname}.")
        out.append(f"{indent}{m['const'] or ''}{name}{m['type'] or ''} = "
                   f"{values[cname]}")
    path.write_text("\n".join(out))


def documented(paths: list[pathlib.Path]) -> list[tuple[str, str, bool]]:
    """(Go name, C name, is a float) of every exported constant whose doc
    comment names its C constant ("is ECAP_X" or "C: ECAP_X")."""
    found = []
    decl = re.compile(r"^\s*(?:const\s+)?([A-Z][A-Za-z0-9_]*)"
                      r"(?:\s+[A-Z][A-Za-z0-9_]*)?\s*=\s*(\S+)")
    for path in paths:
        doc: list[str] = []
        for line in path.read_text().split("\n"):
            s = line.strip()
            if s.startswith("//"):
                doc.append(s)
                continue
            m = decl.match(line)
            if m and doc and m[1] not in UNCHECKED:
                c = NAMED.findall(" ".join(doc))
                if c:
                    is_float = "." in m[2] or "e" in m[2].lower()
                    found.append((m[1], c[-1], is_float))
            doc = []
    return found


def write_checks(pkg: pathlib.Path, consts: list[tuple[str, str, bool]]) -> None:
    body = []
    for name, cname, is_float in sorted(consts):
        diff = f"{name}-C.{cname}"
        body.append(f"\t_ = [1]struct{{}}{{}}[int({diff})]" if is_float
                    else f"\t_ = [1]struct{{}}{{}}[{diff}]")
    pkg.joinpath("cconsts.go").write_text(
        "// SPDX-License-Identifier: MIT\n"
        "// Code generated by tools/go-consts.py; DO NOT EDIT.\n\n"
        "package " + package_name(pkg) + "\n\n"
        "// #include <ecaptune.h>\nimport \"C\"\n\n"
        "// The package's constants are Go literals, so go doc shows their\n"
        "// values.  Each expression below indexes a one-element array with\n"
        "// the difference between a constant and its C counterpart in the\n"
        "// header the package is compiled against: any difference does not\n"
        "// compile.\n"
        "var (\n" + "\n".join(body) + "\n)\n")


def package_name(pkg: pathlib.Path) -> str:
    for path in sorted(pkg.glob("*.go")):
        m = re.search(r"^package (\w+)", path.read_text(), re.M)
        if m:
            return m[1]
    raise SystemExit(f"no Go package in {pkg}")


def main() -> None:
    pkg = pathlib.Path(sys.argv[1])
    include = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else \
        pathlib.Path(__file__).resolve().parents[1] / "include"
    sources = [p for p in sorted(pkg.glob("*.go"))
               if not p.name.endswith("_test.go") and p.name != "cconsts.go"]
    wanted = [m["c"] for p in sources for line in p.read_text().split("\n")
              if (m := DECL.match(line))]
    if wanted:
        values = c_values(wanted, include)
        for p in sources:
            rewrite(p, values)
    write_checks(pkg, documented(sources))


if __name__ == "__main__":
    main()
