// Project screening (项目研判) and region benchmarking (对标, 赛马榜): engine properties and input errors.
// The hand-computed figures live in tests/scenarios/{assess_projects,bench_compare,bench_leaderboard}.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>

#include "chaingap/api/project_inputs.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/rank/assess.hpp"
#include "chaingap/rank/benchmark.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;

namespace {
std::string bench_dir() {
    return source_dir() + "/tests/scenarios/bench_compare/data";
}
}  // namespace

TEST_CASE("project files: JSON and CSV give the same projects; errors name file, line and field", "[rank][assess]") {
    const Dataset ds = load_isolated(bench_dir());
    TempDir dir;
    dir.write("p.csv", "id,name,links,investment,output,land\nP1,甲,flat3/m1;flat3/m3,100,200,4\n");
    dir.write("p.json",
              "{\"projects\": [\n {\"id\": \"P1\", \"name\": \"甲\", \"links\": [\"flat3/m1\", \"flat3/m3\"],\n"
              "  \"investment\": 100, \"output\": 200, \"land\": 4}\n]}\n");
    const auto csv = read_projects((dir.path() / "p.csv").string(), ds);
    const auto json = read_projects((dir.path() / "p.json").string(), ds);
    REQUIRE(csv.size() == 1);
    REQUIRE(json.size() == 1);
    CHECK(csv[0].links == json[0].links);
    CHECK(csv[0].links.size() == 2);
    CHECK(csv[0].investment == json[0].investment);
    CHECK(csv[0].land == 4.0);
    CHECK(std::isnan(csv[0].tax));
    CHECK(std::isnan(json[0].energy));
    dir.write("bad_link.csv", "id,links\nP1,flat3/m1\nP2,flat3/nowhere\n");
    CHECK_THROWS_WITH(read_projects((dir.path() / "bad_link.csv").string(), ds), Catch::Contains("bad_link.csv:3") &&
                                                                                     Catch::Contains("links") &&
                                                                                     Catch::Contains("flat3/nowhere"));
    dir.write("neg.csv", "id,links,land\nP1,flat3/m1,-3\n");
    CHECK_THROWS_WITH(read_projects((dir.path() / "neg.csv").string(), ds),
                      Catch::Contains("neg.csv:2") && Catch::Contains("land"));
    dir.write("dup.csv", "id,links\nP1,flat3/m1\nP1,flat3/m2\n");
    CHECK_THROWS_WITH(read_projects((dir.path() / "dup.csv").string(), ds), Catch::Contains("duplicate project id"));
    dir.write("bad.json", "[\n {\"id\": \"P9\",\n  \"links\": [\"flat3/m1\"], \"output\": \"lots\"}\n]");
    CHECK_THROWS_WITH(read_projects((dir.path() / "bad.json").string(), ds),
                      Catch::Contains("bad.json:2") && Catch::Contains("output") && Catch::Contains("number"));
    dir.write("unknown.json", "[{\"id\": \"P9\", \"links\": [\"flat3/m1\"], \"outptu\": 3}]");
    CHECK_THROWS_WITH(read_projects((dir.path() / "unknown.json").string(), ds), Catch::Contains("outptu"));
    dir.write("nolinks.json", "[{\"id\": \"P9\", \"links\": []}]");
    CHECK_THROWS_AS(read_projects((dir.path() / "nolinks.json").string(), ds), InputError);
}

