#!/usr/bin/env python3
"""Score a dataset's firm -> chain-link attachments against the truth files.

Precision: for the sampled pairs (drawn by draw_sample.py, or drawn here with the dev seed when
--sample is not given), yes / judged, per stratum; the overall figure is the stratified estimate
sum_s N_s * p_s / sum_s N_s over the strata (nine focus chains + '(other)', N_s = attachments in the
stratum), next to the plain sample ratio. Judgments are keyed by (firm_id, chain, node).
Census: for every stratum, how many of all the dataset's attachments carry a judgment and the share
of yes among them (the precision of the whole stratum when coverage is 100 %).
Recall: a leading firm (leading_firms.csv) counts as attached when the dataset attaches it to the
listed node, a descendant of it, or a same_as alias of either (Catalogue.covering_links); reported
for all rows and for the rows whose product evidence is in the data (product_evidence not
'none in data ...'); the goal is checked on the latter. O(A + S + L * K) for A attachments, S sampled
pairs, L leading rows, K links a node covers.
Source: the protocol in tests/truth/README.md (issue 9, goals: precision >= 90 % overall and >= 85 %
per focus chain, leading recall >= 80 %).

Usage: score.py DATASET_DIR [--sample FILE] [--judgments FILE] [--leading FILE] [--chains DIR] [--check]
                [--min-overall P]
--check: exit 1 when a goal is missed or a sampled pair is unjudged. Bad input: exit 2, one line.
"""
import argparse
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import truthlib as T  # noqa: E402

VERDICTS = ("yes", "no")


def load_judgments(path, cat):
    _, rows = T.read_csv(path, ["firm_id", "name", "chain", "node", "verdict", "reason"])
    out = {}
    for r in rows:
        key = (T.require(r, path, "firm_id"), T.require(r, path, "chain"), T.require(r, path, "node"))
        if not cat.has(key[1], key[2]):
            raise T.InputError("%s:%d: field 'node': unknown link '%s/%s'"
                               % (path, r["_line"], key[1], key[2]))
        v = T.require(r, path, "verdict")
        if v not in VERDICTS:
            raise T.InputError("%s:%d: field 'verdict': '%s' is not yes or no" % (path, r["_line"], v))
        T.require(r, path, "reason")
        if key in out:
            raise T.InputError("%s:%d: field 'node': second judgment of %s at %s/%s"
                               % (path, r["_line"], key[0], key[1], key[2]))
        out[key] = (v, r["reason"].strip())
    return out


def load_sample(path, cat):
    _, rows = T.read_csv(path, ["firm_id", "name", "chain", "node"])
    out = []
    for r in rows:
        p = {"firm_id": T.require(r, path, "firm_id"), "name": r["name"].strip(),
             "chain": T.require(r, path, "chain"), "node": T.require(r, path, "node")}
        if not cat.has(p["chain"], p["node"]):
            raise T.InputError("%s:%d: field 'node': unknown link '%s/%s'"
                               % (path, r["_line"], p["chain"], p["node"]))
        p["matched"] = r.get("matched", r.get("evidence", ""))
        out.append(p)
    return out


def load_leading(path, cat):
    _, rows = T.read_csv(path, ["firm_id", "name", "chain", "node", "reason", "product_evidence"])
    out = []
    for r in rows:
        fid = T.require(r, path, "firm_id")
        if not (len(fid) == 6 and fid.isdigit()):
            raise T.InputError("%s:%d: field 'firm_id': '%s' is not a 6-digit stock code"
                               % (path, r["_line"], fid))
        c, n = T.require(r, path, "chain"), T.require(r, path, "node")
        if not cat.has(c, n):
            raise T.InputError("%s:%d: field 'node': unknown link '%s/%s'" % (path, r["_line"], c, n))
        T.require(r, path, "reason")
        ev = T.require(r, path, "product_evidence")
        out.append({"firm_id": fid, "name": r["name"].strip(), "chain": c, "node": n,
                    "in_data": not ev.startswith("none in data")})
    return out


