"""Synthetic graphs of invented entities, relations and fundings of any size, for the view's
tests and benchmarks (bench/view_render.py): they go through the real graph builder."""
from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from rdflib import Graph

from kg.rdf.graph import build_graph
from kg.model import FUNDING_TYPES, Article, Entity, Evidence, Extraction, Funding, Relation
from kg.outputs.view import format_amount

_SYLLABLES = "青云川石岭江松柏泉湖明德宏远金瑞祥华安泰鑫恒盛元嘉辰星溪峰林原丰茂晟朗澜汇"
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_DEPARTMENTS = ("财政局", "发展和改革委员会", "工业和信息化局", "商务局", "科学技术局",
                "市场监督管理局", "人力资源和社会保障局", "住房和城乡建设局", "医疗保障局", "税务局")
_INDUSTRIES = ("科技", "信息技术", "新材料", "食品", "物流", "机械制造", "生物医药", "能源")
_ORG_KINDS = ("大学", "职业学院", "商会", "协会", "人民医院")
_PROGRAM_KINDS = ("专项行动", "扶持办法", "惠企政策", "改革", "服务机制")
_PROJECT_KINDS = ("产业园项目", "物流基地项目", "跨线桥改造项目", "研发中心项目")
_SHARES = (("Place", 4), ("Agency", 22), ("Company", 34), ("Organization", 8),
           ("Person", 14), ("Program", 9), ("Project", 9))
_RELATION_RULES = (  # (relation, subject classes, object classes, cue in the invented sentence)
    ("worksFor", ("Person",), ("Agency", "Company", "Organization"), "任职于"),
    ("issued", ("Agency",), ("Program",), "印发"),
    ("develops", ("Company", "Agency"), ("Project",), "建设"),
    ("contractorOf", ("Company",), ("Project",), "承建"),
    ("regulates", ("Agency",), ("Company",), "约谈"),
    ("partnerOf", ("Company", "Organization"), ("Company", "Organization"), "签约合作"),
    ("assists", ("Agency",), ("Company", "Project"), "协调帮助"),
    ("supplies", ("Company",), ("Company",), "供货给"),
    ("subOrganizationOf", ("Agency",), ("Agency",), "隶属于"),
)
_FUNDING_CUES = {"Loan": "贷款", "Grant": "补助", "Relief": "减免", "InterestSubsidy": "贴息",
                 "Investment": "投资", "Debt": "债权"}


def synthetic_graph(entities: int, seed: int = 0) -> Graph:
    """A graph of exactly `entities` invented entities in the layout kg.rdf.graph writes (articles,
    statements with evidence, fundings), for view tests and benchmarks. Same seed, same graph.
    Example: len(set(synthetic_graph(500).subjects(RDF.type, KG.Company))) -> 170."""

    rng = random.Random(seed)
    used: set[str] = set()

    def unique(make) -> str:
        for _ in range(50):
            name = make()
            if name not in used:
                break
        else:
            name = make() + str(len(used))
        used.add(name)
        return name

    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(2))

    counts = {cls: max(1, entities * share // 100) for cls, share in _SHARES}
    counts["Company"] += entities - sum(counts.values())
    places = [unique(lambda: word() + rng.choice("市区县")) for _ in range(counts["Place"])]
    makers = {
        "Agency": lambda: rng.choice(places) + rng.choice(_DEPARTMENTS),
        "Company": lambda: rng.choice(places)[:-1] + word() + rng.choice(_INDUSTRIES) + "有限公司",
        "Organization": lambda: rng.choice(places)[:-1] + word() + rng.choice(_ORG_KINDS),
        "Person": lambda: rng.choice(_SURNAMES) + word()[: rng.choice((1, 2))],
        "Program": lambda: word() + rng.choice(_PROGRAM_KINDS),
        "Project": lambda: word() + rng.choice(_PROJECT_KINDS),
    }
    pool = [Entity(p, "Place") for p in places]
    for cls, make in makers.items():
        for _ in range(counts[cls]):
            label = unique(make)
            # A company is also called by its core: 青石云川科技有限公司 -> 云川科技
            alias = (label[2:-4],) if cls == "Company" else ()
            pool.append(Entity(label, cls, aliases=alias))
    others = [e for e in pool if e.type != "Place"]
    rng.shuffle(others)

    extractions = []
    per_article = 10
    for number, begin in enumerate(range(0, len(others), per_article)):
        place = places[number % len(places)]
        members = others[begin:begin + per_article]
        if begin and rng.random() < 0.6:  # a recurring actor links this story to an earlier one
            members.append(rng.choice(others[:begin]))
        members = [Entity(e.label, e.type, e.aliases, jurisdiction=place) for e in members]
        extractions.append(_synthetic_article(number, place, members, rng))
    # Places that no story was set in still exist, named by the first story.
    extra = tuple(Entity(p, "Place") for p in places[len(extractions):])
    extractions[0] = replace(extractions[0], entities=extractions[0].entities + extra)
    return build_graph(extractions)


def _synthetic_article(number: int, place: str, members: list[Entity], rng: random.Random) -> Extraction:
    doc_id = f"synthetic_{number:05d}.txt"
    by_type = defaultdict(list)
    for e in members:
        by_type[e.type].append(e.label)
    sentences: list[str] = []

    def evidence(sentence: str) -> Evidence:
        start = sum(len(s) for s in sentences)
        sentences.append(sentence)
        return Evidence(doc_id, sentence, start, start + len(sentence))

    relations = []
    for rtype, subjects, objects, cue in _RELATION_RULES:
        left = [label for cls in subjects for label in by_type[cls]]
        right = [label for cls in objects for label in by_type[cls]]
        for _ in range(rng.choice((0, 1, 1, 2))):
            if left and right:
                s, o = rng.choice(left), rng.choice(right)
                if s != o:
                    relations.append(Relation(rtype, s, o, evidence(f"{s}{cue}{o}。"),
                                              job_title="主任" if rtype == "worksFor" else None))
    fundings = []
    payers = by_type["Agency"] + by_type["Company"]
    payees = by_type["Company"] + by_type["Organization"] + by_type["Project"]
    for _ in range(rng.choice((1, 2, 3))):
        if payers and payees:
            ftype = rng.choice(FUNDING_TYPES)
            provider, recipient = rng.choice(payers), rng.choice(payees)
            amount = Decimal(rng.choice((5, 20, 80, 150, 580, 1500, 3000, 16000))) * 10_000
            text = format_amount(amount)
            program = rng.choice(by_type["Program"]) if by_type["Program"] and rng.random() < 0.4 else None
            fundings.append(Funding(ftype, evidence(f"{provider}为{recipient}提供{text}{_FUNDING_CUES[ftype]}。"),
                                    amount=amount, amount_text=text, date=f"2024-{number % 12 + 1:02d}-15",
                                    provider=provider, recipient=recipient, program=program))
    article = Article(doc_id, doc_id, title=f"{place}经济动态第{number + 1}期",
                      date=f"2024-{number % 12 + 1:02d}-20")
    return Extraction(article=article, entities=tuple([Entity(place, "Place")] + members),
                      relations=tuple(relations), fundings=tuple(fundings))
