"""boilerstrip: strip boilerplate from scraped articles, keep the article and its metadata.

>>> import boilerstrip
>>> boilerstrip.clean("Advertisement\\nThe council approved the budget on Tuesday after a long debate.")
'The council approved the budget on Tuesday after a long debate.'
"""

from .api import clean, explain, extract
from .config import Config
from .decode import InputError
from .model import Article, Image, Removal

__version__ = "0.1.0"
__all__ = ["clean", "extract", "explain", "Article", "Image", "Removal", "Config", "InputError", "__version__"]
