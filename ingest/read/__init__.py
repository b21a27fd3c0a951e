"""Reading files of any format and encoding into NFC lines (RawDocument)."""
