"""The chaingap Python module against the chaingap CLI on the same data.

Run with Debian's interpreter and the built module on the path, e.g.
    PYTHONPATH=build/bindings/python CHAINGAP_CLI=build/chaingap /usr/bin/python3 -m unittest discover -s tests/python
(CTest sets both; see bindings/python/CMakeLists.txt). unittest only: no pytest dependency.
"""
import json
import os
import subprocess
import tempfile
import unittest

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
