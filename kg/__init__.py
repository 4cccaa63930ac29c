"""ddkg: a knowledge graph of defence diplomacy built from news articles and curated facts."""

__version__ = "0.1.0"
