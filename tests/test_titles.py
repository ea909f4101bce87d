"""A notice's first line as its own title (kg.extract.titles): …的公示 and …的公告 as …的通知 are, and a
debt notice's title, labelled in full and issued by the bodies it opens with. Invented notices."""
from __future__ import annotations

from kg.extract.pipeline import analyse
from kg.model import Document

AMC = "中国信达资产管理股份有限公司吉林省分公司"
BANK = "吉林九台农村商业银行股份有限公司"


def programs_and_issuers(raw: str) -> tuple[set[str], set[tuple[str, str]]]:
    a = analyse(Document("t", raw, "t"))
    return ({e.label for e in a.entities if e.type == "Program"},
            {(r.subject, r.object) for r in a.relations if r.type == "issued"})


def test_a_debt_notice_title_is_a_program_of_both_its_bodies():
    title = f"{AMC}与{BANK}债权转让暨债务催收联合公告"
    programs, issued = programs_and_issuers(f"{title}\n来源：吉林日报\n\n根据双方签订的协议，{BANK}将其债权转让给{AMC}。\n")
    assert title in programs and {(AMC, title), (BANK, title)} <= issued


def test_a_title_of_other_words_is_no_debt_notice():
    programs, _ = programs_and_issuers(f"{BANK}召开年度工作会议\n\n会议总结了全年工作。\n")
    assert not any(p.startswith(BANK) for p in programs)


def test_a_notice_titled_as_a_public_list_is_a_program():
    title = "长春市财政局关于2024年度第一批技术改造补助资金拟拨付名单的公示"
    programs, issued = programs_and_issuers(f"{title}\n\n现将名单公示如下。\n")
    assert "长春市财政局关于2024年度第一批技术改造补助资金拟拨付名单的公示" in programs
    assert ("长春市财政局", title) in issued
