"""The event engine's tokenizer: the tokens of the regex, with their offsets, however the text
is cut into chunks and however often a word was met before."""

from __future__ import annotations

import pytest

from frontwatch.events.tokens import _TOKEN, fold, tokenize

TEXTS = [
    "Russische troepen hebben Krasnohorivka ingenomen, meldt het ministerie.",
    "Kyiv,\u00a0Kharkiv and\tOdesa were hit by S-300 missiles (2,6 miljard euro)…\n\nKyiv again.",
    "  Oekraïense  troepen  heroverden  het  dorp  Robotyne  ",
    "De Russen namen 't dorp in; \u2003's avonds viel Bachmoet. Bachmoet viel.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_tokens_are_the_regexs_with_their_offsets(text: str) -> None:
    expected = [(m.start(), m.end(), m.group(), fold(m.group())) for m in _TOKEN.finditer(text)]
    for _ in range(2):  # the second time every chunk is remembered
        got = [(t.start, t.end, t.text, t.norm) for t in tokenize(text)]
        assert got == expected


def test_a_stretch_of_the_text_keeps_offsets_into_the_whole() -> None:
    text = TEXTS[1]
    start, end = text.index("and"), text.index("(")
    got = [(t.start, t.end, t.text) for t in tokenize(text, start, end)]
    assert got == [
        (m.start() + start, m.end() + start, m.group())
        for m in _TOKEN.finditer(text[start:end])
    ]
    assert all(text[t.start : t.end] == t.text for t in tokenize(text, start, end))



def test_the_folded_words_of_a_stretch_of_tokens() -> None:
    from frontwatch.events.tokens import norms_of

    toks = tokenize("De Oekraïense troepen heroverden Robotyne.")
    assert norms_of(toks, 1, 3) == ("oekraiense", "troepen")
    assert norms_of(toks, 3, 3) == () and norms_of(toks, 4, 2) == ()
