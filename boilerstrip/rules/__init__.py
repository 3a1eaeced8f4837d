"""Built-in rules, one module per family. Importing this package registers them all;
:data:`boilerstrip.registry.ORDER` decides the order they run in."""

from . import inserts, promos  # noqa: F401
