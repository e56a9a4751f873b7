"""Shared reading for the truth protocol (draw_sample.py, score.py): CSV files, the chain catalogue,
the stratified sample design. Python standard library only (any python3 >= 3.6).

Errors: every bad input raises InputError("FILE:LINE: field 'NAME': what is wrong"); the scripts
print that one line on stderr and exit 2 before writing anything.
"""
import csv
import glob
import io
import json
import os
import random

# The nine chains the issue asks to over-weight (the focus strata of the sample).
FOCUS_CHAINS = (
    "semiconductor", "new_display", "vehicles", "nev_core_parts", "icv_core_parts",
    "smart_terminal", "photovoltaic", "energy_storage", "biopharma",
)
# Sample design, declared once: pairs per focus chain, pairs spread over all other catalogue chains.
PER_FOCUS = 20
OTHER_TOTAL = 80
DEV_SEED = 9001
TEST_SEED = 9002
# Goals of the issue (checked by score.py --check).
GOAL_PRECISION_OVERALL = 0.90
GOAL_PRECISION_FOCUS = 0.85
GOAL_LEADING_RECALL = 0.80
OTHER = "(other)"

HERE = os.path.dirname(os.path.abspath(__file__))
SHIPPED_CHAINS = os.path.normpath(os.path.join(HERE, "..", "..", "chains"))


class InputError(Exception):
    pass


