"""Agencies: the lexicon of agency types and aliases and the resolver of names as written."""
