#include <catch2/catch.hpp>
#include <filesystem>

#include "support/fixture.hpp"

using namespace chaingap::test;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {
std::string demo() { return "'" + source_dir() + "/data/demo'"; }
}

TEST_CASE("gaps on the demo writes every format", "[cli]") {
    auto table = run_cli("gaps --data " + demo() + " --region 500000 --chain semiconductor");
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.out, Contains("半导体 (semiconductor)") && Contains("刻蚀设备"));
    auto json = run_cli("gaps --data " + demo() + " --region 500000 --format json");
    REQUIRE(json.exit_code == 0);
    CHECK_THAT(json.out, Contains("\"region\": \"500000\"") && Contains("\"gap_score\"") && Contains("\"reason\""));
    TempDir t;
    const std::string out = (t.path() / "gaps.csv").string();
    auto csv = run_cli("gaps --data " + demo() + " --region 500236 --format csv --bom --out '" + out + "'");
    REQUIRE(csv.exit_code == 0);
    CHECK(csv.out.empty());
    const std::string text = read_text(out);
    CHECK(text.rfind("\xEF\xBB\xBFregion,chain,node,", 0) == 0);
}

TEST_CASE("a bad dataset exits 2 with one line and leaves no output file", "[cli]") {
    TempDir d;
    d.write("chains/toy.json", kToyChainJson);
    d.write("enterprises.csv", "id,name,region,revenue\nE1,甲,500000,abc\n");
    d.write("attachments.csv", "enterprise,chain,node\nE1,toy,raw\n");
    const std::string out = (d.path() / "out.json").string();
    auto r = run_cli("gaps --data '" + d.str() + "' --catalogue '' --region 500000 --format json --out '" + out + "'");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("enterprises.csv:2: field 'revenue': not a number: 'abc'"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(fs::exists(out));
    for (const auto& e : fs::directory_iterator(d.path())) CHECK(e.path().filename().string().find(".tmp.") == std::string::npos);
}

TEST_CASE("usage errors exit 2 and name the problem", "[cli]") {
    CHECK_THAT(run_cli("gaps --data " + demo() + " --region 999999").err, Contains("unknown region '999999'"));
    CHECK(run_cli("gaps --data " + demo() + " --region 999999").exit_code == 2);
    CHECK_THAT(run_cli("gaps --data " + demo() + " --region 500000 --chain nope").err, Contains("unknown chain 'nope'"));
    CHECK_THAT(run_cli("gaps --data " + demo() + " --region 500000 --frobnicate 1").err, Contains("unknown option --frobnicate"));
    CHECK_THAT(run_cli("gaps --data " + demo() + " --region 500000 --format xml").err, Contains("--format must be one of"));
    CHECK_THAT(run_cli("gaps --data " + demo() + " --region 500000 --param weak_rca=-1").err, Contains("weak_rca"));
    CHECK_THAT(run_cli("gaps --data " + demo() + " --region 500000 --param nonsense=1").err, Contains("unknown parameter"));
    CHECK_THAT(run_cli("gaps --region 500000").err, Contains("--data is required"));
    CHECK_THAT(run_cli("gaps --data /nonexistent --region 1").err, Contains("/nonexistent: dataset folder does not exist"));
    CHECK(run_cli("nosuchcommand").exit_code == 2);
}

TEST_CASE("every command answers --help", "[cli]") {
    auto overview = run_cli("--help");
    REQUIRE(overview.exit_code == 0);
    for (const char* cmd : {"gaps", "chains", "generate"}) {
        CHECK_THAT(overview.out, Contains(cmd));
        auto h = run_cli(std::string(cmd) + " --help");
        CHECK(h.exit_code == 0);
        CHECK_THAT(h.out, Contains(std::string("usage: chaingap ") + cmd));
    }
}

TEST_CASE("parameters change the scores as documented", "[cli]") {
    auto base = run_cli("gaps --data " + demo() + " --region 500000 --chain semiconductor --format json");
    auto strict = run_cli("gaps --data " + demo() + " --region 500000 --chain semiconductor --format json --param weak_rca=2");
    REQUIRE(base.exit_code == 0);
    REQUIRE(strict.exit_code == 0);
    CHECK_THAT(strict.out, Contains("\"weak_rca\": 2.0"));
    CHECK(base.out != strict.out);
}

TEST_CASE("chains lists the catalogue and shows a chain as tree, DOT and JSON", "[cli]") {
    auto list = run_cli("chains");
    REQUIRE(list.exit_code == 0);
    CHECK_THAT(list.out, Contains("semiconductor") && Contains("半导体"));
    auto tree = run_cli("chains show semiconductor");
    CHECK_THAT(tree.out, Contains("设备 [equipment]") && Contains("└─") && Contains("edges (upstream → downstream)"));
    auto dot = run_cli("chains show semiconductor --format dot");
    CHECK_THAT(dot.out, Contains("digraph \"semiconductor\"") && Contains("\"equipment\" -> \"manufacturing\""));
    auto json = run_cli("chains show semiconductor --format json");
    CHECK_THAT(json.out, Contains("\"id\": \"semiconductor\"") && Contains("\"edges\""));
    CHECK(run_cli("chains show nope").exit_code == 2);
}
