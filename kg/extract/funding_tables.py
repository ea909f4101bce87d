"""Fundings a notice lays out as a table, its cells apart by | or, in plain text, by tabs or runs
of spaces (a document pass of kg.extract.funding_passes): a header row names the columns
(序号|借款人|担保人|本金|利息), the rows below give one flow each. A column whose header is a
funding cue holds sums of that flow, in the unit its header (补助金额（万元）) or the lines above
state (单位：元); the borrower's column names who owes or receives, a
guarantor's column names no party; the notice's signers hold the claims (a debt or loan) or pay
(a payout); a total row (合计) has no receiver.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from .funding_cues import Cue, find_cues
from .funding_notices import creditor_signers, per_head
from .funding_parties import PAYOUTS, last_agency_payer
from ..cache import regex
from ..lexicon import load_table
from ..model import ORG_TYPES, EntityType, Evidence, Funding, FundingType, Sentence
from .money import Amount, find_sums

if TYPE_CHECKING:
    from .analysis import Analysis
    from .funding_passes import Reading

_LINE = regex(r"[^\n]+")
_CELL = regex(r"[|｜]")
# A plain-text table's columns are apart by tabs or runs of spaces (序号\t企业名称\t金额).
_GAP = regex(r"\t+| {2,}|　+")
_SPACE = regex(" ")
# 序号、企业名称、贷款金额（万元）: a line of three cells and more apart by 、 and no other punctuation
_LIST_COMMA = regex("、")
_OTHER_PUNCT = regex("[，,。；;：:！？]")
# 单位：人民币元 / 单位：万元 stated in the lines right above a table.
_UNIT = regex(r"单位\s*[：:]\s*(?:人民币)?\s*(亿元|万元|元)")
# 贷款金额单位：万元；贴息金额单位：元: the unit of each column named.
_COLUMN_UNIT = regex(r"([\u4e00-\u9fff]{2,6}?)单位\s*[：:]\s*(?:人民币)?\s*(亿元|万元|元)")
# 补助金额（万元）: a column's header that states its own unit.
_HEADER_UNIT = regex(r"[(（]\s*(?:单位\s*[：:]\s*)?(?:人民币)?(亿元|万元|元)\s*[)）]")
_UNIT_VALUE = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}
_UNIT_REACH = 3
_EACH_REACH = 6         # how far (characters) before a sum its 每家 may stand (每家奖励50万元)
# 借款本金余额1260.00: a principal's label and a number with no unit of its own.
_LABELLED_NUMBER = regex(r"(?:本金余额|借款本金|贷款本金|借款余额|贷款余额|欠款金额|债权本金)[为：:]?\s*"
                         r"(\d[\d,，]*(?:\.\d+)?)(?![\d.]|\s*[万亿千百]|\s*元|%)")
_NAME_SUFFIX = "名称"
# 银行名称, 项目名称: a column of names that holds no receiver of the row's flow
_NOT_RECEIVERS = regex("银行|项目|机构|担保|保证")
_ROW_LINES = 3          # how many lines a row broken inside its cells may take
_UNIT_BEFORE = 800      # how far (characters) above a row the notice may state its unit
_NUMBER = regex(r"\d[\d,，]*(?:\.\d+)?")
_DIGIT = regex(r"\d")
# 320万元: a cell that states its own unit.
_OWN_UNIT = regex(r"(\d[\d,，]*(?:\.\d+)?)\s*(亿元|万元|元)")
# 省级资金（万元）, 金额（元）: a column of sums that does not name their flow.
_MONEY_HEADER = regex("资金|金额|经费|款")
_TOTAL_ROW = regex(r"\s*(?:合计|总计)\s*")
_TOTAL_SUM = regex(r"(?:合计|共计|总计)[为约]?\s*$")
_RECEIVER_TYPES = (*ORG_TYPES, EntityType.PERSON.value)


class _Row(NamedTuple):
    """The parties a table row's columns name."""
    recipient: str | None       # the borrower's or receiver's column (or the place's)
    lender: str | None          # the lending bank's column
    barred: set[str]            # the guarantors' columns: no party
    investor: str | None        # the first name of the investors' column
    payer: str | None           # the paying body's column (发放主体)
    named: str | None           # a column of names no label gives a role (经营主体名称)


@lru_cache(maxsize=None)
def _column_roles() -> dict[str, str]:
    return dict(load_table("funding_party_labels.tsv", 2))


