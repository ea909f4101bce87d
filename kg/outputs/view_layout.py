"""Where the browser view puts each node: computed in Python (physics off in the page), so a
large graph opens at once and the same graph always gives the same picture."""
from __future__ import annotations

import math
from collections.abc import Iterable

EDGE_LENGTH = 150.0      # pixels between neighbours: room for a CJK label of ~10 characters
LAYOUT_SEED = 7
MIN_GAP = 90.0           # pixels between a node and its nearest neighbour, for most nodes
BIG_COMPONENT = 300      # from this size on, networkx's O(n^2) spring layout is too slow


def compute_layout(count: int, links: Iterable[tuple[int, int, float]]) -> list[tuple[float, float]]:
    """Positions in pixels for nodes 0..count-1: each connected component laid out on its own
    (fixed seeds, so the same graph gives the same picture), then the components packed in
    rows, largest first, into a screen-shaped rectangle."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(count))
    for a, b, weight in links:
        if a != b:
            old = graph.get_edge_data(a, b, {}).get("weight", 0.0)
            graph.add_edge(a, b, weight=max(old, weight))
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    boxes = []
    for comp in components:
        if len(comp) == 1:
            points = {comp[0]: (0.0, 0.0)}
        elif len(comp) < BIG_COMPONENT:
            sub = graph.subgraph(comp)
            raw = nx.spring_layout(sub, seed=LAYOUT_SEED, weight="weight")
            # spring_layout fits every component into the same square. Scale each so that its
            # median edge is EDGE_LENGTH long and nearly all nodes stand MIN_GAP apart.
            lengths = sorted(math.dist(raw[a], raw[b]) for a, b in sub.edges())
            nearest = sorted(min(math.dist(raw[a], raw[b]) for b in comp if b != a) for a in comp)
            scale = max(EDGE_LENGTH / max(lengths[len(lengths) // 2], 1e-3),
                        MIN_GAP / max(nearest[len(nearest) // 10], 1e-3))
            points = {n: (float(p[0]) * scale, float(p[1]) * scale) for n, p in raw.items()}
        else:
            points = _grid_spring_layout(graph, comp)
        xs = [p[0] for p in points.values()]
        ys = [p[1] for p in points.values()]
        boxes.append((points, min(xs), min(ys), max(xs) - min(xs) + EDGE_LENGTH,
                      max(ys) - min(ys) + EDGE_LENGTH))
    # Shelf packing: rows of the width a 16:9 screen would give the total area.
    width = max([math.sqrt(sum(b[3] * b[4] for b in boxes) * 16 / 9)] + [b[3] for b in boxes])
    positions: list[tuple[float, float]] = [(0.0, 0.0)] * count
    x = y = row_height = 0.0
    for points, left, top, w, h in boxes:
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for n, (px, py) in points.items():
            positions[n] = (round(x + px - left, 1), round(y + py - top, 1))
        x += w
        row_height = max(row_height, h)
    return positions


def _grid_spring_layout(graph, nodes: list[int], iterations: int = 100) -> dict[int, tuple[float, float]]:
    """Fruchterman-Reingold's grid variant for big components: nodes repel only within twice
    the ideal distance (pairs from a k-d tree), so a step costs O(n + edges), not O(n^2) as in
    networkx's spring_layout (40 s for 5,000 nodes)."""
    import numpy as np
    from scipy.spatial import cKDTree

    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    sub = graph.subgraph(nodes)
    ends = np.array([(index[a], index[b]) for a, b in sub.edges()], dtype=np.int64).reshape(-1, 2)
    weights = np.array([w for _, _, w in sub.edges(data="weight")], dtype=float)
    side = math.sqrt(n)                       # the ideal distance is 1
    pos = np.random.default_rng(LAYOUT_SEED).random((n, 2)) * side
    for step in range(iterations):
        temperature = side / 10 * (1 - step / iterations) + 0.01
        pairs = cKDTree(pos).query_pairs(2.0, output_type="ndarray")
        delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
        push = delta / np.maximum((delta ** 2).sum(axis=1), 1e-4)[:, None]          # 1/d
        delta_e = pos[ends[:, 0]] - pos[ends[:, 1]]
        # d^2 scaled down: with repulsion cut off at distance 2, full FR attraction packs big
        # components too tightly for their labels.
        pull = delta_e * (np.sqrt((delta_e ** 2).sum(axis=1)) * weights * 0.3)[:, None]
        disp = np.empty((n, 2))
        for axis in (0, 1):
            disp[:, axis] = (np.bincount(pairs[:, 0], push[:, axis], n) - np.bincount(pairs[:, 1], push[:, axis], n)
                             - np.bincount(ends[:, 0], pull[:, axis], n) + np.bincount(ends[:, 1], pull[:, axis], n))
        length = np.maximum(np.sqrt((disp ** 2).sum(axis=1)), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
    unit = EDGE_LENGTH * 0.8   # the median edge then spans about 2.4 units, nearest neighbours 0.5
    return {v: (float(pos[i, 0]) * unit, float(pos[i, 1]) * unit) for i, v in enumerate(nodes)}


# ---------------------------------------------------------------- the page

