"""Receivers named as the object of a giving verb or listed before 分别 and a receiving verb
(kg.extract.funding_objects), on sentences we write. The pass cases run in test_funding_passes."""
from __future__ import annotations

from test_relations import A, C, J, O, P

OBJECT_PARTY_CASES = [
    ("object-receives", "甲银行为种植大户张三、李四分别发放信用贷款30万元和20万元。", {"甲银行": C, "张三": P, "李四": P},
     [("Loan", 300_000, "甲银行", "张三", None), ("Loan", 200_000, "甲银行", "李四", None)]),
    ("object-receives", "乙局对表现突出的甲公司给予一次性奖励20万元。", {"乙局": A, "甲公司": C},
     [("Grant", 200_000, "乙局", "甲公司", None)]),
    ("listed-subjects-receive", "甲局拨付救灾资金100万元。乙公司、丙公司分别领到重建补助4万元和3.5万元。",
     {"甲局": A, "乙公司": C, "丙公司": C},
     [("Grant", 1_000_000, "甲局", None, None), ("Grant", 40_000, "甲局", "乙公司", None),
      ("Grant", 35_000, "甲局", "丙公司", None)]),
    ("guarantor-lends-nothing", "甲银行推出新产品。乙局联合该行推出“丙贷”，由丁担保公司提供担保，戊合作社获得贷款150万元。",
     {"甲银行": C, "乙局": A, "丁担保公司": C, "戊合作社": O},
     [("Loan", 1_500_000, "甲银行", "戊合作社", None)]),
    ("former-latter-receives", "甲银行与乙公司在丙市签订借款合同，约定向后者发放贷款12亿元。",
     {"甲银行": C, "乙公司": C, "丙市": "Place"},
     [("Loan", 1_200_000_000, "甲银行", "乙公司", None)]),
    ("named-project-investor", "签约项目中，投资额最大的是甲公司投资的乙项目，总投资28亿元。", {"甲公司": C, "乙项目": J},
     [("Investment", 2_800_000_000, "甲公司", None, None)]),
    ("loan-tranche", "甲银行与乙公司在丙市签订借款合同，约定向后者发放贷款12亿元，专项用于丁项目。当天，首笔贷款2.5亿元由甲银行完成发放。",
     {"甲银行": C, "乙公司": C, "丙市": "Place", "丁项目": J},
     [("Loan", 1_200_000_000, "甲银行", "乙公司", None), ("Loan", 250_000_000, "甲银行", "乙公司", None)]),
]
