"""Figure extraction: from a document's text to figure rows with their evidence.

``extract`` reads one document; ``extract_many`` a batch, over a process pool when it pays.
"""

from clusterhouse.extraction.attribution import DocumentInput, ExtractionResult, extract, extract_many

__all__ = ["DocumentInput", "ExtractionResult", "extract", "extract_many"]
