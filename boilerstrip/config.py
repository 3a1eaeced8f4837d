"""The one place where boilerstrip's options live.

Every public entry point takes ``config=`` (a :class:`Config`) and/or keyword overrides of its
fields, so ``clean(text, disable={"inline-ad-marker"})`` and
``clean(text, config=Config(disable=frozenset({"inline-ad-marker"})))`` mean the same thing.

>>> Config().replace(disable=["inline-ad-marker"]).disable
frozenset({'inline-ad-marker'})
>>> Config().replace(colour="red")
Traceback (most recent call last):
...
TypeError: unknown option 'colour'; options are: disable, rules, reference_time, input_format, max_bytes, language, templates, site, output
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

#: Inputs larger than this (in bytes, or characters for ``str``) are refused with ``InputError``
#: rather than risking memory blow-ups; raise it with ``max_bytes=`` when you mean it. Peak memory
#: is ~20x the input for paragraph text and ~70x for very short lines (per-line objects), so 32 MiB
#: keeps one worker under ~2.5 GB in the worst case, while real article pages are far below 5 MB.
#: A 50 MB file is therefore refused by default (tests/test_robustness_size.py).
DEFAULT_MAX_BYTES = 32 * 1024 * 1024

InputFormat = Literal["auto", "text", "html"]
Output = Literal["text", "markdown", "json"]


@dataclass(frozen=True)
class Config:
    """Options for :func:`~boilerstrip.clean`, :func:`~boilerstrip.extract`, :func:`~boilerstrip.explain`.

    Attributes:
        disable: rule ids to switch off (``boilerstrip rules`` lists them). An unknown id is an
            error, so a typo does not silently keep a rule on.
        rules: path to a TOML file of extra user rules (see README, "Adding a rule").
        reference_time: the moment the page was fetched; relative dates such as ``2 days ago``
            resolve to ``published_at`` only against it (timezone-aware; naive means UTC). A
            ``datetime`` or an ISO 8601 string (``"2025-08-16T12:00:00Z"``), as ``--reference-time``.
        input_format: ``auto`` (sniff HTML vs text), ``text`` or ``html``.
        max_bytes: inputs larger than this raise :class:`~boilerstrip.InputError`.
        language: ISO 639-1 code to use instead of per-document detection (e.g. ``de``).
        templates: learned site templates (:class:`boilerstrip.templates.Templates`, from
            ``boilerstrip learn`` or :func:`boilerstrip.templates.learn`); the ``site-template``
            rule removes the lines of the page's site that they hold. None: no template rule.
        site: the site the page belongs to, a key of ``templates`` (see
            :func:`boilerstrip.templates.page_site`); None: the host of the URL an HTML page
            declares (canonical link, og:url), else no template applies.
        output: what :func:`~boilerstrip.clean` returns: ``text`` (the body), ``markdown``
            (``Article.to_markdown()``) or ``json`` (``Article.to_dict()`` without the removal
            log, as a JSON string). :func:`~boilerstrip.extract` returns the Article either way.
    """

    disable: frozenset[str] = frozenset()
    rules: Path | None = None
    reference_time: _dt.datetime | None = None  # an ISO 8601 str is accepted too and parsed in __post_init__
    input_format: InputFormat = "auto"
    max_bytes: int = DEFAULT_MAX_BYTES
    language: str | None = None
    templates: Any = None  # boilerstrip.templates.Templates (not imported here: config is imported by everything)
    site: str | None = None
    output: Output = "text"

    def __post_init__(self) -> None:
        if not isinstance(self.disable, frozenset):
            object.__setattr__(self, "disable", _as_ids(self.disable))
        if self.rules is not None and not isinstance(self.rules, Path):
            object.__setattr__(self, "rules", Path(self.rules))
        if self.input_format not in ("auto", "text", "html"):
            raise ValueError(f"input_format must be auto, text or html, not {self.input_format!r}")
        if self.output not in ("text", "markdown", "json"):
            raise ValueError(f"output must be text, markdown or json, not {self.output!r}")
        if not isinstance(self.max_bytes, int) or self.max_bytes <= 0:
            raise ValueError("max_bytes must be a positive integer")
        rt = self.reference_time
        if isinstance(rt, str):  # as the CLI's --reference-time takes it
            rt = parse_time(rt)
            object.__setattr__(self, "reference_time", rt)
        if rt is not None:
            if not isinstance(rt, _dt.datetime):
                raise TypeError("reference_time must be a datetime or an ISO 8601 string")
            if rt.tzinfo is None:
                object.__setattr__(self, "reference_time", rt.replace(tzinfo=_dt.UTC))

    def replace(self, **options: Any) -> Config:
        """A copy with some options changed; unknown option names raise ``TypeError``."""
        names = [f.name for f in dataclasses.fields(self)]
        for key in options:
            if key not in names:
                raise TypeError(f"unknown option {key!r}; options are: {', '.join(names)}")
        return dataclasses.replace(self, **options) if options else self


def parse_time(value: str) -> _dt.datetime:
    """An ISO 8601 date or date-time (``Z`` for UTC allowed); ``ValueError`` saying what is wrong.

    >>> parse_time("2025-08-16T12:00:00Z")
    datetime.datetime(2025, 8, 16, 12, 0, tzinfo=datetime.timezone.utc)
    """
    try:
        return _dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"reference_time must be an ISO 8601 date or date-time such as 2025-08-16T12:00:00Z, not {value!r}") from exc


def _as_ids(value: Iterable[str] | str | None) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    return frozenset(value)


def resolve(config: Config | None, options: dict[str, Any]) -> Config:
    if config is None:
        if not all(type(v) in _SHAREABLE for v in options.values()):  # lists, datetimes (equal across time zones), ...
            return Config().replace(**options)
        key = tuple((k, type(v), v) for k, v in options.items())
        found = _RESOLVED.get(key)
        if found is None:
            found = Config().replace(**options)
            if len(_RESOLVED) >= _RESOLVED_MAX:
                _RESOLVED.clear()
            _RESOLVED[key] = found
        return found
    return config.replace(**options)


#: Keyword options -> the Config they give (a Config is immutable, so calls with the same
#: options can share one: clean(text, input_format="text") in a loop builds it once).
_RESOLVED: dict[tuple[tuple[str, type, Any], ...], Config] = {}
_RESOLVED_MAX = 64
#: Option value types whose equality means "same option" (so a cached Config can be shared).
_SHAREABLE = frozenset({str, int, bool, type(None), frozenset})
