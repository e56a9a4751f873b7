#!/usr/bin/python3
"""The all-regions gap report with pandas + numpy + networkx, as a researcher would write it.

Same definitions as chaingap (docs/scoring.md): presence of every region at every chain link
(distinct firms, a segment counting its sub-links and same_as aliases once per firm; capacity =
attachment weight x revenue, 1 when revenue is missing; regions roll up their regions.csv tree),
benchmark = the region's weight in regions.csv or its share of all firms' size, importance from the
chain's leaf flow graph (reach with nx.descendants, betweenness with nx.betweenness_centrality),
statuses missing / single_point / weak / strong / absent_everywhere and gap scores.

usage: gaps_pandas.py DATASET_DIR CATALOGUE_DIR [--out FILE.npy] [--check CHAINGAP_GAPS_JSON ...]
  --out    writes the region x link gap-score matrix (rows: regions in regions.csv order, columns:
           links as "chain/node" in catalogue order; the keys go to FILE.keys.json)
  --check  compares every link of chaingap's `gaps --format json` report(s) with this matrix
           (status and gap score to 1e-9) and exits 1 on any difference.
Prints `peer_read_s=… peer_compute_s=… peer_write_s=…` (process CPU seconds) on stdout.
"""
import glob
import json
import os
import sys
import time

import networkx as nx
import numpy as np
import pandas as pd

REACH_WEIGHT, BETWEENNESS_WEIGHT, WEAK_RCA, SINGLE_POINT_RISK = 0.6, 0.4, 1.0, 0.25
MISSING, SINGLE_POINT, WEAK, STRONG, ABSENT = 0, 1, 2, 3, 4
STATUS_NAMES = ["missing", "single_point", "weak", "strong", "absent_everywhere"]


def read_catalogue(folder):
    """Nodes as a DataFrame (key, chain, parent key, canonical key, weight) and per-chain edges."""
    rows, edges = [], {}
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        if os.path.basename(path) == "clusters.json":
            continue
        with open(path, encoding="utf-8") as f:
            chain = json.load(f)
        cid = chain["id"]
        for n in chain["nodes"]:
            rows.append({"key": f"{cid}/{n['id']}", "chain": cid,
                         "parent": f"{cid}/{n['parent']}" if n.get("parent") else None,
                         "same_as": n.get("same_as"), "weight": n.get("weight")})
        edges[cid] = [(f"{cid}/{e['from']}", f"{cid}/{e['to']}") for e in chain.get("edges", [])]
    nodes = pd.DataFrame(rows)
    nodes["canonical"] = nodes["same_as"].fillna(nodes["key"])
    return nodes, edges


def importance(nodes, edges):
    """Importance, and whether the link feeds any downstream leaf, per node key."""
    parent = dict(zip(nodes.key, nodes.parent))
    children = nodes.dropna(subset=["parent"]).groupby("parent")["key"].apply(list).to_dict()
    own_weight = dict(zip(nodes.key, nodes.weight))
    imp, has_downstream = {}, {}
    for cid, chain_nodes in nodes.groupby("chain", sort=False)["key"]:
        keys = list(chain_nodes)
        leaves = [k for k in keys if k not in children]

        def subtree_leaves(k):
            out, stack = [], [k]
            while stack:
                x = stack.pop()
                if x in children:
                    stack.extend(children[x])
                else:
                    out.append(x)
            return out

        g = nx.DiGraph()
        g.add_nodes_from(leaves)
        for a, b in edges[cid]:
            for x in subtree_leaves(a):
                for y in subtree_leaves(b):
                    if x != y:
                        g.add_edge(x, y)
        L = len(leaves)
        btw = nx.betweenness_centrality(g, normalized=L > 2)
        reach = {v: nx.descendants(g, v) | {v} for v in leaves}
        raw = {}
        for k in keys:
            sub = subtree_leaves(k)
            covered = set().union(*(reach[v] for v in sub))
            has_downstream[k] = len(covered - set(sub)) > 0
            w, x = 1.0, k
            while x is not None:
                if own_weight.get(x) is not None and not pd.isna(own_weight.get(x)):
                    w = float(own_weight[x])
                    break
                x = parent[x]
            raw[k] = w * (REACH_WEIGHT * len(covered) / L + BETWEENNESS_WEIGHT * max(btw[v] for v in sub))
        top = max(raw.values())
        for k in keys:
            imp[k] = raw[k] / top if top > 0 else 0.0
    return imp, has_downstream