def _cells(origin: tuple[int, ...], start: int, line: str) -> list[tuple[int, int]]:
    """The normalised (start, end) spans of the cells of a line of the original text starting
    at `start` (the normalised text may join a table's lines; it keeps their characters, in
    order: `origin` is Text.origin, rising)."""
    gaps = _separators(line)
    end = start + len(line)
    starts = [start] + [start + m.end() for m in gaps]
    raw = list(zip(starts, [start + m.start() for m in gaps] + [end]))
    spans = []
    for s, e in raw:
        # the normalised characters kept of original offsets s to e
        first, after = bisect.bisect_left(origin, s), bisect.bisect_left(origin, e)
        at_end = after if after < len(origin) - 1 and origin[after] == e else 0
        spans.append((first, after) if first < after else (at_end, at_end))
    return spans


def _separators(line: str) -> list[re.Match]:
    """The cell separators of a line: its bars, or else its tabs and runs of spaces, or else
    its single spaces when it has two or more (a table copied from a web page: 序号 企业名称 金额),
    or else its 、 when it has three or more and no other punctuation (序号、企业名称、贷款银行、金额).
    Each kind is looked for only where a substring test finds its characters: most lines hold
    some 、 or a space, few a table's separators."""
    if "|" in line or "｜" in line:
        return list(_CELL.finditer(line))
    line = line.rstrip()
    gaps = [m for m in _GAP.finditer(line) if m.start() > 0] if "\t" in line or "  " in line or "　" in line else []
    if gaps:
        return gaps
    spaces = [m for m in _SPACE.finditer(line) if m.start() > 0] if line.count(" ") >= 2 else []
    if len(spaces) >= 2:
        return spaces
    return list(_LIST_COMMA.finditer(line)) if line.count("、") >= 3 and not _OTHER_PUNCT.search(line) else []


def _unit(lines: list[re.Match], k: int, cell: str = "") -> Decimal | None:
    """The unit the lines above a table state for the column headed `cell` (贴息金额单位：元), else
    for the whole table (单位：万元)."""
    above = lines[max(0, k - _UNIT_REACH):k]
    for line in reversed(above):
        for m in _COLUMN_UNIT.finditer(line.group()):
            if cell and m.group(1) in cell:
                return _UNIT_VALUE[m.group(2)]
    for line in reversed(above):
        if m := _UNIT.search(line.group()):
            return _UNIT_VALUE[m.group(1)]
    return None


def _value(text: str, unit: Decimal | None) -> Decimal | None:
    """The sum a cell holds: a bare number in the column's unit, or, where no unit is stated
    for the column, a number with its own (320万元)."""
    if unit is None:
        own = _OWN_UNIT.fullmatch(text.strip())
        if own is None:
            return None
        text, unit = own.group(1), _UNIT_VALUE[own.group(2)]
    m = _NUMBER.fullmatch(text.strip())
    if m is None:
        return None
    try:
        return Decimal(m.group().replace(",", "").replace("，", "")) * unit
    except InvalidOperation:
        return None


def stated_unit_amounts(a: Analysis, sentence: Sentence) -> list[Amount]:
    """借款本金余额1260.00: a labelled principal written as a bare number, in a notice whose lines
    shortly above state the unit (欠款明细如下（单位：人民币万元）：), as a sum in yuan."""
    if not _LABELLED_NUMBER.search(sentence.text):
        return []
    units = list(_UNIT.finditer(a.text.text, max(0, sentence.start - _UNIT_BEFORE), sentence.start))
    if not units:
        return []
    unit = _UNIT_VALUE[units[-1].group(1)]
    return [Amount(m.start(1), m.end(1), m.group(1), value, "元")
            for m in _LABELLED_NUMBER.finditer(sentence.text) if (value := _value(m.group(1), unit))]


