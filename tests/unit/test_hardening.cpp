// Hostile and edge-case inputs (encodings, line endings, paths, nesting, huge numbers, control
// characters, outputs that are inputs): each case is refused with one clear line, or handled as
// docs/formats.md says. Every case here failed or misbehaved before its fix.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "chaingap/analysis/params.hpp"
#include "chaingap/core/encoding.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/core/text_table.hpp"
#include "chaingap/load/csv.hpp"
#include "chaingap/rank/params.hpp"
#include "chaingap/report/gaps.hpp"
#include "chaingap/report/report.hpp"
#include "chaingap/report/targets.hpp"
#include "chaingap/synth/generate.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <cstdlib>
#include <random>
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;

namespace {
// The JSON / table of the report model (report/), as the CLI renders them.
[[maybe_unused]] std::string gaps_to_json(const Dataset& ds, const GapReport& r) { return json_text(gaps_report(ds, r)); }
[[maybe_unused]] std::string targets_to_json(const Dataset& ds, const TargetList& l, std::size_t top) {
    return json_text(targets_report(ds, l, top));
}
[[maybe_unused]] std::string targets_to_table(const Dataset& ds, const TargetList& l, std::size_t top) {
    return render(targets_report(ds, l, top), "table");
}
[[maybe_unused]] std::string whatif_to_json(const Dataset& ds, const WhatIfResult& w) { return json_text(whatif_report(ds, w)); }
}  // namespace
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {
void write_valid(const TempDir& d) {
    d.write("chains/toy.json", kToyChainJson);
    d.write("enterprises.csv", "id,name,region,revenue\nE1,甲,500236,100\nE2,乙,310000,\n");
    d.write("attachments.csv", "enterprise,chain,node,weight\nE1,toy,raw,1\nE2,toy,a,0.5\n");
}
std::string load_error(const std::string& dir, LoadOptions o = LoadOptions{""}) {
    try {
        load_dataset(dir, o);
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}
std::string csv_error(const std::string& text) {
    try {
        CsvTable::parse(text, "t.csv");
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}
}  // namespace

// --- encodings -----------------------------------------------------------------------------------

TEST_CASE("CSV: GBK/GB18030 text is refused, naming the encoding and the line", "[hardening]") {
    // "id,name\n1,甲\n2,乙" with the names in GBK (甲 = BC D7, 乙 = D2 D2).
    const std::string gbk = "id,name\n1,\xBC\xD7\n2,\xD2\xD2\n";
    const std::string e = csv_error(gbk);
    CHECK_THAT(e, Contains("t.csv:2:") && Contains("not valid UTF-8") && Contains("GBK/GB18030"));
}

TEST_CASE("CSV: invalid UTF-8 that is not GBK is refused without guessing", "[hardening]") {
    const std::string e = csv_error("id,name\n1,ok\n2,\xC3\x28\n");  // C3 not followed by a continuation byte
    CHECK_THAT(e, Contains("t.csv:3:") && Contains("not valid UTF-8 (byte 0xC3)"));
    CHECK_THAT(csv_error("a\n\xED\xA0\x80\n"), Contains("not valid UTF-8"));   // a UTF-16 surrogate
    CHECK_THAT(csv_error("a\n\xC0\xAF\n"), Contains("not valid UTF-8"));       // overlong '/'
    CHECK_THAT(csv_error("a\n\xF4\x90\x80\x80\n"), Contains("not valid UTF-8"));  // above U+10FFFF
    CHECK(csv_error("a\n\xF0\x9F\x98\x80\n") == "(no error)");                  // U+1F600 is fine
}

TEST_CASE("CSV: UTF-16 is refused saying it is UTF-16", "[hardening]") {
    std::string le = "\xFF\xFE";
    for (char c : std::string("a,b\n1,2\n")) le += std::string{c, '\0'};
    CHECK_THAT(csv_error(le), Contains("t.csv: the file is UTF-16LE, not UTF-8"));
    std::string be_no_bom;
    for (char c : std::string("a,b\n1,2\n")) be_no_bom += std::string{'\0', c};
    CHECK_THAT(csv_error(be_no_bom), Contains("UTF-16BE"));
}

TEST_CASE("CSV: a NUL byte is refused with its line", "[hardening]") {
    CHECK_THAT(csv_error(std::string("id,name\n1,a\n2,b\0c\n", 17)), Contains("t.csv:3:") && Contains("NUL byte"));
}

TEST_CASE("chain JSON and enterprises in GBK are refused by the loader", "[hardening]") {
    TempDir d;
    write_valid(d);
    d.write("enterprises.csv", "id,name,region\nE1,\xBC\xD7,500236\nE2,x,310000\n");
    CHECK_THAT(load_error(d.str()), Contains("enterprises.csv:2:") && Contains("GBK/GB18030"));
}

// --- line endings --------------------------------------------------------------------------------

TEST_CASE("CSV: CR-only line endings count lines", "[hardening]") {
    CsvTable t = CsvTable::parse("id,name\r1,a\r2,\"two\rlines\"\r3,c\r", "t.csv");
    REQUIRE(t.rows() == 3);
    CHECK(t.line_of(0) == 2);
    CHECK(t.line_of(1) == 3);
    CHECK(t.line_of(2) == 5);
    CHECK_THAT(csv_error("a,b\r1,2\r3\r"), Contains("t.csv:3:") && Contains("expected 2 fields"));
    CHECK_THAT(csv_error("a,b\r1,2\r\r3,4\r"), Contains("t.csv:3:") && Contains("blank line"));
}

// --- paths ---------------------------------------------------------------------------------------

TEST_CASE("a folder named enterprises.csv is called a folder, not an empty file", "[hardening]") {
    TempDir d;
    write_valid(d);
    fs::remove(d.path() / "enterprises.csv");
    fs::create_directory(d.path() / "enterprises.csv");
    CHECK_THAT(load_error(d.str()), Contains("enterprises.csv: is a folder, not a file"));
}

TEST_CASE("a dataset path naming a file says it is a file", "[hardening]") {
    TempDir d;
    write_valid(d);
    const std::string file = (d.path() / "enterprises.csv").string();
    CHECK_THAT(load_error(file), Contains("enterprises.csv: is a file, not a dataset folder"));
    CHECK_THAT(load_error((d.path() / "nothing").string()), Contains("nothing: dataset folder does not exist"));
}

TEST_CASE("symbolic-link loops are named, also for optional files", "[hardening]") {
    TempDir d;
    write_valid(d);
    fs::create_symlink(d.path() / "loop", d.path() / "loop");
    CHECK_THAT(load_error((d.path() / "loop").string()), Contains("loop: symbolic-link loop"));
    fs::create_symlink(d.path() / "relations.csv", d.path() / "relations.csv");
    CHECK_THAT(load_error(d.str()), Contains("relations.csv: symbolic-link loop"));
}

TEST_CASE("a catalogue folder that does not exist is an error", "[hardening]") {
    TempDir d;
    write_valid(d);
    LoadOptions o;
    o.catalogue_dir = (d.path() / "no_such_catalogue").string();
    CHECK_THAT(load_error(d.str(), o), Contains("no_such_catalogue: chain catalogue folder does not exist"));
}

TEST_CASE("no output may be an input", "[hardening]") {
    TempDir d;
    write_valid(d);
    const std::string ent = (d.path() / "enterprises.csv").string();
    const std::string before = read_text(ent);
    const std::vector<std::string> inputs = {d.str(), ent, (d.path() / "attachments.csv").string()};
    // the same file, spelled differently
    const std::string other_spelling = (d.path() / "chains" / ".." / "enterprises.csv").string();
    CHECK_THROWS_WITH(check_output_not_input(other_spelling, inputs), Contains("would overwrite an input file"));
    fs::create_symlink(ent, d.path() / "link.csv");
    CHECK_THROWS_WITH(check_output_not_input((d.path() / "link.csv").string(), inputs), Contains("would overwrite"));
    CHECK_NOTHROW(check_output_not_input((d.path() / "new.json").string(), inputs));
    CHECK_NOTHROW(check_output_not_input("-", inputs));
    CHECK(read_text(ent) == before);
}

TEST_CASE("write_output refuses a folder and leaves nothing behind", "[hardening]") {
    TempDir d;
    fs::create_directory(d.path() / "out");
    CHECK_THROWS_WITH(write_output((d.path() / "out").string(), "x"), Contains("is a folder"));
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(d.path())) ++entries;
    CHECK(entries == 1);
}

// --- JSON: nesting, duplicate keys, NUL, trailing data, positions ----------------------------------

namespace {
std::string chain_error(const std::string& json) {
    TempDir d;
    write_valid(d);
    d.write("chains/toy.json", json);
    return load_error(d.str());
}
std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }
}  // namespace

