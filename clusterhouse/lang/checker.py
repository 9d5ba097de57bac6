"""Check every language folder against the schema, as spaCy checks its languages.

    .venv/bin/python -m clusterhouse.lang.checker [CODE ...]

Prints each problem (missing or unknown field, a pattern that does not compile, a duplicate entry,
a wrong type) and exits 1 when there is any.
"""

from __future__ import annotations

import sys

from clusterhouse.lang.loader import LANG_DIR, language_folders, problems


def main(argv: list[str] | None = None) -> int:
    codes = (argv if argv is not None else sys.argv[1:]) or language_folders(LANG_DIR)
    failed = False
    for code in codes:
        found = problems(code)
        failed |= bool(found)
        print(f"{code}: " + ("ok" if not found else f"{len(found)} problem(s)"))
        for problem in found:
            print(f"  {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
