"""Figure extraction: from a document's text to figure rows with their evidence.

``extract`` reads one document; ``extract_many`` a batch, over a process pool when it pays. The
stages are described in ``pipeline``.
"""

from clusterhouse.extraction.pipeline import DocumentInput, ExtractionResult, extract, extract_many

__all__ = ["DocumentInput", "ExtractionResult", "extract", "extract_many"]
