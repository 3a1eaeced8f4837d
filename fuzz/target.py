"""The fuzz target: one input (bytes) through every public path, with the invariants checked.

``check(data)`` is shared by the long fuzz run (``fuzz/run.py``: atheris when installed, else
hypothesis) and by the CI smoke test (``tests/test_fuzz_smoke.py``). It raises ``Finding`` (or any
other exception) when an invariant breaks; ``InputError`` for non-text bytes is the documented
outcome, not a finding.

Invariants checked for every input:

* bytes in: ``clean`` returns a ``str`` or raises ``InputError`` (only for bytes that cannot be text);
* the same input read as text, forced through the text path: ``extract`` never raises, the removal
  log replays to the body, every body line is a normalised input line, and ``clean`` is idempotent;
* the same text forced through the HTML path: ``extract`` never raises and returns a ``str`` body.
"""

from __future__ import annotations

import boilerstrip
from boilerstrip import InputError
from boilerstrip.api import replay
from boilerstrip.segment import normalize

#: Inputs are cut to this many bytes: the fuzzer looks for crashes and broken invariants, and
#: the size tests in tests/test_robustness.py cover big inputs.
MAX_INPUT_BYTES = 64 * 1024


#: Invariants ``check_text`` asserts; ``fuzz/run.py --skip idempotence`` drops one for a long run
#: that should look past a known failure.
INVARIANTS = {"replay", "source-lines", "idempotence"}


class Finding(AssertionError):
    """An invariant of boilerstrip broke on this input."""


def check(data: bytes) -> None:
    data = data[:MAX_INPUT_BYTES]
    try:
        out = boilerstrip.clean(data)
    except InputError:
        pass
    else:
        if not isinstance(out, str):
            raise Finding(f"clean(bytes) returned {type(out).__name__}")
    text = data.decode("utf-8", errors="replace")
    check_text(text)
    check_html(text)


def check_text(text: str) -> None:
    art = boilerstrip.extract(text, input_format="text")
    body = art.body
    if "replay" in INVARIANTS and replay(text, art.removed) != body:
        raise Finding("the removal log does not replay to the body")
    if "source-lines" in INVARIANTS:
        source = {normalize(raw) for raw in text.splitlines()}
        for line in body.split("\n"):
            if line and line not in source:
                raise Finding(f"body line not in the input: {line[:80]!r}")
    if "idempotence" not in INVARIANTS:
        return
    again = boilerstrip.clean(body, input_format="text")
    if again != body:
        raise Finding(f"clean is not idempotent: {len(body)} chars -> {len(again)} chars")


def check_html(text: str) -> None:
    art = boilerstrip.extract(text, input_format="html")
    if not isinstance(art.body, str):
        raise Finding(f"HTML body is {type(art.body).__name__}")