TEST_CASE("chain JSON nested 90k levels deep is refused, not a crash", "[hardening]") {
    std::string json = kToyChainJson;
    json.insert(json.find("\"nodes\""), "\"extra\": " + nested(90000) + ",\n  ");
    CHECK_THAT(chain_error(json), Contains("toy.json:") && Contains("nested deeper than 64 levels"));
    // 60 levels in an unknown field are kept as they are
    std::string ok = kToyChainJson;
    ok.insert(ok.find("\"nodes\""), "\"extra\": " + nested(60) + ",\n  ");
    CHECK(chain_error(ok) == "(no error)");
}

TEST_CASE("duplicate JSON keys are errors (the second value would go unchecked)", "[hardening]") {
    std::string json = kToyChainJson;
    const std::string from = R"({"id": "raw", "name": "原料", "stage": "upstream"})";
    json.replace(json.find(from), from.size(), R"({"id": "raw", "name": "原料", "weight": 0.5, "weight": 7})");
    CHECK_THAT(chain_error(json), Contains("toy.json:4:") && Contains("duplicate key \"weight\""));
}

TEST_CASE("anything after a NUL byte or after the document is refused", "[hardening]") {
    CHECK_THAT(chain_error(std::string(kToyChainJson) + std::string("\0{\"junk\": 1}", 12)), Contains("NUL byte"));
    CHECK_THAT(chain_error(std::string(kToyChainJson) + "\n{\"junk\": 1}"), Contains("malformed JSON"));
}

