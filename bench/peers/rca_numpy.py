#!/usr/bin/python3
"""Peer: the region x link presence / RCA matrix as a researcher would write it with numpy.

Side-by-side with `chaingap_scale measure` (all_regions_s): same dataset folder, same definitions
(capacity = weight x size, size = revenue or 1; presence rolled up the region tree; RCA against the
region's share of all enterprise size). The numpy version covers leaf links only and stops at RCA:
no segment roll-up, no importance, no statuses, so it does less work than chaingap's full analysis.
Only the kernel is timed (CSV parsing with the csv module is not), median of RUNS runs.

usage: /usr/bin/python3 bench/peers/rca_numpy.py DATASET_DIR [RUNS]
"""
import csv
import statistics
import sys
import time

import numpy as np


def load(folder):
    regions, parent = {}, []
    with open(f"{folder}/regions.csv", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        regions[r["id"]] = len(regions)
    parent = np.array([regions[r["parent"]] if r["parent"] else -1 for r in rows], dtype=np.int64)
    ent, region, size = {}, [], []
    with open(f"{folder}/enterprises.csv", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            ent[r["id"]] = len(ent)
            region.append(regions[r["region"]])
            size.append(float(r["revenue"]) if r["revenue"] else 1.0)
    nodes, a_ent, a_node, a_w = {}, [], [], []
    with open(f"{folder}/attachments.csv", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            key = r["chain"] + "/" + r["node"]
            a_node.append(nodes.setdefault(key, len(nodes)))
            a_ent.append(ent[r["enterprise"]])
            a_w.append(float(r["weight"] or 1))
    return (parent, np.array(region), np.array(size), np.array(a_ent), np.array(a_node), np.array(a_w), len(nodes))


def kernel(parent, region, size, a_ent, a_node, a_w, n_nodes):
    R = len(parent)
    cell = region[a_ent] * n_nodes + a_node
    cap = np.bincount(cell, weights=a_w * size[a_ent], minlength=R * n_nodes).reshape(R, n_nodes)
    cnt = np.bincount(cell, minlength=R * n_nodes).reshape(R, n_nodes)
    rsize = np.bincount(region, weights=size, minlength=R)
    depth = np.zeros(R, dtype=np.int64)
    for r in range(R):  # roll up, deepest first
        p, d = parent[r], 0
        while p >= 0:
            p, d = parent[p], d + 1
        depth[r] = d
    for d in range(depth.max(), 0, -1):
        rows = np.nonzero(depth == d)[0]
        np.add.at(cap, parent[rows], cap[rows])
        np.add.at(cnt, parent[rows], cnt[rows])
        np.add.at(rsize, parent[rows], rsize[rows])
    top = depth == 0
    national = cap[top].sum(axis=0)
    share = np.divide(cap, national, out=np.zeros_like(cap), where=national > 0)
    bench = rsize / rsize[top].sum()
    rca = np.divide(share, bench[:, None], out=np.zeros_like(share), where=bench[:, None] > 0)
    return cnt, rca


def main():
    folder, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
    data = load(folder)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        cnt, rca = kernel(*data)
        times.append(time.perf_counter() - t)
    print(f"numpy {np.__version__}: regions={len(data[0])} leaf_links={data[6]} attachments={len(data[3])} "
          f"kernel_s median {statistics.median(times):.3f} (min {min(times):.3f}, max {max(times):.3f}); "
          f"present cells={int((cnt > 0).sum())}")


if __name__ == "__main__":
    main()
