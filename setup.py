"""Build script: compiles the text pipeline's hot modules with mypyc when it can.

boilerstrip is plain Python, and every module runs as it is. A regular install (``pip install .``,
a wheel) also compiles the modules in :data:`COMPILED` to C extensions with mypyc, the compiler
black and charset-normalizer ship with: the same code, type-checked, runs with ~22% fewer
instructions per page (see README, "Speed"). The ``.py`` files are installed beside them.

Left as plain Python:

* editable installs (``pip install -e .``): development and the test suite run the sources,
  so an edit takes effect at once and the doctests see their docstrings (a compiled module has
  none at run time);
* ``BOILERSTRIP_PURE=1`` in the environment of the install;
* a machine where the build fails (no C compiler, no Python headers): the install goes on
  without the extensions and says so.

Project metadata lives in pyproject.toml; this file only adds the extensions.
"""

from __future__ import annotations

import os
import sys
import traceback

from setuptools import setup
from setuptools.command.build_ext import build_ext

#: The modules compiled in a regular install: the text pipeline, from line splitting to the
#: rules (the HTML path, the CLI and the batch runner stay plain Python; their time is spent in
#: selectolax, trafilatura and I/O).
COMPILED = [
    "boilerstrip/model.py",
    "boilerstrip/segment.py",
    "boilerstrip/features.py",
    "boilerstrip/lexicon.py",
    "boilerstrip/language.py",
    "boilerstrip/dates.py",
    "boilerstrip/credits.py",
    "boilerstrip/bylines.py",
    "boilerstrip/pipeline.py",
    "boilerstrip/rules/boilerplate.py",
    "boilerstrip/rules/header.py",
    "boilerstrip/rules/header_byline.py",
    "boilerstrip/rules/header_settle.py",
    "boilerstrip/rules/header_title.py",
    "boilerstrip/rules/inserts.py",
    "boilerstrip/rules/promos.py",
    "boilerstrip/rules/prose.py",
    "boilerstrip/rules/region.py",
    "boilerstrip/rules/region_inside.py",
    "boilerstrip/rules/region_lists.py",
    "boilerstrip/rules/region_scores.py",
    "boilerstrip/rules/related.py",
    "boilerstrip/rules/shapes.py",
    "boilerstrip/rules/trailers.py",
]

#: setuptools commands that build the extensions; mypyc (which type-checks and writes C) runs only
#: for them, not for the metadata steps pip runs first.
_BUILD_COMMANDS = {"bdist_wheel", "build", "build_ext", "install"}
#: setuptools commands of an editable install (PEP 660, and the legacy ``setup.py develop``).
_EDITABLE_COMMANDS = {"editable_wheel", "develop"}


def _warn(message: str) -> None:
    print(f"boilerstrip setup: {message}", file=sys.stderr)


class OptionalBuildExt(build_ext):
    """build_ext that falls back to plain Python when the extensions cannot be built: it removes
    whatever it built (a half-compiled package would mix compiled and plain modules) and lets the
    install go on."""

    def run(self) -> None:
        try:
            super().run()
        except Exception:  # noqa: BLE001 - any compiler or linker failure means "install plain Python"
            _warn("could not compile the extensions; installing plain Python (slower, same results):")
            traceback.print_exc()
            for path in self.get_outputs():
                if os.path.exists(path):
                    os.remove(path)
            self.extensions = []


def _extensions() -> list:
    commands = set(sys.argv[1:])
    if _EDITABLE_COMMANDS & commands or not _BUILD_COMMANDS & commands:
        return []
    if os.environ.get("BOILERSTRIP_PURE") == "1":
        _warn("BOILERSTRIP_PURE=1: installing plain Python")
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypyc is not available; installing plain Python")
        return []
    try:
        return mypycify(COMPILED, opt_level="3")
    except (Exception, SystemExit):  # noqa: BLE001 - mypyc exits on type errors; the install goes on
        _warn("mypyc could not compile the modules; installing plain Python")
        traceback.print_exc()
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
