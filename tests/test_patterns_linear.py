"""Every regular expression runs in linear time (issue 5), proven two ways:

1. each pattern alone: every alternative of every ``boilerstrip/data/*.re`` catalogue (with
   ``fullmatch``, as :func:`boilerstrip.lexicon.pattern` is used) and every compiled pattern at
   module level in the package (with ``match``) is timed on adversarial strings of size n and
   4n (CPU time of this process, so other jobs on a busy machine do not skew the ratio); 4x the input must cost well under the 16x of quadratic
   backtracking. The adversarial strings come from each pattern's own parse tree: its literal
   prefix and every repeat pumped to length, then a character that makes the match fail at the
   end, plus repeated near-matches and long runs of separators.
2. the whole pipeline: cleaning 1 MB of adversarial lines built from every catalogue (and every
   line rule's catalogue) is timed against cleaning 1 MB of normal text with the same line
   lengths; the ratio must stay under 5 (min of a few repeats, ratio not absolute time).

Both pick up new catalogues, patterns and rules automatically.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
import random
import re
import time
from functools import cache
from typing import Any

import pytest
import regex

import boilerstrip
from boilerstrip import lexicon

try:  # Python 3.11+: the parser behind re
    import re._parser as sre_parse  # type: ignore[import-not-found]
    from re import _constants as sre_const  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as sre_const  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

#: Pumped repeats are this long at size n, and 4x at size 4n.
PUMP = 500
#: A pattern is linear when 4x the input costs less than this many times more (quadratic: 16x).
PATTERN_MAX_GROWTH = 10
#: Below this many seconds at size 4n timings are noise, whatever their ratio.
NOISE_FLOOR = 0.001
#: Seconds one regex call may take before it counts as catastrophic (exponential) backtracking.
CALL_TIMEOUT = 0.5
#: The whole-pipeline ratio the issue sets: 1 MB adversarial vs 1 MB normal.
PIPELINE_MAX_RATIO = 5
PIPELINE_BYTES = 1_000_000
REPEATS = 3

SEPARATORS = " .-|_=*•·/\\:,;'\"()[]<>#!?~+&%@"


# --- collecting every pattern ------------------------------------------------------------------


def catalogue_alternatives() -> list[tuple[str, str]]:
    """(file, alternative) for every line of every .re catalogue, plus each file's combined pattern."""
    out: list[tuple[str, str]] = []
    for name in lexicon.available(".re"):
        out.extend((name, alt) for alt in lexicon._entries(name))
    return out


@cache
def code_patterns() -> list[tuple[str, Any]]:
    """Every compiled pattern bound at module level anywhere in the package."""
    found: dict[int, tuple[str, Any]] = {}
    for mod in pkgutil.walk_packages(boilerstrip.__path__, "boilerstrip."):
        if mod.name.endswith("__main__"):
            continue
        module = importlib.import_module(mod.name)
        for attr, value in vars(module).items():
            if isinstance(value, (re.Pattern, regex.Pattern)) and id(value) not in found:
                found[id(value)] = (f"{mod.name}.{attr}", value)
    return sorted(found.values(), key=lambda nv: nv[0])


# --- adversarial strings from a pattern's parse tree -------------------------------------------

_CATEGORY_CHAR = {
    "CATEGORY_WORD": "a",
    "CATEGORY_DIGIT": "1",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_WORD": "-",
    "CATEGORY_NOT_DIGIT": "a",
    "CATEGORY_NOT_SPACE": "a",
    "CATEGORY_LINEBREAK": "\n",
    "CATEGORY_NOT_LINEBREAK": "a",
}
_CANDIDATES = "a1 -.é!Z_'’:/&,"


def _in_char(items: list[Any]) -> str:
    """A character the class ``[...]`` accepts (or, negated, one it accepts by exclusion)."""
    negate = any(op == sre_const.NEGATE for op, _ in items)
    allowed: list[str] = []
    for op, av in items:
        if op == sre_const.LITERAL:
            allowed.append(chr(av))
        elif op == sre_const.RANGE:
            allowed.append(chr(av[0]))
        elif op == sre_const.CATEGORY:
            allowed.append(_CATEGORY_CHAR.get(str(av), "a"))
    if not negate:
        return allowed[0] if allowed else "a"
    pat = re.compile("[" + "".join(re.escape(c) for c in allowed) + "]") if allowed else None
    return next((c for c in _CANDIDATES if pat is None or not pat.match(c)), "a")


