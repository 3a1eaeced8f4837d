"""boilerstrip as a datatrove pipeline step (``pip install 'boilerstrip[datatrove]'``).

``import boilerstrip`` never imports this module, so boilerstrip itself does not need datatrove.

>>> from boilerstrip.datatrove import BoilerstripExtractor
>>> from datatrove.data import Document
>>> step = BoilerstripExtractor()
>>> doc = Document(text="logo\\nThe council approved the budget on Tuesday after a long debate.", id="1")
>>> [d.text for d in step.run([doc])]
['The council approved the budget on Tuesday after a long debate.']
>>> doc.metadata["boilerstrip_rules"]
{'decorative-leftover': 1}

A pipeline (``LocalPipelineExecutor``; Slurm and Ray recipes in the README)::

    LocalPipelineExecutor(pipeline=[
        JsonlReader("pages/"),                       # HTML or text in "text"
        BoilerstripExtractor(templates="model.json"),  # optional: from `boilerstrip learn`
        JsonlWriter("clean/"),
    ], tasks=8).run()
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from datatrove.data import Document
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.typeshelper import StatHints

from .config import Config
from .decode import InputError

#: The metadata key holding ``{rule id: spans removed or moved}`` for the document.
RULES_KEY = "boilerstrip_rules"
#: Stat names: ``removed/<rule id>`` counts the spans that rule removed or moved, over all documents.
RULE_STAT = "removed/{}"


class BoilerstripExtractor(PipelineStep):
    """Clean ``doc.text`` (HTML or flattened text) into the article body, in place.

    Writes into ``doc.metadata`` what boilerstrip found: ``title``, ``authors`` (a list),
    ``published`` (as printed), ``published_at`` (ISO 8601), ``source``, ``language`` and
    :data:`RULES_KEY` (firings per rule id); a key the document already has (its ``url``, a
    language set by an earlier step) is only filled when missing unless ``overwrite_metadata``.

    Stats (in datatrove's stats.json): ``total``, ``forwarded``, ``dropped`` (nothing left of the
    document: dropped unless ``keep_empty``), ``not_text`` (input that cannot be text, see
    :class:`boilerstrip.InputError`: dropped), ``removed/<rule-id>`` per rule, and the chars kept
    and removed (``chars_kept``, ``chars_removed``).

    Args:
        config: a :class:`boilerstrip.Config` (rules off, reference time, language...).
        templates: learned site templates: a model file from ``boilerstrip learn`` (read once per
            task, so the step stays cheap to pickle for Slurm and Ray) or a ``Templates``.
        site_key: the metadata key whose URL's host is the document's site for the templates
            (default ``url``, which datatrove's WARC and CommonCrawl readers fill); a value
            that is not a URL is taken as the site name itself.
        keep_empty: forward documents whose body is empty (default: drop them).
        overwrite_metadata: replace metadata keys the document already has.
    """

    name = "🧹 boilerstrip"
    type = "🛢 - EXTRAC"

    def __init__(
        self,
        config: Config | None = None,
        templates: str | Path | Any = None,
        site_key: str = "url",
        keep_empty: bool = False,
        overwrite_metadata: bool = False,
        **options: Any,
    ) -> None:
        super().__init__()
        self.config = (config or Config()).replace(**options)
        self.templates = templates
        self.site_key = site_key
        self.keep_empty = keep_empty
        self.overwrite_metadata = overwrite_metadata

    def _config(self) -> Config:
        if self.templates is None:
            return self.config
        from .templates import Templates

        model = self.templates if isinstance(self.templates, Templates) else Templates.load(self.templates)
        return self.config.replace(templates=model)

    def site_of(self, doc: Document) -> str | None:
        from .templates import site_of_url

        value = doc.metadata.get(self.site_key)
        if not value:
            return None
        return site_of_url(str(value)) or str(value)

    def run(self, data: Iterable[Document], rank: int = 0, world_size: int = 1) -> Iterator[Document]:
        from .api import extract

        cfg = self._config()
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                try:
                    doc_cfg = cfg.replace(site=self.site_of(doc)) if cfg.templates is not None else cfg
                    article = extract(doc.text, config=doc_cfg)
                except InputError:
                    self.stat_update("not_text")
                    continue
                self._record(doc, article)
            if not doc.text and not self.keep_empty:
                self.stat_update(StatHints.dropped)
                continue
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc

    def _record(self, doc: Document, article: Any) -> None:
        rules = Counter(r.rule for r in article.removed)
        removed = sum(len(r.text) for r in article.removed)
        doc.text = article.body
        found = {
            "title": article.title,
            "authors": list(article.authors) or None,
            "published": article.published,
            "published_at": article.published_at.isoformat() if article.published_at else None,
            "source": article.source,
            "language": article.language,
        }
        meta = doc.metadata
        for key, value in found.items():
            if value is not None and (self.overwrite_metadata or meta.get(key) is None):
                meta[key] = value
        meta[RULES_KEY] = dict(sorted(rules.items()))
        for rid, n in rules.items():
            self.stat_update(RULE_STAT.format(rid), value=n)
        self.stat_update("chars_kept", value=len(article.body))
        self.stat_update("chars_removed", value=removed)
