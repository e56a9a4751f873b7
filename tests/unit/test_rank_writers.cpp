// Target writers and the targets / whatif commands: JSON contract, CSV (BOM), XLSX (opened by
// LibreOffice when present, else its XML parts checked), errors naming what is wrong, no partial
// output.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "chaingap/report/targets.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;
namespace fs = std::filesystem;

namespace {
std::string toy() {
    return "--data '" + source_dir() + "/tests/scenarios/targets_toy/data' --catalogue ''";
}
bool on_path(const char* tool) {
    return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}
std::string sh(const std::string& cmd) {
    TempDir t;
    const std::string out = (t.path() / "o").string();
    if (std::system((cmd + " >'" + out + "' 2>/dev/null").c_str()) != 0) return "";
    return read_text(out);
}
}  // namespace

TEST_CASE("targets JSON keeps the contract field names", "[rank][cli]") {
    CliResult r = run_cli("targets " + toy() + " --region 500000 --format json --top 2");
    REQUIRE(r.exit_code == 0);
    rapidjson::Document d;
    d.Parse(r.out.c_str());
    REQUIRE_FALSE(d.HasParseError());
    REQUIRE(d["targets"].Size() == 2);  // --top
    CHECK(d["candidates"].GetInt() == 4);
    const auto& row = d["targets"][0];
    for (const char* k : {"rank", "enterprise", "name", "region", "score", "links", "components"})
        CHECK(row.HasMember(k));
    for (const char* k : {"chain", "node", "status", "gap_score", "contribution"}) CHECK(row["links"][0].HasMember(k));
    for (const auto& p : rank_param_info())
        if (std::string(p.group) == "weight") CHECK(row["components"].HasMember(p.name));
    CHECK(std::string(row["enterprise"].GetString()) == "X1");
    CHECK_FALSE(d.HasMember("local"));  // only with --local
}

TEST_CASE("targets CSV: one row per firm, optional UTF-8 BOM", "[rank][cli]") {
    CliResult plain = run_cli("targets " + toy() + " --region 500000 --format csv");
    CliResult bom = run_cli("targets " + toy() + " --region 500000 --format csv --bom");
    REQUIRE(plain.exit_code == 0);
    REQUIRE(bom.exit_code == 0);
    CHECK(plain.out.rfind("list,rank,enterprise,name", 0) == 0);
    CHECK(bom.out.rfind("\xEF\xBB\xBFlist,rank,enterprise", 0) == 0);
    CHECK(bom.out.substr(3) == plain.out);
    CHECK(std::count(plain.out.begin(), plain.out.end(), '\n') == 5);  // header + X1, X2, X6, X3
    CHECK(plain.out.find("target,1,X1,上海甲集团,310000,0.742863") != std::string::npos);
}

TEST_CASE("targets table, portfolio and whatif run from the CLI", "[rank][cli]") {
    CliResult t = run_cli("targets " + toy() + " --region 500000 --local");
    REQUIRE(t.exit_code == 0);
    CHECK(t.out.find("上海甲集团 X1") != std::string::npos);
    CHECK(t.out.find("本地培育") != std::string::npos);
    CliResult p = run_cli("targets " + toy() + " --region 500000 --portfolio 2");
    REQUIRE(p.exit_code == 0);
    CHECK(p.out.find("the portfolio closes") != std::string::npos);
    CliResult w = run_cli("whatif " + toy() + " --region 500000 --add X1,X3");
    REQUIRE(w.exit_code == 0);
    CHECK(w.out.find("missing 缺链") != std::string::npos);
    CHECK(w.out.find("Total gap 1.250 → 0.250") != std::string::npos);  // a → 0.25, b → 0 (2 local firms)
    CliResult wc = run_cli("whatif " + toy() + " --region 500000 --add X1 --format csv --bom");
    REQUIRE(wc.exit_code == 0);
    CHECK(wc.out ==
          "\xEF\xBB\xBFregion,chain,node,name,status_before,status_after,gap_before,gap_after\n"
          "500000,line,a,上游甲,missing,single_point,1.000000,0.250000\n");
}

