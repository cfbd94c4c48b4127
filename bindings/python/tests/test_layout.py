# SPDX-License-Identifier: MIT
"""Every ctypes mirror matches the C compiler's layout of the header.

The C program is generated from ecaptune._structs.MIRRORS, so a new mirror
is covered without editing this file; a header struct with `size_t sz`
first and no mirror fails, as does a header field the mirror lacks.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import shlex
import subprocess

import pytest

from ecaptune import _structs as S

from conftest import include_dir


def _c_program() -> str:
    lines = [
        "#include <stddef.h>",
        "#include <stdio.h>",
        "#include \"ecaptune.h\"",
        "#define STR_(x) #x",
        "#define STR(x) STR_(x)",
        "int main(void) {",
        "\tprintf(\"{\");",
    ]
    for i, (name, cls) in enumerate(sorted(S.MIRRORS.items())):
        sep = "," if i else ""
        lines.append(
            f"\tprintf(\"{sep}\\\"{name}\\\": {{\\\"sizeof\\\": %zu, "
            f"\\\"last_field\\\": \\\"%s\\\", \\\"offsets\\\": {{\", "
            f"sizeof(struct {name}), STR({name}__last_field));")
        for j, (field, _) in enumerate(cls._fields_):
            fsep = "," if j else ""
            lines.append(
                f"\tprintf(\"{fsep}\\\"{field}\\\": %zu\", "
                f"offsetof(struct {name}, {field}));")
        lines.append("\tprintf(\"}}\");")
    lines += ["\tprintf(\"}\\n\");", "\treturn 0;", "}"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def c_layout(tmp_path_factory):
    cc = shlex.split(os.environ.get("CC") or "cc")
    d = tmp_path_factory.mktemp("layout")
    src, exe = d / "layout.c", d / "layout"
    src.write_text(_c_program())
    try:
        subprocess.run(cc + ["-I", str(include_dir()), "-o", str(exe),
                             str(src)], check=True, capture_output=True,
                       text=True)
    except FileNotFoundError:
        pytest.skip(f"no C compiler {cc[0]!r}")
    except subprocess.CalledProcessError as e:
        pytest.fail("the generated layout program does not compile "
                    f"(a mirrored struct or field is not in the header):\n"
                    f"{e.stderr}")
    out = subprocess.run([str(exe)], check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out)


def _header_structs() -> dict:
    """Sized public structs of the header: name -> field names in order."""
    text = "".join(
        f.read_text() for f in [include_dir() / "ecaptune.h",
                                *sorted((include_dir() / "ecaptune").glob("*.h"))])
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    found = {}
    for m in re.finditer(r"struct\s+(ecap_\w+)\s*\{(.*?)\};", text, re.S):
        body = m.group(2)
        fields = re.findall(r"\b([A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*;", body)
        if fields and fields[0] == "sz" and re.match(r"\s*size_t\s+sz\s*;", body):
            found[m.group(1)] = fields
    return found


@pytest.mark.parametrize("name", sorted(S.MIRRORS))
def test_struct_size_and_offsets(c_layout, name):
    cls = S.MIRRORS[name]
    c = c_layout[name]
    assert ctypes.sizeof(cls) == c["sizeof"], f"sizeof(struct {name})"
    for field, _ in cls._fields_:
        assert getattr(cls, field).offset == c["offsets"][field], \
            f"offsetof(struct {name}, {field})"
    assert cls._fields_[-1][0] == c["last_field"], \
        f"{name}__last_field is not the mirror's last field"


def test_every_sized_header_struct_is_mirrored():
    header = _header_structs()
    assert "ecap_error" in header  # the parser still works
    missing = sorted(set(header) - set(S.MIRRORS))
    assert not missing, f"header structs without a ctypes mirror: {missing}"


@pytest.mark.parametrize("name", sorted(S.MIRRORS))
def test_mirror_has_the_header_fields(name):
    header = _header_structs()
    assert name in header, f"struct {name} is not a sized header struct"
    assert [f for f, _ in S.MIRRORS[name]._fields_] == header[name]


def test_generated_program_covers_every_mirror():
    src = _c_program()
    for name, cls in S.MIRRORS.items():
        assert f"sizeof(struct {name})" in src
        for field, _ in cls._fields_:
            assert f"offsetof(struct {name}, {field})" in src