TEST_CASE("screening: thresholds are re-settable, refused out of range, and move verdicts as documented",
          "[rank][assess]") {
    const Dataset ds = load_isolated(bench_dir());
    const RegionId gd = *ds.regions.find("440000");
    const RegionAverages avg = read_region_averages(bench_dir(), "440000");
    CHECK(avg.output_per_mu == 300.0);
    CHECK(avg.energy_per_output == 0.05);
    CHECK_FALSE(avg.source.empty());
    ProjectProposal p;
    p.id = "P";
    p.links = {*ds.find_node(*ds.find_chain("flat3"), "m1")};
    p.investment = 1000;
    p.output = 900;  // intensity 0.9
    p.land = 3;      // 300 万元/亩: exactly the regional average
    p.energy = 45;   // 0.05 tce/万元: exactly the regional average → not below it
    auto verdict = [&](const AssessResult& r, const std::string& key) {
        for (const auto& c : r.projects[0].checks)
            if (c.key == key) return c.verdict;
        FAIL("no check " << key);
        return Verdict::no_data;
    };
    AssessParams params;
    AssessResult r = assess_projects(ds, gd, {p}, avg, params);
    CHECK(verdict(r, "output_intensity") == Verdict::flag);
    CHECK(verdict(r, "output_per_mu") == Verdict::pass);  // ≥ average
    CHECK(verdict(r, "energy") == Verdict::flag);         // must be strictly below the average
    CHECK(verdict(r, "tax_per_mu") == Verdict::no_data);
    set_assess_param(params, "min_output_per_investment", 0.8);
    set_assess_param(params, "max_energy_ratio", 1.2);
    r = assess_projects(ds, gd, {p}, avg, params);
    CHECK(verdict(r, "output_intensity") == Verdict::pass);
    CHECK(verdict(r, "energy") == Verdict::pass);
    // Without regional averages: no reference, unless a floor is set.
    r = assess_projects(ds, gd, {p}, RegionAverages{}, AssessParams{});
    CHECK(verdict(r, "output_per_mu") == Verdict::no_reference);
    CHECK(verdict(r, "energy") == Verdict::no_reference);
    AssessParams floor;
    set_assess_param(floor, "min_output_per_mu", 400);
    r = assess_projects(ds, gd, {p}, RegionAverages{}, floor);
    CHECK(verdict(r, "output_per_mu") == Verdict::flag);
    CHECK_THROWS_WITH(set_assess_param(params, "min_local_fit", 2.0), Catch::Contains("min_local_fit"));
    CHECK_THROWS_WITH(set_assess_param(params, "nonsense", 1.0), Catch::Contains("unknown screening threshold"));
    // A larger project at the same missing link closes at least as much gap.
    ProjectProposal big = p;
    big.output = 9e5;
    const AssessResult rb = assess_projects(ds, gd, {p, big}, avg, AssessParams{});
    CHECK(rb.projects[1].gap_closed >= rb.projects[0].gap_closed);
    CHECK(rb.projects[0].gap_closed > 0);
}

TEST_CASE("leaderboard: ranks, leader, separating links; compare refuses bad region lists", "[rank][benchmark]") {
    const Dataset ds = synthetic_dataset(2000, 3);
    const Leaderboard b = leaderboard(ds, kNone, std::nullopt, GapParams{});
    REQUIRE(b.rows.size() >= 5);
    CHECK(b.rows[0].gap_to_leader == 0.0);
    CHECK(b.rows[0].behind_leader.empty());
    for (std::size_t i = 0; i < b.rows.size(); ++i) {
        const LeaderboardRow& r = b.rows[i];
        CHECK(r.rank == static_cast<int>(i + 1));
        CHECK(ds.regions.parent(r.region) == kNone);
        CHECK(r.completeness >= 0.0);
        CHECK(r.completeness <= 1.0);
        // completeness = half present share + half strong share (q = 0.5 present + 0.5 strong).
        CHECK(r.completeness == Approx(0.5 * r.present_share + 0.5 * r.strong_share).margin(1e-12));
        CHECK(r.present + r.missing == r.links);
        if (i > 0) {
            CHECK(r.completeness <= b.rows[i - 1].completeness);
            if (r.completeness < b.rows[0].completeness) CHECK_FALSE(r.behind_leader.empty());
        }
        for (std::size_t k = 1; k < r.behind_leader.size(); ++k)
            CHECK(r.behind_leader[k].weight <= r.behind_leader[k - 1].weight);
    }
    CHECK_THROWS_WITH(compare_regions(ds, {*ds.regions.find("500000")}, std::nullopt, GapParams{}),
                      Catch::Contains("at least two"));
    CHECK_THROWS_WITH(
        compare_regions(ds, {*ds.regions.find("500000"), *ds.regions.find("500000")}, std::nullopt, GapParams{}),
        Catch::Contains("twice"));
    const RegionComparison c =
        compare_regions(ds, {*ds.regions.find("500000"), *ds.regions.find("310000")}, std::nullopt, GapParams{});
    CHECK(c.reports.size() == 2);
    REQUIRE_FALSE(c.rows.empty());
    for (const auto& row : c.rows) CHECK(row.cells.size() == 2);
}

namespace {
bool has_tool(const char* tool) {
    return std::system(("command -v " + std::string(tool) + " >/dev/null 2>&1").c_str()) == 0;
}
std::string scenario_dir(const char* name) {
    return source_dir() + "/tests/scenarios/" + name;
}
}  // namespace

