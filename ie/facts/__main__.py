import sys

from ie.facts.cli import main

sys.exit(main())
