"""Word segmentation shared by the stages: one private jieba tokenizer and its POS table,
each loaded once (library code never touches jieba's global dictionary)."""
from __future__ import annotations

from functools import lru_cache

import jieba


@lru_cache(maxsize=None)
def tokenizer() -> jieba.Tokenizer:
    """jieba's dictionary plus the words that end names (name_stops.txt: 约谈, 收购), so that
    they come out whole where a name's left edge is sought."""
    from .lexicon import load_words
    jieba.setLogLevel(60)
    tok = jieba.Tokenizer()
    tok.initialize()
    for word in load_words("name_stops.txt"):
        if len(word) > 1:
            tok.add_word(word)
    return tok


@lru_cache(maxsize=None)
def pos_tokenizer():
    """jieba's POS tagger over the private tokenizer. Importing jieba.posseg already loads
    the tag table of jieba's dictionary (the one our tokenizer uses), so share it rather
    than reading the dictionary a second time."""
    import jieba.posseg

    class SharedTagTokenizer(jieba.posseg.POSTokenizer):
        def __init__(self, tok: jieba.Tokenizer) -> None:
            self.tokenizer = tok
            self.word_tag_tab = jieba.posseg.dt.word_tag_tab

    return SharedTagTokenizer(tokenizer())


def word_tags() -> dict[str, str]:
    """jieba's part-of-speech tag of each dictionary word."""
    return pos_tokenizer().word_tag_tab


def tag_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, POS flag) of the dictionary words of text, e.g. for '哈尔滨市财政厅':
    [(0, 4, 'ns'), (4, 7, 'nt')]. HMM is off: an unknown name comes out as single
    characters tagged 'x' (faster, and the split itself marks the name as unknown)."""
    tags = word_tags()
    out, pos = [], 0
    for word in tokenizer().cut(text, HMM=False):
        out.append((pos, pos + len(word), tags.get(word, "x")))
        pos += len(word)
    return out
