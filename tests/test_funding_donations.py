"""The receiver of a donation (kg.extract.funding_donations), on sentences we write. The pass
case runs in test_funding_passes."""
from __future__ import annotations

from test_relations import C

O = "Organization"
DONATION_PARTY_CASES = [
    ("donation-receiver", "在乙慈善总会举行的捐赠仪式上，甲建材有限公司捐款200万元。",
     {"乙慈善总会": O, "甲建材有限公司": C}, [("Grant", 2_000_000, "甲建材有限公司", "乙慈善总会", None)]),
    # the donors are a class: the bureau that paid relief in the sentence before gives nothing here
    ("donor-named", "甲局拨付救助资金300万元。社会各界捐款50万元。", {"甲局": "Agency"},
     [("Grant", 3_000_000, "甲局", None, None), ("Grant", 500_000, None, None, None)]),
]


def test_a_donation_to_a_company_names_no_charity():
    from test_funding_passes import found
    names = {"丙公司": ("丙公司", C), "甲建材有限公司": ("甲建材有限公司", C)}
    assert found("甲建材有限公司向丙公司捐款200万元。", names)[0][3] != "甲建材有限公司"
