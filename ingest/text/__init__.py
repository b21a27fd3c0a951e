"""The shared text layer: Vietnamese normalisation, legacy encodings, node identity.

Imported by ontology/, queries/ and graph/ without loading any extractor.
"""
