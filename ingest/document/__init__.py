"""The document model: lines, paragraphs and the skeleton of sections every extractor reads."""
