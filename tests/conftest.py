"""A small, hand-made graph over three invented articles, shared by the query, export and
stats tests. Every name here is invented; each fact points at a sentence of its article."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph

from kg.rdf.graph import build_graph, write_turtle
from kg.model import Article, Entity, Evidence, Extraction, Funding, Relation

A1 = ("3月10日，青禾市财政局拨付的320万元研发补助资金到达青禾星河智能科技有限公司账户，"
      "资金来自青禾市工业和信息化局推出的“专精特新”培育计划。")
A2 = "该公司副总经理周明远说，这笔资金来得很及时。"
A3 = "在市工信局协调下，云岭农村商业银行青禾分行向星河智能发放1500万元贷款。"
A4 = "星河智能与青禾理工学院签署合作协议，共建智能传感实验室。"
A5 = "青禾市工业和信息化局局长陈若兰表示，将继续帮助企业对接金融机构。"

B1 = ("5月18日，星河智能产业园项目开工，项目总投资3.2亿元，由青禾星河智能科技有限公司投资建设，"
      "青禾路桥建设集团有限公司承建。")
B2 = "青禾市财政局为该项目贷款贴息80万元。"
B3 = "青禾市东湖区人民政府依据《青禾市中小企业纾困十条》为青禾北辰物流有限公司减免房租12.5万元。"
B4 = "《青禾市中小企业纾困十条》由青禾市人民政府今年2月印发。"
B5 = "东湖区市场监督管理局约谈青禾北辰物流有限公司，督促其整改超载问题。"
B6 = "星河智能与青禾理工学院还将联合培养技术人员。"

C1 = "青禾市东湖区市场监督管理局是青禾市东湖区人民政府的工作部门，东湖区人民政府隶属于青禾市人民政府。"
C2 = "青禾市财政局、青禾市工业和信息化局均为青禾市人民政府组成部门。"
C3 = ("云岭农村商业银行青禾分行是云岭农村商业银行股份有限公司的分支机构，"
      "该行起诉青禾北辰物流有限公司，追讨欠款本金60万元。")
C4 = "云岭省财政厅向青禾理工学院拨付科研奖补资金。"
C5 = "省财政厅支持青禾理工学院建设成果转化平台。"

TEXTS = {
    "a001.txt": "# 星河智能获研发补助和千万元贷款\n\n本报讯(记者王小川)" + A1 + A2 + A3 + A4 + "\n" + A5 + "\n",
    "a002.txt": "# 星河智能产业园项目开工\n\n" + B1 + B2 + "\n" + B3 + B4 + "\n" + B5 + B6 + "\n",
    "a003.txt": "# 青禾分行清收欠款\n\n" + C1 + C2 + "\n" + C3 + "\n" + C4 + C5 + "\n",
}

# canonical labels used below
FINANCE = "青禾市财政局"
INDUSTRY = "青禾市工业和信息化局"
CITY_GOV = "青禾市人民政府"
DISTRICT_GOV = "青禾市东湖区人民政府"
MARKET = "青禾市东湖区市场监督管理局"
PROVINCE_FINANCE = "云岭省财政厅"
XINGHE = "青禾星河智能科技有限公司"
BRANCH = "云岭农村商业银行青禾分行"
BANK = "云岭农村商业银行股份有限公司"
ROADS = "青禾路桥建设集团有限公司"
BEICHEN = "青禾北辰物流有限公司"
COLLEGE = "青禾理工学院"
ZHOU = "周明远"
CHEN = "陈若兰"
SPECIALIST = "专精特新培育计划"
RELIEF_TEN = "青禾市中小企业纾困十条"
PARK = "星河智能产业园项目"
CITY = "青禾市"
DISTRICT = "青禾市东湖区"
PROVINCE = "云岭省"


def make_evidence(doc_id: str, sentence: str) -> Evidence:
    """The Evidence of `sentence` in article `doc_id`, with its offsets in that text."""
    start = TEXTS[doc_id].index(sentence)
    return Evidence(doc_id, sentence, start, start + len(sentence))


def make_article(doc_id: str, title: str, date: str | None, bylines: tuple[str, ...] = ()) -> Article:
    """An Article read from news/<doc_id>."""
    return Article(doc_id=doc_id, source=f"news/{doc_id}", title=title, date=date, bylines=bylines)


def make_extraction_a() -> Extraction:
    doc = "a001.txt"
    return Extraction(
        article=make_article(doc, "星河智能获研发补助和千万元贷款", "2023-03-15", ("王小川",)),
        entities=(
            Entity(CITY, "Place"),
            Entity(FINANCE, "Agency", jurisdiction=CITY),
            Entity(INDUSTRY, "Agency", ("市工信局",), jurisdiction=CITY),
            Entity(XINGHE, "Company", ("星河智能",)),
            Entity(BRANCH, "Company", ("青禾分行",)),
            Entity(COLLEGE, "Organization"),
            Entity(ZHOU, "Person"),
            Entity(CHEN, "Person"),
            Entity(SPECIALIST, "Program", ("“专精特新”培育计划",)),
        ),
        relations=(
            Relation("issued", INDUSTRY, SPECIALIST, make_evidence(doc, A1)),
            Relation("worksFor", ZHOU, XINGHE, make_evidence(doc, A2), job_title="副总经理",
                     rule="pass:post-before-name"),
            Relation("assists", INDUSTRY, XINGHE, make_evidence(doc, A3)),
            Relation("partnerOf", XINGHE, COLLEGE, make_evidence(doc, A4)),
            Relation("worksFor", CHEN, INDUSTRY, make_evidence(doc, A5), job_title="局长"),
        ),
        fundings=(
            Funding("Grant", make_evidence(doc, A1), amount=Decimal(3200000), amount_text="320万元",
                    date="2023-03-10", provider=FINANCE, recipient=XINGHE, program=SPECIALIST),
            Funding("Loan", make_evidence(doc, A3), amount=Decimal(15000000), amount_text="1500万元",
                    date="2023-03", provider=BRANCH, recipient=XINGHE, facilitator=INDUSTRY),
        ),
    )


def make_extraction_b() -> Extraction:
    doc = "a002.txt"
    return Extraction(
        article=make_article(doc, "星河智能产业园项目开工", "2023-05-20"),
        entities=(
            Entity(CITY, "Place"),
            Entity(DISTRICT, "Place", ("东湖区",), jurisdiction=CITY),
            Entity(FINANCE, "Agency", jurisdiction=CITY),
            Entity(CITY_GOV, "Agency", jurisdiction=CITY),
            Entity(DISTRICT_GOV, "Agency", ("东湖区人民政府",), jurisdiction=DISTRICT),
            Entity(MARKET, "Agency", ("东湖区市场监督管理局",), jurisdiction=DISTRICT),
            Entity(XINGHE, "Company", ("星河智能",)),
            Entity(ROADS, "Company"),
            Entity(BEICHEN, "Company"),
            Entity(COLLEGE, "Organization"),
            Entity(RELIEF_TEN, "Program"),
            Entity(PARK, "Project"),
        ),
        relations=(
            Relation("develops", XINGHE, PARK, make_evidence(doc, B1)),
            Relation("contractorOf", ROADS, PARK, make_evidence(doc, B1)),
            Relation("issued", CITY_GOV, RELIEF_TEN, make_evidence(doc, B4)),
            Relation("regulates", MARKET, BEICHEN, make_evidence(doc, B5), rule="regulates-1"),
            Relation("partnerOf", XINGHE, COLLEGE, make_evidence(doc, B6)),
        ),
        fundings=(
            Funding("Investment", make_evidence(doc, B1), amount=Decimal(320000000), amount_text="3.2亿元",
                    date="2023-05-18", provider=XINGHE, project=PARK),
            Funding("InterestSubsidy", make_evidence(doc, B2), amount=Decimal(800000), amount_text="80万元",
                    date="2023", provider=FINANCE, recipient=XINGHE, project=PARK),
            Funding("Relief", make_evidence(doc, B3), amount=Decimal(125000), amount_text="12.5万元",
                    provider=DISTRICT_GOV, recipient=BEICHEN, program=RELIEF_TEN, rule="cue-Relief-1"),
        ),
    )


def make_extraction_c() -> Extraction:
    doc = "a003.txt"
    return Extraction(
        article=make_article(doc, "青禾分行清收欠款", None),
        entities=(
            Entity(PROVINCE, "Place"),
            Entity(CITY_GOV, "Agency"),
            Entity(DISTRICT_GOV, "Agency", ("东湖区人民政府",)),
            Entity(MARKET, "Agency"),
            Entity(FINANCE, "Agency"),
            Entity(INDUSTRY, "Agency"),
            Entity(PROVINCE_FINANCE, "Agency", ("省财政厅",), jurisdiction=PROVINCE),
            Entity(BRANCH, "Company", ("该行",)),
            Entity(BANK, "Company"),
            Entity(BEICHEN, "Company"),
            Entity(COLLEGE, "Organization"),
        ),
        relations=(
            Relation("subOrganizationOf", MARKET, DISTRICT_GOV, make_evidence(doc, C1)),
            Relation("subOrganizationOf", DISTRICT_GOV, CITY_GOV, make_evidence(doc, C1)),
            Relation("subOrganizationOf", FINANCE, CITY_GOV, make_evidence(doc, C2)),
            Relation("subOrganizationOf", INDUSTRY, CITY_GOV, make_evidence(doc, C2)),
            Relation("subOrganizationOf", BRANCH, BANK, make_evidence(doc, C3)),
            Relation("assists", PROVINCE_FINANCE, COLLEGE, make_evidence(doc, C5)),
        ),
        fundings=(
            Funding("Debt", make_evidence(doc, C3), amount=Decimal(600000), amount_text="60万元",
                    provider=BRANCH, recipient=BEICHEN),
            Funding("Grant", make_evidence(doc, C4), provider=PROVINCE_FINANCE, recipient=COLLEGE),
        ),
    )


def make_small_extractions() -> list[Extraction]:
    """The three articles: a grant and a loan; a project, a relief, a regulator; hierarchy and a debt."""
    return [make_extraction_a(), make_extraction_b(), make_extraction_c()]


@pytest.fixture(scope="session")
def small_graph() -> Graph:
    """The graph of the three invented articles (treat as read-only: it is shared)."""
    return build_graph(make_small_extractions())


@pytest.fixture(scope="session")
def graph_file(tmp_path_factory, small_graph) -> Path:
    """small_graph written as Turtle, for CLI tests."""
    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    write_turtle(small_graph, path)
    return path


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory, graph_file) -> Path:
    """graph_file loaded into an Oxigraph store folder."""
    from kg.rdf.store import write_store

    path = tmp_path_factory.mktemp("store") / "store"
    write_store(graph_file, path)
    return path


def list_rows(result) -> list[tuple[str, ...]]:
    """A SELECT result as tuples of displayed values ('' for unbound)."""
    from kg.outputs.query import show_term

    return [tuple(show_term(row.get(v)) for v in result.vars) for row in result.bindings]


def free_port() -> int:
    """A TCP port nothing listens on right now, on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Virtuoso:
    sparql: str        # the SPARQL endpoint
    crud: str          # the Graph Store endpoint with digest authentication
    user: str
    password: str


VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def skip_or_fail(reason: str):
    """Without Virtuoso these tests skip; CI (KG_REQUIRE_VIRTUOSO=1, set by .ci/run) fails instead."""
    if os.environ.get("KG_REQUIRE_VIRTUOSO") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """Debian's Virtuoso Open-Source on loopback with a throw-away database, for this session."""
    import httpx

    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if not server or not isql:
        skip_or_fail("Virtuoso is not installed (apt-get install virtuoso-opensource; .ci/run does)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    log = open(folder / "stdout.log", "w")
    process = subprocess.Popen([server, "+foreground", "+configfile", str(ini)], cwd=folder,
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http_port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                tail = (folder / "stdout.log").read_text(errors="replace").strip().splitlines()[-1:]
                skip_or_fail(f"Virtuoso did not start: {' '.join(tail) or 'no output'}")
            try:
                if httpx.get(base + "/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.5)
        password = "kg-test-secret"
        subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba",
                        f"exec=user_set_password('dba', '{password}');"],
                       check=True, capture_output=True, timeout=60)
        yield Virtuoso(base + "/sparql", base + "/sparql-graph-crud-auth", "dba", password)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
