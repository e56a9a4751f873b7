#!/usr/bin/python3
"""API tests of `chaingap serve` against the CLI (docs/webapp.md).

Starts the server on a free port (--port 0) over a dataset and checks that every endpoint's body is
byte for byte what the CLI prints with --format json (the XLSX download: the same workbook parts),
that errors are JSON {"error": <the CLI's message>} with the documented status (404 unknown
region/chain/firm/path, 400 bad parameter or malformed body, 413 oversized body, 405 wrong method),
that no static request leaves the web folder (`/../`, encoded variants, backslashes, symlinks), and
that concurrent requests all get their own correct body.

usage: test_server.py CHAINGAP DATA_DIR
"""
import concurrent.futures
import http.client
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import unittest
import urllib.parse
import zipfile

CLI = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "chaingap"
DATA = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else "data/demo"
REGION = "500000"
CHAIN = "semiconductor"


def cli(*args, fmt="json"):
    r = subprocess.run([CLI, *args, "--data", DATA, "--format", fmt], capture_output=True)
    return r.returncode, r.stdout, r.stderr.decode("utf-8")


def cli_error_text(stderr):
    line = stderr.strip().splitlines()[0]
    return line.split(": error: ", 1)[1]


class Server:
    def __init__(self, web):
        self.proc = subprocess.Popen([CLI, "serve", "--data", DATA, "--port", "0", "--web", web, "--threads", "4"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if "http://" not in line:
            self.proc.kill()
            raise RuntimeError("server did not start: " + line + self.proc.stderr.read())
        hostport = line.split("http://", 1)[1].split("/", 1)[0]
        self.host, port = hostport.rsplit(":", 1)
        self.port = int(port)

    def request(self, method, path, body=None, headers=None):
        c = http.client.HTTPConnection(self.host, self.port, timeout=120)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, r.getheader("Content-Type") or "", data

    def raw(self, request_line):
        """Sends a request line as is (no client-side path normalisation)."""
        s = socket.create_connection((self.host, self.port), timeout=30)
        s.sendall((request_line + "\r\nHost: x\r\nConnection: close\r\n\r\n").encode("latin-1"))
        out = b""
        while True:
            b = s.recv(65536)
            if not b:
                break
            out += b
        s.close()
        head, _, body = out.partition(b"\r\n\r\n")
        return int(head.split(b" ")[1]), body

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def q(path, **params):
    return path + ("?" + urllib.parse.urlencode(params) if params else "")


class ServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="chaingap-serve-test-")
        cls.web = os.path.join(cls.tmp, "web")
        os.makedirs(os.path.join(cls.web, "assets"))
        with open(os.path.join(cls.web, "index.html"), "w") as f:
            f.write("<!doctype html><title>chaingap</title>\n")
        with open(os.path.join(cls.web, "assets", "app.js"), "w") as f:
            f.write("console.log(1);\n")
        with open(os.path.join(cls.tmp, "secret.txt"), "w") as f:
            f.write("SECRET-OUTSIDE-WEB\n")
        os.symlink(os.path.join(cls.tmp, "secret.txt"), os.path.join(cls.web, "link.txt"))
        os.symlink(cls.tmp, os.path.join(cls.web, "linkdir"))
        cls.server = Server(cls.web)
        # ids the data has: the region's missing links and the top target firms
        code, out, _ = cli("targets", "--region", REGION, "--chain", CHAIN, "--top", "5")
        assert code == 0
        rows = json.loads(out)["targets"]
        cls.firms = [r["enterprise"] for r in rows]
        cls.node = rows[0]["links"][0]["node"]

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def same_as_cli(self, path, args, method="GET", body=None):
        code, expected, err = cli(*args)
        self.assertEqual(code, 0, err)
        status, ctype, got = self.server.request(method, path, body=body,
                                                 headers={"Content-Type": "application/json"} if body else None)
        self.assertEqual(status, 200, got[:300])
        self.assertTrue(ctype.startswith("application/json"), ctype)
        self.assertEqual(got, expected, path)
        json.loads(got)
        return got

    def same_error(self, path, args, status, method="GET", body=None):
        code, _, err = cli(*args)
        self.assertEqual(code, 2, err)
        got_status, ctype, got = self.server.request(method, path, body=body)
        self.assertEqual(got_status, status, got)
        self.assertTrue(ctype.startswith("application/json"), ctype)
        self.assertEqual(json.loads(got), {"error": cli_error_text(err)})

    # ---- bodies equal the CLI's --format json --------------------------------------------------
    def test_chains(self):
        self.same_as_cli("/api/chains", ["chains"])
        self.same_as_cli("/api/chains/" + CHAIN, ["chains", "show", CHAIN])

    def test_gaps(self):
        self.same_as_cli(q("/api/gaps", region=REGION, chain=CHAIN), ["gaps", "--region", REGION, "--chain", CHAIN])
        self.same_as_cli(q("/api/gaps", region=REGION, top=3), ["gaps", "--region", REGION, "--top", "3"])

    def test_targets(self):
        self.same_as_cli(q("/api/targets", region=REGION, chain=CHAIN),
                         ["targets", "--region", REGION, "--chain", CHAIN])
        # ranking weights as query keys = --param NAME=VALUE; from_regions = --from-regions
        self.same_as_cli(q("/api/targets", region=REGION, chain=CHAIN, top=50, gap_fill="0.6", size="0.05",
                           from_regions="yangtze_delta,jingjinji", local=1),
                         ["targets", "--region", REGION, "--chain", CHAIN, "--top", "50", "--param", "gap_fill=0.6",
                          "--param", "size=0.05", "--from-regions", "yangtze_delta,jingjinji", "--local"])
        self.same_as_cli(q("/api/targets", region=REGION, chain=CHAIN, portfolio=3),
                         ["targets", "--region", REGION, "--chain", CHAIN, "--portfolio", "3"])

    def test_targets_xlsx(self):
        out = os.path.join(self.tmp, "t.xlsx")
        r = subprocess.run([CLI, "targets", "--region", REGION, "--chain", CHAIN, "--data", DATA, "--format", "xlsx",
                            "--out", out], capture_output=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        status, ctype, got = self.server.request("GET", q("/api/targets.xlsx", region=REGION, chain=CHAIN))
        self.assertEqual(status, 200)
        self.assertIn("spreadsheetml", ctype)
        a, b = zipfile.ZipFile(io.BytesIO(got)), zipfile.ZipFile(out)
        self.assertEqual(sorted(a.namelist()), sorted(b.namelist()))
        sheets = [n for n in a.namelist() if n.startswith("xl/")]
        self.assertTrue(any(n.startswith("xl/worksheets/") for n in sheets))
        for n in sheets:  # docProps/ carries the creation time
            self.assertEqual(a.read(n), b.read(n), n)

    def test_whatif(self):
        body = json.dumps({"region": REGION, "chain": CHAIN, "add": self.firms[:2]})
        self.same_as_cli("/api/whatif", ["whatif", "--region", REGION, "--chain", CHAIN, "--add", ",".join(self.firms[:2])],
                         method="POST", body=body)

    def test_regions_presence_firm(self):
        self.same_as_cli("/api/regions", ["regions"])
        self.same_as_cli(q("/api/presence", chain=CHAIN, node=self.node),
                         ["presence", "--chain", CHAIN, "--node", self.node])
        self.same_as_cli(q("/api/presence", chain=CHAIN, node=self.node, level=1),
                         ["presence", "--chain", CHAIN, "--node", self.node, "--level", "1"])
        self.same_as_cli("/api/firms/" + urllib.parse.quote(self.firms[0]), ["firm", self.firms[0]])
        pres = json.loads(self.server.request("GET", q("/api/presence", chain=CHAIN, node=self.node))[2])
        self.assertGreater(len(pres["regions"]), 0)
        self.assertAlmostEqual(sum(r["share"] for r in pres["regions"]), 1.0, places=6)

    # ---- errors: status and the CLI's message -----------------------------------------------------
    def test_compare_leaderboard_opportunities(self):
        self.same_as_cli(q("/api/compare", regions="500000,440000", chain=CHAIN),
                         ["compare", "--regions", "500000,440000", "--chain", CHAIN])
        self.same_as_cli(q("/api/leaderboard", within="500000", chain=CHAIN),
                         ["leaderboard", "--within", "500000", "--chain", CHAIN])
        self.same_as_cli(q("/api/opportunities", region=REGION, chain=CHAIN, top=5),
                         ["opportunities", "--region", REGION, "--chain", CHAIN, "--top", "5"])

    def test_unknown_region_chain_firm(self):
        self.same_error(q("/api/gaps", region="999999", chain=CHAIN), ["gaps", "--region", "999999", "--chain", CHAIN], 404)
        self.same_error(q("/api/targets", region=REGION, chain="nochain"),
                        ["targets", "--region", REGION, "--chain", "nochain"], 404)
        self.same_error("/api/firms/NO-SUCH-FIRM", ["firm", "NO-SUCH-FIRM"], 404)
        self.same_error(q("/api/presence", chain=CHAIN, node="no_such_link"),
                        ["presence", "--chain", CHAIN, "--node", "no_such_link"], 404)
        self.same_error("/api/chains/nochain", ["chains", "show", "nochain"], 404)

    def test_bad_parameters(self):
        self.same_error(q("/api/gaps", region=REGION, top="-1"), ["gaps", "--region", REGION, "--top", "-1"], 400)
        self.same_error(q("/api/targets", region=REGION, top="x"), ["targets", "--region", REGION, "--top", "x"], 400)
        self.same_error(q("/api/targets", region=REGION, gap_fill="abc"),
                        ["targets", "--region", REGION, "--param", "gap_fill=abc"], 400)
        self.same_error(q("/api/targets", region=REGION, no_such_weight="1"),
                        ["targets", "--region", REGION, "--param", "no_such_weight=1"], 400)
        self.same_error(q("/api/targets", region=REGION, gap_fill="-1"),
                        ["targets", "--region", REGION, "--param", "gap_fill=-1"], 400)
        self.same_error(q("/api/gaps", region=REGION, reach_weight="7"),
                        ["gaps", "--region", REGION, "--param", "reach_weight=7"], 400)
        # a key that is no option is a --param assignment where the command takes them, else refused
        self.same_error(q("/api/gaps", region=REGION, bogus="1"), ["gaps", "--region", REGION, "--param", "bogus=1"], 400)
        self.same_error(q("/api/regions", bogus="1"), ["regions", "--bogus", "1"], 400)
        self.same_error(q("/api/presence", chain=CHAIN, node=self.node, level="-2"),
                        ["presence", "--chain", CHAIN, "--node", self.node, "--level", "-2"], 400)
        self.same_error(q("/api/gaps", chain=CHAIN), ["gaps", "--chain", CHAIN], 400)
        self.same_error(q("/api/targets", region=REGION, from_regions="atlantis"),
                        ["targets", "--region", REGION, "--from-regions", "atlantis"], 400)
        # options that would name server files or formats are refused
        for key in ("data", "weights", "out", "format", "catalogue"):
            status, _, got = self.server.request("GET", q("/api/targets", region=REGION, **{key: "/etc/passwd"}))
            self.assertEqual(status, 400, key)
            self.assertIn("not accepted over HTTP", json.loads(got)["error"])

    def test_bad_bodies_and_methods(self):
        status, ctype, got = self.server.request("POST", "/api/whatif", body=b'{"region": "500000", "add": [')
        self.assertEqual(status, 400)
        self.assertTrue(json.loads(got)["error"].startswith("malformed JSON body"))
        status, _, got = self.server.request("POST", "/api/whatif", body=b'[1,2]')
        self.assertEqual(status, 400)
        # read like every JSON input (docs/formats.md): a body nested 200k deep once overflowed the
        # parser's stack and took the server down; duplicate keys and bytes that are not UTF-8 are refused
        deep = b'{"region": ' + b"[" * 200000 + b"]" * 200000 + b"}"
        status, _, got = self.server.request("POST", "/api/whatif", body=deep)
        self.assertEqual(status, 400)
        self.assertEqual(json.loads(got)["error"], "malformed JSON body: nested deeper than 64 levels (line 1)")
        status, _, got = self.server.request("POST", "/api/whatif", body=b'{"region": "500000", "region": "x", "add": ["a"]}')
        self.assertEqual(status, 400)
        self.assertIn('duplicate key "region"', json.loads(got)["error"])
        status, _, got = self.server.request("POST", "/api/whatif", body=b'{"region": "\xbc\xd7", "add": ["a"]}')
        self.assertEqual(status, 400)
        self.assertIn("GBK/GB18030", json.loads(got)["error"])
        status, _, got = self.server.request("POST", "/api/whatif", body=json.dumps({"region": REGION, "add": {"x": 1}}))
        self.assertEqual(status, 400)
        self.same_error("/api/whatif", ["whatif", "--region", REGION, "--add", "NO-SUCH-FIRM"], 400, method="POST",
                        body=json.dumps({"region": REGION, "add": ["NO-SUCH-FIRM"]}))
        big = json.dumps({"region": REGION, "add": ["x" * 100] * 20000}).encode()
        self.assertGreater(len(big), 1 << 20)
        status, ctype, got = self.server.request("POST", "/api/whatif", body=big)
        self.assertEqual(status, 413)
        self.assertIn("too large", json.loads(got)["error"])
        status, _, got = self.server.request("GET", "/api/whatif")
        self.assertEqual(status, 405)
        status, _, got = self.server.request("POST", q("/api/gaps", region=REGION), body=b"{}")
        self.assertEqual(status, 405)
        status, _, got = self.server.request("DELETE", "/api/regions")
        self.assertEqual(status, 405)
        status, _, got = self.server.request("GET", "/api/no-such-endpoint")
        self.assertEqual(status, 404)
        self.assertIn("error", json.loads(got))

    # ---- static files stay inside the web folder ------------------------------------------------
    def test_static(self):
        status, ctype, got = self.server.request("GET", "/")
        self.assertEqual(status, 200)
        self.assertTrue(ctype.startswith("text/html"))
        self.assertIn(b"<title>chaingap</title>", got)
        status, ctype, got = self.server.request("GET", "/assets/app.js")
        self.assertEqual((status, got), (200, b"console.log(1);\n"))
        self.assertTrue(ctype.startswith("text/javascript"))
        for path in ["/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd",
                     "/assets/..%2f..%2fsecret.txt", "/assets/%2e%2e%2f%2e%2e%2fsecret.txt", "/..%5csecret.txt",
                     "/assets%5c..%5c..%5csecret.txt", "/%252e%252e/secret.txt", "/link.txt", "/linkdir/secret.txt",
                     "/.%2e/secret.txt", "/assets/./../../etc/passwd", "//etc/passwd", "/%00index.html"]:
            status, body = self.server.raw("GET " + path + " HTTP/1.1")
            self.assertIn(status, (400, 403, 404), path)
            self.assertNotIn(b"SECRET-OUTSIDE-WEB", body, path)
            self.assertNotIn(b"root:", body, path)
        # the files are there: only the server refuses them
        self.assertTrue(os.path.exists(os.path.join(self.web, "link.txt")))

    # ---- concurrency -----------------------------------------------------------------------------
    def test_concurrent(self):
        cases = [
            (q("/api/gaps", region=REGION, chain=CHAIN), ["gaps", "--region", REGION, "--chain", CHAIN]),
            (q("/api/gaps", region="310000"), ["gaps", "--region", "310000"]),
            (q("/api/targets", region=REGION, chain=CHAIN, top=30), ["targets", "--region", REGION, "--chain", CHAIN, "--top", "30"]),
            (q("/api/targets", region="110000", gap_fill="0.3"), ["targets", "--region", "110000", "--param", "gap_fill=0.3"]),
            ("/api/regions", ["regions"]),
        ]
        expected = {}
        for path, args in cases:
            code, out, err = cli(*args)
            self.assertEqual(code, 0, err)
            expected[path] = out
        jobs = [cases[i % len(cases)][0] for i in range(60)]
        with concurrent.futures.ThreadPoolExecutor(max_workers=12) as pool:
            results = list(pool.map(lambda p: (p, self.server.request("GET", p)), jobs))
        self.assertEqual(len(results), 60)
        for path, (status, _, body) in results:
            self.assertEqual(status, 200, path)
            self.assertEqual(body, expected[path], path)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
