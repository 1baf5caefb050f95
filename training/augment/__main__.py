"""``python -m training.augment --out corpus/src/synthetic/synthetic.jsonl --sentences 2500 --seed 13``"""

import sys

from training.augment import main

sys.exit(main())
