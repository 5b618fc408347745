"""The interactive HTML view: self-contained, offline, escaped, loops highlighted.

The browser tests open the written file in real headless Chromium (networking
off, see tests/browser.py) and read the page's vis-network objects.
"""
from __future__ import annotations

import json
import os
from html.parser import HTMLParser

import networkx as nx
import pytest
from click.testing import CliRunner

from browser import browser_missing, chromium, wait_drawn
from graphbuild.view import build_view, node_label, render_html, script_safe_json, write_html

SCRIPT_PAYLOAD = "<script>window.__xss = 1; alert(1)</script>"
IMG_PAYLOAD = '"><img src=x onerror="window.__xss = 2; alert(2)">'


def add_deal(G, u, v, deal_id, deal_type="investment", usd=None, sentence="", doc="news/a.txt"):
    """One edge per the in-memory graph contract."""
    G.add_edge(
        u, v, key=deal_id, id=deal_id, deal_type=deal_type, amount_usd=usd, amount_value=usd,
        currency="USD" if usd else None, amount_text=f"{usd / 1e8:g}亿美元" if usd else None,
        approximate=False, confidence=0.9, date=None,
        evidence=[{"doc": doc, "sentence": sentence, "start": 0, "end": len(sentence)}], docs=[doc],
    )


def add_org(G, node_id, name, name_zh=None, mentions=(), kind="company"):
    G.add_node(node_id, name=name, name_zh=name_zh, aliases=[], kind=kind, mentions=list(mentions))


@pytest.fixture
def loop_graph():
    """Nvidia → OpenAI → Oracle → Nvidia (a money loop) plus Meta → CoreWeave (no loop)."""
    G = nx.MultiDiGraph(documents=["news/a.txt", "news/b.txt"], deal_records=4)
    add_org(G, "nvidia", "Nvidia", "英伟达", ["英偉達"])
    add_org(G, "openai", "OpenAI", None, ["OpenAI"])
    add_org(G, "oracle", "Oracle", "甲骨文", ["甲骨文"])
    add_org(G, "meta", "Meta", None, ["Meta"])
    add_org(G, "coreweave", "CoreWeave", None, ["CoreWeave"])
    add_deal(G, "nvidia", "openai", "d1", "investment", 1e11, "英偉達宣布向OpenAI注資1000億美元。")
    add_deal(G, "openai", "oracle", "d2", "cloud_contract", 3e11, "OpenAI與甲骨文簽下3000億美元的算力協議。", "news/b.txt")
    add_deal(G, "oracle", "nvidia", "d3", "purchase", None, "甲骨文向英偉達採購大量GPU。", "news/b.txt")
    add_deal(G, "meta", "coreweave", "d4", "cloud_contract", 1.42e10, "Meta與CoreWeave簽下142億美元的雲服務協議。")
    return G


@pytest.fixture
def hostile_graph():
    """Names and evidence sentences that carry markup, as scraped news can."""
    G = nx.MultiDiGraph(documents=["news/evil.html"], deal_records=1)
    add_org(G, "evil", IMG_PAYLOAD, None, [SCRIPT_PAYLOAD])
    add_org(G, "victim", "Victim Co", "受害公司", ["受害公司"])
    add_deal(G, "evil", "victim", "d1", "investment", 5e9, f"某公司{SCRIPT_PAYLOAD}注资50亿美元{IMG_PAYLOAD}", "news/evil.html")
    return G


# ---------------------------------------------------------------- without a browser


class _Resources(HTMLParser):
    """Collects every URL-bearing attribute and every <script>/<link> element."""

    def __init__(self):
        super().__init__()
        self.urls: list[tuple[str, str, str]] = []
        self.scripts: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts.append(attrs)
        for name in ("src", "href", "srcset", "data", "poster", "action"):
            if attrs.get(name):
                self.urls.append((tag, name, attrs[name]))


def test_page_loads_nothing_from_elsewhere(loop_graph):
    html = render_html(loop_graph)
    page = _Resources()
    page.feed(html)
    assert page.urls == []
    assert all("src" not in s for s in page.scripts)
    assert "vis.Network" in html and ".vis-network" in html  # vis-network JS and CSS are inlined
    assert "@import" not in html


