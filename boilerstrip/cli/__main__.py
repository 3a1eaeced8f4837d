"""``python -m boilerstrip.cli``: the same as the ``boilerstrip`` command (and ``python -m boilerstrip``)."""

import sys

from . import main

if __name__ == "__main__":
    sys.exit(main())
