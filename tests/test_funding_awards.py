"""Awards a notice grants to the bodies it lists (kg.extract.funding_awards), on notices we write.
The pass case runs in test_funding_passes."""
from __future__ import annotations

from test_funding_tables import found
from test_relations import A, C

AWARD = "甲厅关于下达奖励资金的通知\n一、对乙公司、丁市的丙公司各奖励100万元；给予戊公司50万元奖励。\n甲厅\n2024年7月2日"
AWARD_NAMES = {"乙公司": C, "丙公司": C, "戊公司": C, "甲厅": A, "丁市": "Place"}
AWARD_DOCUMENT_CASES = [
    ("award-objects", AWARD, AWARD_NAMES,
     [("Grant", 1_000_000, "甲厅", "乙公司", None), ("Grant", 1_000_000, "甲厅", "丙公司", None),
      ("Grant", 500_000, "甲厅", "戊公司", None)]),
]


def test_a_sum_given_before_the_names_is_no_award_of_theirs():
    raw = "甲厅关于下达资金的通知\n给予乙公司的贷款100万元已到位。\n甲厅\n2024年7月2日"
    assert [f[3] for f in found(raw, {"乙公司": C, "甲厅": A})] != ["乙公司"]