def read_csv(path, required):
    """Rows of an RFC 4180 CSV file as dicts, each with '_line' (1-based line of the row start).
    `required` columns must be present in the header."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise InputError("%s:0: field '(file)': cannot read (%s)" % (path, e.strerror))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        raise InputError("%s:%d: field '(file)': not UTF-8" % (path, line))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("%s:1: field '(header)': empty file" % path)
    except csv.Error as e:
        raise InputError("%s:1: field '(header)': %s" % (path, e))
    header = [h.strip() for h in header]
    for col in required:
        if col not in header:
            raise InputError("%s:1: field '%s': missing column" % (path, col))
    seen = set()
    for h in header:
        if h in seen:
            raise InputError("%s:1: field '%s': repeated column" % (path, h))
        seen.add(h)
    rows = []
    line = reader.line_num + 1
    while True:
        start = line
        try:
            rec = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            raise InputError("%s:%d: field '(row)': %s" % (path, start, e))
        line = reader.line_num + 1
        if not rec:
            raise InputError("%s:%d: field '(row)': blank line" % (path, start))
        if len(rec) != len(header):
            raise InputError("%s:%d: field '(row)': %d fields, header has %d"
                             % (path, start, len(rec), len(header)))
        row = dict(zip(header, rec))
        row["_line"] = start
        rows.append(row)
    return header, rows


def require(row, path, field):
    v = row[field].strip()
    if not v:
        raise InputError("%s:%d: field '%s': empty" % (path, row["_line"], field))
    return v


class Catalogue:
    """Chains by id: node name, parent, same_as. Shipped chains/ first, then DATASET_DIR/chains/
    overrides a chain of the same id. Only chain ids of the shipped catalogue are 'catalogue chains'
    (the importer's sw2021 industry tree lives only in the dataset and is left out)."""

    def __init__(self, shipped_dir, dataset_dir=None):
        self.chains = {}        # chain id -> {node id -> node dict}
        self.chain_names = {}
        self.catalogue_ids = set()
        for path in sorted(glob.glob(os.path.join(shipped_dir, "*.json"))):
            cid = self._load(path)
            if cid:
                self.catalogue_ids.add(cid)
        if not self.catalogue_ids:
            raise InputError("%s:0: field '(dir)': no chain JSON files" % shipped_dir)
        if dataset_dir:
            for path in sorted(glob.glob(os.path.join(dataset_dir, "chains", "*.json"))):
                self._load(path)
        self.children = {}
        for cid, nodes in self.chains.items():
            for nid, n in nodes.items():
                p = n.get("parent")
                if p:
                    self.children.setdefault((cid, p), []).append((cid, nid))

    def _load(self, path):
        try:
            with open(path, encoding="utf-8-sig") as f:
                d = json.load(f)
        except OSError as e:
            raise InputError("%s:0: field '(file)': cannot read (%s)" % (path, e.strerror))
        except ValueError as e:
            raise InputError("%s:%d: field '(json)': %s" % (path, getattr(e, "lineno", 0), e))
        if not isinstance(d, dict) or "nodes" not in d:
            return None     # e.g. clusters.json
        cid = d.get("id")
        if not isinstance(cid, str) or not cid:
            raise InputError("%s:1: field 'id': missing chain id" % path)
        nodes = {}
        for n in d["nodes"]:
            if not isinstance(n, dict) or not isinstance(n.get("id"), str):
                raise InputError("%s:1: field 'nodes[].id': missing" % path)
            nodes[n["id"]] = n
        self.chains[cid] = nodes
        self.chain_names[cid] = d.get("name", cid)
        return cid

    def has(self, chain, node):
        return chain in self.chains and node in self.chains[chain]

    def node_name(self, chain, node):
        return self.chains[chain][node].get("name", node)

    def same_as(self, chain, node):
        s = self.chains[chain][node].get("same_as")
        if s and "/" in s:
            c, n = s.split("/", 1)
            if self.has(c, n):
                return (c, n)
        return None

    def descendants(self, key):
        out, stack = [], [key]
        while stack:
            k = stack.pop()
            out.append(k)
            stack.extend(self.children.get(k, []))
        return out

    def covering_links(self, chain, node):
        """Links that count as 'attached at chain/node': the node and its descendants, the same_as
        aliases of any of them (both directions), and the descendants of those."""
        base = set(self.descendants((chain, node)))
        alias = set(base)
        for k in base:
            t = self.same_as(*k)
            if t:
                alias.add(t)
        for cid, nodes in self.chains.items():
            for nid in nodes:
                t = self.same_as(cid, nid)
                if t and t in base:
                    alias.add((cid, nid))
        out = set()
        for k in alias:
            out.update(self.descendants(k))
        return out


def load_dataset(dataset_dir, catalogue):
    """Catalogue attachments of a dataset: (sorted list of pair dicts, extra column names)."""
    ent_path = os.path.join(dataset_dir, "enterprises.csv")
    att_path = os.path.join(dataset_dir, "attachments.csv")
    _, ents = read_csv(ent_path, ["id", "name"])
    names = {}
    for r in ents:
        names[require(r, ent_path, "id")] = r["name"].strip()
    header, atts = read_csv(att_path, ["enterprise", "chain", "node"])
    extra = [h for h in header if h not in ("enterprise", "chain", "node")]
    pairs = []
    seen = set()
    for r in atts:
        e = require(r, att_path, "enterprise")
        c = require(r, att_path, "chain")
        n = require(r, att_path, "node")
        if e not in names:
            raise InputError("%s:%d: field 'enterprise': '%s' not in enterprises.csv"
                             % (att_path, r["_line"], e))
        if c not in catalogue.chains:
            raise InputError("%s:%d: field 'chain': unknown chain '%s'" % (att_path, r["_line"], c))
        if not catalogue.has(c, n):
            raise InputError("%s:%d: field 'node': unknown node '%s/%s'"
                             % (att_path, r["_line"], c, n))
        if (e, c, n) in seen:
            raise InputError("%s:%d: field 'node': second row for %s at %s/%s"
                             % (att_path, r["_line"], e, c, n))
        seen.add((e, c, n))
        if c not in catalogue.catalogue_ids:
            continue
        p = {"firm_id": e, "name": names[e], "chain": c, "node": n,
             "node_name": catalogue.node_name(c, n)}
        for h in extra:
            p[h] = r[h]
        pairs.append(p)
    pairs.sort(key=lambda p: (p["chain"], p["node"], p["firm_id"]))
    return pairs, extra


def stratum_of(chain):
    return chain if chain in FOCUS_CHAINS else OTHER


def largest_remainder(total, sizes):
    """Split `total` over keys in proportion to sizes (Hamilton method; ties by key order)."""
    n = sum(sizes.values())
    if n == 0 or total <= 0:
        return {k: 0 for k in sizes}
    total = min(total, n)
    quota = {k: total * v / float(n) for k, v in sizes.items()}
    alloc = {k: min(sizes[k], int(q)) for k, q in quota.items()}
    rest = total - sum(alloc.values())
    order = sorted(sizes, key=lambda k: (-(quota[k] - int(quota[k])), k))
    while rest > 0:
        progressed = False
        for k in order:
            if rest == 0:
                break
            if alloc[k] < sizes[k]:
                alloc[k] += 1
                rest -= 1
                progressed = True
        if not progressed:
            break
    return alloc


def draw(pairs, seed, per_focus=PER_FOCUS, other_total=OTHER_TOTAL):
    """Stratified random sample: each focus chain is a stratum of `per_focus` pairs (all of them when
    it has fewer); the other catalogue chains share `other_total` pairs in proportion to their
    attachment counts (largest remainder), so the '(other)' stratum is self-weighting.
    Deterministic for a seed: inputs are sorted, strata are drawn in sorted order from one
    random.Random(seed)."""
    rng = random.Random(seed)
    by_chain = {}
    for p in pairs:
        by_chain.setdefault(p["chain"], []).append(p)
    others = {c: len(v) for c, v in by_chain.items() if c not in FOCUS_CHAINS}
    alloc = largest_remainder(other_total, others)
    for c in FOCUS_CHAINS:
        if c in by_chain:
            alloc[c] = min(per_focus, len(by_chain[c]))
    sample = []
    for c in sorted(by_chain):
        k = alloc.get(c, 0)
        if k:
            sample.extend(rng.sample(by_chain[c], k))
    return sample


def population(pairs):
    """Attachments per stratum (focus chain or '(other)')."""
    pop = {}
    for p in pairs:
        s = stratum_of(p["chain"])
        pop[s] = pop.get(s, 0) + 1
    return pop


def write_csv_atomic(path, header, rows):
    tmp = path + ".tmp%d" % os.getpid()
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([r.get(h, "") for h in header])
    os.replace(tmp, path)
