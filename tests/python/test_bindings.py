"""The chaingap Python module against the chaingap CLI on the same data.

Run with Debian's interpreter and the built module on the path, e.g.
    PYTHONPATH=build/bindings/python CHAINGAP_CLI=build/chaingap /usr/bin/python3 -m unittest discover -s tests/python
(CTest sets both; see bindings/python/CMakeLists.txt). unittest only: no pytest dependency.
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest
from unittest import mock

import numpy as np

import chaingap

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.environ.get("CHAINGAP_SOURCE_DIR", os.path.dirname(os.path.dirname(HERE)))
CLI = os.environ.get("CHAINGAP_CLI", os.path.join(SOURCE, "build", "chaingap"))
DEMO = os.path.join(SOURCE, "data", "demo")


def cli_json(*args):
    """Runs the CLI with --format json and parses its output."""
    out = subprocess.run([CLI, *args, "--format", "json"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


class BindingsVersusCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ds = chaingap.load(DEMO)

    def test_gaps_match_cli(self):
        got = self.ds.gaps("500000", chain="semiconductor")
        self.assertEqual(got, cli_json("gaps", "--data", DEMO, "--region", "500000", "--chain", "semiconductor"))
        self.assertGreater(len(got["chains"][0]["nodes"]), 10)

    def test_gaps_with_a_parameter_match_cli(self):
        got = self.ds.gaps("500000", weak_rca=1.5)
        want = cli_json("gaps", "--data", DEMO, "--region", "500000", "--param", "weak_rca=1.5")
        self.assertEqual(got, want)
        self.assertEqual(got["params"]["weak_rca"], 1.5)

    def test_targets_match_cli(self):
        got = self.ds.targets("500000", chain="semiconductor", top=50)
        want = cli_json("targets", "--data", DEMO, "--region", "500000", "--chain", "semiconductor", "--top", "50")
        self.assertEqual(got, want)
        self.assertLessEqual(len(got["targets"]), 50)

    def test_evaluate_matches_cli(self):
        got = self.ds.evaluate(2015, horizon=3, chain="semiconductor", models=["density", "cn", "ppr", "learned"],
                               bootstrap=25)
        want = cli_json("evaluate", "--data", DEMO, "--cutoff", "2015", "--horizon", "3", "--chain", "semiconductor",
                        "--models", "density,cn,ppr,learned", "--bootstrap", "25")
        self.assertEqual(got, want)
        self.assertEqual([m["model"] for m in got["models"]], ["density", "cn", "ppr", "learned"])
        for m in got["models"]:
            for key in ("roc_auc", "pr_auc", "mrr"):
                self.assertTrue(0.0 <= m[key] <= 1.0)
            self.assertEqual(set(m["precision"]), {"20", "100", "500"})

    def test_parameter_defaults_come_from_the_engine(self):
        evaluated = self.ds.evaluate(2015, chain="semiconductor", models=["density"], bootstrap=0)
        for p in chaingap.eval_params():
            if p["name"] != "bootstrap":
                self.assertEqual(evaluated["params"][p["name"]], p["default"], p["name"])
        gaps = self.ds.gaps("500000", chain="semiconductor")
        self.assertEqual({p["name"]: p["default"] for p in chaingap.gap_params()}, gaps["params"])
        self.assertIn("gap_fill", [p["name"] for p in chaingap.rank_params()])

    def test_gap_matrix_agrees_with_gap_reports(self):
        m = self.ds.gap_matrix()
        self.assertEqual(m["gap_score"].shape, (len(self.ds.regions), len(self.ds.nodes)))
        self.assertEqual(m["gap_score"].dtype, np.float64)
        row = m["regions"].index("500000")
        report = self.ds.gaps("500000", chain="semiconductor")
        for link in report["chains"][0]["nodes"]:
            col = m["nodes"].index("semiconductor/" + link["node"])
            self.assertAlmostEqual(m["gap_score"][row, col], link["gap_score"], places=12)
            self.assertEqual(m["status_names"][m["status"][row, col]], link["status"])

    def test_model_scores_are_the_evaluated_inputs(self):
        s = self.ds.model_scores("density", 2015, horizon=3, chain="semiconductor")
        self.assertEqual(s["scores"].shape, (len(s["regions"]), len(s["nodes"])))
        ev = self.ds.evaluate(2015, horizon=3, chain="semiconductor", models=["density"], bootstrap=0)
        self.assertEqual(int(s["candidate"].sum()), ev["candidates"])
        self.assertEqual(int(s["target"].sum()), ev["positives"])
        self.assertFalse(np.any(s["target"] & ~s["candidate"]))
        presence = self.ds.presence_matrix()
        self.assertEqual(presence["count"].shape, (len(self.ds.regions), len(self.ds.nodes)))

    def test_opportunities_match_cli(self):
        got = self.ds.opportunities("500000", chain="semiconductor", top=5, boost_rounds=40)
        want = cli_json("opportunities", "--data", DEMO, "--region", "500000", "--chain", "semiconductor", "--top", "5",
                        "--param", "boost_rounds=40")
        self.assertEqual(got, want)
        self.assertEqual(got["model"], "boosted")  # the request's default model
        self.assertEqual([o["rank"] for o in got["opportunities"]], [1, 2, 3, 4, 5])
        scores = [o["score"] for o in got["opportunities"]]
        self.assertEqual(scores, sorted(scores, reverse=True))
        with self.assertRaises(chaingap.UsageError):
            self.ds.opportunities("500000", model="nope")

    def test_opportunities_as_frame(self):
        got = self.ds.opportunities("500000", chain="semiconductor", top=5, model="density")
        frame = self.ds.opportunities("500000", chain="semiconductor", top=5, model="density", as_frame=True)
        self.assertEqual(list(frame["link"]), [o["link"] for o in got["opportunities"]])
        self.assertEqual(list(frame["name"]), [o["name"] for o in got["opportunities"]])
        self.assertEqual(list(frame.columns)[:6], ["region", "rank", "link", "name", "chain", "score"])

    def test_model_scores_as_frame_has_names(self):
        import pandas as pd
        s = self.ds.model_scores("density", 2015, horizon=3, chain="semiconductor")
        f = self.ds.model_scores("density", 2015, horizon=3, chain="semiconductor", as_frame=True)
        self.assertIsInstance(f, pd.DataFrame)
        R, N = s["scores"].shape
        self.assertEqual(len(f), R * N)
        self.assertEqual(list(f.columns),
                         ["region", "region_name", "link", "link_name", "score", "candidate", "target"])
        np.testing.assert_array_equal(f["score"].to_numpy(), s["scores"].ravel())
        np.testing.assert_array_equal(f["candidate"].to_numpy(), s["candidate"].ravel())
        q, n = R - 1, 7
        row = q * N + n
        self.assertEqual(f["region"].iloc[row], s["regions"][q])
        self.assertEqual(f["region_name"].iloc[row], s["region_names"][q])
        self.assertEqual(f["link"].iloc[row], s["nodes"][n])
        self.assertEqual(f["link_name"].iloc[row], s["node_names"][n])
        self.assertTrue(all(name for name in s["region_names"]))  # names, not bare ids
        self.assertNotEqual(s["region_names"], s["regions"])

    def test_evaluate_as_frame(self):
        import pandas as pd
        kw = dict(horizon=3, chain="semiconductor", models=["density", "persistence", "cn"], bootstrap=20)
        ev = self.ds.evaluate(2015, **kw)
        f = self.ds.evaluate(2015, as_frame=True, **kw)
        self.assertIsInstance(f, pd.DataFrame)
        self.assertEqual(list(f["model"]), ["density", "persistence", "cn"])
        for i, m in enumerate(ev["models"]):
            self.assertAlmostEqual(f["pr_auc"].iloc[i], m["pr_auc"], places=5)
            self.assertAlmostEqual(f["pr_auc_vs_density"].iloc[i], m["vs_density"]["diff"]["pr_auc"], places=5)
            self.assertAlmostEqual(f["pr_auc_vs_persistence"].iloc[i], m["vs_persistence"]["diff"]["pr_auc"],
                                   places=5)
            self.assertAlmostEqual(f["pr_auc_low"].iloc[i], m["ci"]["pr_auc"][0], places=5)
        self.assertEqual(f["pr_auc_vs_persistence"].iloc[1], 0.0)

    def test_frames_without_pandas_are_numpy_record_arrays(self):
        with mock.patch.dict(sys.modules, {"pandas": None}):
            f = self.ds.evaluate(2015, horizon=3, chain="semiconductor", models=["density"], bootstrap=0,
                                 as_frame=True)
            s = self.ds.model_scores("density", 2015, horizon=3, chain="semiconductor", as_frame=True)
        self.assertIsInstance(f, np.recarray)
        self.assertEqual(list(f["model"]), ["density"])
        self.assertTrue(np.isnan(f["pr_auc_low"][0]))  # no bootstrap: empty interval cells are NaN
        self.assertIsInstance(s, np.recarray)
        self.assertIn("region_name", s.dtype.names)

    def test_errors_are_python_exceptions(self):
        with self.assertRaises(chaingap.UsageError):
            self.ds.gaps("999999")
        with self.assertRaises(ValueError):
            self.ds.gaps("500000", no_such_parameter=1)
        with self.assertRaises(chaingap.UsageError):
            self.ds.evaluate(2015, models=["nope"])
        with self.assertRaises(chaingap.ConvergenceError):
            self.ds.evaluate(2015, chain="semiconductor", models=["ppr"], bootstrap=0, max_iterations=1)
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "enterprises.csv"), "w") as f:
                f.write("id,name,region\nE1,a,500000\n")
            with open(os.path.join(d, "attachments.csv"), "w") as f:
                f.write("enterprise,chain,node\nE1,semiconductor,no_such_node\n")
            with self.assertRaises(chaingap.InputError) as e:
                chaingap.load(d)
            self.assertIn("attachments.csv", str(e.exception))


if __name__ == "__main__":
    unittest.main()
