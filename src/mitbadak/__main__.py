"""``python -m mitbadak`` runs the ``mitbadak`` command."""

import sys

from .cli import main

sys.exit(main())
