# SPDX-License-Identifier: MIT
"""Every function lib/libecaptune.sym exports is bound, or listed in
ecaptune._lib.NOT_YET_BOUND with a reason (empty for the foundation)."""

from __future__ import annotations

import pathlib
import re

import ecaptune
from ecaptune import _lib
from ecaptune.enums import c_enums

from conftest import sym_file

PKG = pathlib.Path(ecaptune.__file__).resolve().parent


def exported() -> set:
    text = re.sub(r"/\*.*?\*/", "", sym_file().read_text(), flags=re.S)
    m = re.search(r"global:(.*?)local:", text, re.S)
    assert m, "no global: section in libecaptune.sym"
    names = set()
    for node in re.finditer(r"global:(.*?)(?:local:|\};)", text, re.S):
        names |= set(re.findall(r"\b(ecap_\w+)\s*;", node.group(1)))
    return names


def test_sym_parser_sees_the_foundation():
    names = exported()
    assert {"ecap_version_number", "ecap_policy_new", "ecap_free"} <= names


def test_every_export_is_bound_or_listed():
    names = exported()
    unbound = names - set(_lib.PROTOTYPES) - set(_lib.NOT_YET_BOUND)
    assert not unbound, f"exported but neither bound nor listed: {sorted(unbound)}"


def test_not_yet_bound_is_honest():
    for name, reason in _lib.NOT_YET_BOUND.items():
        assert name in exported(), f"{name} is listed but not exported"
        assert name not in _lib.PROTOTYPES, f"{name} is listed but bound"
        assert reason.strip(), f"{name} has no reason"


def test_foundation_is_fully_bound():
    foundation = {n for n in exported()
                  if n.startswith(("ecap_version_", "ecap_strerror", "ecap_free",
                                   "ecap_model_", "ecap_policy_"))}
    assert foundation <= set(_lib.PROTOTYPES)
    assert not foundation & set(_lib.NOT_YET_BOUND)


def test_prototypes_are_exported_and_used():
    """A prototype names a real export and is called by some module."""
    sources = "".join(p.read_text() for p in PKG.glob("*.py")
                      if p.name != "_lib.py")
    # CEnum calls the name functions of every enum it mirrors by name.
    generic = {c.c_enum_name() + suffix for c in c_enums()
               for suffix in ("_to_string", "_from_string")}
    for name in _lib.PROTOTYPES:
        assert name in exported(), f"{name} is bound but not exported"
        used = (f'"{name}"' in sources or f".{name}(" in sources or
                name in generic)
        assert used, f"{name} has a prototype but no Python caller"


def test_every_binding_file_is_distributed():
    """make distcheck ships only what Makefile.am lists."""
    from conftest import top_srcdir

    top = top_srcdir()
    text = (top / "Makefile.am").read_text()
    root = top / "bindings" / "python"
    for p in sorted(list(root.glob("ecaptune/*.py")) + list(root.glob("tests/*.py"))):
        rel = p.relative_to(top).as_posix()
        assert rel in text, f"{rel} is missing from PYTHON_BINDING_FILES"
