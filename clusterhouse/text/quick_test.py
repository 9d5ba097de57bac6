"""Quick tests: which of a list of regular expressions can match a text, decided by RE2 in one pass.

Python's `re` tries a pattern at every position of a text, and a case-blind alternation of many
phrases costs it about as much as searching for each phrase alone: the time expressions of one
language took 58 µs a sentence, a tenth of extraction, to find that most sentences name no time.
RE2 (google-re2) answers with an automaton that reads the text once, whatever the number of
phrases (a tenth of the time, measured on 18,500 English sentences).

A quick test never decides a match: it says which patterns *cannot* match, and the engine runs
the others with `re` as before, so every result stays `re`'s. For that, RE2 reads each pattern as
a superset of it: assertions (lookarounds, anchors, word boundaries) are left out (a lookahead at
the very end of a pattern is read as its text), and Unicode classes are written so that they hold
at least what `re` holds (``\\d`` every decimal digit, ``\\w`` every letter and number, ``\\s``
every space; a negated class with a category in it any character). Where `re` matches case-blind
characters that RE2 does not fold together (re's extra cases: ı with i, ſ with s...; and İ, which
re lowers to i), a pattern's character stands for all of them, and a text holding one of them is
passed to every pattern. A back-reference is read as its group's pattern; a pattern RE2
cannot read (a conditional group) is always possible.

Written here because no library translates Python's regular expressions for RE2; the translation
reads `re`'s own parse of each pattern, so it sees exactly what `re` compiles.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from re import _constants as sre
from re import _parser as sre_parse
from re._casefix import _EXTRA_CASES

import re2

# re's \s: str.isspace() (bidirectional types WS, B, S and category Zs); \p{Z} adds Zl and Zp
_SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f \x{85}\p{Z}"
_CATEGORIES = {sre.CATEGORY_DIGIT: r"\p{Nd}", sre.CATEGORY_WORD: r"\p{L}\p{N}_", sre.CATEGORY_SPACE: _SPACE}
_ANY = r"(?s:.)"
MAX_REPEAT = 1000  # RE2's limit on a counted repetition; a larger bound is read as unbounded


class Untranslatable(ValueError):
    """A construct RE2 has no superset for (a conditional group)."""


def _fold_groups() -> dict[int, frozenset[int]]:
    """The characters `re` matches case-blind and RE2 may not: re's extra cases (ı with i, ſ with
    s, µ with μ...) and İ, which re lowers to i; each with every character re matches it with."""
    links: dict[int, set[int]] = {0x130: {0x69}}
    for code, others in _EXTRA_CASES.items():
        links.setdefault(code, set()).update(others)
    groups: dict[int, frozenset[int]] = {}
    for code in links:
        group, todo = set(), [code]
        while todo:  # the closure of extra cases, lower and upper case
            current = todo.pop()
            if current in group:
                continue
            group.add(current)
            character = chr(current)
            todo += [ord(c) for c in (character.lower(), character.upper()) if len(c) == 1]
            todo += links.get(current, ())
            todo += [other for other, linked in links.items() if current in linked]
        groups[code] = frozenset(group)
    return groups


_FOLD_GROUPS = _fold_groups()


def _folding_apart() -> str:
    """A class of the characters a text may hold that RE2 folds otherwise than re."""
    return "".join(_char(code) for code in sorted(_FOLD_GROUPS) if code > 0x7F)


def _char(code: int) -> str:
    character = chr(code)
    return character if character.isascii() and character.isalnum() else f"\\x{{{code:x}}}"


def _literal_class(code: int) -> str:
    """The inside of a class for a character and, if RE2 folds it otherwise, all it matches in re."""
    return "".join(_char(other) for other in sorted(_FOLD_GROUPS.get(code, {code}) | {code}))


def _class_items(items: list, widen: bool) -> str | None:
    """The inside of an RE2 class for re's class items (``widen``: with every character re may
    match case-blind with one of them); None when the class is to be read as any character."""
    parts = []
    for op, av in items:
        if op is sre.LITERAL:
            parts.append(_literal_class(av) if widen else _char(av))
        elif op is sre.RANGE:
            parts.append(f"{_char(av[0])}-{_char(av[1])}")
            if widen:
                parts += [_literal_class(code) for code in _FOLD_GROUPS if av[0] <= code <= av[1]]
        elif op is sre.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:  # a negated category, or anything else: no narrower superset
            return None
    return "".join(parts)


def _class(items: list) -> str:
    negated = bool(items) and items[0][0] is sre.NEGATE
    # a negated class is left as it is: widening what it leaves out would narrow it
    inside = _class_items(items[1:] if negated else items, widen=not negated)
    if inside is None:
        return _ANY
    if negated:
        # a negated class with a widened category in it could leave out what re holds
        if any(op is sre.CATEGORY for op, _ in items):
            return _ANY
        return f"[^{inside}]" if inside else _ANY
    return f"[{inside}]" if inside else "[^\\x{0}-\\x{10ffff}]"


def _repeat(low: int, high, body: str) -> str:
    low = min(low, MAX_REPEAT)
    if high is sre.MAXREPEAT or high > MAX_REPEAT:
        return f"(?:{body}){{{low},}}"
    return f"(?:{body}){{{low},{high}}}"


def _translate(pattern, groups: dict, last: bool = False) -> str:
    """RE2 syntax for a sequence of re's parse; ``last``: nothing of the pattern follows it;
    ``groups``: the translation of each group met so far, for a back-reference to it."""
    out = []
    for position, (op, av) in enumerate(pattern):
        ends = last and position == len(pattern) - 1  # nothing follows this item
        if op is sre.LITERAL:
            out.append(f"[{_literal_class(av)}]" if av in _FOLD_GROUPS else _char(av))
        elif op is sre.NOT_LITERAL:
            out.append(f"[^{_char(av)}]")
        elif op is sre.ANY:
            out.append(_ANY)
        elif op is sre.IN:
            out.append(_class(av))
        elif op is sre.CATEGORY:
            out.append(_class([(op, av)]))
        elif op is sre.BRANCH:
            out.append("(?:" + "|".join(_translate(branch, groups, ends) for branch in av[1]) + ")")
        elif op is sre.SUBPATTERN:
            group, add_flags, del_flags, body = av
            flags = ("i" if add_flags & re.IGNORECASE else "") + ("-i" if del_flags & re.IGNORECASE else "")
            out.append(f"(?{flags}:{_translate(body, groups, ends)})")
            if group is not None:
                groups[group] = out[-1]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, body = av
            out.append(_repeat(low, high, _translate(body, groups)))
        elif op is sre.ATOMIC_GROUP:
            out.append(f"(?:{_translate(av, groups)})")
        elif (op is sre.ASSERT and av[0] == 1 and last
              and (position == len(pattern) - 1
                   or _required_literals(av[1]) > _required_literals(pattern[position + 1:]))):
            # a lookahead with nothing of the pattern after this sequence: what follows it here
            # starts where the lookahead's text does, so the lookahead's text alone is a superset,
            # and the better one when it needs more literal characters than the rest (if any)
            # ("(?=(?i:million|mila))[a-z]" needs one of the words, not any letter; in
            # "(?=[^\W\d_]{3,10} \d)(?:March|May) \d" the month names say more)
            out.append(f"(?:{_translate(av[1], groups)})")
            break
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # an assertion only narrows: left out, the pattern matches more
        elif op is sre.GROUPREF and av in groups:
            # what the group matched, the group's pattern matches (in any case: re may compare
            # a back-reference case-blind)
            out.append(f"(?i:{groups[av]})")
        else:  # a conditional group, a reference to a group not closed yet
            raise Untranslatable(f"RE2 has no {op}")
    return "".join(out)


def _required_literals(pattern) -> int:
    """How many literal characters every match of a sequence of re's parse must hold: a rough
    measure of how seldom it matches, to choose between two supersets."""
    count = 0
    for op, av in pattern:
        if op is sre.LITERAL:
            count += 1
        elif op is sre.BRANCH:
            count += min(_required_literals(branch) for branch in av[1])
        elif op is sre.SUBPATTERN:
            count += _required_literals(av[3])
        elif op is sre.ATOMIC_GROUP:
            count += _required_literals(av)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            count += min(av[0], 10) * _required_literals(av[2])
    return count


def superset(pattern: re.Pattern) -> str:
    """RE2 syntax for a pattern that matches wherever ``pattern`` does (and perhaps elsewhere)."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    body = _translate(parsed, {}, last=True)
    return f"(?i:{body})" if parsed.state.flags & re.IGNORECASE else body