TEST_CASE("targets and whatif refuse bad input with one line naming it", "[rank][cli]") {
    TempDir dir;
    dir.write("w.json", "{\n  \"gap_fill\": 0.4,\n  \"colour\": 1\n}\n");
    CliResult r = run_cli("targets " + toy() + " --region 500000 --weights '" + (dir.path() / "w.json").string() + "'");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("w.json:3") != std::string::npos);
    CHECK(r.err.find("colour") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    r = run_cli("whatif " + toy() + " --region 500000 --add NOPE");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("'NOPE'") != std::string::npos);
    r = run_cli("whatif " + toy() + " --region 500000 --add L1");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("'L1' is already inside region 500000") != std::string::npos);
    r = run_cli("targets " + toy() + " --region 500000 --from-regions nowhere");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("'nowhere'") != std::string::npos);
    r = run_cli("targets " + toy() + " --region 500000 --top -1");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--top must be a whole number ≥ 0, got '-1'") != std::string::npos);
    // --top 0 means every row, as in `gaps` and Python (one parser, api/options.hpp).
    r = run_cli("targets " + toy() + " --region 500000 --top 0 --format json");
    CHECK(r.exit_code == 0);
    {
        rapidjson::Document d;
        d.Parse(r.out.c_str());
        REQUIRE(d.IsObject());
        CHECK(d["shown"].GetInt64() == d["candidates"].GetInt64());
        CHECK(d["shown"].GetInt64() > 0);
    }
    r = run_cli("targets " + toy() + " --region 500000 --format xlsx");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--out") != std::string::npos);
    // A workbook that cannot be written leaves nothing behind.
    const std::string bad = (dir.path() / "no-such-folder" / "t.xlsx").string();
    r = run_cli("targets " + toy() + " --region 500000 --format xlsx --out '" + bad + "'");
    CHECK(r.exit_code == 2);
    CHECK_FALSE(fs::exists(bad));
    // A failing run keeps an existing output untouched.
    const std::string keep = (dir.path() / "keep.json").string();
    dir.write("keep.json", "old");
    r = run_cli("targets " + toy() + " --region 999999 --format json --out '" + keep + "'");
    CHECK(r.exit_code == 2);
    CHECK(read_text(keep) == "old");
}

TEST_CASE("targets --format xlsx writes a workbook LibreOffice opens", "[rank][cli][xlsx]") {
    TempDir dir;
    const std::string xlsx = (dir.path() / "targets.xlsx").string();
    CliResult r = run_cli("targets " + toy() +
                          " --region 500000 --local --from-regions yangtze_delta --format xlsx --out '" + xlsx + "'");
    REQUIRE(r.exit_code == 0);
    REQUIRE(fs::exists(xlsx));
    CHECK(read_text(xlsx).rfind("PK", 0) == 0);  // a zip container
    for (const auto& e : fs::directory_iterator(dir.path()))
        CHECK(e.path().filename().string().find(".tmp.") == std::string::npos);
    // The workbook's XML parts (unzip is near-universal; skipped when absent).
    if (on_path("unzip")) {
        const std::string book = sh("unzip -p '" + xlsx + "' xl/workbook.xml");
        CHECK(book.find("name=\"目标企业\"") != std::string::npos);
        CHECK(book.find("name=\"环节明细\"") != std::string::npos);
        CHECK(book.find("name=\"参数与数据\"") != std::string::npos);
        const std::string strings = sh("unzip -p '" + xlsx + "' xl/sharedStrings.xml");
        for (const char* s :
             {"排名", "企业名称", "综合得分", "补链强链得分", "上海甲集团", "本地培育", "rank.gap_fill", "缺链"})
            CHECK(strings.find(s) != std::string::npos);
        const std::string sheet1 = sh("unzip -p '" + xlsx + "' xl/worksheets/sheet1.xml");
        CHECK(sheet1.find("ySplit=\"1\"") != std::string::npos);  // frozen header row
        CHECK(sheet1.find("<col ") != std::string::npos);         // column widths
        const std::string core = sh("unzip -p '" + xlsx + "' docProps/core.xml");
        CHECK(core.find("2000-01-01T00:00:00Z") != std::string::npos);  // no wall-clock timestamp
    } else {
        WARN("unzip not on PATH: the workbook's XML parts were not inspected");
    }
    const char* office = on_path("libreoffice") ? "libreoffice" : on_path("soffice") ? "soffice" : nullptr;
    if (!office) {
        WARN("SKIPPED: LibreOffice (libreoffice / soffice) is not on PATH; the xlsx was not opened by an office suite");
        return;
    }
    const std::string cmd = std::string(office) +
                            " --headless --convert-to csv:\"Text - txt - csv (StarCalc)\":44,34,76 --outdir '" +
                            dir.str() + "' '" + xlsx + "' >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    const std::string csv = read_text((dir.path() / "targets.csv").string());
    CHECK(csv.find("排名") != std::string::npos);
    CHECK(csv.find("X1") != std::string::npos);
    CHECK(csv.find("上海甲集团") != std::string::npos);
}

