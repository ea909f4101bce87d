"""Person mentions: named individuals tied to a post or a verb of saying.

Data: data/lexicon/surnames.txt, posts.tsv, speech_verbs.txt, person_stop.txt, role_nouns.txt,
address_words.txt, occupations.txt, person_after_words.txt, transliteration_chars.txt,
byline_roles.tsv.

A name is a surname (compound first) plus one or two given characters. It counts next to
a cue: after a post (副总经理张伟), before a post used as an address (王丽老师), before a
verb of saying (张三说, 李四高兴地说), after 联系人： or an occupation (导演张三), before an
author's work (张三的《…》), or as an appositive (张三，某局局长，…); without a cue only as a
three-character name jieba's dictionary does not know, with a plausible given name
(kg.extract.person_names). Never inside a title in 《》. Once a name is confirmed, its other
occurrences in the text count too. Never a reporter (记者王五, 本报记者 王五, spans passed as
`exclude`), never 李先生 or 老王. jieba.posseg runs only on the few characters around a cue, to find where the
name ends (HMM on: it tags names it has never seen as nr).
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import lru_cache


from ..cache import regex
from ..lexicon import alternation, load_regex, load_set, load_tagged, load_words
from ..model import EntityType, Mention
from . import person_lists, person_minority, person_names, places
from .normalize import CJK
from .segment import cut_hmm, word_tags

# Given-name characters that are function words, numbers or measure words: 张三的, 王五等.
NON_GIVEN = set("的了在是和与及或等将对从向为被把也就都而这那其该此某们个年月日时号说称地着得"
                "不没有已要会能还又再更很最并但却则所以因于至到给让使由按据自当"
                "一二三四五六七八九十百千万亿零两几多余第每各全") | set("0123456789０１２３４５６７８９")
# Last characters that close an organisation, a place or a role, not a name: 银行, 时报, 官员.
NON_FINAL = set("行局报区村街道厅委办司部处科院校所队站会馆社镇乡县市省州组团店厂场园楼路号人员们者家上下副总正证宫庙寺版门")
# 张局, 王总 are forms of address, not names (李先生: address_words.txt).
ADDRESS_CHARS = set("总局处科董工姐哥叔婶")
# 说 starting 说明, 说法, 说服 or ending 小说 is no verb of saying.
NOT_SPEECH = regex(r"说[明法服]|(?<=小)说")
# A title in 《》 holds no person (a book named after its hero); 的《 after a name is its author's.
TITLE = regex("《[^《》]{1,40}》")
AUTHOR = regex("的《")
# an interview's or column's speaker: a line or sentence that opens with a name and a colon
SPEAKER = regex(rf"(?:^|(?<=[\n。！？”]))[{CJK}]{{2,4}}(?=[:：])", re.M)
# a name in Latin letters: capitalised or lower case, no acronym, no digits
LATIN_NAME = regex(r"[A-Za-z][a-z]{1,11}(?![A-Za-z0-9])")
NOT_HAN = regex(f"[^{CJK}]")
SEP = regex(r"(?:[(（][^()（）\s]{1,6}[)）])?[\s　]*[:：]?[\s　]*")     # 法定代表人(负责人):
# jieba tags of words that are no name: verbs, adverbs, prepositions, conjunctions, pronouns…
NOT_NAME_FLAGS = {"v", "vn", "vd", "d", "p", "c", "r", "m", "q", "t", "f", "y", "e", "o",
                  "a", "ad", "an", "b", "z", "l", "i",
                  "uj", "ul", "ug", "uz", "ud", "uv", "ns", "nt"}

# a one-character word with these tags is no surname split off a name (由 / 张三, 对 / 李四)
CLOSED_FLAGS = {"p", "c", "d", "r"}

# jieba tags of words that are often given names too (明远 a, 青阳 ns)
GIVEN_NAME_FLAGS = {"a", "an", "b", "z", "ns"}
# the given name jieba split off an unknown name is a name, a place or no word (韩 / 青阳)
NAME_PART_FLAGS = {"nr", "nrfg", "nrt", "x"} | GIVEN_NAME_FLAGS
FOREIGN_FLAGS = {"nr", "nrfg", "nrt", "x"}


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
        # a post or a role is no given name (向居民, 对职工: a preposition before a role)
        "posts": set(posts) | set(load_words("role_nouns.txt")),
        "post": regex(alternation(posts)),
        "post_end": regex(f"(?:{alternation(posts)})$"),
        "speech": regex(alternation(verbs)),
        # a name right after a byline's role is its author's (记者 张三, 文/图 李四)
        "credit": regex(f"(?:{alternation(load_tagged('byline_roles.tsv', 'credit'))})[\\s　/／:：]*$"),
        "reporter": regex(alternation(load_tagged("byline_roles.tsv", "byline"))),
        # posts that also follow a name as a form of address (王五局长, 王丽老师)
        "address": regex(f"(?:{alternation(load_tagged('posts.tsv', 'address'))})"),
        # occupations do too, after a full name only (张明远导演; 明星选手 is no name)
        "occupation": load_regex("occupations.txt"),
        # after a full name: what only a person does or is called (执导, 逝世; 杜明远先生)
        "after": regex(alternation(load_words("person_after_words.txt")
                                        + tuple(w for w in load_words("address_words.txt") if len(w) > 1))),
    }


def find_person_mentions(text: str, exclude: Iterable[tuple[int, int]] = ()) -> list[Mention]:
    """Person mentions in text, sorted by start, entity unset; none inside an `exclude` span.

    E.g. find_person_mentions('该公司副总经理林东海说，…') -> [Mention(7, 10, '林东海', 'Person')].
    """
    exclude = list(exclude) + [m.span() for m in TITLE.finditer(text)]
    anchored = {span for span in find_before_cues(text) + find_appositives(text)
                if is_allowed(text, *span, exclude)}
    anchored_names = {text[s:e] for s, e in anchored}
    # A name read forward from a post has an uncertain end: 王明 (confirmed by 王明说) beats 王明正.
    forward = {(s, e) for s, e in find_after_posts(text) if is_allowed(text, s, e, exclude)
               and not any(text[s:e].startswith(n) and len(n) < e - s for n in anchored_names)}
    spans = anchored | forward | allowed(text, find_foreign_names(text), exclude)
    spans |= allowed(text, person_names.find_uncued_names(text, spans), exclude)
    spans |= allowed(text, person_lists.list_mates(text, spans), exclude)
    names = {text[s:e] for s, e in spans}
    if names:   # every other occurrence of a confirmed name
        pattern = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
        spans.update((m.start(), m.end()) for m in pattern.finditer(text)
                     if is_allowed(text, m.start(), m.end(), exclude))
    return [Mention(s, e, text[s:e], EntityType.PERSON) for s, e in sorted(drop_overlaps(spans))]


@lru_cache(maxsize=None)
def right_cue() -> re.Pattern:
    """What may follow a name: punctuation, a verb of saying or of presence (出席), a post, 和/与/等, an adverb (已, 曾),
    处 of a source (从某某处购进)."""
    rules, presence = load_person_rules(), alternation(load_words("person_presence_verbs.txt"))
    return regex(rf"[，。、；：:！？”（(,;!?）)\s]|$|(?:[{CJK}]{{1,3}}[地着])?(?:{rules['speech'].pattern})|{presence}|{rules['address'].pattern}|[和与等在对也还就已曾将则]|处(?=[购买借租拿领收])")


@lru_cache(maxsize=None)
def clause_end() -> re.Pattern:
    """A clause boundary or a verb of saying right after a name."""
    return regex(rf"[，。；：:！？）)\s]|$|(?:{load_person_rules()['speech'].pattern})")


def find_after_posts(text: str) -> list[tuple[int, int]]:
    """Names right after a post, a role (居民, 司机), an occupation, 联系人： or before a list
    after 领导, e.g. '科长李建华介绍' -> [(2, 5)]."""
    rules = load_person_rules()
    out = []
    cues = itertools.chain(((m, False) for m in rules["post"].finditer(text)),
                           ((m, True) for m in load_regex("role_nouns.txt").finditer(text)),
                           ((m, True) for m in rules["occupation"].finditer(text)))
    for m, strict in cues:
        span = read_name_forward(text, SEP.match(text, m.end()).end(), strict)
        if span:
            out.append(span)
    for m in person_lists.LEADERS.finditer(text):       # 县领导周明、韩立: only a list (领导包联 is no name)
        span = read_name_forward(text, m.end())
        if span and text[span[1]:span[1] + 1] == "、":
            out.append(span)
    return out


@lru_cache(maxsize=None)
def transliteration_chars() -> frozenset[str]:
    return frozenset("".join(load_words("transliteration_chars.txt")))


def is_foreign_word(word: str, flag: str) -> bool:
    """Whether a word jieba cut next to a cue is a foreign name (卡伦, 奥尔塔尼): transliteration
    characters only, tagged a name or unknown, no country (伊拉克表示 is no person)."""
    return 2 <= len(word) <= 5 and flag in FOREIGN_FLAGS and word not in load_set("countries.txt") \
        and all(c in transliteration_chars() for c in word)


def is_transliterated_name(word: str, flag: str) -> bool:
    """Whether a word jieba tags a transliterated name (nrt) is one after a cue: three or more
    characters, all but one of them transliteration characters (约翰逊, 彼得森), no country."""
    return flag == "nrt" and len(word) >= 3 and word not in load_set("countries.txt") \
        and sum(c not in transliteration_chars() for c in word) <= 1


@lru_cache(maxsize=None)
def foreign_name() -> re.Pattern:
    """Two or more runs of transliteration characters joined by a middle dot or a hyphen."""
    chars = "".join(sorted(transliteration_chars()))
    return regex(f"(?<![{chars}])[{chars}]{{1,6}}(?:[·・•‧\\-－][{chars}]{{1,6}})+(?![{chars}])")


def find_foreign_names(text: str) -> list[tuple[int, int]]:
    """Foreign names in transliteration, e.g. '球员马丁·路德进球' -> [(2, 7)]."""
    out = []
    for m in foreign_name().finditer(text):
        end = m.end()
        # 罗森 / 博物馆 takes 博 back; a function character does not (买合提 / 提在)
        for word in cut_hmm(text[max(m.start(), end - 4):end + 3]):
            if len(word) > 1 and word.startswith(text[end - 1]) and text.startswith(word, end - 1) \
                    and not (len(word) == 2 and word[1] in NON_GIVEN):
                end -= 1
        if end - m.start() >= 4 and foreign_name().fullmatch(text, m.start(), end):
            out.append((m.start(), end))
    return out


def find_before_cues(text: str) -> list[tuple[int, int]]:
    """Names right before a verb of saying (张三说, 张三笑着说), a post used as an address
    (王丽老师), an author's work (张三的《…》) or a speaker's colon (张三：…), e.g. '，王五表示' -> [(1, 3)]."""
    rules = load_person_rules()
    out = []
    for m in rules["speech"].finditer(text):
        if NOT_SPEECH.match(text, m.start()):
            continue
        ends = [m.start()]
        if text[m.start() - 1:m.start()] in ("地", "着"):     # 高兴地说, 笑着说
            ends += [m.start() - k for k in (2, 3, 4)]
        out.extend(span for end in ends if (span := read_name_backward(text, end)))
    for m in itertools.chain(rules["address"].finditer(text), AUTHOR.finditer(text),
                             rules["occupation"].finditer(text), rules["after"].finditer(text)):
        span = read_name_backward(text, m.start(), strict=True)
        if span and (span[1] - span[0] > 2 or not rules["occupation"].match(text, m.start())):
            out.append(span)
    for m in SPEAKER.finditer(text):
        span = read_name_backward(text, m.end(), strict=True)
        if span and span[0] == m.start():
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


def read_name_forward(text: str, start: int, strict: bool = False) -> tuple[int, int] | None:
    """A name starting at `start` (right after a post), e.g. ('张伟难掩内心', 0) -> (0, 2);
    None if no name starts there. The end is where a cue follows (李建华介绍, 张三，), else
    where jieba's segmentation of the next few characters ends a person's name; `strict`
    (after a weaker cue) takes two words jieba split only when the second is no common word."""
    if ends := person_minority.name_ends(text, start):   # 格桑央金 (格 is no surname here)
        return start, ends[0]
    if yi := read_yi_forward(text, start):
        return yi
    if not starts_with_surname(text, start):
        return read_foreign_forward(text, start)
    if cued := name_before_cue(text, start, strict) or person_names.cued_name_after(text, start):
        return cued
    words = tag_window(text[start:start + 6])
    word, flag = words[0]
    if 2 <= len(word) <= 4 and flag.startswith("nr"):
        length = len(word)
    elif len(word) == 1 and len(words) > 1 and len(words[1][0]) <= 2 \
            and (words[1][1] in NAME_PART_FLAGS if strict else words[1][1] not in NOT_NAME_FLAGS):
        length = 1 + len(words[1][0])          # 祁 / 惠然: jieba split an unknown name
    else:
        return read_foreign_run(text, start)        # 总裁马丁内斯表示
    return (start, start + length) if is_name(text[start:start + length]) else None


def read_yi_forward(text: str, start: int) -> tuple[int, int] | None:
    """A Yi name (a clan name and two given characters) from `start` that a cue or a verb
    closes and whose given part is no common word, e.g. ('吉克某某出席', 0) -> (0, 4);
    县长吉克表示 gives none here (表示 is no given name)."""
    end = person_minority.yi_end(text, start)
    if not end or is_common_given(text[end - 2:end]):
        return None
    after = tag_window(text[end:end + 4])
    if right_cue().match(text, end) or clause_end().match(text, end) or after and after[0][1] == "v":
        return start, end
    return None


def is_common_given(given: str) -> bool:
    """Whether the given part of a Yi name is a common word that is no name (表示, 主持)."""
    return word_tags().get(given) in NOT_NAME_FLAGS - GIVEN_NAME_FLAGS


def name_before_cue(text: str, start: int, strict: bool) -> tuple[int, int] | None:
    """A name of 2–4 characters from `start` that a cue closes (李建华介绍, 张三，)."""
    for length in (2, 3, 4):
        end = start + length
        if NOT_SPEECH.match(text, end):
            continue
        if is_name(text[start:end]) and right_cue().match(text, end) \
                and not (strict and is_common_word(text, start, end)):
            return start, end
        # up to a clause's end or a verb of saying, a function character may stand inside
        # a given name (副县长周有林表示), never at its end
        if length > 2 and is_name(text[start:end], loose=True) and clause_end().match(text, end):
            return start, end
    return None


def is_common_word(text: str, start: int, end: int) -> bool:
    """Whether what follows a weak cue is a common word, not a name: a verb or adjective (居民放心,), or a
    word after its surname-like first character (全 / 覆盖)."""
    return word_tags().get(text[start:end]) in NOT_NAME_FLAGS - GIVEN_NAME_FLAGS \
        or any(f in NOT_NAME_FLAGS - GIVEN_NAME_FLAGS for _, f in tag_window(text[start + 1:end]))


def read_foreign_run(text: str, start: int) -> tuple[int, int] | None:
    """The longest run of three to six transliteration characters from `start` that a cue,
    的 or a character that is no Han closes and that is no word but a name (塞尔比在,
    马丁内斯表示, 莱德利-; 马上表示 is no name)."""
    run = start
    while run < len(text) and run - start < 6 and text[run] in transliteration_chars():
        run += 1
    for end in range(run, start + 2, -1):
        name, flag = text[start:end], word_tags().get(text[start:end], "nr")
        if (right_cue().match(text, end) or NOT_HAN.match(text, end) or text.startswith("的", end)) \
                and name not in load_set("countries.txt") \
                and (flag.startswith("nr") or flag == "ns" and not places.lookup_places(name)):
            return start, end
    return None


def read_foreign_forward(text: str, start: int) -> tuple[int, int] | None:
    """A foreign name starting at `start`: a run a cue closes (read_foreign_run), else jieba's
    words of transliteration characters, whole even when it cut them (贝尔托 / 尼)."""
    if run := read_foreign_run(text, start):
        return run
    if latin := LATIN_NAME.match(text, start):      # 设计师Tom说; no acronym (经理CEO)
        return latin.span() if right_cue().match(text, latin.end()) else None
    words = tag_window(text[start:start + 8])
    if words and is_transliterated_name(*words[0]):
        return start, start + len(words[0][0])
    if not words or not is_foreign_word(*words[0]):
        return None
    end = start + len(words[0][0])
    for word, flag in words[1:]:
        if end - start + len(word) > 6 or flag not in FOREIGN_FLAGS \
                or not all(c in transliteration_chars() for c in word):
            break
        end += len(word)
    return start, end


def read_name_backward(text: str, end: int, strict: bool = False) -> tuple[int, int] | None:
    """A name ending at `end`, starting where jieba's segmentation of the characters before
    says it does, e.g. ('主任李建华', 5) -> (2, 5); None if no name ends there. `strict` takes
    only what jieba tags as a person's name (before a post: 公安局长 is no 公安)."""
    if minority := person_minority.name_before(text, end, is_common_given):
        return minority
    if not any(starts_with_surname(text, end - k) for k in (2, 3, 4) if end - k >= 0) \
            and not all(c in transliteration_chars() for c in text[max(0, end - 2):end]):
        return None       # every name returned starts with a surname or is foreign: skip the tagger
    words = tag_window(text[max(0, end - 6):end])
    if not words:
        return None
    prev = words[-2] if len(words) > 1 else ("", "x")
    starts = [end - length for length in (split_name_length(prev, words[-1], strict),
                                          word_name_length(words[-1], strict)) if length]
    for start in starts:
        if starts_with_surname(text, start) and is_name(text[start:end]):
            return start, end
    start = end - len(words[-1][0])     # a Chinese name is_name refused is no foreign one
    if is_foreign_word(*words[-1]) and (len(words[-1][0]) > 3 or not starts_with_surname(text, start)):
        # jieba may split a long one: 奥尔塔 / 尼
        while start > 0 and end - start < 6 and text[start - 1] in transliteration_chars():
            start -= 1
        return start, end
    return person_names.cued_name_before(text, end)


