"""Errors raised while reading or extracting a document: shown to the user as one line."""


class DocumentError(Exception):
    """A document that cannot be read or parsed; the message names the file and the reason."""