class QuickTest:
    """Which of ``patterns`` may match a text: ``QuickTest(patterns).possible(text)`` holds the
    index of every pattern that matches it (with `re`), and perhaps others. A pattern RE2 cannot
    read (a conditional group) is always possible."""

    def __init__(self, patterns: Sequence[re.Pattern]):
        self._count = len(patterns)
        self._set = re2.Set.SearchSet(re2.Options())
        self._index: list[int] = []  # the set's entries, by the pattern each stands for
        always = []
        for index, pattern in enumerate(patterns):
            try:
                self._set.Add(superset(pattern))
                self._index.append(index)
            except (Untranslatable, re2.error, RecursionError):
                always.append(index)
        self.always_possible = frozenset(always)
        self._entries_are_indexes = not always  # then the set's answer is already the patterns'
        # the last entry: a character re and RE2 fold apart, on which every pattern may match
        self._folding_apart = self._set.Add(f"[{_folding_apart()}]")
        self._set.Compile()

    def possible(self, text: str) -> Collection[int]:
        found = self._set.Match(text)
        if not found:
            return self.always_possible
        if self._folding_apart in found:
            return range(self._count)
        if self._entries_are_indexes:
            return found
        return frozenset(self._index[entry] for entry in found) | self.always_possible


def possible_items(test: QuickTest | None, items: Sequence, text: str) -> Sequence:
    """The items whose pattern (a pattern, or what stands for one: a (pattern, data) pair) may
    match ``text``, in their order: all of them without a quick test."""
    if test is None:
        return items
    possible = test.possible(text)
    return [item for index, item in enumerate(items) if index in possible]


def quick_test(patterns: Sequence[re.Pattern]) -> QuickTest | None:
    """A quick test of these patterns, or None when RE2 can read none of them."""
    test = QuickTest(patterns)
    return test if len(test.always_possible) < len(patterns) else None