TEST_CASE("chain ids follow [a-z0-9_]+", "[hardening]") {
    std::string json = kToyChainJson;
    json.replace(json.find("\"toy\""), 5, "\"..\"");
    CHECK_THAT(chain_error(json), Contains("field 'id': must be ASCII lower-case letters, digits or '_' ([a-z0-9_]+): '..'"));
    std::string node = kToyChainJson;
    node.replace(node.find("\"raw\""), 5, "\"a/b\"");
    CHECK_THAT(chain_error(node), Contains("field 'nodes[0].id'") && Contains("[a-z0-9_]+"));
}

TEST_CASE("a node without id and an edge without from are reported on their own line", "[hardening]") {
    std::string json = kToyChainJson;
    const std::string node = R"({"id": "mid1", "name": "中间一", "stage": "midstream"})";
    json.replace(json.find(node), node.size(), R"({"name": "中间一", "stage": "midstream"})");
    // mid1 is the fifth node, on line 8 of kToyChainJson; the next node is on line 9
    CHECK_THAT(chain_error(json), Contains("toy.json:8: field 'nodes[4].id': required field is missing"));
    std::string edge = kToyChainJson;
    edge.replace(edge.find(R"({"from": "side", )"), 17, "{");
    CHECK_THAT(chain_error(edge), Contains("toy.json:15: field 'edges[4].from': required field is missing"));
}

