"""A place that receives the funds allocated to it (kg.extract.funding_places), on sentences we
write. The pass case runs in test_funding_passes."""
from __future__ import annotations

from test_relations import A

PLACE_PARTY_CASES = [
    ("place-receives", "甲省财政厅向乙县拨付救灾资金800万元。", {"甲省财政厅": A, "乙县": "Place"},
     [("Grant", 8_000_000, "甲省财政厅", "乙县", None)]),
    # funds of a level are paid by a body of that level, not by the other payer of the clause
    ("level-funds-payer", "吉林省财政厅下达救灾资金9850万元。其中，应急管理部下达中央救灾资金6000万元，省级救灾资金3850万元。",
     {"吉林省财政厅": A, "应急管理部": A},
     [("Grant", 98_500_000, "吉林省财政厅", None, None), ("Grant", 60_000_000, "应急管理部", None, None),
      ("Grant", 38_500_000, "吉林省财政厅", None, None)]),
]


def test_a_place_named_with_no_allocating_verb_receives_nothing():
    from test_funding_passes import found
    names = {"甲省财政厅": ("甲省财政厅", A), "乙县": ("乙县", "Place")}
    assert found("甲省财政厅拨付救灾资金800万元，用于乙县灾后重建。", names)[0][3] is None


def test_a_place_that_sets_funds_aside_pays_them():
    """甲市还将统筹衔接资金2100万元: the place is the subject of the verb that sets the funds aside."""
    from test_funding_passes import found
    got = found("据悉，甲市还将统筹衔接资金2100万元，用于修复受损道路。", {"甲市": ("甲市", "Place")})
    assert [(f[0], f[2]) for f in got] == [("Grant", "甲市")]
