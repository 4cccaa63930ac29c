"""Node positions computed in Python, so the page draws at once with physics off.

Small graphs (under ``SPRING_LIMIT`` nodes) get networkx's spring layout with a fixed seed.
Larger ones get pivot MDS (Brandes & Pich, 2007) per connected component — a breadth-first
search from a few pivot nodes and one small SVD, linear in the graph's size and needing only
numpy — with components packed in rows, largest first. ``benchmarks/bench_viz.py`` times both.
"""
from __future__ import annotations

import math
from collections import deque
from typing import Hashable, Iterable

import numpy as np

SPRING_LIMIT = 400
PIVOTS = 40
SEED = 7
SPACING = 60.0      # page pixels per unit of edge length
MIN_AREA = 70.0 ** 2


def layout(nodes: list[Hashable], edges: Iterable[tuple[Hashable, Hashable]]) -> dict[Hashable, tuple[float, float]]:
    """Positions in page pixels for ``nodes``; the same graph always gets the same layout."""
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    adjacency: list[set[int]] = [set() for _ in nodes]
    for a, b in edges:
        i, j = index.get(a), index.get(b)
        if i is not None and j is not None and i != j:
            adjacency[i].add(j)
            adjacency[j].add(i)
    if len(nodes) < SPRING_LIMIT:
        return _spring(nodes, adjacency)
    return _components(nodes, adjacency)


def _spring(nodes: list[Hashable], adjacency: list[set[int]]) -> dict[Hashable, tuple[float, float]]:
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(len(nodes)))
    graph.add_edges_from((i, j) for i, js in enumerate(adjacency) for j in js if i < j)
    k = 2.0 / math.sqrt(max(len(nodes), 1))
    pos = nx.spring_layout(graph, seed=SEED, k=k, iterations=200 if len(nodes) < 100 else 80)
    scale = SPACING * 1.8 * math.sqrt(len(nodes))
    return {nodes[i]: (float(x) * scale, float(y) * scale) for i, (x, y) in pos.items()}


def _bfs(start: int, adjacency: list[set[int]], members: np.ndarray, local: dict[int, int]) -> np.ndarray:
    dist = np.full(len(members), -1.0)
    dist[local[start]] = 0.0
    queue = deque([start])
    while queue:
        current = queue.popleft()
        d = dist[local[current]] + 1
        for nxt in adjacency[current]:
            if dist[local[nxt]] < 0:
                dist[local[nxt]] = d
                queue.append(nxt)
    return dist


def _pivot_mds(members: np.ndarray, adjacency: list[set[int]]) -> np.ndarray:
    """2-D coordinates (in edge lengths) of one connected component."""
    n = len(members)
    if n == 1:
        return np.zeros((1, 2))
    if n <= 3:
        angles = np.arange(n) * 2 * math.pi / n
        return np.column_stack([np.cos(angles), np.sin(angles)])
    local = {int(m): i for i, m in enumerate(members)}
    k = min(PIVOTS, n)
    # Pivots spread by max-min distance: each new pivot is the node farthest from the chosen ones.
    columns = []
    nearest = np.full(n, np.inf)
    pivot = int(members[int(np.argmax([len(adjacency[int(m)]) for m in members]))])
    for _ in range(k):
        dist = _bfs(pivot, adjacency, members, local)
        columns.append(dist)
        nearest = np.minimum(nearest, dist)
        pivot = int(members[int(np.argmax(nearest))])
    c = np.array(columns).T ** 2                      # n x k squared distances
    c = c - c.mean(axis=0, keepdims=True) - c.mean(axis=1, keepdims=True) + c.mean()
    c *= -0.5
    u, s, _ = np.linalg.svd(c, full_matrices=False)
    coords = u[:, :2] * s[:2]
    # Scale so that the median edge length is 1.
    src = [local[int(m)] for m in members for j in adjacency[int(m)]]
    dst = [local[j] for m in members for j in adjacency[int(m)]]
    lengths = np.linalg.norm(coords[src] - coords[dst], axis=1) if src else np.array([1.0])
    median = float(np.median(lengths)) or 1.0
    coords /= median
    # Pivot MDS puts nodes at equal graph distance on one point: spread them a little.
    rng = np.random.default_rng(SEED)
    coords += rng.normal(scale=0.35, size=coords.shape)
    return coords


def _components(nodes: list[Hashable], adjacency: list[set[int]]) -> dict[Hashable, tuple[float, float]]:
    seen = np.zeros(len(nodes), dtype=bool)
    components: list[np.ndarray] = []
    for start in range(len(nodes)):
        if seen[start]:
            continue
        seen[start] = True
        queue, members = deque([start]), [start]
        while queue:
            for nxt in adjacency[queue.popleft()]:
                if not seen[nxt]:
                    seen[nxt] = True
                    members.append(nxt)
                    queue.append(nxt)
        components.append(np.array(members))
    components.sort(key=len, reverse=True)
    positions = np.zeros((len(nodes), 2))
    # Shelf packing: components left to right, a new row when the row is as wide as the largest one.
    laid = []
    for members in components:
        coords = _pivot_mds(members, adjacency)
        coords -= coords.min(axis=0)
        laid.append((members, coords, coords.max(axis=0) + 2.0))
    row_width = max(float(laid[0][2][0]), math.sqrt(sum(float(w * h) for _, _, (w, h) in laid)))
    x = y = row_height = 0.0
    for members, coords, (w, h) in laid:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        positions[members] = coords + (x, y)
        x += float(w)
        row_height = max(row_height, float(h))
    positions -= positions.mean(axis=0)
    positions *= SPACING
    # Small-world graphs have a short diameter, so MDS packs them tight: spread the layout
    # until each node has about MIN_AREA square pixels, and labels do not pile up.
    width, height = np.ptp(positions, axis=0) + 1.0
    needed = math.sqrt(len(nodes) * MIN_AREA / (width * height))
    if needed > 1:
        positions *= needed
    return {nodes[i]: (float(px), float(py)) for i, (px, py) in enumerate(positions)}