TEST_CASE("an unknown cluster kind is refused", "[hardening]") {
    TempDir d;
    write_valid(d);
    d.write("chains/clusters.json", R"({"clusters": [
  {"id": "c1", "name": "甲", "kind": "field", "chains": ["toy"]},
  {"id": "c2", "name": "乙", "kind": "fiel", "chains": ["toy"]}]})");
    CHECK_THAT(load_error(d.str()), Contains("clusters.json:3: field 'clusters[1].kind': must be 'field', 'initiative' or '33618', got 'fiel'"));
}

TEST_CASE("a cycle of flow edges is refused, naming the cycle", "[hardening]") {
    std::string json = kToyChainJson;
    const std::string last = R"({"from": "side", "to": "final"})";
    json.replace(json.find(last), last.size(), last + R"(, {"from": "final", "to": "mid1"})");
    CHECK_THAT(chain_error(json), Contains("toy.json:15: field 'edges[5]': flow edges form a cycle (mid1 -> mid2 -> final -> mid1)"));
}

// --- the weights file --------------------------------------------------------------------------------

TEST_CASE("weights file: deep nesting and duplicate keys are refused", "[hardening]") {
    TempDir d;
    d.write("deep.json", "{\"gap_fill\": " + nested(100000) + "}");
    CHECK_THROWS_WITH(read_rank_weights((d.path() / "deep.json").string()), Contains("deep.json:1:") && Contains("nested deeper than 64"));
    d.write("dup.json", "{\n  \"size\": 0.5,\n  \"size\": 500\n}\n");
    CHECK_THROWS_WITH(read_rank_weights((d.path() / "dup.json").string()), Contains("dup.json:3:") && Contains("duplicate key \"size\""));
    d.write("ok.json", "{\n  \"size\": 0.5,\n  \"quality\": 2\n}\n");
    const RankParams p = read_rank_weights((d.path() / "ok.json").string());
    CHECK(p.size == 0.5);
    CHECK(p.quality == 2);
    d.write("bad.json", "{\n  \"size\": 0.5,\n  \"quality\": \"x\"\n}\n");
    CHECK_THROWS_WITH(read_rank_weights((d.path() / "bad.json").string()), Contains("bad.json:3: field 'quality'"));
}

// --- numbers stay finite -------------------------------------------------------------------------

TEST_CASE("revenues that would sum to infinity are refused", "[hardening]") {
    TempDir d;
    write_valid(d);
    d.write("enterprises.csv", "id,name,region,revenue\nE1,甲,500236,1e308\nE2,乙,310000,1e308\n");
    CHECK_THAT(load_error(d.str()), Contains("enterprises.csv:2: field 'revenue': revenue (万元) above 1e12"));
    // the largest accepted values still give finite, valid JSON
    d.write("enterprises.csv", "id,name,region,revenue\nE1,甲,500236,1e12\nE2,乙,310000,1e12\n");
    d.write("relations.csv", "from,to,type,weight\nE1,E2,supply,1e6\nE2,E1,supply,1e6\n");
    Dataset ds = load_isolated(d.str());
    const GapReport rep = analyze_gaps(ds, *ds.regions.find("500000"), std::nullopt, GapParams{});
    const std::string json = json_text(gaps_report(ds, rep));
    rapidjson::Document doc;
    doc.Parse(json.c_str(), json.size());
    CHECK_FALSE(doc.HasParseError());
    CHECK(json.find("nan") == std::string::npos);
    CHECK(json.find("inf") == std::string::npos);
}

TEST_CASE("relation weights are bounded, self-relations refused", "[hardening]") {
    TempDir d;
    write_valid(d);
    d.write("relations.csv", "from,to,type,weight\nE1,E2,supply,1e308\n");
    CHECK_THAT(load_error(d.str()), Contains("relations.csv:2: field 'weight': must be in (0, 1e6]"));
    d.write("relations.csv", "from,to,type\nE1,E2,supply\nE2,E2,supply\n");
    CHECK_THAT(load_error(d.str()), Contains("relations.csv:3: field 'to': relation from an enterprise to itself"));
}

