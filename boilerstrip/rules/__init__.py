"""Built-in rules, one module per family. :mod:`boilerstrip.registry` imports the rule modules
(importing one registers its rules) and :data:`boilerstrip.registry.ORDER` decides the order
they run in. This package's own ``__init__`` imports nothing, so a module that needs one helper
(``from boilerstrip.rules.shapes import is_date_line``) does not load every rule.

The HTML-only rules (``html-chrome-container``, ``html-main-content``, ``html-title``) live in
:mod:`boilerstrip.html.rules` beside the DOM code they read."""
