"""Extraction as a pipeline of stages, each producing typed values for the next:

1. the document and its language (``DocumentInput`` and ``clusterhouse.lang``);
2. layout and 3. mentions (``mentions.find_document_mentions``): sentences, and the places,
   products, numbers and time expressions they hold, found once;
4. sentence figures (``figures.find_sentence_figures``): value, unit, metric, qualifier;
5. attribution (``attribution.attribute``): the cluster, product and time of each figure;
6. rows for the raw tables (this module).

No stage calls back into an earlier one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from clusterhouse.extraction.attribution import AttributedFigure, ClusterMention, attribute
from clusterhouse.extraction.figures import MONEY_UNITS, SentenceFigure, figure_rules, find_sentence_figures
from clusterhouse.extraction.mentions import DocumentMentions, find_document_mentions, reference
from clusterhouse.extraction.numbers import find_numbers
from clusterhouse.extraction.periods import find_time_expressions
from clusterhouse.lang import Language, language, supported_languages
from clusterhouse.settings import extractor_version
from clusterhouse.workers import process_pool

PARALLEL_THRESHOLD = 200  # below this many documents a process pool costs more than it saves


@dataclass(frozen=True)
class DocumentInput:
    document_id: str
    text: str
    language: str | None
    published_date: date | None
    title: str | None = None


@dataclass
class ExtractionResult:
    document_id: str
    figures: list[dict] = field(default_factory=list)  # rows of raw.figures
    clusters: list[dict] = field(default_factory=list)  # rows of raw.document_clusters
    events: list[dict] = field(default_factory=list)  # rows of raw.events
    dropped: list[dict] = field(default_factory=list)  # rows of raw.dropped_figures: candidates turned down
    error: str | None = None  # a document the rules could not process: recorded, the run goes on
    skipped: str | None = None  # why a document was not read at all (a language without a folder)


def extract(doc: DocumentInput) -> ExtractionResult:
    """The figures one document states, with the clusters they belong to."""
    result = ExtractionResult(doc.document_id)
    lang = language(doc.language)
    if lang is None:
        result.skipped = f"unsupported language: {doc.language or 'unknown'}"
        return result
    mentions = find_document_mentions(doc.text, lang, doc.published_date, doc.title)
    if mentions is None:
        return result
    figures = _sentence_figures(mentions, lang)
    attribution = attribute(mentions, figures, figure_rules(lang.code), doc.published_date)
    version = extractor_version()
    result.figures = [figure_row(doc, attributed, version) for attributed in attribution.figures]
    result.clusters = [cluster_row(doc, cluster) for cluster in attribution.clusters.values()]
    result.dropped = [{**figure_row(doc, candidate, version), "drop_reason": candidate.dropped}
                      for candidate in attribution.dropped]
    return result


def _sentence_figures(mentions: DocumentMentions, lang: Language) -> list[list[SentenceFigure]]:
    """The figures of every sentence; a paragraph's last currency carries to its next sentences."""
    figures, paragraph, currency = [], None, None
    for sentence in mentions.sentences:
        if sentence.paragraph != paragraph:
            paragraph, currency = sentence.paragraph, None
        found = [] if sentence.in_headline or sentence.is_caption else find_sentence_figures(
            sentence.text, lang, sentence.product_spans, sentence.ends_document, sentence.numbers,
            include_dropped=True, carried_currency=currency)
        currency = next((f.unit for f in reversed(found) if f.unit in MONEY_UNITS), currency)
        figures.append(found)
    return figures


def figure_row(doc: DocumentInput, attributed: AttributedFigure, version: str) -> dict:
    """One row of raw.figures; the evidence is the original sentence (not its simplified form)."""
    figure, sentence, subject = attributed.figure, attributed.sentence, attributed.subject
    span, place, product = sentence.span, subject.place, attributed.product
    original_sentence = doc.text[span.start: span.end]
    figure_id = hashlib.sha256(
        f"{doc.document_id}|{attributed.value_start}|{figure.metric}|{figure.unit}".encode()
    ).hexdigest()[:16]
    return {
        "figure_id": figure_id,
        "document_id": doc.document_id,
        "subject": "company" if figure.is_company else "cluster",
        "place_code": place.admin_code if place else None,
        "town_name_en": place.town_name_en if place else None,
        "town_name_zh": place.town_name_zh if place else None,
        "town_code": place.town_code if place else None,
        "place_ambiguous": subject.ambiguous,
        "product_id": product.product_id if product else None,
        "metric": figure.metric,
        "value": figure.value,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "year": attributed.timing.year,
        "period": attributed.timing.period,
        "evidence": original_sentence,
        "sentence_start": span.start,
        "sentence_end": span.end,
        "value_start": attributed.value_start,
        "value_end": attributed.value_end,
        "value_text": original_sentence[figure.value_start: figure.value_end],
        "is_restatement": figure.is_restatement,
        "year_stated": attributed.timing.source in ("sentence", "context"),
        "confidence": attributed.confidence,
        "extractor_version": version,
    }


def cluster_row(doc: DocumentInput, cluster: ClusterMention) -> dict:
    """One row of raw.document_clusters."""
    place = cluster.place
    return {
        "document_id": doc.document_id, "place_code": place.admin_code,
        "town_name_en": place.town_name_en, "town_name_zh": place.town_name_zh, "town_code": place.town_code,
        "place_text": cluster.place_text, "product_id": cluster.product.product_id,
        "product_text": cluster.product_text, "is_primary": cluster.is_primary,
        "mention_count": cluster.mention_count,
    }


def prepare() -> None:
    """Load the reference data and build every language's rules now: workers forked after this
    share them, where each worker built the rules of every language it met, for every batch."""
    reference()
    for code in supported_languages():
        figure_rules(code)
        find_time_expressions("2023", code, None)
        find_numbers("2023", code)
    extract(DocumentInput("warm-up", "In 2023 the output of Yongkang was 120 billion yuan.", "en", None))


def _extract_or_report(doc: DocumentInput) -> ExtractionResult:
    try:
        return extract(doc)
    except Exception as exc:  # noqa: BLE001 - one odd document must not stop the nightly run
        return ExtractionResult(doc.document_id, error=f"{type(exc).__name__}: {exc}")


def extract_many(docs: list[DocumentInput], workers: int) -> list[ExtractionResult]:
    """Extract a batch, over a process pool when it is large enough to pay for one."""
    if workers > 1 and len(docs) >= PARALLEL_THRESHOLD:
        with process_pool(workers) as pool:
            return list(pool.map(_extract_or_report, docs, chunksize=32))
    return [_extract_or_report(doc) for doc in docs]
