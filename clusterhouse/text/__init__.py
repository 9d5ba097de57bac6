"""Text-level helpers extraction reads: sentence spans, words, Chinese script (language detection is
ingest's: clusterhouse/documents/language.py)."""
