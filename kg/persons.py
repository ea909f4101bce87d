"""Person mentions: named individuals tied to a post or a verb of saying.

Data: data/lexicon/surnames.txt, posts.tsv, speech_verbs.txt, person_stop.txt, role_nouns.txt,
address_words.txt, byline_roles.tsv.

A name is a surname (compound first) plus one or two given characters. It counts only
next to a cue: after a post (副总经理张伟), before a post used as an address (王丽老师),
before a verb of saying (张三说, 李四高兴地说), after 联系人：, or as an appositive
(张三，某局局长，…). Once a name is confirmed, its other occurrences in the text count
too. Never a reporter (记者王五, 本报记者 王五, spans passed as `exclude`), never 李先生 or
老王. jieba.posseg runs only on the few characters around a cue, to find where the
name ends (HMM on: it tags names it has never seen as nr).
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import lru_cache


from .lexicon import alternation, load_regex, load_tagged, load_words
from .model import EntityType, Mention
from .normalize import CJK
from .segment import tokenizer, word_tags

# Given-name characters that are function words, numbers or measure words: 张三的, 王五等.
NON_GIVEN = set("的了在是和与及或等将对从向为被把也就都而这那其该此某们个年月日时号说称地着得"
                "不没有已要会能还又再更很最并但却则所以因于至到给让使由按据自当"
                "一二三四五六七八九十百千万亿零两几多余第每各全") | set("0123456789０１２３４５６７８９")
# Last characters that close an organisation, a place or a role, not a name: 银行, 时报, 官员.
NON_FINAL = set("行局报区村街道厅委办司部处科院校所队站会馆社镇乡县市省州组团店厂场园楼路号人员们者家上下副总正证")
# 张局, 王总 are forms of address, not names (李先生: address_words.txt).
ADDRESS_CHARS = set("总局处科董工姐哥叔婶")
# 说 starting 说明, 说法, 说服 is no verb of saying.
NOT_SPEECH = re.compile(r"说[明法服]")
SEP = re.compile(r"[\s　]*[:：]?[\s　]*")
# jieba tags of words that are no name: verbs, adverbs, prepositions, conjunctions, pronouns…
NOT_NAME_FLAGS = {"v", "vn", "vd", "d", "p", "c", "r", "m", "q", "t", "f", "y", "e", "o",
                  "a", "ad", "an", "b", "z", "l", "i",
                  "uj", "ul", "ug", "uz", "ud", "uv", "ns", "nt"}


@lru_cache(maxsize=None)
def load_person_rules() -> dict:
    """Compile the person lexicons once into regexes and sets."""
    surnames = load_words("surnames.txt")
    posts = load_tagged("posts.tsv", "person")
    verbs = load_words("speech_verbs.txt")

    return {
        "compound": {s for s in surnames if len(s) == 2},
        "single": {s for s in surnames if len(s) == 1},
        "stop": set(load_words("person_stop.txt")),
        "posts": set(posts),
        "post": re.compile(alternation(posts)),
        "post_end": re.compile(f"(?:{alternation(posts)})$"),
        "speech": re.compile(alternation(verbs)),
        # a name right after a byline's role is its author's (记者 张三, 文/图 李四)
        "credit": re.compile(f"(?:{alternation(load_tagged('byline_roles.tsv', 'credit'))})[\\s　/／:：]*$"),
        # posts that also follow a name as a form of address (王五局长, 王丽老师)
        "address": re.compile(f"(?:{alternation(load_tagged('posts.tsv', 'address'))})"),
    }


def find_person_mentions(text: str, exclude: Iterable[tuple[int, int]] = ()) -> list[Mention]:
    """Person mentions in text, sorted by start, entity unset; none inside an `exclude` span.

    E.g. find_person_mentions('该公司副总经理林东海说，…') -> [Mention(7, 10, '林东海', 'Person')].
    """
    exclude = list(exclude)
    anchored = {span for span in find_before_cues(text) + find_appositives(text)
                if is_allowed(text, *span, exclude)}
    anchored_names = {text[s:e] for s, e in anchored}
    # A name read forward from a post has an uncertain end: 王明 (confirmed by 王明说) beats 王明正.
    forward = {(s, e) for s, e in find_after_posts(text) if is_allowed(text, s, e, exclude)
               and not any(text[s:e].startswith(n) and len(n) < e - s for n in anchored_names)}
    spans = anchored | forward
    names = {text[s:e] for s, e in spans}
    if names:   # every other occurrence of a confirmed name
        pattern = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
        spans.update((m.start(), m.end()) for m in pattern.finditer(text)
                     if is_allowed(text, m.start(), m.end(), exclude))
    return [Mention(s, e, text[s:e], EntityType.PERSON) for s, e in sorted(drop_overlaps(spans))]


@lru_cache(maxsize=None)
def right_cue() -> re.Pattern:
    """What may follow a name: punctuation, a verb of saying, a post, 和/与/等."""
    rules = load_person_rules()
    return re.compile(rf"[，。、；：:！？”（(]|(?:[{CJK}]{{1,3}}[地着])?(?:{rules['speech'].pattern})|{rules['address'].pattern}|[和与等在对也还就]")


def find_after_posts(text: str) -> list[tuple[int, int]]:
    """Names right after a post, a role (居民, 司机) or 联系人：, e.g. '科长李建华介绍' -> [(2, 5)]."""
    rules = load_person_rules()
    out = []
    for m in itertools.chain(rules["post"].finditer(text), load_regex("role_nouns.txt").finditer(text)):
        start = SEP.match(text, m.end()).end()
        span = read_name_forward(text, start)
        if span:
            out.append(span)
    return out


def find_before_cues(text: str) -> list[tuple[int, int]]:
    """Names right before a verb of saying (张三说, 张三笑着说) or a post used as an address
    (王丽老师), e.g. '，王五表示' -> [(1, 3)]."""
    rules = load_person_rules()
    out = []
    for m in rules["speech"].finditer(text):
        if NOT_SPEECH.match(text, m.start()):
            continue
        ends = [m.start()]
        if text[m.start() - 1:m.start()] in ("地", "着"):     # 高兴地说, 笑着说
            ends += [m.start() - k for k in (2, 3, 4)]
        out.extend(span for end in ends if (span := read_name_backward(text, end)))
    for m in rules["address"].finditer(text):
        span = read_name_backward(text, m.start(), strict=True)
        if span:
            out.append(span)
    return out


def find_appositives(text: str) -> list[tuple[int, int]]:
    """A clause that is just a name followed by a comma and a post: '张三，市财政局局长，' -> [(0, 2)]."""
    rules = load_person_rules()
    out = []
    for m in re.finditer(rf"(?:^|(?<=[，。；：、“”（）\s]))([{CJK}]{{2,4}})，([{CJK}]{{0,14}}?)(?=[，。；（])", text):
        if rules["post_end"].search(m.group(2)) and is_name(m.group(1)):
            out.append((m.start(1), m.end(1)))
    return out


def read_name_forward(text: str, start: int) -> tuple[int, int] | None:
    """A name starting at `start` (right after a post), e.g. ('张伟难掩内心', 0) -> (0, 2);
    None if no name starts there. The end is where a cue follows (李建华介绍, 张三，), else
    where jieba's segmentation of the next few characters ends a person's name."""
    if not starts_with_surname(text, start):
        return None
    for length in (2, 3, 4):
        end = start + length
        if is_name(text[start:end]) and right_cue().match(text, end) and not NOT_SPEECH.match(text, end):
            return start, end
    words = tag_window(text[start:start + 6])
    word, flag = words[0]
    if 2 <= len(word) <= 4 and flag.startswith("nr"):
        length = len(word)
    elif len(word) == 1 and len(words) > 1 and len(words[1][0]) <= 2 and words[1][1] not in NOT_NAME_FLAGS:
        length = 1 + len(words[1][0])          # 祁 / 惠然: jieba split an unknown name
    else:
        return None
    return (start, start + length) if is_name(text[start:start + length]) else None


def read_name_backward(text: str, end: int, strict: bool = False) -> tuple[int, int] | None:
    """A name ending at `end`, starting where jieba's segmentation of the characters before
    says it does, e.g. ('主任李建华', 5) -> (2, 5); None if no name ends there. `strict` takes
    only what jieba tags as a person's name (before a post: 公安局长 is no 公安)."""
    if not any(starts_with_surname(text, end - k) for k in (2, 3, 4) if end - k >= 0):
        return None       # every name returned starts with a surname: skip the tagger
    words = tag_window(text[max(0, end - 6):end])
    if not words:
        return None
    prev = words[-2] if len(words) > 1 else ("", "x")
    starts = [end - length for length in (split_name_length(prev, words[-1], strict),
                                          word_name_length(words[-1], strict)) if length]
    for start in starts:
        if starts_with_surname(text, start) and is_name(text[start:end]):
            return start, end
    return None


