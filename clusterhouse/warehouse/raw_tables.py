"""Arrow schemas of the tables the Python assets write into the `raw` schema.

Explicit schemas keep column types stable when a batch is empty and document the raw layer
in one place (dbt's sources.yml describes the same columns for analysts).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pyarrow as pa

SOURCE_FILES = pa.schema(
    [
        ("path", pa.string()),  # as listed under the raw folder (a link by its own name)
        ("file_sha256", pa.string()),  # of the content last read; NULL for a file refused unopened
        ("fingerprint", pa.string()),  # what the next refresh compares: the content hash, or a digest
        # of the reason, size and time of a file refused unopened (a link outside, a file too large)
        ("size_bytes", pa.int64()),
        ("status", pa.string()),  # loaded | partly_rejected | rejected | removed
        ("document_count", pa.int32()),
        ("loaded_at", pa.timestamp("us", tz="UTC")),
        ("removed_at", pa.timestamp("us", tz="UTC")),  # when the file left the raw folder (status removed)
        # size|mtime_ns|real path when last hashed: the next refresh hashes the file only if it differs
        ("stamp", pa.string()),
    ]
)

DOCUMENTS = pa.schema(
    [
        ("document_id", pa.string()),
        ("path", pa.string()),
        ("file_name", pa.string()),
        ("file_sha256", pa.string()),
        ("format", pa.string()),
        ("encoding", pa.string()),
        ("title", pa.string()),
        ("text", pa.string()),
        ("language", pa.string()),
        ("source_outlet", pa.string()),
        ("url", pa.string()),
        ("published_date", pa.date32()),
        ("published_date_source", pa.string()),
        ("loaded_at", pa.timestamp("us", tz="UTC")),
    ]
)

REJECTED_FILES = pa.schema(
    [
        ("source_path", pa.string()),  # the file on disk
        ("path", pa.string()),  # the file, or `file.jsonl#3` for one bad line of it
        ("reason", pa.string()),
        ("file_sha256", pa.string()),
        ("rejected_at", pa.timestamp("us", tz="UTC")),
    ]
)

FIGURES = pa.schema(
    [
        ("figure_id", pa.string()),
        ("document_id", pa.string()),
        ("subject", pa.string()),  # cluster | company | wider_area
        ("place_code", pa.string()),
        ("town_name_en", pa.string()),
        ("town_name_zh", pa.string()),
        ("town_code", pa.string()),  # 9-digit code of a township-level division, when the place is one
        ("place_ambiguous", pa.bool_()),
        ("product_id", pa.string()),
        ("metric", pa.string()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("qualifier", pa.string()),
        ("year", pa.int32()),
        ("period", pa.string()),
        ("evidence", pa.string()),
        ("sentence_start", pa.int32()),
        ("sentence_end", pa.int32()),
        ("value_start", pa.int32()),
        ("value_end", pa.int32()),
        ("value_text", pa.string()),
        ("is_restatement", pa.bool_()),  # the same amount as the figure before it, in another currency
        ("year_stated", pa.bool_()),  # the text names the year (else it is the publication year by default)
        ("scope", pa.string()),  # what the figure covers when the text says: above_designated_size, whole_chain…
        ("confidence", pa.float64()),  # 0-1, from the evidence that supported the reading
        ("extractor_version", pa.string()),
    ]
)

# candidates the rules turned down, with why: queryable, never in the figure marts
DROPPED_FIGURES = FIGURES.append(pa.field("drop_reason", pa.string()))

EVENTS = pa.schema(
    [
        ("event_id", pa.string()),
        ("document_id", pa.string()),
        ("place_code", pa.string()),
        ("town_name_en", pa.string()),
        ("town_name_zh", pa.string()),
        ("product_id", pa.string()),
        ("event_type", pa.string()),  # first_factory | designation | facility_opened | title
        ("year", pa.int32()),
        ("event_date", pa.date32()),
        ("authority", pa.string()),  # who granted a designation or title, as named
        ("name", pa.string()),  # the designation, title or facility as named
        ("evidence", pa.string()),
        ("sentence_start", pa.int32()),
        ("sentence_end", pa.int32()),
        ("extractor_version", pa.string()),
    ]
)

DOCUMENT_SIGNATURES = pa.schema(
    [
        ("document_id", pa.string()),
        ("shingle_count", pa.int32()),
        ("hashvalues", pa.list_(pa.uint32())),  # MinHash signature (clusterhouse/documents/reprints.py)
        ("method", pa.string()),  # the parameters that made it; other parameters make it again
    ]
)

NEAR_DUPLICATES = pa.schema(
    [
        ("document_id", pa.string()),  # the smaller id of the pair
        ("other_document_id", pa.string()),
        ("containment", pa.float64()),  # share of the shorter text's shingles found in the longer one
        ("number_containment", pa.float64()),  # share of the shorter text's numbers found in the longer one
        ("jaccard", pa.float64()),
        ("method", pa.string()),
    ]
)

DOCUMENT_CLUSTERS = pa.schema(
    [
        ("document_id", pa.string()),
        ("place_code", pa.string()),
        ("town_name_en", pa.string()),
        ("town_name_zh", pa.string()),
        ("town_code", pa.string()),
        ("place_text", pa.string()),  # the place as the document names it
        ("product_id", pa.string()),
        ("product_text", pa.string()),
        ("is_primary", pa.bool_()),
        ("mention_count", pa.int32()),
    ]
)

EXTRACTED_DOCUMENTS = pa.schema(
    [
        ("document_id", pa.string()),
        ("extractor_version", pa.string()),
        ("figure_count", pa.int32()),
        ("error", pa.string()),  # why extraction failed for this document, if it did
        ("skipped_reason", pa.string()),  # why it was not read at all (a language without a folder)
        ("extracted_at", pa.timestamp("us", tz="UTC")),
    ]
)

# The partitioned path (orchestration/defs/arrivals): the same rows, keyed by the day the file arrived
DOCUMENTS_BY_ARRIVAL = DOCUMENTS.append(pa.field("arrival_date", pa.date32()))
FIGURES_BY_ARRIVAL = FIGURES.append(pa.field("arrival_date", pa.date32()))

PLACES = pa.schema(
    [
        ("admin_code", pa.string()),
        ("name_zh", pa.string()),
        ("name_en", pa.string()),
        ("name_pinyin", pa.string()),
        ("level", pa.string()),
        ("division_type", pa.string()),
        ("parent_code", pa.string()),
        ("prefecture_code", pa.string()),
        ("province_code", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
        ("former_names", pa.string()),
    ]
)

PRODUCT_TAXONOMY = pa.schema(
    [
        ("product_id", pa.string()),
        ("name_en", pa.string()),
        ("name_zh", pa.string()),
        ("family", pa.string()),
        ("parent_product_id", pa.string()),
        ("hs_code", pa.string()),
        ("gbt4754_code", pa.string()),
        ("hs_note", pa.string()),
    ]
)

PRODUCT_SYNONYMS = pa.schema([("product_id", pa.string()), ("language", pa.string()), ("synonym", pa.string())])


def to_arrow(rows: Iterable[Mapping[str, object]], schema: pa.Schema) -> pa.Table:
    rows = list(rows)
    return pa.table({name: [row.get(name) for row in rows] for name in schema.names}, schema=schema)
