import pickle

from clusterhouse.text.dictionary import SurfaceAutomaton


def _walk(surfaces: set[str], text: str) -> list[tuple[int, tuple[int, ...]]]:
    """The character-by-character walk the automaton replaces."""
    found = []
    for i in range(len(text)):
        lengths = tuple(sorted((len(s) for s in surfaces if text.startswith(s, i)), reverse=True))
        if lengths:
            found.append((i, lengths))
    return found


def test_every_start_with_every_length_longest_first():
    surfaces = {"宁夏", "宁夏回族自治区", "夏", "plush toy", "toy", "toys", "oy", "𬌗山"}
    text = "宁夏回族自治区的plush toys, 𬌗山 toy"
    assert SurfaceAutomaton(surfaces).by_start(text) == _walk(surfaces, text)


def test_an_empty_dictionary_finds_nothing():
    assert SurfaceAutomaton(["", *()]).by_start("anything") == []


def test_pickled_automaton_finds_the_same():
    automaton = SurfaceAutomaton(["ab", "b"])
    assert pickle.loads(pickle.dumps(automaton)).by_start("xabb") == [(1, (2,)), (2, (1,)), (3, (1,))]