def split_name_length(prev: tuple[str, str], last: tuple[str, str], strict: bool) -> int:
    """Length of a name jieba split in two (祁 / 惠然, 甘雨 / 桐), or 0."""
    (prev_word, prev_flag), (word, flag) = prev, last
    joined = len(prev_word) + len(word)
    if (len(prev_word) == 1 or prev_flag.startswith("nr")) and 3 <= joined <= 4 and len(word) <= 2 \
            and flag not in NOT_NAME_FLAGS - {"ns", "a", "b"} \
            and (not strict or prev_flag.startswith("nr") or flag.startswith("nr")):
        return joined
    return 0


def word_name_length(last: tuple[str, str], strict: bool) -> int:
    """Length of a last word that can be a whole name, or 0."""
    word, flag = last
    if 2 <= len(word) <= 4 and (flag.startswith("nr") or not strict and flag not in NOT_NAME_FLAGS):
        return len(word)
    return 0


def tag_window(window: str) -> list[tuple[str, str]]:
    """(word, POS flag) of a few characters around a cue. jieba's HMM joins an unknown name
    into one word; a word that is in no dictionary and opens with a surname is tagged nr
    (posseg's own HMM would do the same, at twenty times the cost)."""
    tags = word_tags()
    out = []
    for word in tokenizer().cut(window, HMM=True):
        flag = tags.get(word)
        if flag is None:
            flag = "nr" if len(word) > 1 and starts_with_surname(word, 0) else "x"
        out.append((word, flag))
    return out