def table_fundings(a: Analysis) -> list[Funding]:
    """One funding per sum column of each row of each table the document holds."""
    lines = list(_LINE.finditer(a.doc.text))
    origin = a.text.origin
    out: list[Funding] = []
    for k, line in enumerate(lines):
        if not _separators(line.group()):
            continue
        header = [a.text.text[s:e].strip() for s, e in _cells(origin, line.start(), line.group())]
        # a column of sums that names no flow (金额) takes the flow told above, or a row's own
        columns = {i: (cue, _header_unit(cell) or _unit(lines, k, cell), not own)
                   for i, cell in enumerate(header)
                   if (cue := (own := next(iter(find_cues(cell)), None)) or _money_column(cell) and _cue_above(lines, k))}
        each = None if columns else _sum_each_above(lines, k)
        if not columns and not each:
            continue
        rows, j = lines[k + 1:], 0
        while j < len(rows):
            cells, used = _row_cells(a.doc.text, origin, rows[j:j + _ROW_LINES], len(header))
            # the header again opens the next table (二、…每家奖励50万元 / 序号｜企业名称 / … / 三、… / 序号｜企业名称)
            if cells is None or any(row.group().strip() == line.group().strip() for row in rows[j:j + used]):
                break
            out += _row_fundings(a, header, columns, cells, each)
            j += used
    return out


def _sum_each_above(lines: list[re.Match], k: int) -> tuple[Cue, Amount] | None:
    """每家奖励50万元 in the lines right above a table with no column of sums (序号｜企业名称｜所在地区):
    the flow and the sum each row's body gets."""
    for line in reversed(lines[max(0, k - _UNIT_REACH):k]):
        text = line.group()
        cues = [c for c in find_cues(text) if not c.weak]
        each = next((x for x in find_sums(text) if per_head().search(text, max(0, x.start - _EACH_REACH), x.start)), None)
        if cues and each:
            return cues[-1], each
    return None


def _row_cells(text: str, origin: tuple[int, ...], lines: list[re.Match], count: int) -> tuple[list | None, int]:
    """The cells of the row that opens `lines` and how many lines it takes: one line with
    `count` cells, or a row an OCR'd page broke inside its cells (1 甲纺织品有 / 限公司 乙公司 100)."""
    for n in range(1, len(lines) + 1):
        start, end = lines[0].start(), lines[n - 1].end()
        cells = _cells(origin, start, text[start:end])
        if len(cells) == count:
            return cells, n
        if len(cells) > count:
            break
    return None, 0


def _money_column(cell: str) -> bool:
    return bool(_MONEY_HEADER.search(cell))


def _cue_above(lines: list[re.Match], k: int):
    """The flow of a table whose sum column names none (省级资金（万元）): the last one the lines
    right above the table name (下达省级科技创新发展资金9.8亿元…，部分项目资金安排如下：)."""
    for line in reversed(lines[max(0, k - _UNIT_REACH):k]):
        cues = [c for c in find_cues(line.group()) if not c.weak]
        if cues:
            return cues[-1]
    return None


def _header_unit(cell: str) -> Decimal | None:
    m = _HEADER_UNIT.search(cell)
    return _UNIT_VALUE[m.group(1)] if m else None


def _row_fundings(a: Analysis, header: list[str], columns: dict, cells: list[tuple[int, int]],
                  each: tuple[Cue, Amount] | None = None) -> list[Funding]:
    """The fundings of one table row (see table_fundings): one per column of sums, or the sum
    `each` row gets."""
    text = a.text.text
    total = _TOTAL_ROW.fullmatch(text[slice(*cells[0])]) is not None
    row = _row_parties(a, header, cells)
    if row.recipient is None and row.named is None and not total:
        return []
    signed = [s for s in creditor_signers(a) if s != row.recipient and s not in row.barred]
    start, end = cells[0][0], cells[-1][1]
    evidence = Evidence(a.doc_id, text[start:end], start, end)
    # a row's own cue is read only for a column of sums that names no flow
    own = _row_cue(a, cells) if any(generic for _, _, generic in columns.values()) else None
    sums = [(own if generic and own else cue, _value(text[slice(*cells[i])], unit), text[slice(*cells[i])].strip())
            for i, (cue, unit, generic) in columns.items()]
    if each and not total:
        sums.append((each[0], each[1].value, each[1].text))
    return [f for cue, amount, amount_text in sums if amount
            and (f := _sum_funding(a, row, signed, total, cue, Funding(cue.type, evidence, amount, amount_text)))]