def _gen(tree: Any, pump: int, branch: int) -> str:
    out: list[str] = []
    for op, av in tree:
        if op == sre_const.LITERAL:
            out.append(chr(av))
        elif op == sre_const.NOT_LITERAL:
            out.append("a" if av != ord("a") else "b")
        elif op == sre_const.ANY:
            out.append("a")
        elif op == sre_const.IN:
            out.append(_in_char(av))
        elif op == sre_const.BRANCH:
            options = av[1]
            out.append(_gen(options[branch % len(options)], pump, branch))
        elif op == sre_const.SUBPATTERN:
            out.append(_gen(av[-1], pump, branch))
        elif str(op) == "ATOMIC_GROUP":
            out.append(_gen(av, pump, branch))
        elif op in (sre_const.MAX_REPEAT, sre_const.MIN_REPEAT) or str(op) == "POSSESSIVE_REPEAT":
            lo, hi, sub = av
            count = max(lo, pump if hi == sre_const.MAXREPEAT else min(hi, pump))
            one = _gen(sub, pump, branch)
            if one:
                out.append(one * max(1, min(count, pump // max(1, len(one)) + 1)))
    return "".join(out)


def adversarial(pat: str, n: int) -> list[str]:
    """Strings near ``pat`` of length ~n that fail late: pumped repeats, then a wrong ending."""
    out: list[str] = []
    try:
        tree = sre_parse.parse(pat, re.IGNORECASE)
    except (re.error, OverflowError, RecursionError):
        tree = None
    samples: list[str] = []
    if tree is not None:
        for branch in range(3):
            samples.append(_gen(tree, n, branch))
            samples.append(_gen(tree, 8, branch))
    literal = re.match(r"[\w ]+", pat)
    if literal:
        samples.append(literal.group(0))
    for s in dict.fromkeys(s for s in samples if s):
        body = s if len(s) >= n else (s + " ") * (n // (len(s) + 1) + 1)
        body = body[:n]
        for end in ("!", "\u2603", " x"):
            out.append(body + end)
        out.append(body[:-1])
    for ch in SEPARATORS:
        out.append(ch * n + "!")
    out.append("a " * (n // 2) + "!")
    out.append("a" * n + "!")
    out.append("1" * n + "x")
    return out


def _seconds(fn: Any, arg: str) -> float:
    best = float("inf")
    gc.disable()
    try:
        for _ in range(REPEATS):
            start = time.process_time()
            fn(arg)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def _caller(compiled: Any, method: str) -> Any:
    call = getattr(compiled, method)
    if isinstance(compiled, regex.Pattern):
        return lambda s: call(s, timeout=CALL_TIMEOUT)
    return call


def _guarded(compiled: Any) -> Any:
    """A ``regex`` twin of an ``re`` pattern, so a catastrophic case times out instead of hanging."""
    if isinstance(compiled, regex.Pattern):
        return compiled
    flags = regex.V0 | (regex.IGNORECASE if compiled.flags & re.IGNORECASE else 0) | (regex.DOTALL if compiled.flags & re.DOTALL else 0)
    flags |= regex.MULTILINE if compiled.flags & re.MULTILINE else 0
    flags |= regex.VERBOSE if compiled.flags & re.VERBOSE else 0
    try:
        return regex.compile(compiled.pattern, flags) if isinstance(compiled.pattern, str) else None
    except regex.error:
        return None


def check_linear(name: str, compiled: Any, source: str, method: str) -> list[str]:
    """Problems found: calls that time out, and strings where 4x the size costs >= PATTERN_MAX_GROWTH x.
    ``re`` patterns are timed through their ``regex`` twin, whose timeout bounds the test."""
    problems: list[str] = []
    twin = _guarded(compiled)
    small_inputs = adversarial(source, PUMP)
    big_inputs = adversarial(source, 4 * PUMP)
    for small, big in zip(small_inputs, big_inputs, strict=False):
        if twin is not None:
            try:
                _caller(twin, method)(big)
            except TimeoutError:
                problems.append(f"{name}: {method} on {big[:40]!r}... ({len(big)} chars) took over {CALL_TIMEOUT}s")
                return problems  # catastrophic: one case is proof enough
        call = _caller(twin if twin is not None else compiled, method)  # the twin has a timeout: never hangs
        for _attempt in range(3):  # a slow outlier (another process, a page fault) must repeat to count
            t_big = _seconds(call, big)
            if t_big < NOISE_FLOOR:
                break
            t_small = max(_seconds(call, small), 1e-6)
            if t_big / t_small < PATTERN_MAX_GROWTH:
                break
        else:
            problems.append(f"{name}: {method} {t_small * 1e3:.2f} ms at {len(small)} chars, {t_big * 1e3:.2f} ms at {len(big)} ({big[:40]!r}...)")
    return problems


# --- 1. every pattern alone ----------------------------------------------------------------------


def test_catalogues_and_code_define_patterns_to_check():
    assert lexicon.available(".re"), "no .re catalogues found"
    assert code_patterns(), "no compiled patterns found in the package"


@pytest.mark.parametrize("name", lexicon.available(".re"))
def test_every_catalogue_pattern_is_linear(name):
    problems: list[str] = []
    for alt in lexicon._entries(name):
        compiled = regex.compile(alt, regex.IGNORECASE | regex.V0)
        problems += check_linear(f"{name}: {alt}", compiled, alt, "fullmatch")
    combined = lexicon.pattern(name.removesuffix(".re"))
    for alt in lexicon._entries(name)[:5]:
        problems += check_linear(f"{name} (combined)", combined, alt, "fullmatch")
    assert not problems, "\n".join(problems)


def test_every_pattern_in_code_is_linear():
    """Anchored at the start (``match``), as line rules use them. Unanchored uses (``search``,
    ``sub``, ``split``) run on length-capped, whitespace-normalised lines; the pipeline test below
    covers them as they are really called."""
    problems: list[str] = []
    for name, compiled in code_patterns():
        if not isinstance(compiled.pattern, str):
            continue
        problems += check_linear(name, compiled, compiled.pattern, "match")
    assert not problems, "\n".join(problems)


def test_the_checker_catches_quadratic_and_exponential_patterns():
    """The check above is not vacuous: known-bad patterns fail it, their fixed forms pass."""
    assert check_linear("nested", regex.compile(r"(?:a+)+b"), r"(?:a+)+b", "fullmatch")
    assert check_linear("quadratic", re.compile(r".*a.*b"), r".*a.*b", "fullmatch")
    assert not check_linear("possessive", regex.compile(r"(?:a++)++b"), r"(?:a++)++b", "fullmatch")
    assert not check_linear("anchored", re.compile(r"a\s+$"), r"a\s+$", "match")


# --- 2. the whole pipeline: 1 MB adversarial vs 1 MB normal ----------------------------------

WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at which but have an they "
    "council budget minister river school hospital election court police report company market weather storm city "
    "village research study scientists water energy price workers union farmers museum festival season officials"
).split()


def _normal_line(rng: random.Random, length: int) -> str:
    words: list[str] = []
    size = 0
    while size < length:
        w = rng.choice(WORDS)
        words.append(w)
        size += len(w) + 1
    words[0] = words[0].capitalize()
    return " ".join(words)[: max(1, length - 1)].rstrip() + "."


def _line_lengths(rng: random.Random) -> list[int]:
    """A page's shape: mostly paragraphs, many short lines, a few very long ones."""
    lengths: list[int] = []
    total = 0
    while total < PIPELINE_BYTES:
        kind = rng.random()
        n = rng.randint(10, 60) if kind < 0.4 else rng.randint(150, 900) if kind < 0.97 else rng.randint(5000, 40000)
        lengths.append(n)
        total += n + 1
    return lengths


@cache
def _chrome_seeds() -> tuple[str, ...]:
    seeds: list[str] = []
    for name in lexicon.available(".txt"):
        seeds.extend(lexicon._entries(name))
    for _, alt in catalogue_alternatives():
        try:
            tree = sre_parse.parse(alt, re.IGNORECASE)
        except (re.error, OverflowError, RecursionError):
            continue
        seeds.extend(s for s in (_gen(tree, 3, b) for b in range(3)) if s.strip())
    return tuple(dict.fromkeys(seeds))


def _adversarial_line(rng: random.Random, length: int) -> str:
    """A line of the given length that nearly matches chrome: pumped patterns, repeated phrases,
    a catalogue phrase with its end changed, or a run of separators."""
    kind = rng.random()
    if kind < 0.25:
        return rng.choice(SEPARATORS) * length
    seed = rng.choice(_chrome_seeds())
    if kind < 0.5:
        return ((seed + " ") * (length // (len(seed) + 1) + 1))[:length].rstrip() + "!"
    if kind < 0.6:
        return (seed[:-1] + "\u2603")[:length]
    if kind < 0.75:
        word = (seed.split() or ["x"])[0]
        return (seed + " " + (word + " ") * length)[:length].rstrip() + " #"
    alt = rng.choice(catalogue_alternatives())[1]
    choices = adversarial(alt, max(8, length))
    return rng.choice(choices)[:length]


def _pages() -> tuple[str, str]:
    rng = random.Random(5)
    lengths = _line_lengths(rng)
    normal = "\n".join(_normal_line(rng, n) for n in lengths)
    hostile = "\n".join(_fill(_adversarial_line(rng, n), n) for n in lengths)
    return normal, hostile


def _fill(line: str, length: int) -> str:
    """``line`` repeated up to ``length`` characters: a short near-miss (a catalogue phrase with
    its end changed) would otherwise make the page's size depend on the catalogues' contents."""
    if not line or len(line) >= length:
        return line
    return ((line + " ") * (length // (len(line) + 1) + 1))[:length].rstrip()


def _clean_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.process_time()
        boilerstrip.clean(text, input_format="text")
        best = min(best, time.process_time() - start)
    return best


def test_adversarial_megabyte_costs_at_most_5x_a_normal_megabyte():
    normal, hostile = _pages()
    assert len(normal) >= PIPELINE_BYTES and len(hostile) >= 0.9 * PIPELINE_BYTES
    boilerstrip.clean("warm up the rules and catalogues.")
    t_normal, t_hostile = _clean_seconds(normal), _clean_seconds(hostile)
    ratio = t_hostile / t_normal
    print(f"1 MB normal {t_normal:.3f}s, 1 MB adversarial {t_hostile:.3f}s, ratio {ratio:.2f}")
    assert ratio <= PIPELINE_MAX_RATIO, f"adversarial {t_hostile:.3f}s vs normal {t_normal:.3f}s: ratio {ratio:.1f} > {PIPELINE_MAX_RATIO}"
