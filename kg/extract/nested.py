"""The company or agency that opens a project's name (某某集团某某产业园项目, 某某有限公司年产N吨某某
项目, 某省某厅某某项目): a mention of its own inside the Project's span, as the issuer of a titled document is
(kg.extract.mentions.find_title_issuers), so that the project keeps its full name and the
company is named too."""
from __future__ import annotations

from collections.abc import Iterable

from ..cache import regex
from ..model import EntityType, Mention, Sentence

# the investor's legal form or group, or a department's head, ends it; the project's own
# words (four at least) follow
INVESTOR = regex(r"^.{2,30}?(?:股份有限公司|有限责任公司|有限公司|集团|厅|局)(?=.{4,})")
INVESTOR_TYPES = (EntityType.COMPANY, EntityType.AGENCY)


def find_project_investors(text: str, mentions: list[Mention], read) -> Iterable[Mention]:
    """Company and agency mentions opening Project mentions; `read` finds the mentions of a Sentence
    (kg.extract.mentions.find_sentence_mentions)."""
    for m in mentions:
        head = INVESTOR.match(m.text) if m.type == EntityType.PROJECT else None
        if head is None:
            continue
        prefix = Sentence(m.start, m.start + head.end(), text[m.start:m.start + head.end()])
        for found in read(prefix):
            if found.type in INVESTOR_TYPES and (found.start, found.end) == (prefix.start, prefix.end):
                yield found
                break
