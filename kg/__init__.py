"""kg: a knowledge graph of who does what with whom, and with how much money, from Chinese news."""

__version__ = "0.1.0"
