import sys

from ie.cli import main

sys.exit(main())