def _sum_funding(a: Analysis, row: _Row, signed: list[str], total: bool, cue: Cue, f: Funding) -> Funding | None:
    """The parties of one sum of a row (`f`, of the flow `cue` names), None when nobody receives it."""
    payer = signed[0] if signed and (cue.type in (FundingType.DEBT, FundingType.LOAN)
                                      or cue.type in PAYOUTS and a.types.get(signed[0]) == EntityType.AGENCY) else None
    if cue.type in (FundingType.LOAN, FundingType.DEBT) and row.lender:
        payer = row.lender      # the row's lending bank or creditor, not the notice's signer
    payer = row.payer or payer
    kind = cue.type
    # 经营主体名称｜奖补金额: a column of names no label gives a role receives a payout only
    receiver = row.recipient or (row.named if kind in PAYOUTS else None)
    if receiver is None and not total:
        return None
    if kind in (FundingType.LOAN, FundingType.INVESTMENT) and row.investor:
        # 融资轮次｜投资机构｜融资额: equity the row's investors bought in its company
        kind, parties = FundingType.INVESTMENT, (row.investor, receiver)
    else:
        # 项目总投资: the row's body invests in its project
        parties = (receiver, None) if kind == FundingType.INVESTMENT else (payer, receiver)
    return replace(f, type=kind, provider=parties[0], recipient=parties[1], rule=cue.rule)


def _row_cue(a: Analysis, cells: list[tuple[int, int]]) -> Cue | None:
    """补助项目｜金额 / 增值税即征即退｜231.25: the flow a row's own cell of words (no name, no
    number) names, for a column of sums that names none."""
    for s, e in cells:
        if not _DIGIT.search(a.text.text, s, e) and not any(s <= r.start < e for r in a.names):
            # the cue that closes the cell heads its words (研发投入后补助: 补助; 项目贷款贴息: 贴息)
            cue = next((c for c in reversed(find_cues(a.text.text[s:e])) if not c.weak), None)
            if cue:
                return cue
    return None


def _row_parties(a: Analysis, header: list[str], cells: list[tuple[int, int]]) -> _Row:
    """The parties the columns of a row name (see _Row)."""
    roles = _column_roles()
    first: dict[str, str] = {}        # role -> the first name its columns hold
    barred: set[str] = set()
    for i, label in enumerate(header):
        # 借款人名称: a column labelled with its party and 名称 is that party's; another column
        # of names of bodies (经营主体名称, 合作社名称), no bank's, receives when no label says who does
        role = roles.get(label) or roles.get(label.removesuffix(_NAME_SUFFIX)) \
            or ("named" if label.endswith(_NAME_SUFFIX) and not _NOT_RECEIVERS.search(label) else None)
        names = [r.entity for r in a.names if cells[i][0] <= r.start and r.end <= cells[i][1]
                 and r.type in _RECEIVER_TYPES + (EntityType.PLACE.value,) * (role == "place")]
        if role == "none":
            barred |= set(names)
        elif role and names:
            first.setdefault(role, names[0])
    return _Row(first.get("recipient") or first.get("place"), first.get("provider"), barred, first.get("investor"),
                first.get("payer"), first.get("named"))


def table_rows(fundings: list[Funding], r: Reading) -> list[Funding]:
    """Add the flows of the document's tables (table_fundings) that no sentence stated; a sentence's
    total of them (补助资金合计1186万元, no receiver named, of a kind of the rows) is no flow besides
    the rows."""
    rows = table_fundings(r.a)
    told = {(f.evidence.start, f.amount) for f in fundings}
    kept = [f for f in fundings if not (_a_total(f) and any(row.type == f.type for row in rows)
                                        or _row_told_without_receiver(f, rows))]
    return kept + [_paid_as_before(f, fundings, r.a.types) for f in rows if (f.evidence.start, f.amount) not in told]


def _row_told_without_receiver(f: Funding, rows: list[Funding]) -> bool:
    """True for a sentence's funding with no receiver that holds a table row's sum (a header
    line read as one sentence with the first row): the row tells its parties."""
    return f.recipient is None and any(
        row.amount == f.amount and f.evidence.start < row.evidence.start and row.evidence.end <= f.evidence.end
        for row in rows)


def _paid_as_before(row: Funding, fundings: list[Funding], types: dict[str, str]) -> Funding:
    """A payout row with no signer to pay it is paid by the agency that paid the flow of its
    kind told last before the table (甲厅下达资金9.8亿元，安排如下：)."""
    if row.provider or row.type not in PAYOUTS:
        return row
    payer = last_agency_payer([f for f in fundings if f.evidence.start < row.evidence.start], row.type, types)
    return replace(row, provider=payer) if payer and payer != row.recipient else row


def _a_total(f: Funding) -> bool:
    at = f.evidence.sentence.find(f.amount_text or "\0")
    return f.recipient is None and at > 0 and _TOTAL_SUM.search(f.evidence.sentence[:at]) is not None