TEST_CASE("portfolio and whatif workbooks are written too", "[rank][cli][xlsx]") {
    TempDir dir;
    const std::string p = (dir.path() / "p.xlsx").string(), w = (dir.path() / "w.xlsx").string();
    REQUIRE(run_cli("targets " + toy() + " --region 500000 --portfolio 2 --format xlsx --out '" + p + "'").exit_code ==
            0);
    REQUIRE(run_cli("whatif " + toy() + " --region 500000 --add X1 --format xlsx --out '" + w + "'").exit_code == 0);
    CHECK(read_text(p).rfind("PK", 0) == 0);
    CHECK(read_text(w).rfind("PK", 0) == 0);
    if (on_path("unzip")) {
        CHECK(sh("unzip -p '" + p + "' xl/workbook.xml").find("招商组合") != std::string::npos);
        CHECK(sh("unzip -p '" + p + "' xl/sharedStrings.xml").find("边际缺口缩减") != std::string::npos);
        CHECK(sh("unzip -p '" + w + "' xl/sharedStrings.xml").find("上游甲") != std::string::npos);
    }
}

TEST_CASE("rank scenario folders (tests/scenarios/targets_*) rank as computed by hand", "[rank][scenario]") {
    // The generic [scenario] runner checks every field of expected.json; here the order of the
    // lists, the heart of each scenario, is checked under the [rank] tag as well.
    struct Case {
        const char* dir;
        const char* array;
        std::vector<std::string> ids;
    };
    for (const Case& c : {Case{"targets_toy", "targets", {"X1", "X2", "X6", "X3"}},
                          Case{"targets_portfolio", "portfolio", {"A1", "B1"}}}) {
        const std::string d = source_dir() + "/tests/scenarios/" + c.dir;
        CliResult r = run_cli(read_text(d + "/args").substr(0, read_text(d + "/args").find('\n')) + " --data '" + d +
                              "/data' --catalogue ''");
        REQUIRE(r.exit_code == 0);
        rapidjson::Document doc, expected;
        doc.Parse(r.out.c_str());
        expected.Parse(read_text(d + "/expected.json").c_str());
        REQUIRE_FALSE(doc.HasParseError());
        REQUIRE_FALSE(expected.HasParseError());
        std::vector<std::string> got, want;
        for (const auto& row : doc[c.array].GetArray()) got.emplace_back(row["enterprise"].GetString());
        for (const auto& row : expected[c.array].GetArray()) want.emplace_back(row["enterprise"].GetString());
        CHECK(got == c.ids);
        CHECK(want == c.ids);
    }
}