def pct(a, b):
    return "%5.1f%%" % (100.0 * a / b) if b else "    -"


def main(argv):
    ap = argparse.ArgumentParser(description="真值评分 / score attachments against the truth files")
    ap.add_argument("dataset")
    ap.add_argument("--sample")
    ap.add_argument("--judgments", default=os.path.join(T.HERE, "judgments.csv"))
    ap.add_argument("--leading", default=os.path.join(T.HERE, "leading_firms.csv"))
    ap.add_argument("--chains", default=T.SHIPPED_CHAINS)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--min-overall", type=float, default=T.GOAL_PRECISION_OVERALL,
                    help="overall precision --check requires (default: the issue's goal)")
    a = ap.parse_args(argv)
    try:
        cat = T.Catalogue(a.chains, a.dataset)
        pairs, _ = T.load_dataset(a.dataset, cat)
        if a.sample:
            sample = load_sample(a.sample, cat)
        else:
            sample = T.draw(pairs, T.DEV_SEED)
            for p in sample:
                p.setdefault("matched", p.get("matched", p.get("evidence", "")))
        judg = load_judgments(a.judgments, cat)
        leading = load_leading(a.leading, cat)
    except T.InputError as e:
        sys.stderr.write("%s\n" % e)
        return 2

    pop = T.population(pairs)
    attached = set((p["firm_id"], p["chain"], p["node"]) for p in pairs)
    by_firm = {}
    for p in pairs:
        by_firm.setdefault(p["firm_id"], []).append((p["chain"], p["node"]))

    # precision by stratum
    st = {}
    unjudged = []
    for p in sample:
        s = T.stratum_of(p["chain"])
        d = st.setdefault(s, {"n": 0, "j": 0, "y": 0})
        d["n"] += 1
        v = judg.get((p["firm_id"], p["chain"], p["node"]))
        if v is None:
            unjudged.append(p)
            continue
        d["j"] += 1
        d["y"] += v[0] == "yes"
    # recall by chain of the leading row
    rc = {}
    missing = []
    for L in leading:
        cover = cat.covering_links(L["chain"], L["node"])
        hit = any((L["firm_id"], c, n) in attached for (c, n) in cover)
        d = rc.setdefault(L["chain"], {"n": 0, "h": 0, "nd": 0, "hd": 0})
        d["n"] += 1
        d["h"] += hit
        if L["in_data"]:
            d["nd"] += 1
            d["hd"] += hit
        if not hit:
            missing.append(L)

    strata = list(T.FOCUS_CHAINS) + [T.OTHER]
    rchains = sorted(set(rc) - set(T.FOCUS_CHAINS))
    print("链 chain                   | 挂接数 N | 抽样 | 已判 | 精确率 precision | 龙头 leading | 召回(全部) | 召回(数据可见)")
    print("-" * 118)
    tot = {"n": 0, "j": 0, "y": 0}
    est_num = est_den = 0.0
    est_ok = True
    for s in strata + rchains:
        d = st.get(s, {"n": 0, "j": 0, "y": 0})
        r = rc.get(s, {"n": 0, "h": 0, "nd": 0, "hd": 0})
        if s in strata:
            for k in tot:
                tot[k] += d[k]
            if d["j"]:
                est_num += pop.get(s, 0) * d["y"] / float(d["j"])
                est_den += pop.get(s, 0)
            elif pop.get(s, 0):
                est_ok = False
        name = s if s == T.OTHER else "%s %s" % (s, cat.chain_names.get(s, ""))
        print("%-26s | %8s | %4d | %4d | %5s (%3d/%3d)  | %12d | %s (%3d) | %s (%3d/%3d)" % (
            name[:26], pop.get(s, "-") if s in strata else "-", d["n"], d["j"], pct(d["y"], d["j"]),
            d["y"], d["j"], r["n"], pct(r["h"], r["n"]), r["h"], pct(r["hd"], r["nd"]), r["hd"], r["nd"]))
    print("-" * 118)
    rn = sum(r["n"] for r in rc.values())
    rh = sum(r["h"] for r in rc.values())
    rnd = sum(r["nd"] for r in rc.values())
    rhd = sum(r["hd"] for r in rc.values())
    est = est_num / est_den if est_den else None
    print("%-26s | %8d | %4d | %4d | %5s (%3d/%3d)  | %12d | %s (%3d) | %s (%3d/%3d)" % (
        "合计 overall (sample)", sum(pop.values()), tot["n"], tot["j"], pct(tot["y"], tot["j"]),
        tot["y"], tot["j"], rn, pct(rh, rn), rh, pct(rhd, rnd), rhd, rnd))
    print("分层加权精确率 stratified precision estimate: %s%s" % (
        ("%.1f%%" % (100 * est)) if est is not None else "-",
        "" if est_ok else "  (a stratum with attachments has no judged pair)"))

    # every attachment of the dataset that has a judgment (a census where coverage is 100 %)
    print("\n全体挂接中已判定者 attachments of the whole dataset that carry a judgment:")
    print("%-26s | %8s | %8s | %s" % ("链 chain", "N", "judged", "precision among judged"))
    cen = {}
    for p in pairs:
        s = T.stratum_of(p["chain"])
        d = cen.setdefault(s, {"n": 0, "j": 0, "y": 0})
        d["n"] += 1
        v = judg.get((p["firm_id"], p["chain"], p["node"]))
        if v is not None:
            d["j"] += 1
            d["y"] += v[0] == "yes"
    for s in strata:
        d = cen.get(s, {"n": 0, "j": 0, "y": 0})
        print("%-26s | %8d | %8d (%s) | %s (%d/%d)" % (s, d["n"], d["j"], pct(d["j"], d["n"]).strip(),
                                                     pct(d["y"], d["j"]).strip(), d["y"], d["j"]))

    if unjudged:
        print("\n未判定的抽样对 unjudged sampled pairs (%d) — judge them in %s:" % (len(unjudged), a.judgments))
        for p in unjudged:
            print("  %s,%s,%s,%s  [%s]" % (p["firm_id"], p["name"], p["chain"], p["node"], p.get("matched", "")))
    if missing:
        print("\n未挂接的龙头企业 leading firms not attached (%d):" % len(missing))
        for L in missing:
            here = [("%s/%s" % k) for k in by_firm.get(L["firm_id"], []) if k[0] == L["chain"]]
            print("  %s %s  %s/%s%s  现挂接 now at: %s" % (
                L["firm_id"], L["name"], L["chain"], L["node"],
                "" if L["in_data"] else "  [none in data]", ", ".join(here) or "-"))

    if not a.check:
        return 0
    fails = []
    if unjudged:
        fails.append("%d sampled pairs unjudged" % len(unjudged))
    if est is None or est < a.min_overall or not est_ok:
        fails.append("overall precision %s < %.0f%%" % (
            "-" if est is None else "%.1f%%" % (100 * est), 100 * a.min_overall))
    elif est < T.GOAL_PRECISION_OVERALL:
        print("\nNOTE: overall precision %.1f%% is below the goal of %.0f%% (checked floor: %.0f%%)" % (
            100 * est, 100 * T.GOAL_PRECISION_OVERALL, 100 * a.min_overall))
    for s in T.FOCUS_CHAINS:
        d = st.get(s, {"j": 0, "y": 0})
        if pop.get(s, 0) and (not d["j"] or d["y"] / float(d["j"]) < T.GOAL_PRECISION_FOCUS):
            fails.append("%s precision %s < %.0f%%" % (s, pct(d["y"], d["j"]).strip(),
                                                      100 * T.GOAL_PRECISION_FOCUS))
    if not rnd or rhd / float(rnd) < T.GOAL_LEADING_RECALL:
        fails.append("leading recall (data shows it) %s < %.0f%%" % (
            pct(rhd, rnd).strip(), 100 * T.GOAL_LEADING_RECALL))
    if fails:
        print("\nCHECK FAILED: " + "; ".join(fails))
        return 1
    print("\nCHECK OK")
    return 0


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # quiet under | head
    sys.exit(main(sys.argv[1:]))
