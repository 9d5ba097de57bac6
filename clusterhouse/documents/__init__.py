"""Source documents: finding files, decoding them, reading each format, and working out each
article's language, publication date, outlet and identity.

``read_file`` turns one file into ``SourceDocument``s and ``RejectedFile``s (with the reason in
plain English); ``discover_files`` lists the files under the raw folder; ``inventory`` decides
which of them a refresh must read.
"""

from clusterhouse.documents.build import read_file
from clusterhouse.documents.discover import SUPPORTED_SUFFIXES, discover_files
from clusterhouse.documents.model import RejectedFile, SourceDocument, UnreadableFile

__all__ = ["SUPPORTED_SUFFIXES", "RejectedFile", "SourceDocument", "UnreadableFile", "discover_files", "read_file"]
