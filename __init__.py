"""plangraph: a knowledge graph of Vietnamese provincial plans on AIDS, drug and prostitution
prevention (phòng, chống AIDS, ma túy, mại dâm)."""

__version__ = "0.1.0"