def test_data_blob_cannot_end_its_script_element():
    text = script_safe_json({"s": f"{SCRIPT_PAYLOAD} & {IMG_PAYLOAD} <!-- \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"s": f"{SCRIPT_PAYLOAD} & {IMG_PAYLOAD} <!-- \u2028"}


def test_hostile_text_never_appears_as_markup(hostile_graph):
    html = render_html(hostile_graph)
    assert "<script>window.__xss" not in html
    assert "<img" not in html


def test_edges_on_a_loop_are_flagged(loop_graph):
    view = build_view(loop_graph)
    flags = {e["deal"]: e["loop"] for e in view.edges}
    assert flags == {"d1": True, "d2": True, "d3": True, "d4": False}
    nodes = {n["id"]: n["loop"] for n in view.nodes}
    assert nodes == {"nvidia": True, "openai": True, "oracle": True, "meta": False, "coreweave": False}
    assert view.summary["loops"] == 1


def test_loops_longer_than_max_length_are_not_highlighted(loop_graph):
    view = build_view(loop_graph, max_length=2)
    assert not any(e["loop"] for e in view.edges)


def test_node_size_grows_with_money_moved(loop_graph):
    sizes = {n["id"]: n["size"] for n in build_view(loop_graph).nodes}
    # openai moved 1e11 + 3e11, nvidia 1e11, coreweave 1.42e10
    assert sizes["openai"] > sizes["nvidia"] > sizes["coreweave"]


def test_edge_width_and_colour_follow_amount_and_type(loop_graph):
    edges = {e["deal"]: e for e in build_view(loop_graph).edges}
    assert edges["d2"]["width"] > edges["d1"]["width"]
    assert edges["d2"]["color"]["color"] == edges["d4"]["color"]["color"]  # both cloud contracts
    assert edges["d1"]["color"]["color"] != edges["d2"]["color"]["color"]
    assert edges["d3"]["dashes"] is True and edges["d1"]["dashes"] is False  # amount unknown


def test_label_is_the_mention_as_written_and_tooltip_has_the_english_name(loop_graph):
    assert node_label("nvidia", loop_graph.nodes["nvidia"]) == "英偉達"
    assert node_label("meta", loop_graph.nodes["meta"]) == "Meta"
    # The article wrote "AMD": no Chinese mention, so no catalog Chinese name either.
    assert node_label("amd", {"name": "AMD", "name_zh": "超威半导体", "mentions": ["AMD"]}) == "AMD"
    view = build_view(loop_graph)
    assert view.tips["nodes"]["nvidia"]["name"] == "Nvidia"
    tip = next(view.tips["edges"][e["id"]] for e in view.edges if e["deal"] == "d1")
    assert tip["evidence"][0]["sentence"] == "英偉達宣布向OpenAI注資1000億美元。"
    assert tip["docs"] == ["news/a.txt"]


def test_large_graph_gets_positions_and_no_physics():
    G = nx.MultiDiGraph(documents=[], deal_records=0)
    for i in range(400):
        add_org(G, f"n{i}", f"Org {i}")
    for i in range(399):
        add_deal(G, f"n{i % 40}", f"n{i + 1}", f"d{i}", usd=1e8 * (i + 1))
    view = build_view(G)
    assert view.options["physics"]["enabled"] is False
    assert view.options["edges"]["smooth"]["enabled"] is False
    xy = {(n["x"], n["y"]) for n in view.nodes}
    assert len(xy) == 400  # every node placed, none on top of another


def test_export_html_command_writes_the_view(tmp_path, loop_graph):
    from graphbuild.cli import main
    from graphbuild.graph import write_graph

    write_graph(loop_graph, tmp_path / "graph.graphml")
    result = CliRunner().invoke(main, ["export", "html", str(tmp_path / "graph.graphml"), "-o", str(tmp_path / "graph.html")])
    assert result.exit_code == 0, result.output
    assert "英偉達" in (tmp_path / "graph.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- in Chromium


@pytest.fixture(scope="module")
def browser():
    missing = browser_missing()
    if missing:
        if os.environ.get("GRAPHBUILD_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser required (GRAPHBUILD_REQUIRE_BROWSER=1): {missing}")
        pytest.skip(missing)
    with chromium() as driver:
        yield driver


def open_view(driver, G, path):
    write_html(G, path)
    driver.get("about:blank")
    driver.get(path.as_uri())
    wait_drawn(driver)


def assert_nothing_fetched_and_no_errors(driver):
    fetched = driver.execute_script(
        "return performance.getEntriesByType('resource').map(r => r.name).filter(n => !n.startsWith('data:'))"
    )
    assert fetched == []
    assert [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")] == []


def shown_element(driver, element_id, timeout=5):
    """The element once it is displayed (fails the test if it never is)."""
    from selenium.webdriver.support.ui import WebDriverWait

    element = driver.find_element("id", element_id)
    WebDriverWait(driver, timeout).until(lambda _: element.is_displayed())
    return element


def dataset(driver, name):
    return driver.execute_script(f"return graphbuildData.{name}.get()")


def hover_edge(driver, deal):
    """Move the real mouse onto the middle of the edge of ``deal``."""
    from selenium.webdriver.common.action_chains import ActionChains

    x, y, w, h = driver.execute_script(
        """
        const net = window.graphbuildNetwork;
        const edge = graphbuildData.edges.get({filter: e => e.deal === arguments[0]})[0];
        const p = net.canvasToDOM(net.body.edges[edge.id].edgeType.getPoint(0.5));
        const box = document.getElementById('graph').getBoundingClientRect();
        return [p.x, p.y, box.width, box.height];
        """,
        deal,
    )
    graph = driver.find_element("id", "graph")
    ActionChains(driver).move_to_element_with_offset(graph, 0, 0).move_to_element_with_offset(
        graph, int(x - w / 2), int(y - h / 2)
    ).perform()


@pytest.mark.browser
def test_seed_graph_draws_offline_with_every_node_and_edge(browser, seed_graph, tmp_path):
    open_view(browser, seed_graph, tmp_path / "graph.html")
    counts = browser.execute_script(
        "const b = window.graphbuildNetwork.body; return [b.nodeIndices.length, b.edgeIndices.length]"
    )
    assert counts == [seed_graph.number_of_nodes(), seed_graph.number_of_edges()]
    assert_nothing_fetched_and_no_errors(browser)
    browser.save_screenshot(str(tmp_path / "seeds.png"))
    assert (tmp_path / "seeds.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.browser
def test_loop_edge_is_highlighted_and_only_loops_hides_the_rest(browser, loop_graph, tmp_path):
    open_view(browser, loop_graph, tmp_path / "graph.html")
    counts = browser.execute_script(
        "const b = window.graphbuildNetwork.body; return [b.nodeIndices.length, b.edgeIndices.length]"
    )
    assert counts == [5, 4]
    assert_nothing_fetched_and_no_errors(browser)
    edges = {e["deal"]: e for e in dataset(browser, "edges")}
    assert edges["d1"]["loop"] is True and edges["d1"]["shadow"]["enabled"] is True
    assert edges["d4"]["loop"] is False and "shadow" not in edges["d4"]
    assert edges["d1"]["width"] > 1 and edges["d1"]["color"]["opacity"] > edges["d4"]["color"]["opacity"]

    browser.find_element("id", "only-loops").click()
    visible = {e["deal"] for e in dataset(browser, "edges") if not e.get("hidden")}
    assert visible == {"d1", "d2", "d3"}
    shown = {n["id"] for n in dataset(browser, "nodes") if not n.get("hidden")}
    assert shown == {"nvidia", "openai", "oracle"}
    browser.save_screenshot(str(tmp_path / "only_loops.png"))

    browser.find_element("id", "only-loops").click()
    assert not any(e.get("hidden") for e in dataset(browser, "edges"))


@pytest.mark.browser
def test_hostile_text_shows_as_text_and_never_runs(browser, hostile_graph, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException

    open_view(browser, hostile_graph, tmp_path / "graph.html")
    hover_edge(browser, "d1")
    tip = shown_element(browser, "tooltip")
    assert SCRIPT_PAYLOAD in tip.text and IMG_PAYLOAD in tip.text
    assert IMG_PAYLOAD in tip.text.splitlines()[0]  # the source's name, as text
    browser.save_screenshot(str(tmp_path / "tooltip.png"))

    assert browser.execute_script("return window.__xss === undefined")
    assert browser.execute_script("return document.querySelectorAll('img, main script').length") == 0
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text


@pytest.mark.browser
def test_hovering_a_node_shows_its_names(browser, loop_graph, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains

    open_view(browser, loop_graph, tmp_path / "graph.html")
    x, y, w, h = browser.execute_script(
        """
        const net = window.graphbuildNetwork;
        const p = net.canvasToDOM(net.getPosition('nvidia'));
        const box = document.getElementById('graph').getBoundingClientRect();
        return [p.x, p.y, box.width, box.height];
        """
    )
    graph = browser.find_element("id", "graph")
    ActionChains(browser).move_to_element_with_offset(graph, int(x - w / 2), int(y - h / 2)).perform()
    tip = shown_element(browser, "tooltip")
    assert tip.text.splitlines()[0] == "Nvidia"
    assert "英伟达" in tip.text and "英偉達" in tip.text


@pytest.mark.browser
def test_tooltip_shows_three_sentences_and_a_click_pins_them_all(browser, loop_graph, tmp_path):
    evidence = [{"doc": f"news/{i}.txt", "sentence": f"第{i}篇报道：英伟达注资OpenAI。", "start": 0, "end": 14} for i in range(5)]
    loop_graph.edges["nvidia", "openai", "d1"].update(evidence=evidence, docs=[e["doc"] for e in evidence])
    open_view(browser, loop_graph, tmp_path / "graph.html")
    hover_edge(browser, "d1")
    tip = shown_element(browser, "tooltip")
    assert [s.text for s in tip.find_elements("css selector", "blockquote")] == [e["sentence"] for e in evidence[:3]]
    assert "2 more" in tip.text

    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(browser).click().perform()
    details = shown_element(browser, "details")
    assert [s.text for s in details.find_elements("css selector", "blockquote")] == [e["sentence"] for e in evidence]
    assert "news/4.txt" in details.text


@pytest.mark.browser
def test_search_finds_an_organisation_by_any_name(browser, loop_graph, tmp_path):
    open_view(browser, loop_graph, tmp_path / "graph.html")
    box = browser.find_element("id", "search")
    for query, node in (("英偉達", "nvidia"), ("oracle", "oracle"), ("甲骨文", "oracle")):
        box.clear()
        box.send_keys(query + "\n")
        assert browser.execute_script("return graphbuildNetwork.getSelectedNodes()") == [node]
        assert browser.find_element("id", "details").text.splitlines()[1] == loop_graph.nodes[node]["name"]
    box.clear()
    box.send_keys("no such company\n")
    assert browser.find_element("id", "found").text == "not found"