TEST_CASE("regions: weight 0 and ids with blanks are refused", "[hardening]") {
    TempDir d;
    write_valid(d);
    d.write("regions.csv", "id,name,parent,weight\n500236,奉节县,,0\n310000,上海,,\n");
    CHECK_THAT(load_error(d.str()), Contains("regions.csv:2: field 'weight': must be a share in (0, 1]"));
    std::filesystem::remove(d.path() / "regions.csv");
    d.write("enterprises.csv", "id,name,region\nE1,甲,500 236\nE2,乙,310000\n");
    CHECK_THAT(load_error(d.str()), Contains("enterprises.csv:2: field 'region': region id '500 236' contains a blank"));
}

// --- control characters never reach the terminal ------------------------------------------------

TEST_CASE("control characters in names are escaped in tables and error lines", "[hardening]") {
    TextTable t({"名称"}, {false});
    t.add_row({"\x1b[2J坏\x9b"});  // ESC, then a stray byte
    t.add_row({"\xc2\x9b" "31m"});  // U+009B, the 8-bit CSI
    const std::string r = t.render();
    CHECK(r.find('\x1b') == std::string::npos);
    CHECK(r.find("\xc2\x9b") == std::string::npos);
    CHECK_THAT(r, Contains("\\x1b[2J坏\\x9b") && Contains("\\u009b31m"));
    const InputError e("f.csv", 3, "name", "unknown region '\x1b[31mX\nY'");
    CHECK(std::string(e.what()) == "f.csv:3: field 'name': unknown region '\\x1b[31mX\\x0aY'");

    TempDir d;
    write_valid(d);
    d.write("enterprises.csv", "id,name,region,revenue\nE1,甲,500236,100\nE2,\"\x1b]0;pwned\x07乙\",310000,50\n");
    Dataset ds = load_isolated(d.str());
    TargetQuery q;
    q.region = *ds.regions.find("500000");
    const TargetList list = rank_targets(ds, q);
    REQUIRE_FALSE(list.targets.empty());
    const std::string table = render(targets_report(ds, list, 10), "table");
    CHECK(table.find('\x1b') == std::string::npos);
    CHECK(table.find('\x07') == std::string::npos);
    CHECK_THAT(table, Contains("\\x1b]0;pwned\\x07乙"));
}

TEST_CASE("generate --out naming an existing file is one clear error", "[hardening]") {
    TempDir d;
    d.write("file.txt", "x");
    const Dataset ds = synthetic_dataset(50, 1);
    CHECK_THROWS_WITH(write_dataset_csv(ds, (d.path() / "file.txt").string()), Contains("file.txt: exists and is not a folder"));
    CHECK(read_text((d.path() / "file.txt").string()) == "x");
}

// --- determinism over row order ------------------------------------------------------------------

namespace {
std::string shuffled_rows(const std::string& csv, std::uint64_t seed) {
    std::vector<std::string> lines;
    std::size_t start = csv.find('\n') + 1;
    const std::string header = csv.substr(0, start);
    for (std::size_t at = start; at < csv.size();) {
        std::size_t nl = csv.find('\n', at);
        lines.push_back(csv.substr(at, nl - at + 1));
        at = nl + 1;
    }
    std::mt19937_64 rng(seed);
    std::shuffle(lines.begin(), lines.end(), rng);
    std::string out = header;
    for (const auto& l : lines) out += l;
    return out;
}
}  // namespace