def starts_with_surname(text: str, start: int) -> bool:
    rules = load_person_rules()
    return text[start:start + 2] in rules["compound"] or text[start:start + 1] in rules["single"]


def is_name(name: str) -> bool:
    """Whether a string can be a full name: surname + 1–2 given characters, no function words,
    no form of address, no known non-name. is_name('李建华') -> True, is_name('李先生') -> False."""
    rules = load_person_rules()
    surname = name[:2] if name[:2] in rules["compound"] else name[:1]
    given = name[len(surname):]
    if surname not in rules["compound"] and surname not in rules["single"]:
        return False
    if not 1 <= len(given) <= 2 or not re.fullmatch(f"[{CJK}]+", given):
        return False
    if any(ch in NON_GIVEN for ch in given) or given[-1] in NON_FINAL or given.startswith(load_words("address_words.txt")) or given in rules["posts"]:
        return False
    if len(given) == 1 and given in ADDRESS_CHARS:
        return False
    return name not in rules["stop"] and name not in rules["posts"]


def is_allowed(text: str, start: int, end: int, exclude: list[tuple[int, int]]) -> bool:
    """False for a name inside a byline span or right after 记者/通讯员/摄影, or a 老王/小李 form."""
    if any(s < end and start < e for s, e in exclude):
        return False
    if load_person_rules()["credit"].search(text, max(0, start - 8), start):
        return False
    if text.startswith(load_words("address_words.txt"), start + 1):      # 李先 of 李先生
        return False
    return not (start and text[start - 1] in "老小阿" and end - start == 2)


def drop_overlaps(spans: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the longest of overlapping spans, e.g. {(0, 3), (1, 3)} -> [(0, 3)]."""
    kept: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if all(e <= ks or s >= ke for ks, ke in kept):
            kept.append((s, e))
    return kept
