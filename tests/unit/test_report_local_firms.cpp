// gaps reports name the local firms behind each link with their evidence (JSON: all of them; table:
// the firm behind a single_point always, otherwise the largest few) and state the coverage.
#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "chaingap/report/gaps.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;
using Catch::Matchers::Contains;

namespace {
// Region 500000: one firm at raw (single_point), five at mid1, none at mid2 (the only firm there is
// cancelled); 沪 and 粤 firms elsewhere.
void write_firms_dataset(const TempDir& d) {
    d.write("chains/toy.json", kToyChainJson);
    d.write("enterprises.csv",
            "id,name,region,revenue,status,until\n"
            "C1,渝原料厂,500236,50,,\n"
            "C2,渝中间一,500000,100,,\n"
            "C3,渝中间二,500000,300,,\n"
            "C4,渝中间三,500000,200,,\n"
            "C5,渝中间四,500000,10,,\n"
            "C6,渝中间五,500000,400,delisted,2020\n"
            "C7,渝中间六,500000,20,,\n"
            "S1,沪原料,310000,80,,\n"
            "S2,沪中间,310000,60,cancelled,\n"
            "G1,粤终端,440000,70,,\n");
    d.write("attachments.csv",
            "enterprise,chain,node,weight,evidence,rule,basis\n"
            "C1,toy,raw,1,高纯原料,term:原料,product\n"
            "C2,toy,mid1,1,中间件,term:中间,product\n"
            "C3,toy,mid1,0.5,中间模组,term:中间,product\n"
            "C3,toy,final,0.5,整机,term:终端,industry\n"
            "C4,toy,mid1,1,,industry:中间,industry\n"
            "C5,toy,mid1,1,,,\n"
            "C6,toy,mid1,1,中间件,term:中间,product\n"
            "C7,toy,mid1,1,,,curated\n"
            "S1,toy,raw,1,,,\n"
            "S1,toy,mid1,1,,,\n"
            "S2,toy,mid2,1,,,\n"
            "G1,toy,final,1,,,\n");
    d.write("dataset.json", "{\"coverage\": \"listed_only\", \"description\": \"玩具上市公司\"}\n");
}

const rapidjson::Value& node_json(const rapidjson::Document& doc, const char* id) {
    for (const auto& n : doc["chains"][0]["nodes"].GetArray())
        if (std::string(n["node"].GetString()) == id) return n;
    FAIL("node " << id << " not in the JSON");
    return doc;
}
}  // namespace

