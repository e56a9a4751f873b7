#!/usr/bin/env python3
"""Self-test of the truth protocol scripts on a small synthetic dataset (stdlib unittest).
Run: python3 tests/truth/test_truth.py"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import truthlib as T  # noqa: E402

PY = sys.executable


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


class TruthProtocol(unittest.TestCase):
    def setUp(self):
        self.d = tempfile.mkdtemp()
        cat = os.path.join(self.d, "cat")
        write(os.path.join(cat, "semiconductor.json"), json.dumps({"id": "semiconductor", "name": "半导体", "nodes": [
            {"id": "design", "name": "设计"},
            {"id": "power_chip", "name": "功率", "parent": "design"},
            {"id": "manufacturing", "name": "制造"},
            {"id": "igbt", "name": "IGBT", "parent": "manufacturing"}]}, ensure_ascii=False))
        write(os.path.join(cat, "nev_core_parts.json"), json.dumps({"id": "nev_core_parts", "name": "新能源", "nodes": [
            {"id": "three_electric", "name": "三电"},
            {"id": "power_semiconductor", "name": "功率半导体", "parent": "three_electric",
             "same_as": "semiconductor/power_chip"}]}, ensure_ascii=False))
        write(os.path.join(cat, "textiles.json"), json.dumps({"id": "textiles", "name": "纺织", "nodes": [
            {"id": "fiber", "name": "纤维"}, {"id": "cloth", "name": "面料"}]}, ensure_ascii=False))
        write(os.path.join(cat, "clusters.json"), json.dumps({"clusters": []}))
        self.cat = cat
        ds = os.path.join(self.d, "ds")
        write(os.path.join(ds, "chains", "sw2021.json"), json.dumps(
            {"id": "sw2021", "name": "申万", "nodes": [{"id": "sw1", "name": "x"}]}))
        ents = ["id,name,region"] + ["%06d,企业%d,110000" % (i, i) for i in range(60)]
        write(os.path.join(ds, "enterprises.csv"), "\n".join(ents) + "\n")
        att = ["enterprise,chain,node,weight,matched"]
        for i in range(60):
            att.append("%06d,sw2021,sw1,1," % i)
        for i in range(30):
            att.append("%06d,semiconductor,power_chip,0.5,功率器件→功率器件" % i)
        for i in range(30, 40):
            att.append("%06d,textiles,fiber,1,涤纶→涤纶" % i)
        for i in range(40, 45):
            att.append("%06d,textiles,cloth,1,面料→面料" % i)
        write(os.path.join(ds, "attachments.csv"), "\n".join(att) + "\n")
        self.ds = ds

    def tearDown(self):
        shutil.rmtree(self.d)

    def run_py(self, script, *args):
        p = subprocess.run([PY, os.path.join(HERE, script)] + list(args),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
        return p.returncode, p.stdout, p.stderr

    def draw(self, seed, out, *extra):
        return self.run_py("draw_sample.py", self.ds, "--seed", str(seed), "--out", out,
                           "--chains", self.cat, *extra)

    def test_draw_is_deterministic_stratified_and_skips_sw2021(self):
        a, b, c = (os.path.join(self.d, n) for n in ("a.csv", "b.csv", "c.csv"))
        self.assertEqual(self.draw(1, a, "--other", "6")[0], 0)
        self.assertEqual(self.draw(1, b, "--other", "6")[0], 0)
        self.assertEqual(self.draw(2, c, "--other", "6")[0], 0)
        ra, rb, rc = (read_rows(p) for p in (a, b, c))
        self.assertEqual(ra, rb)
        self.assertNotEqual([r["firm_id"] for r in ra], [r["firm_id"] for r in rc])
        chains = [r["chain"] for r in ra]
        self.assertEqual(chains.count("semiconductor"), T.PER_FOCUS)
        self.assertEqual(chains.count("textiles"), 6)           # 15 other attachments, 6 drawn
        self.assertNotIn("sw2021", chains)
        nodes = [r["node"] for r in ra if r["chain"] == "textiles"]
        self.assertEqual(nodes.count("fiber"), 4)                # 10:5 proportional → 4:2
        self.assertEqual(nodes.count("cloth"), 2)
        self.assertIn("matched", ra[0])                          # extra columns pass through
        self.assertEqual(len(set((r["firm_id"], r["node"]) for r in ra)), len(ra))

    def test_largest_remainder(self):
        self.assertEqual(T.largest_remainder(5, {"a": 10, "b": 5, "c": 1}), {"a": 3, "b": 2, "c": 0})
        self.assertEqual(sum(T.largest_remainder(80, {"x": 3, "y": 2}).values()), 5)

    def test_covering_links_follow_descendants_and_same_as(self):
        cat = T.Catalogue(self.cat)
        cov = cat.covering_links("nev_core_parts", "three_electric")
        self.assertIn(("semiconductor", "power_chip"), cov)
        self.assertIn(("nev_core_parts", "power_semiconductor"), cov)
        self.assertNotIn(("semiconductor", "igbt"), cov)
        cov2 = cat.covering_links("semiconductor", "design")
        self.assertIn(("nev_core_parts", "power_semiconductor"), cov2)

    def test_score_precision_recall_and_check(self):
        s = os.path.join(self.d, "s.csv")
        self.draw(3, s, "--other", "4")
        rows = read_rows(s)
        j = os.path.join(self.d, "j.csv")
        with open(j, "w", encoding="utf-8") as f:
            f.write("firm_id,name,chain,node,verdict,reason\n")
            for k, r in enumerate(rows):
                v = "no" if (r["chain"] == "semiconductor" and k % 5 == 0) else "yes"
                f.write("%s,%s,%s,%s,%s,测试\n" % (r["firm_id"], r["name"], r["chain"], r["node"], v))
        lead = os.path.join(self.d, "l.csv")
        write(lead, "firm_id,name,chain,node,reason,product_evidence\n"
                    "000001,企业1,nev_core_parts,power_semiconductor,r,功率器件 (0.5)\n"
                    "000002,企业2,semiconductor,igbt,r,IGBT (0.3)\n"
                    "000050,企业50,semiconductor,igbt,r,none in data (no product rows)\n")
        rc, out, err = self.run_py("score.py", self.ds, "--sample", s, "--judgments", j,
                                   "--leading", lead, "--chains", self.cat)
        self.assertEqual(rc, 0, err)
        self.assertIn("80.0% ( 16/ 20)", out)                   # 4 of 20 semiconductor pairs judged no
        self.assertIn("50.0% (  1/  2)", out)                   # recall on rows the data shows
        self.assertIn("000002 企业2  semiconductor/igbt", out)
        rc, out, _ = self.run_py("score.py", self.ds, "--sample", s, "--judgments", j,
                                 "--leading", lead, "--chains", self.cat, "--check")
        self.assertEqual(rc, 1)
        self.assertIn("semiconductor precision", out)
        self.assertIn("leading recall", out)
        # an unjudged pair fails the check too
        with open(j, encoding="utf-8") as f:
            lines = f.readlines()
        with open(j, "w", encoding="utf-8") as f:
            f.writelines(lines[:-1])
        rc, out, _ = self.run_py("score.py", self.ds, "--sample", s, "--judgments", j,
                                 "--leading", lead, "--chains", self.cat, "--check")
        self.assertEqual(rc, 1)
        self.assertIn("unjudged", out)

    def test_bad_input_exit_2_one_line_no_output(self):
        out = os.path.join(self.d, "o.csv")
        att = os.path.join(self.ds, "attachments.csv")
        with open(att, "a", encoding="utf-8") as f:
            f.write("000001,semiconductor,no_such_node,1,\n")
        rc, _, err = self.draw(1, out)
        self.assertEqual(rc, 2)
        self.assertRegex(err.strip(), r"attachments\.csv:\d+: field 'node': unknown node")
        self.assertEqual(len(err.strip().splitlines()), 1)
        self.assertFalse(os.path.exists(out))
        j = os.path.join(self.d, "j.csv")
        write(j, "firm_id,name,chain,node,verdict,reason\n000001,x,semiconductor,power_chip,maybe,r\n")
        with open(att, encoding="utf-8") as f:
            lines = f.readlines()
        with open(att, "w", encoding="utf-8") as f:
            f.writelines(lines[:-1])
        rc, _, err = self.run_py("score.py", self.ds, "--judgments", j, "--chains", self.cat,
                                 "--leading", os.path.join(HERE, "leading_firms.csv"))
        self.assertEqual(rc, 2)
        self.assertRegex(err.strip(), r"j\.csv:2: field 'verdict': 'maybe' is not yes or no$")


class ShippedTruthFiles(unittest.TestCase):
    """The committed truth files parse and name only links of the shipped catalogue."""

    def test_leading_and_judgments_valid(self):
        cat = T.Catalogue(T.SHIPPED_CHAINS)
        _, lead = T.read_csv(os.path.join(HERE, "leading_firms.csv"),
                             ["firm_id", "name", "chain", "node", "reason", "product_evidence"])
        self.assertGreaterEqual(len(lead), 120)
        for r in lead:
            self.assertTrue(cat.has(r["chain"], r["node"]), (r["_line"], r["chain"], r["node"]))
            self.assertRegex(r["firm_id"], r"^\d{6}$")
        self.assertTrue(set(T.FOCUS_CHAINS) <= set(r["chain"] for r in lead))
        _, judg = T.read_csv(os.path.join(HERE, "judgments.csv"),
                             ["firm_id", "name", "chain", "node", "verdict", "reason"])
        keys = set()
        for r in judg:
            self.assertIn(r["verdict"], ("yes", "no"))
            self.assertTrue(cat.has(r["chain"], r["node"]))
            self.assertTrue(r["reason"].strip())
            k = (r["firm_id"], r["chain"], r["node"])
            self.assertNotIn(k, keys)
            keys.add(k)
        self.assertGreaterEqual(len(judg), 250)


if __name__ == "__main__":
    unittest.main()
