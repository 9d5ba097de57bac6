"""clusterhouse: figures about Chinese industrial clusters, read from news articles.

The product's pure code (no Dagster here; ``orchestration/`` is the Dagster glue that calls it):

- ``documents``: finding, decoding and reading source files into articles;
- ``text``: language detection, sentences, Chinese script;
- ``lang``: what each language's words are, one folder of data per language;
- ``extraction``: numbers, time expressions, places, products, figures, and who they are about;
- ``reference``: the gazetteer and the product taxonomy, with the scripts that build them;
- ``warehouse``: DuckDB connections, the raw tables, publishing and exports;
- ``evaluation``: scoring a warehouse against annotated documents.
"""