TEST_CASE("gaps JSON lists every local firm with its evidence and states the coverage", "[report][local_firms]") {
    TempDir d;
    write_firms_dataset(d);
    const Dataset ds = load_isolated(d.str());
    const GapReport rep = analyze_gaps(ds, *ds.regions.find("500000"), *ds.find_chain("toy"), GapParams{});
    rapidjson::Document doc;
    doc.Parse(json_text(gaps_report(ds, rep)).c_str());
    REQUIRE_FALSE(doc.HasParseError());
    CHECK(std::string(doc["coverage"].GetString()) == "listed_only");
    CHECK_THAT(doc["coverage_note"].GetString(), Contains("仅上市公司") && Contains("数据未覆盖") && Contains("玩具上市公司"));
    CHECK(doc["local_enterprises"].GetInt64() == 6);  // C6 delisted is not local today
    CHECK(doc["chains"][0]["counts"]["no_data"].GetInt64() == 5);  // seg, a, b, mid2 (S2 cancelled), side

    const auto& mid1 = node_json(doc, "mid1");
    const auto& firms = mid1["local_firms"];
    REQUIRE(firms.Size() == 5);  // C2, C3, C4, C5, C7 — every one, not only the largest few
    CHECK(mid1["local_count"].GetInt64() == 5);
    // Largest capacity first: C4 200, C3 150 (0.5 × 300), C2 100, C7 20, C5 10.
    const char* order[] = {"C4", "C3", "C2", "C7", "C5"};
    double sum = 0;
    for (rapidjson::SizeType i = 0; i < 5; ++i) {
        CHECK(std::string(firms[i]["id"].GetString()) == order[i]);
        sum += firms[i]["capacity"].GetDouble();
    }
    CHECK(sum == Approx(mid1["local_capacity"].GetDouble()));
    const auto& c3 = firms[1];
    CHECK(std::string(c3["name"].GetString()) == "渝中间二");
    CHECK(std::string(c3["region"].GetString()) == "500000");
    CHECK(c3["weight"].GetDouble() == 0.5);
    CHECK(c3["capacity"].GetDouble() == 150.0);
    CHECK(std::string(c3["attached_at"].GetString()) == "toy/mid1");
    CHECK(std::string(c3["evidence"].GetString()) == "中间模组");
    CHECK(std::string(c3["rule"].GetString()) == "term:中间");
    CHECK(std::string(c3["basis"].GetString()) == "product");
    CHECK(std::string(firms[0]["basis"].GetString()) == "industry");
    CHECK(std::string(firms[0]["evidence"].GetString()).empty());
    CHECK(std::string(firms[3]["basis"].GetString()) == "curated");
    CHECK(std::string(firms[4]["basis"].GetString()).empty());

    const auto& raw = node_json(doc, "raw");
    CHECK(std::string(raw["status"].GetString()) == "single_point");
    REQUIRE(raw["local_firms"].Size() == 1);
    CHECK(std::string(raw["local_firms"][0]["id"].GetString()) == "C1");
    CHECK(std::string(raw["local_firms"][0]["region"].GetString()) == "500236");
    CHECK(std::string(raw["local_firms"][0]["evidence"].GetString()) == "高纯原料");
    const auto& mid2 = node_json(doc, "mid2");
    CHECK(std::string(mid2["status"].GetString()) == "no_data");
    CHECK(std::string(mid2["status_zh"].GetString()) == "数据未覆盖");
    CHECK(mid2["local_firms"].Size() == 0);
}

TEST_CASE("the gaps table names the firm behind a single point and the largest few elsewhere", "[report][local_firms]") {
    TempDir d;
    write_firms_dataset(d);
    const Dataset ds = load_isolated(d.str());
    const GapReport rep = analyze_gaps(ds, *ds.regions.find("500000"), *ds.find_chain("toy"), GapParams{});
    const std::string table = render(gaps_report(ds, rep), "table");
    CHECK_THAT(table, Contains(coverage_line(ds)));
    CHECK_THAT(table, Contains("本地企业"));
    CHECK_THAT(table, Contains("渝原料厂「高纯原料」"));  // single_point: always, with its evidence
    CHECK_THAT(table, Contains("渝中间三、渝中间二、渝中间一 等5家"));  // mid1: three largest, then the count
    CHECK_THAT(table, !Contains("渝中间五"));  // delisted
    CHECK_THAT(table, Contains("5 not covered by the data (数据未覆盖)"));
    const std::string line = coverage_line(ds);
    CHECK(std::count(line.begin(), line.end(), '\n') == 0);

    const LinkGap* mid1 = nullptr;
    for (const LinkGap& g : rep.chains[0].links)
        if (ds.nodes[g.node].id == "mid1") mid1 = &g;
    REQUIRE(mid1);
    CHECK(local_firms_cell(ds, *mid1) == "渝中间三、渝中间二、渝中间一 等5家");
}

TEST_CASE("the coverage line says what an empty link means for each coverage", "[report][coverage]") {
    Dataset ds;
    ds.coverage = Coverage::full_registry;
    CHECK_THAT(coverage_line(ds), Contains("full_registry") && Contains("无供给"));
    for (Coverage c : {Coverage::unknown, Coverage::listed_only, Coverage::sample, Coverage::market_share,
                       Coverage::synthetic}) {
        ds.coverage = c;
        CHECK_THAT(coverage_line(ds), Contains(std::string(coverage_name(c))) && Contains("数据未覆盖") &&
                                          !Contains("无供给 absent_everywhere"));
    }
}