def split_name_length(prev: tuple[str, str], last: tuple[str, str], strict: bool) -> int:
    """Length of a name jieba split in two (祁 / 惠然, 甘雨 / 桐), or 0."""
    (prev_word, prev_flag), (word, flag) = prev, last
    joined = len(prev_word) + len(word)
    if (len(prev_word) == 1 and prev_flag not in CLOSED_FLAGS or prev_flag.startswith("nr")) and 3 <= joined <= 4 and len(word) <= 2 \
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


@lru_cache(maxsize=1 << 16)
def tag_window(window: str) -> tuple[tuple[str, str], ...]:
    """(word, POS flag) of a few characters around a cue, remembered (windows recur). jieba's HMM
    joins an unknown name into one word; a word in no dictionary that opens with a surname is
    tagged nr (posseg's own HMM would do the same, at twenty times the cost)."""
    tags = word_tags()
    out = []
    for word in cut_hmm(window):
        flag = tags.get(word)
        if flag is None:
            flag = "nr" if len(word) > 1 and starts_with_surname(word, 0) else "x"
        out.append((word, flag))
    return tuple(out)


def starts_with_surname(text: str, start: int) -> bool:
    rules = load_person_rules()
    return text[start:start + 2] in rules["compound"] or text[start:start + 1] in rules["single"]