TEST_CASE("results do not depend on the row order of any CSV (fractional weights)", "[hardening]") {
    // 40 firms in two provinces; fractional revenues, attachment and relation weights.
    std::string ent = "id,name,region,revenue\n", att = "enterprise,chain,node,weight\n", rel = "from,to,type,weight\n";
    std::string reg = "id,name,parent,weight\n500000,重庆,,\n500236,奉节,500000,\n310000,上海,,0.3\n";
    const char* nodes[] = {"raw", "a", "b", "mid1", "mid2", "side", "final"};
    for (int i = 0; i < 40; ++i) {
        const std::string id = "E" + std::to_string(100 + i);
        ent += id + ",企业" + std::to_string(i) + "," + (i % 3 == 0 ? "500236" : i % 3 == 1 ? "500000" : "310000") + "," +
               std::to_string(10.1 + i * 7.3) + "\n";
        att += id + ",toy," + nodes[i % 7] + "," + std::to_string(0.1 + 0.1 * (i % 9)) + "\n";
        if (i % 3 != 2) att += id + ",toy," + nodes[(i + 3) % 7] + ",0.3\n";
        for (int k = 1; k <= 6; ++k)
            rel += id + ",E" + std::to_string(100 + (i + k * 5) % 40) + "," + (k % 2 ? "supply" : "invest") + "," +
                   std::to_string(0.1 * k + 0.01 * (i % 7)) + "\n";
    }
    auto run = [&](std::uint64_t seed) {
        TempDir d;
        d.write("chains/toy.json", kToyChainJson);
        d.write("enterprises.csv", seed ? shuffled_rows(ent, seed) : ent);
        d.write("attachments.csv", seed ? shuffled_rows(att, seed + 1) : att);
        d.write("relations.csv", seed ? shuffled_rows(rel, seed + 2) : rel);
        d.write("regions.csv", seed ? shuffled_rows(reg, seed + 3) : reg);
        Dataset ds = load_isolated(d.str());
        TargetQuery q;
        q.region = *ds.regions.find("500000");
        const TargetList list = rank_targets(ds, q);
        return json_text(gaps_report(ds, analyze_gaps(ds, q.region, std::nullopt, GapParams{}))) + json_text(targets_report(ds, list, 0));
    };
    const std::string reference = run(0);
    for (std::uint64_t seed = 1; seed <= 6; ++seed) CHECK(run(seed) == reference);
}

TEST_CASE("an --out naming an input file is refused and the input survives", "[hardening][cli]") {
    TempDir d;
    write_valid(d);
    const std::string ent = (d.path() / "enterprises.csv").string();
    const std::string before = read_text(ent);
    auto r = run_cli("gaps --data '" + d.str() + "' --catalogue '' --region 500000 --format csv --out '" + ent + "'");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("enterprises.csv: the output would overwrite an input file"));
    CHECK(read_text(ent) == before);
    d.write("w.json", "{\"size\": 0.5}");
    const std::string w = (d.path() / "w.json").string();
    r = run_cli("targets --data '" + d.str() + "' --catalogue '' --region 500000 --weights '" + w + "' --format json --out '" + w + "'");
    CHECK(r.exit_code == 2);
    CHECK(read_text(w) == "{\"size\": 0.5}");
}

TEST_CASE("xlsx: a cell over 32,767 characters is cut and marked, not dropped", "[hardening][xlsx]") {
    Report rep;
    rep.tables = [] {
        Table t;
        t.name = "t";
        t.columns = {Column{"note", "说明"}};
        t.add({Cell::str(std::string(40000, 'x'))});
        t.add({Cell::str("短")});
        return std::vector<Table>{t};
    };
    TempDir d;
    const std::string path = (d.path() / "t.xlsx").string();
    write_output(path, render(rep, "xlsx"));
    // python3 is in the README install line (python3-dev); its zipfile reads the workbook's strings
    FILE* p = ::popen(("python3 -c \"import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1])"
                       ".read('xl/sharedStrings.xml').decode())\" '" + path + "'").c_str(), "r");
    REQUIRE(p != nullptr);
    std::string xml;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) xml.append(buf, n);
    ::pclose(p);
    CHECK_THAT(xml, Contains(std::string(30000, 'x') + "…（截断 truncated）"));
    CHECK_THAT(xml, Contains("短"));
}

