"""eu-regional-kg: a knowledge graph of the actors of EU regional policy, and its toolkit."""

__version__ = "0.1.0"
