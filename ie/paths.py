"""Default locations, relative to the repository root (where the commands run), defined once."""

DEFAULT_MODEL = "models/planning-ie"
DEFAULT_CONFIG = "training/configs/default.json"
SEEDS_DIR = "../shared/seeds"  # the five seed articles (plain text)
SEED_GOLD = "corpus/gold/seeds.jsonl"  # their hand annotation
