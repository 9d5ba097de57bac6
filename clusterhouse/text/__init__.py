"""Text-level helpers every stage shares: language detection, sentence spans, Chinese script."""
