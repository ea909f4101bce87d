"""End to end on our own held-out-style sets, written and annotated independently of the
extractor: tests/heldout (six clean stories from six provinces), tests/heldout2 (six
newspaper pages, two with OCR breaks), tests/heldout3 (notices, a debt-transfer notice,
a bank release, a court story, a county roundup, a press conference), and tests/heldout4
tests/heldout5 (ten city, provincial and county pages, two with OCR breaks), and tests/heldout6
(eight short articles from eight other provinces: bank releases, a subsidy notice, enforcement
cases, a debt-transfer notice, a signing, an award list, a district meeting), tests/heldout7
(eight more from eight other places: a provincial work meeting, a prefecture's signing list, a
city's fund notice to four counties, penalty cases, a guarantee company's release, a policy-bank
loan to a city investment company, a state group's report, an award list) and tests/heldout8
(eight short money-flow articles from five other provinces: a venture round, tax refunds, an
industry fund, a debt restructuring, inclusive loans, a fund allocation, an interest-subsidy
notice, a syndicated loan), tests/heldout9 (eight newspaper pages and notices from eight other
provinces, written as real pages are: rural loans by several banks, a bank-enterprise meeting, an
award notice with a list, guarantees, a court enforcement, a policy-bank project loan, special
bonds, insurance claims), tests/heldout10 (eight pages from eight other places: an inspection
tour, an investment-promotion week, penalty cases, a rural bank's opening, a
university-enterprise signing, a county's orchards, a business-environment policy, a foreign-trade
story), tests/heldout11 (six relation-dense articles from six other places: joint notices, a
regulator's cases, a group's subsidiaries, appointments, a bank-city agreement, a developer's
project), tests/heldout12 (eight realistic pages written blind by another developer: a county
page, a bank release, an award notice, penalty cases, a debt-transfer notice, a signing, a visit
report, a guarantee company) and tests/heldout13 (six more: officials' visits, projects' builders
and operators, a four-party agreement, inspections, a bank's county sub-branches, an
association's meeting) and tests/heldout14 (eight more pages written blind: a county page, a
bank release, an award notice, a penalty, a debt transfer, a signing, a visit, a guarantee
story), tests/heldout15 (eight more written blind: a daily page, a rural bank's loans, an
interest-subsidy notice to county bureaus, a penalty, a debt-transfer table, a signing, a policy
bank's loan, relief and rewards), tests/heldout16 (eight more pages written blind: a county's
rural finance, crop insurance claims, a court enforcement notice, a financing round, a
job-subsidy notice, a bank-city agreement, special bonds for projects, a bank's page),
tests/heldout18 (eight more pages written blind: a finance campaign, supply-chain finance, a
leading enterprise, a loan risk pool, a court auction and talent subsidies, a rural fund, a
syndicated loan, a county inspection) and tests/heldout19 (eight notices and pages written
blind: a subsidy table, an award notice of two bodies, a court enforcement, a debt-collection
notice, a penalty disclosure, a bank release, a signing, flood relief and donations), and
tests/heldout21 to tests/heldout28 (eight more sets of eight pages written blind: county and
city newspaper pages, notices with rows and tables, bank releases, business and money news, court
and debt notices, relief and insurance pages; heldout27 and heldout28 were scored on the
near-final rules before any tuning on them), and tests/heldout29 to tests/heldout33 (five more
sets of eight written blind: local newspaper pages, fund and subsidy notices with tables, bank
releases with debt and bankruptcy notices, a month of mixed news, enforcement and business
pages; heldout31 was scored on the near-final rules before any tuning on it), and tests/heldout34
to tests/heldout40 (seven more sets of eight written blind: local newspaper pages, notices with
tables, bank, debt, court and equity pages, government news, rural finance, pages like the real
set's mix, local economy pages; heldout34 was never tuned on, heldout39 and 40 were scored on the
near-final rules before any tuning on them), and tests/heldout41 to tests/heldout45 (five more
sets of eight written blind: regional news, notices with lists and tables, bank and enterprise
releases, two mixed sets; heldout44 and 45 were scored on the near-final rules before any tuning
on them), and tests/heldout46 to tests/heldout49 (four more sets of eight written blind: southern
county news, finance releases, notices and tables, investment news; heldout46 and 49 were scored
on the near-final rules before any tuning on them), and tests/heldout50 to tests/heldout54 (five
more sets of eight written blind: northern and western rural finance, eastern industry and
investment, southern debts and public finance, north-eastern local news and notices, central and
western finance news; heldout53 and 54 were scored on mid-session rules before any tuning on
them). Scored with
../shared/eval/score.py; skipped when ../shared is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

from scoring import SCORER, build_and_score, f1_at

HERE = Path(__file__).resolve().parent

pytestmark = pytest.mark.skipif(not SCORER.is_file(), reason="../shared/eval/score.py is not beside the project")

# The issues' held-out bars are entities 0.70, relations 0.45 and fundings found 0.75; each
# set is held a little below what it reaches today, so that a regression shows.
BARS = {
    "heldout": [(("entities",), 0.95), (("relations",), 0.88),
                (("fundings", "found"), 0.95), (("fundings", "exact"), 0.92)],
    "heldout2": [(("entities",), 0.93), (("relations",), 0.88),
                 (("fundings", "found"), 0.93), (("fundings", "exact"), 0.78)],
    "heldout3": [(("entities",), 0.93), (("relations",), 0.85),
                 (("fundings", "found"), 0.93), (("fundings", "exact"), 0.90)],
    "heldout4": [(("entities",), 0.92), (("relations",), 0.88),
                 (("fundings", "found"), 0.92), (("fundings", "exact"), 0.83)],
    "heldout5": [(("entities",), 0.94), (("relations",), 0.82),
                 (("fundings", "found"), 0.94), (("fundings", "exact"), 0.86)],
    "heldout6": [(("entities",), 0.93), (("relations",), 0.88),
                 (("fundings", "found"), 0.94), (("fundings", "exact"), 0.86)],
    "heldout7": [(("entities",), 0.93), (("relations",), 0.82),
                 (("fundings", "found"), 0.97), (("fundings", "exact"), 0.95)],
    "heldout8": [(("entities",), 0.90), (("relations",), 0.80),
                 (("fundings", "found"), 0.97), (("fundings", "exact"), 0.86)],
    "heldout11": [(("entities",), 0.95), (("relations",), 0.95),
                  (("fundings", "found"), 0.90), (("fundings", "exact"), 0.58)],
    "heldout9": [(("entities",), 0.91), (("relations",), 0.68),
                 (("fundings", "found"), 0.97), (("fundings", "exact"), 0.78)],
    "heldout10": [(("entities",), 0.96), (("relations",), 0.82),
                  (("fundings", "found"), 0.94), (("fundings", "exact"), 0.70)],
    "heldout13": [(("entities",), 0.92), (("relations",), 0.84),
                  (("fundings", "found"), 0.90), (("fundings", "exact"), 0.70)],
    "heldout12": [(("entities",), 0.88), (("relations",), 0.64),
                  (("fundings", "found"), 0.95), (("fundings", "exact"), 0.78)],
    "heldout14": [(("entities",), 0.93), (("relations",), 0.82),
                  (("fundings", "found"), 0.95), (("fundings", "exact"), 0.82)],
    "heldout16": [(("entities",), 0.91), (("relations",), 0.76),
                  (("fundings", "found"), 0.94), (("fundings", "exact"), 0.78)],
    "heldout15": [(("entities",), 0.90), (("relations",), 0.73),
                  (("fundings", "found"), 0.97), (("fundings", "exact"), 0.88)],
    "heldout18": [(("entities",), 0.86), (("relations",), 0.79),
                  (("fundings", "found"), 0.97), (("fundings", "exact"), 0.68)],
    "heldout19": [(("entities",), 0.91), (("relations",), 0.67),
                  (("fundings", "found"), 0.97), (("fundings", "exact"), 0.83)],
    "heldout21": [(("entities",), 0.87), (("relations",), 0.73),
                  (("fundings", "found"), 0.93), (("fundings", "exact"), 0.66)],
    "heldout22": [(("entities",), 0.89), (("relations",), 0.74),
                  (("fundings", "found"), 0.92), (("fundings", "exact"), 0.82)],
    "heldout23": [(("entities",), 0.89), (("relations",), 0.71),
                  (("fundings", "found"), 0.90), (("fundings", "exact"), 0.61)],
    "heldout24": [(("entities",), 0.90), (("relations",), 0.79),
                  (("fundings", "found"), 0.89), (("fundings", "exact"), 0.57)],
    "heldout25": [(("entities",), 0.86), (("relations",), 0.64),
                  (("fundings", "found"), 0.93), (("fundings", "exact"), 0.61)],
    "heldout26": [(("entities",), 0.90), (("relations",), 0.82),
                  (("fundings", "found"), 0.93), (("fundings", "exact"), 0.79)],
    "heldout27": [(("entities",), 0.84), (("relations",), 0.70),
                  (("fundings", "found"), 0.85), (("fundings", "exact"), 0.60)],
    "heldout28": [(("entities",), 0.93), (("relations",), 0.66),
                  (("fundings", "found"), 0.88), (("fundings", "exact"), 0.62)],
    # the scorer breaks a tie between two nodes by hash order here: exact is 0.70 or 0.82
    "heldout29": [(("entities",), 0.90), (("relations",), 0.80),
                  (("fundings", "found"), 0.94), (("fundings", "exact"), 0.67)],
    "heldout30": [(("entities",), 0.87), (("relations",), 0.83),
                  (("fundings", "found"), 0.93), (("fundings", "exact"), 0.78)],
    "heldout31": [(("entities",), 0.91), (("relations",), 0.68),
                  (("fundings", "found"), 0.91), (("fundings", "exact"), 0.57)],
    "heldout32": [(("entities",), 0.90), (("relations",), 0.85),
                  (("fundings", "found"), 0.87), (("fundings", "exact"), 0.61)],
    "heldout33": [(("entities",), 0.92), (("relations",), 0.66),
                  (("fundings", "found"), 0.95), (("fundings", "exact"), 0.79)],
    "heldout34": [(("entities",), 0.92), (("relations",), 0.83),
                  (("fundings", "found"), 0.93), (("fundings", "exact"), 0.77)],
    "heldout35": [(("entities",), 0.90), (("relations",), 0.74),
                  (("fundings", "found"), 0.92), (("fundings", "exact"), 0.70)],
    "heldout36": [(("entities",), 0.86), (("relations",), 0.77),
                  (("fundings", "found"), 0.93), (("fundings", "exact"), 0.84)],
    "heldout37": [(("entities",), 0.89), (("relations",), 0.78),
                  (("fundings", "found"), 0.93), (("fundings", "exact"), 0.70)],
    "heldout38": [(("entities",), 0.82), (("relations",), 0.85),
                  (("fundings", "found"), 0.93), (("fundings", "exact"), 0.66)],
    "heldout39": [(("entities",), 0.92), (("relations",), 0.75),
                  (("fundings", "found"), 0.94), (("fundings", "exact"), 0.72)],
    "heldout40": [(("entities",), 0.86), (("relations",), 0.74),
                  (("fundings", "found"), 0.92), (("fundings", "exact"), 0.54)],
    "heldout41": [(("entities",), 0.91), (("relations",), 0.84),
                  (("fundings", "found"), 0.94), (("fundings", "exact"), 0.77)],
    "heldout42": [(("entities",), 0.90), (("relations",), 0.80),
                  (("fundings", "found"), 0.91), (("fundings", "exact"), 0.77)],
    "heldout43": [(("entities",), 0.90), (("relations",), 0.69),
                  (("fundings", "found"), 0.92), (("fundings", "exact"), 0.60)],
    "heldout44": [(("entities",), 0.88), (("relations",), 0.75),
                  (("fundings", "found"), 0.88), (("fundings", "exact"), 0.58)],
    "heldout45": [(("entities",), 0.84), (("relations",), 0.76),
                  (("fundings", "found"), 0.93), (("fundings", "exact"), 0.64)],
    "heldout46": [(("entities",), 0.89), (("relations",), 0.77),
                  (("fundings", "found"), 0.94), (("fundings", "exact"), 0.72)],
    "heldout47": [(("entities",), 0.87), (("relations",), 0.74),
                  (("fundings", "found"), 0.90), (("fundings", "exact"), 0.62)],
    "heldout48": [(("entities",), 0.86), (("relations",), 0.67),
                  (("fundings", "found"), 0.92), (("fundings", "exact"), 0.70)],
    "heldout49": [(("entities",), 0.85), (("relations",), 0.75),
                  (("fundings", "found"), 0.90), (("fundings", "exact"), 0.66)],
    "heldout50": [(("entities",), 0.78), (("relations",), 0.84),
                  (("fundings", "found"), 0.88), (("fundings", "exact"), 0.67)],
    "heldout51": [(("entities",), 0.89), (("relations",), 0.68),
                  (("fundings", "found"), 0.92), (("fundings", "exact"), 0.64)],
    "heldout52": [(("entities",), 0.89), (("relations",), 0.70),
                  (("fundings", "found"), 0.91), (("fundings", "exact"), 0.74)],
    "heldout53": [(("entities",), 0.88), (("relations",), 0.84),
                  (("fundings", "found"), 0.95), (("fundings", "exact"), 0.73)],
    "heldout54": [(("entities",), 0.84), (("relations",), 0.54),
                  (("fundings", "found"), 0.88), (("fundings", "exact"), 0.77)],
}


@pytest.fixture(scope="module", params=sorted(BARS))
def scored(request, tmp_path_factory):
    folder = HERE / request.param
    return request.param, build_and_score(folder / "articles", folder / "gold", tmp_path_factory.mktemp(request.param))


def test_heldout_scores_above_bars(scored):
    name, scores = scored
    for path, bar in BARS[name]:
        assert f1_at(scores, path)["f1"] >= bar, (name, path, f1_at(scores, path))