// --- usage errors: control characters escaped like input errors -------------------------------

TEST_CASE("usage errors escape control characters (one line, nothing raw reaches the terminal)", "[hardening]") {
    const UsageError u("unknown region '\x1b[2J\x07X\nY'");
    CHECK(std::string(u.what()) == "unknown region '\\x1b[2J\\x07X\\x0aY'");
    const NotFoundError n("unknown chain '\xc2\x9b" "31m甲'");
    CHECK(std::string(n.what()) == "unknown chain '\\u009b31m甲'");

    TempDir d;
    write_valid(d);
    // an unknown region (the data cannot answer) and an unknown option (parsing), both quoting argv
    for (const std::string& args : {"gaps --data '" + d.str() + "' --catalogue '' --region '\x1b[31m坏\x1b]0;t\x07'",
                                    "gaps --data '" + d.str() + "' --catalogue '' --\x1b[2Jx 1"}) {
        const auto r = run_cli(args);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find('\x1b') == std::string::npos);
        CHECK(r.err.find('\x07') == std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK_THAT(r.err, Contains("\\x1b"));
    }
}

// --- import: --out must not be (or hold) the source folder, even with --force --------------------

TEST_CASE("import --out naming the source folder, or a folder holding it, is refused even with --force", "[hardening][cli]") {
    TempDir d;
    // the smallest ETO folder the importer accepts: one stage, one input, one firm with a share
    d.write("eto/stages.csv", "stage_id,stage_name,description\nS1,Design,x\n");
    d.write("eto/inputs.csv", "input_id,input_name,type,stage_id,description,year\nN1,Chip design,process,S1,,\n");
    d.write("eto/sequence.csv", "input_name,input_id,goes_into_name,goes_into_id,is_type_of_name,is_type_of_id\n");
    d.write("eto/providers.csv", "provider_name,alias,provider_id,provider_type,country\n"
                                 "USA,United States,P1,country,\nIntel,,P14,organization,USA\n");
    d.write("eto/provision.csv", "provider_name,provider_id,provided_name,provided_id,share_provided,year,source\n"
                                 "x,P14,x,N1,70,2022,\n");
    const std::string src = (d.path() / "eto").string();
    const std::string provision = read_text(src + "/provision.csv");
    // the folder imports (so a refusal below is about --out, not about the input)
    const auto ok = run_cli("import eto '" + src + "' --out '" + (d.path() / "ok").string() + "' --catalogue ''");
    REQUIRE(ok.exit_code == 0);
    for (const std::string& out : {src, src + "/", (d.path() / "eto" / ".." / "eto").string(), d.str()}) {
        INFO("--out " << out);
        const auto r = run_cli("import eto '" + src + "' --out '" + out + "' --force --catalogue ''");
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Contains("the input folder '" + src + "': the import would delete it"));
        REQUIRE(fs::exists(src + "/provision.csv"));
        CHECK(read_text(src + "/provision.csv") == provision);
        CHECK(fs::exists(d.path() / "ok" / "attachments.csv"));
    }
    // the catalogue is an input too
    d.write("cat/toy.json", kToyChainJson);
    const std::string cat = (d.path() / "cat").string();
    const auto r = run_cli("import eto '" + src + "' --out '" + cat + "' --force --catalogue '" + cat + "'");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("is the input folder '" + cat + "'"));
    CHECK(fs::exists(d.path() / "cat" / "toy.json"));
}