def main(argv):
    data, catalogue = argv[1], argv[2]
    out = argv[argv.index("--out") + 1] if "--out" in argv else None
    checks = argv[argv.index("--check") + 1:] if "--check" in argv else []

    t0 = time.process_time()
    regions = pd.read_csv(os.path.join(data, "regions.csv"), dtype=str, keep_default_na=False)
    if "weight" not in regions:
        regions["weight"] = ""
    ent = pd.read_csv(os.path.join(data, "enterprises.csv"), usecols=["id", "region", "revenue"],
                      dtype={"id": str, "region": str, "revenue": float})
    att = pd.read_csv(os.path.join(data, "attachments.csv"), dtype={"enterprise": str, "chain": str, "node": str})
    t1 = time.process_time()

    nodes, edges = read_catalogue(catalogue)
    node_index = pd.Index(nodes.key)
    N, R = len(nodes), len(regions)
    # Targets of each canonical node: every alias of it and their ancestors.
    parent = dict(zip(nodes.key, nodes.parent))
    targets = {}
    for k, c in zip(nodes.key, nodes.canonical):
        x = k
        while x is not None:
            targets.setdefault(c, set()).add(x)
            x = parent[x]
    pairs = pd.DataFrame([(c, t) for c, ts in targets.items() for t in ts], columns=["canonical", "target"])
    pairs["c"] = node_index.get_indexer(pairs.canonical)
    pairs["t"] = node_index.get_indexer(pairs.target)

    region_index = pd.Index(regions.id)
    ent["r"] = region_index.get_indexer(ent.region)
    ent["size"] = ent.revenue.fillna(1.0)
    att["e"] = pd.Index(ent.id).get_indexer(att.enterprise)
    att["n"] = node_index.get_indexer(att.chain + "/" + att.node)
    att["c"] = node_index.get_indexer(nodes.canonical.values[att.n.values])
    att["w"] = att["weight"].fillna(1.0) if "weight" in att else 1.0
    expanded = att[["e", "c", "w"]].merge(pairs[["c", "t"]], on="c")
    expanded["r"] = ent.r.values[expanded.e.values]
    expanded["cap"] = expanded.w * ent["size"].values[expanded.e.values]

    capacity = np.bincount(expanded.r * N + expanded.t, weights=expanded.cap, minlength=R * N).reshape(R, N)
    firms = expanded.drop_duplicates(["e", "t"])
    count = np.bincount(firms.r * N + firms.t, minlength=R * N).reshape(R, N).astype(np.int64)
    size = np.bincount(ent.r, weights=ent["size"], minlength=R)

    # Roll up the region tree, deepest regions first.
    parent_r = region_index.get_indexer(regions.parent.replace("", None))
    depth = np.zeros(R, dtype=int)
    for r in range(R):
        p = parent_r[r]
        while p >= 0:
            depth[r] += 1
            p = parent_r[p]
    for r in np.argsort(-depth, kind="stable"):
        p = parent_r[r]
        if p >= 0:
            capacity[p] += capacity[r]
            count[p] += count[r]
            size[p] += size[r]
    top = parent_r < 0
    nat_capacity, nat_count, nat_size = capacity[top].sum(axis=0), count[top].sum(axis=0), size[top].sum()

    weight = pd.to_numeric(regions.weight, errors="coerce").to_numpy()
    benchmark = np.where(np.isnan(weight), size / nat_size if nat_size > 0 else 0.0, weight)

    imp, has_downstream = importance(nodes, edges)
    imp_v = nodes.key.map(imp).to_numpy()
    down_v = nodes.key.map(has_downstream).to_numpy()

    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(nat_capacity > 0, capacity / nat_capacity, 0.0)
        rca = np.where(benchmark[:, None] > 0, share / benchmark[:, None], 0.0)
    shortfall = np.where(count == 0, 1.0, np.clip(1.0 - rca / WEAK_RCA, 0.0, 1.0))
    single = (count == 1) & down_v[None, :]
    risk = np.where(single & (nat_count[None, :] > count), SINGLE_POINT_RISK, 0.0)
    status = np.select([nat_count[None, :] == 0, count == 0, single, shortfall > 0], [ABSENT, MISSING, SINGLE_POINT, WEAK],
                       STRONG)
    gap = np.where(status == ABSENT, 0.0, imp_v[None, :] * np.minimum(1.0, shortfall + risk))
    t2 = time.process_time()

    if out:
        np.save(out, gap)
        with open(out + ".keys.json", "w", encoding="utf-8") as f:
            json.dump({"regions": list(regions.id), "links": list(nodes.key)}, f)
    t3 = time.process_time()

    bad = 0
    for path in checks:
        with open(path, encoding="utf-8") as f:
            rep = json.load(f)
        r = region_index.get_loc(rep["region"])
        for ch in rep["chains"]:
            for link in ch["nodes"]:
                n = node_index.get_loc(f"{ch['chain']}/{link['node']}")
                if STATUS_NAMES[status[r, n]] != link["status"] or abs(gap[r, n] - link["gap_score"]) > 1e-9:
                    bad += 1
                    if bad <= 5:
                        print(f"disagree {rep['region']} {ch['chain']}/{link['node']}: peer {STATUS_NAMES[status[r, n]]} "
                              f"{gap[r, n]:.12f} vs chaingap {link['status']} {link['gap_score']:.12f}", file=sys.stderr)
        print(f"checked region {rep['region']}: {sum(len(c['nodes']) for c in rep['chains'])} links", file=sys.stderr)
    print(f"peer_read_s={t1 - t0:.3f} peer_compute_s={t2 - t1:.3f} peer_write_s={t3 - t2:.3f} "
          f"regions={R} links={N} present_cells={int((count > 0).sum())}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
