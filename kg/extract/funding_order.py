"""The order of the fundings stage's party repairs: two ordered lists of named passes.

PARTY_PASSES run on each funding as soon as its amount's roles are assigned
(kg.extract.funding_roles): they take parties from the context that the sentence leaves out (a
sentence continued, a list row, a speaker's turn, a loan told before…). DOCUMENT_PASSES run
once the whole document is read: later sentences, the story's payer, repeated amounts.
A pass is `(funding, site) -> funding` or `(fundings, reading) -> fundings`; the passes live in
kg.extract.funding_passes and in the funding modules of one construction each.
"""
from __future__ import annotations

from collections.abc import Callable

from ..model import Funding
from .funding_addressees import (addressees_pay_nothing, heading_members, heading_rows,
                                 issuer_pays_allocations)
from .funding_allocations import project_line_receives, project_owner_receives
from .funding_awards import award_objects
from .funding_donations import donation_receiver, donor_named
from .funding_ellipsis import bare_row_receives, named_part
from .funding_enforcement import (confirmed_claim, court_is_no_party, dispute_parties, party_of_the_facts,
                                  titled_parties)
from .funding_groups import (counted_lenders, counted_list_receives, counted_payee_group, counted_payers,
                             counted_payees_unnamed, led_projects_receive, syndicate_lead)
from .funding_guarantees import guarantee_fee_waived, guarantor_lends_nothing
from .funding_notices import (counted_total, each_listed, labelled_row, listed_after_sum, proposed_row,
                              signed_claim)
from .funding_objects import former_latter_receives, listed_subjects_receive, object_receives
from .funding_parties import (bare_group_receives, claim_notice, clause_subject_pays, disburser_after, headline_lender,
                              named_after, previous_subject_pays, product_lender, story_actor_pays, story_lender)
from .funding_places import level_funds_payer, place_receives
from .funding_persons import claimant_speaks, person_subject_receives
from .funding_rounds import investor_is_no_payee, round_led_by
from .funding_directions import (borrower_stated, class_receives, operator_receives, participle_loan_used_by,
                                 refund_received, set_aside_pays_nothing, sum_comes_from, sum_put_into_project)
from .funding_pools import each_funder, pool_grant, pool_payout
from .funding_staff import posted_person_receives
from .funding_shares import (founded_company, lead_investor, loan_tranche, named_project_investor, paired_sums,
                             developer_total, subscribed_fund)
from .funding_story import (also_received, bare_company_served, claims_insurer, guarantor_is_no_borrower, leveraged_loan,
                            parts_take_total_payer, person_receives, pronoun_payee, recovered_loan, rule_payer)
from .funding_tables import table_rows
from .funding_passes import (Reading, Site, cited_source_relieves, continued_sentence, flow_stated_before,
                             investment_share, list_row, one_per_amount, project_investors,
                             source_told_before, speaker_pays, story_payers, subsidised_loan, with_followups)


PARTY_PASSES: tuple[tuple[str, Callable[[Funding, Site], Funding]], ...] = (
    ("paired-sums", paired_sums),
    ("continued-sentence", continued_sentence),
    ("investment-share", investment_share),
    ("list-row", list_row),
    ("bare-row", bare_row_receives),
    ("named-part", named_part),
    ("labelled-row", labelled_row),
    ("proposed-row", proposed_row),
    ("listed-after-sum", listed_after_sum),
    ("counted-total", counted_total),
    ("signed-claim", signed_claim),
    ("speaker-pays", speaker_pays),
    ("cited-source-relieves", cited_source_relieves),
    ("source-told-before", source_told_before),
    ("subsidised-loan", subsidised_loan),
    ("flow-stated-before", flow_stated_before),
    ("project-owner-receives", project_owner_receives),
    ("project-line-receives", project_line_receives),
    ("named-after", named_after),
    ("disburser-after", disburser_after),
    ("person-receives", person_receives),
    ("person-subject-receives", person_subject_receives),
    ("posted-person-receives", posted_person_receives),
    ("guarantor-is-no-borrower", guarantor_is_no_borrower),
    ("also-received", also_received),
    ("pronoun-payee", pronoun_payee),
    ("bare-company-served", bare_company_served),
    ("rule-payer", rule_payer),
    ("leveraged-loan", leveraged_loan),
    ("object-receives", object_receives),
    ("guarantor-lends-nothing", guarantor_lends_nothing),
    ("guarantee-fee-waived", guarantee_fee_waived),
    ("listed-subjects-receive", listed_subjects_receive),
    ("former-latter-receives", former_latter_receives),
    ("story-lender", story_lender),
    ("headline-lender", headline_lender),
    ("bare-group-receives", bare_group_receives),
    ("previous-subject-pays", previous_subject_pays),
    ("clause-subject-pays", clause_subject_pays),
    ("subscribed-fund", subscribed_fund),
    ("founded-company", founded_company),
    ("lead-investor", lead_investor),
    ("investor-is-no-payee", investor_is_no_payee),
    ("counted-lenders", counted_lenders),
    ("counted-payers", counted_payers),
    ("syndicate-lead", syndicate_lead),
    ("counted-payee-group", counted_payee_group),
    ("led-projects-receive", led_projects_receive),
    ("counted-list-receives", counted_list_receives),
    ("court-is-no-party", court_is_no_party),
    ("titled-parties", titled_parties),
    ("confirmed-claim", confirmed_claim),
    ("dispute-parties", dispute_parties),
    ("party-of-the-facts", party_of_the_facts),
    ("developer-total", developer_total),
    ("named-project-investor", named_project_investor),
    ("loan-tranche", loan_tranche),
    ("place-receives", place_receives),
    ("level-funds-payer", level_funds_payer),
    ("donation-receiver", donation_receiver),
    ("donor-named", donor_named),
    ("pool-grant", pool_grant),
    ("pool-payout", pool_payout),
    ("sum-put-into-project", sum_put_into_project),
    ("operator-receives", operator_receives),
    ("participle-loan-used-by", participle_loan_used_by),
    ("borrower-stated", borrower_stated),
    ("refund-received", refund_received),
    ("sum-comes-from", sum_comes_from),
    ("set-aside-pays-nothing", set_aside_pays_nothing),
    ("class-receives", class_receives),
)


DOCUMENT_PASSES: tuple[tuple[str, Callable[[list[Funding], Reading], list[Funding]]], ...] = (
    ("sentences-after", with_followups),
    ("round-led-by", round_led_by),
    ("counted-payees-unnamed", counted_payees_unnamed),
    ("project-investors", project_investors),
    ("addressees-pay-nothing", addressees_pay_nothing),
    ("claims-insurer", claims_insurer),
    ("claimant-speaks", claimant_speaks),
    ("story-payers", story_payers),
    ("issuer-pays-allocations", issuer_pays_allocations),
    ("claim-notice", claim_notice),
    ("product-lender", product_lender),
    ("story-actor-pays", story_actor_pays),
    ("parts-take-total-payer", parts_take_total_payer),
    ("recovered-loan", recovered_loan),
    ("one-per-amount", one_per_amount),
    ("heading-members", heading_members),
    ("heading-rows", heading_rows),
    ("award-objects", award_objects),
    ("table-rows", table_rows),
    ("each-listed", each_listed),
    ("each-funder", each_funder),
)
