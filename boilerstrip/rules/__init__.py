"""Built-in rules, one module per family. Importing this package registers them all;
:data:`boilerstrip.registry.ORDER` decides the order they run in."""

from . import header, inserts, promos, prose, region, related, trailers  # noqa: F401
