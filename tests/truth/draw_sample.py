#!/usr/bin/env python3
"""Draw the labelled-sample pairs of the truth protocol from a dataset's catalogue attachments.

Method: stratified random sample without replacement. Strata = the nine focus chains (20 pairs each,
all when fewer) + one '(other)' stratum of 80 pairs spread over the other catalogue chains in
proportion to their attachment counts (largest remainder). Chains that are not in the shipped
catalogue (the importer's sw2021 industry tree) are left out. Deterministic for a seed: attachments
are sorted by (chain, node, firm) and drawn with random.Random(seed). O(n log n) for n attachments.
Source: the protocol in tests/truth/README.md (issue 9, "Measure it").

Usage: draw_sample.py DATASET_DIR --seed S --out FILE [--chains DIR] [--per-focus N] [--other N]
Output columns: firm_id, name, chain, node, node_name, stratum, stratum_size, then every extra
column of attachments.csv (weight, matched, evidence, rule, basis, ...) as it is.
Bad input: one line 'FILE:LINE: field ...' on stderr, exit 2, no output file.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import truthlib as T  # noqa: E402


def main(argv):
    ap = argparse.ArgumentParser(description="抽取真值样本 / draw the truth sample")
    ap.add_argument("dataset")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--chains", default=T.SHIPPED_CHAINS, help="shipped catalogue folder")
    ap.add_argument("--per-focus", type=int, default=T.PER_FOCUS)
    ap.add_argument("--other", type=int, default=T.OTHER_TOTAL)
    a = ap.parse_args(argv)
    if a.per_focus < 0 or a.other < 0:
        sys.stderr.write("(args):0: field 'per-focus/other': must be >= 0\n")
        return 2
    try:
        cat = T.Catalogue(a.chains, a.dataset)
        pairs, extra = T.load_dataset(a.dataset, cat)
    except T.InputError as e:
        sys.stderr.write("%s\n" % e)
        return 2
    sample = T.draw(pairs, a.seed, a.per_focus, a.other)
    pop = T.population(pairs)
    for p in sample:
        p["stratum"] = T.stratum_of(p["chain"])
        p["stratum_size"] = pop[p["stratum"]]
    header = ["firm_id", "name", "chain", "node", "node_name", "stratum", "stratum_size"] + extra
    T.write_csv_atomic(a.out, header, sample)
    by = {}
    for p in sample:
        by[p["stratum"]] = by.get(p["stratum"], 0) + 1
    sys.stderr.write("%d pairs drawn (seed %d) from %d catalogue attachments: %s\n" % (
        len(sample), a.seed, len(pairs),
        ", ".join("%s %d/%d" % (s, by.get(s, 0), pop[s]) for s in sorted(pop))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
