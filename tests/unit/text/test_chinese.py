"""Traditional to simplified characters, skipped for a text opencc would not change."""

from clusterhouse.text.chinese import MAY_BE_TRADITIONAL, _converter, to_simplified


def test_opencc_changes_no_character_the_guard_lets_pass():
    below = "".join(chr(code) for code in range(0x20, 0x2E80) if not 0xD800 <= code < 0xE000)
    assert not MAY_BE_TRADITIONAL.search(below)
    assert _converter().convert(below) == below
    assert all(_converter().convert(character) == character for character in below)


def test_a_text_with_chinese_is_simplified_and_keeps_its_length():
    assert to_simplified("義烏市場的出口額") == "义乌市场的出口额"
    assert to_simplified("Yiwu, 義烏") == "Yiwu, 义乌"
    text = "Città di Prato, 2023: 1,2 miliardi di euro"
    assert to_simplified(text) is text
