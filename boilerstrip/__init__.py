"""boilerstrip: strip boilerplate from scraped articles, keep the article and its metadata.

>>> import boilerstrip
>>> boilerstrip.clean("Advertisement\\nThe council approved the budget on Tuesday after a long debate.")
'The council approved the budget on Tuesday after a long debate.'
"""

from . import pipeline as _pipeline
from .api import clean, explain, extract
from .config import Config
from .decode import InputError
from .model import Article, Image, Removal

__version__ = "0.1.0"
#: True when the text pipeline runs compiled: a regular install compiles it with mypyc (see
#: setup.py); an editable install, ``BOILERSTRIP_PURE=1`` or a machine without a C compiler
#: gives plain Python (same results, slower).
COMPILED: bool = not (_pipeline.__file__ or "").endswith(".py")
__all__ = ["clean", "extract", "explain", "Article", "Image", "Removal", "Config", "InputError", "COMPILED", "__version__"]
