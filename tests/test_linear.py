"""Linear cost (issue 13): the running structures that replace per-sentence rescans of the
document give exactly what the rescans gave. Speed itself is measured by bench/linear.py."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.clause import Ref, Tally, main_ref
from kg.extract.places import choose_place, expand_places, lookup_places, pick_place

refs = st.lists(st.builds(lambda i, e, t: Ref(i, i + 1, e, t), st.integers(0, 99),
                          st.sampled_from("甲乙丙丁"), st.sampled_from(["Company", "Agency", "Project"])),
                max_size=30)


@given(refs)
def test_tally_is_main_ref_after_every_name(names):
    tally = Tally(("Company", "Agency"))
    for i, r in enumerate(names):
        tally.add(r)
        assert tally.best == main_ref(names[:i + 1], ("Company", "Agency"))


@given(refs, refs)
def test_tally_best_with_more_is_main_ref_of_both(names, more):
    tally = Tally(("Company", "Agency"), names)
    assert tally.best_with(more) == main_ref(names + more, ("Company", "Agency"))
    assert tally.best == main_ref(names, ("Company", "Agency"))


@given(st.lists(st.sampled_from(["长春市", "北京市", "吉林省", "朝阳区", "南关区", "辽宁省"]), max_size=6))
def test_choose_place_is_pick_place(context):
    candidates = list(lookup_places("朝阳区"))
    assert len(candidates) > 1
    assert choose_place(candidates, expand_places(context)) == pick_place(candidates, context)
