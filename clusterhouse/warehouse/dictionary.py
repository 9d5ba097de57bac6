"""The data dictionary, read from the dbt YAML beside the models (the one place descriptions live).

``load_dictionary`` gives every model, seed and column with its description; ``render_markdown``
writes ``docs/data_dictionary.md`` (regenerate it after editing the YAML:
``.venv/bin/python -m clusterhouse.warehouse.dictionary docs/data_dictionary.md``; a test checks
the committed file is current). The Excel workbook's dictionary sheet uses the same entries.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from clusterhouse.settings import DBT_PROJECT_DIR

LAYERS = ("marts", "intermediate", "staging", "seeds")

VOCABULARY = """\
## Vocabulary

| column | values |
|---|---|
| `metric` | `output_value` (gross output / production value, 产值), `sales_value` (sales revenue, turnover, transaction value), `online_sales` (e-commerce sales), `export_value` (exports only), `trade_value` (imports and exports together; never add it to exports), `enterprises` (firms in the cluster), `employees` (people employed), `export_markets` (countries and regions sold to), `output_volume` (pieces produced), `rank` (national rank of the cluster for its product) |
| `unit` | `CNY`, `USD`, `EUR` (money, in units, not billions), `firms`, `people`, `countries`, `units` (pieces, pairs, items), `rank` |
| `qualifier` | `exact`, `more_than`, `about`, `less_than` |
| `period` | `FY` (whole year), `as_of` (a stock at a point in time), or the part of the year: `Q1-Q3`, `H1`, `Jan-Jul`… |
| `scope` | what a figure covers when the text says so: `above_designated_size` (规模以上, firms above the designated size only), `whole_chain` (全产业链, the whole industrial chain), `including_individual` (individual businesses included); NULL when not stated |
| `copy_kind` | `reprint` (the same article again, with other boilerplate or a cut-off ending), `translation` (another language repeating an earlier document's figures); NULL for an original |
| `event_type` | `first_factory`, `designation` (a national designation and the body that granted it), `facility_opened`, `title` (e.g. "capital of X") |
"""


@dataclass(frozen=True)
class ColumnDoc:
    name: str
    description: str
    tests: tuple[str, ...] = ()
    data_type: str | None = None  # set for the models whose contract dbt enforces (the marts)
    not_null: bool = False  # a constraint the warehouse enforces: a build writing a NULL there fails


@dataclass(frozen=True)
class ModelDoc:
    name: str
    layer: str  # marts, intermediate, staging or seeds
    description: str
    columns: tuple[ColumnDoc, ...]
    materialized: str = "table"


def _test_names(tests: list | None) -> tuple[str, ...]:
    names = []
    for test in tests or []:
        names.append(test if isinstance(test, str) else next(iter(test)))
    return tuple(names)


def _not_null(constraints: list | None) -> bool:
    return any(constraint.get("type") == "not_null" for constraint in constraints or [])


def _column(column: dict) -> ColumnDoc:
    return ColumnDoc(column["name"], _clean(column.get("description")), _test_names(column.get("data_tests")),
                     column.get("data_type"), _not_null(column.get("constraints")))


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def load_dictionary(project_dir: Path = DBT_PROJECT_DIR) -> list[ModelDoc]:
    """Every model and seed described in the project's YAML, marts first."""
    found: list[ModelDoc] = []
    for layer in LAYERS:
        folder = project_dir / ("seeds" if layer == "seeds" else f"models/{layer}")
        for path in sorted(folder.glob("*.yml")):
            document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            for entry in document.get("models", []) + document.get("seeds", []):
                columns = tuple(_column(column) for column in entry.get("columns", []))
                sql = folder / f"{entry['name']}.sql"
                materialized = "view" if layer == "staging" or (
                    sql.exists() and "materialized='view'" in sql.read_text(encoding="utf-8")) else "table"
                found.append(ModelDoc(entry["name"], layer, _clean(entry.get("description")), columns,
                                      "seed" if layer == "seeds" else materialized))
    return found


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def render_markdown(models: list[ModelDoc]) -> str:
    lines = [
        "# Data dictionary",
        "",
        "Generated from the dbt YAML beside the models (`dbt_project/models/*/_*.yml`, `dbt_project/seeds/seeds.yml`)",
        "by `.venv/bin/python -m clusterhouse.warehouse.dictionary docs/data_dictionary.md`; edit the YAML, not this",
        "file. The same descriptions are in the Excel workbook's `data_dictionary` sheet and in the dbt docs site",
        "(`warehouse/exports/docs/index.html` after a refresh). Schemas in the DuckDB file are the layers: `marts`",
        "for analysts, `intermediate` and `staging` for the steps between, `raw` for what the Python assets write.",
        "Every model of `marts` has an enforced dbt contract: every build checks its columns' names and types",
        "against the YAML, and in the tables DuckDB refuses a NULL in a column typed `not null` (the build",
        "then fails and nothing is published).",
        "",
        VOCABULARY,
    ]
    for layer in LAYERS:
        in_layer = [model for model in models if model.layer == layer]
        if not in_layer:
            continue
        schema = "raw" if layer == "seeds" else layer
        lines += [f"## {layer.capitalize()}", ""]
        for model in in_layer:
            lines += [f"### `{schema}.{model.name}` ({model.materialized})", "", _cell(model.description), ""]
            lines += _column_table(model)
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _column_table(model: ModelDoc) -> list[str]:
    """The columns, with their types when the model's contract states them."""
    if not any(column.data_type for column in model.columns):
        return ["| column | description |", "|---|---|",
                *(f"| `{column.name}` | {_cell(column.description)} |" for column in model.columns)]
    return ["| column | type | description |", "|---|---|---|",
            *(f"| `{column.name}` | {_type(column)} | {_cell(column.description)} |"
              for column in model.columns)]


def _type(column: ColumnDoc) -> str:
    return f"`{column.data_type}`" + (" not null" if column.not_null else "")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    text = render_markdown(load_dictionary())
    if argv:
        Path(argv[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
