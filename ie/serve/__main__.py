"""``python -m ie.serve [--model M] [--host H] [--port P]``"""

import sys

from ie.serve.cli import main

sys.exit(main())