TEST_CASE("assess, compare and leaderboard from the CLI: Chinese by default, --lang en, errors in one line",
          "[rank][cli]") {
    const std::string data = " --data '" + bench_dir() + "' --catalogue ''";
    const std::string projects = " --project '" + scenario_dir("assess_projects") + "/projects.csv'";
    CliResult a = run_cli("assess --region 440000" + projects + data);
    REQUIRE(a.exit_code == 0);
    CHECK(a.out.find("项目研判：广东省 (440000)") != std::string::npos);
    CHECK(a.out.find("能耗强度") != std::string::npos);
    CHECK(a.out.find("预警") != std::string::npos);
    CliResult ae = run_cli("assess --region 440000 --lang en" + projects + data);
    REQUIRE(ae.exit_code == 0);
    CHECK(ae.out.find("energy intensity") != std::string::npos);
    CHECK(ae.out.find("flag") != std::string::npos);
    // Without regional averages the output says so.
    CliResult an = run_cli("assess --region 110000" + projects + data);
    REQUIRE(an.exit_code == 0);
    CHECK(an.out.find("未提供本地区") != std::string::npos);
    CHECK(an.out.find("无区域参照") != std::string::npos);
    // A re-set threshold moves P2's intensity 0.6 from flag to pass.
    CliResult at =
        run_cli("assess --region 440000 --format json --threshold min_output_per_investment=0.5" + projects + data);
    REQUIRE(at.exit_code == 0);
    CHECK(at.out.find("\"min_output_per_investment\": 0.5") != std::string::npos);
    CliResult bad = run_cli("assess --region 440000 --threshold min_local_fit=3" + projects + data);
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("min_local_fit") != std::string::npos);
    TempDir dir;
    dir.write("p.csv", "id,links\nP1,flat3/m9\n");
    CliResult badp = run_cli("assess --region 440000 --project '" + (dir.path() / "p.csv").string() + "'" + data);
    CHECK(badp.exit_code == 2);
    CHECK(badp.err.find("p.csv:2") != std::string::npos);
    CHECK(std::count(badp.err.begin(), badp.err.end(), '\n') == 1);
    CliResult c = run_cli("compare --regions 110000,440000" + data);
    REQUIRE(c.exit_code == 0);
    CHECK(c.out.find("北京市 (110000)") != std::string::npos);
    CHECK(c.out.find("弱链") != std::string::npos);
    CHECK(run_cli("compare --regions 110000" + data).exit_code == 2);
    CliResult l = run_cli("leaderboard --within national" + data);
    REQUIRE(l.exit_code == 0);
    CHECK(l.out.find("赛马榜") != std::string::npos);
    CHECK(l.out.find("北京市 (110000)") != std::string::npos);
    CliResult le = run_cli("leaderboard --within national --lang en" + data);
    REQUIRE(le.exit_code == 0);
    CHECK(le.out.find("completeness") != std::string::npos);
    CliResult lz = run_cli("leaderboard --within 440000" + data);
    CHECK(lz.exit_code == 2);
    CHECK(lz.err.find("no region lies directly under it") != std::string::npos);
}

TEST_CASE("assess --format xlsx writes a workbook LibreOffice opens", "[rank][cli][xlsx]") {
    TempDir dir;
    const std::string xlsx = (dir.path() / "assess.xlsx").string();
    CliResult r =
        run_cli("assess --region 440000 --project '" + scenario_dir("assess_projects") + "/projects.csv' --data '" +
                bench_dir() + "' --catalogue '' --format xlsx --out '" + xlsx + "'");
    REQUIRE(r.exit_code == 0);
    CHECK(read_text(xlsx).rfind("PK", 0) == 0);
    const char* office = has_tool("libreoffice") ? "libreoffice" : has_tool("soffice") ? "soffice" : nullptr;
    if (!office) {
        WARN("SKIPPED: LibreOffice (libreoffice / soffice) is not on PATH; the xlsx was not opened by an office suite");
        return;
    }
    const std::string cmd = std::string(office) +
                            " --headless --convert-to csv:\"Text - txt - csv (StarCalc)\":44,34,76 --outdir '" +
                            dir.str() + "' '" + xlsx + "' >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    const std::string csv = read_text((dir.path() / "assess.csv").string());
    CHECK(csv.find("项目编号") != std::string::npos);
    CHECK(csv.find("环节一整机项目") != std::string::npos);
    CHECK(csv.find("能耗强度") != std::string::npos);
}