TEST_CASE("import firms: --out holding any registry file or --division, or --reject naming an input, is refused", "[hardening][cli][firms]") {
    TempDir d;
    const std::string fixture = source_dir() + "/tests/firms";
    fs::create_directories(d.path() / "in" / "division");
    for (const char* f : {"fengjie_registry.csv", "chongqing_registry.xlsx"})
        fs::copy_file(fixture + "/" + f, d.path() / "in" / f);
    for (const auto& e : fs::directory_iterator(fixture + "/division"))
        fs::copy_file(e.path(), d.path() / "in" / "division" / e.path().filename());
    const std::string in = (d.path() / "in").string();
    const std::string second = in + "/chongqing_registry.xlsx";
    const std::string first = (d.path() / "first.csv").string();
    fs::copy_file(fixture + "/fengjie_registry.csv", first);
    // the files import (so a refusal below is about --out or --reject, not about the input)
    const auto ok = run_cli("import firms '" + first + "' '" + second + "' --division '" + in + "/division' --out '" +
                            (d.path() / "ok").string() + "'");
    REQUIRE(ok.exit_code == 0);
    const auto bytes = fs::file_size(second);
    // --out holds the second file (not the first) and the division folder
    const auto r = run_cli("import firms '" + first + "' '" + second + "' --division '" + in + "/division' --out '" + in +
                           "' --force");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("the import would delete it"));
    REQUIRE(fs::exists(second));
    CHECK(fs::file_size(second) == bytes);
    // --reject naming an input file
    const auto j = run_cli("import firms '" + first + "' --division '" + in + "/division' --out '" +
                           (d.path() / "out2").string() + "' --reject '" + first + "'");
    CHECK(j.exit_code == 2);
    CHECK(fs::file_size(first) == fs::file_size(fixture + "/fengjie_registry.csv"));
    CHECK_FALSE(fs::exists(d.path() / "out2"));
}

// --- xlsx: the library's own error line stays off the terminal -----------------------------------

TEST_CASE("xlsx: a failed workbook write is one error line, libxlsxwriter's own line suppressed", "[hardening][xlsx][cli]") {
    TempDir d;
    write_valid(d);
    fs::create_directory(d.path() / "tmp");
    const std::string out = (d.path() / "t.xlsx").string(), err = (d.path() / "err").string();
    // A file-size limit of one block with SIGXFSZ ignored: every write past it fails (EFBIG), so
    // libxlsxwriter cannot write the workbook's parts. Its temporary files go to TMPDIR.
    const std::string cmd = "TMPDIR='" + (d.path() / "tmp").string() + "' sh -c \"trap '' XFSZ; ulimit -f 1; exec '" +
                            CHAINGAP_CLI + "' targets --data '" + d.str() + "' --catalogue '' --region 500000 --format xlsx --out '" +
                            out + "'\" 2>'" + err + "' >/dev/null";
    const int status = std::system(cmd.c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 2);
    const std::string e = read_text(err);
    CHECK(std::count(e.begin(), e.end(), '\n') == 1);
    CHECK_THAT(e, Contains("chaingap targets: error: ") && Contains("cannot write the workbook"));
    CHECK_FALSE(fs::exists(out));
    CHECK(fs::is_empty(d.path() / "tmp"));  // the temporary workbook is removed
}

// --- parameter range errors: the value as given, not six decimals ----------------------------------

TEST_CASE("parameter range errors show the value and the bounds as numbers that read back", "[hardening]") {
    // std::to_string showed 1e-308 as 0.000000 against a bound of "0.000000", and 1e308 as 309 digits
    GapParams g;
    CHECK_THROWS_WITH(set_gap_param(g, "weak_rca", 1e-308), "parameter weak_rca = 1e-308 is out of range [1e-09, 100]");
    CHECK_THROWS_WITH(set_gap_param(g, "reach_weight", 1e308), Contains("reach_weight = 1e+308 is out of range ["));
    RankParams r;
    CHECK_THROWS_WITH(set_rank_param(r, "gap_fill", 0.0), "ranking parameter gap_fill = 0 is out of range [1e-09, 100]");
    CHECK_THROWS_WITH(set_rank_param(r, "size", 100.5), "ranking parameter size = 100.5 is out of range [0, 100]");
}