def is_name(name: str, loose: bool = False) -> bool:
    """Whether a string can be a full name: surname + 1–2 given characters, no function words,
    no form of address, no known non-name. is_name('李建华') -> True, is_name('李先生') -> False.
    `loose` (an item of a list of names) checks only the last character for function words."""
    rules = load_person_rules()
    surname = name[:2] if name[:2] in rules["compound"] else name[:1]
    given = name[len(surname):]
    if surname not in rules["compound"] and surname not in rules["single"]:
        return False
    if not 1 <= len(given) <= 2 or not re.fullmatch(f"[{CJK}]+", given):
        return False
    if any(ch in NON_GIVEN for ch in (given[-1:] if loose else given)) or given[-1] in NON_FINAL or given.startswith(load_words("address_words.txt")) or given in rules["posts"]:
        return False
    if len(given) == 1 and given in ADDRESS_CHARS:
        return False
    # 曾表示, 也介绍: an adverb-like surname character before a verb of saying
    return name not in rules["stop"] and name not in rules["posts"] and not rules["speech"].fullmatch(given)


def allowed(text: str, spans: Iterable[tuple[int, int]], exclude: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The spans is_allowed keeps."""
    return {span for span in spans if is_allowed(text, *span, exclude)}


def is_allowed(text: str, start: int, end: int, exclude: list[tuple[int, int]]) -> bool:
    """False for a name inside a byline span or right after 记者/通讯员/摄影, or a 老王/小李 form."""
    if any(s < end and start < e for s, e in exclude):
        return False
    rules = load_person_rules()
    if (m := rules["credit"].search(text, max(0, start - 8), start)) and opens_credit(text, m, rules):
        return False
    if text.startswith(load_words("address_words.txt"), start + 1):      # 李先 of 李先生
        return False
    return not (start and text[start - 1] in "老小阿" and end - start == 2)


# what stands right before a role that opens a credit: a text or line start, an opening
# bracket, a marker, or the last character of a medium's name (某某日报, 某某社, 某某讯)
CREDIT_BEFORE = set("（(【[ \t\n　◆□■●▲★/／：:，,、") | set("报社讯经台网刊")


def opens_credit(text: str, role: re.Match, rules: dict) -> bool:
    """Whether a credit role credits the name after it: a reporter's role always (记者,
    见习记者), another (作者, 责任编辑) only where a credit opens, e.g. '（作者 张三）', not
    in '原著作者张三指出'."""
    at = role.start()
    return bool(rules["reporter"].search(role.group())) or not at or text[at - 1] in CREDIT_BEFORE


def drop_overlaps(spans: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the longest of overlapping spans, e.g. {(0, 3), (1, 3)} -> [(0, 3)]."""
    kept: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if all(e <= ks or s >= ke for ks, ke in kept):
            kept.append((s, e))
    return kept
