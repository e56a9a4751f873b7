#include <catch2/catch.hpp>

#include "chaingap/core/error.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;
using Catch::Matchers::Contains;

namespace {
// A valid dataset; each bad-input case replaces one file.
void write_valid(const TempDir& d) {
    d.write("chains/toy.json", kToyChainJson);
    d.write("enterprises.csv", "id,name,region,revenue,founded,labels\nE1,甲,500236,100,2001,srdi;listed\nE2,乙,310000,,1999,\n");
    d.write("attachments.csv", "enterprise,chain,node,weight\nE1,toy,raw,1\nE2,toy,a,0.5\n");
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

std::string load_error(const TempDir& d) {
    try {
        load_isolated(d.str());
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}
}  // namespace

TEST_CASE("a valid dataset loads with implied GB/T 2260 regions", "[io]") {
    TempDir d;
    write_valid(d);
    Dataset ds = load_isolated(d.str());
    REQUIRE(ds.enterprises.size() == 2);
    CHECK(ds.attachments.size() == 2);
    auto county = ds.regions.find("500236");
    auto city = ds.regions.find("500200");
    auto province = ds.regions.find("500000");
    REQUIRE(county);
    REQUIRE(city);
    REQUIRE(province);
    CHECK(ds.regions.parent(*county) == *city);
    CHECK(ds.regions.parent(*city) == *province);
    CHECK(ds.regions.parent(*province) == kNone);
    CHECK(ds.enterprises.has_label(*ds.find_enterprise("E1"), *label_bit("srdi")));
    CHECK(ds.enterprises.has_label(*ds.find_enterprise("E1"), *label_bit("listed")));
    CHECK_FALSE(ds.enterprises.has_revenue(*ds.find_enterprise("E2")));
    CHECK(ds.enterprises.size_of(*ds.find_enterprise("E2")) == 1.0);
}

TEST_CASE("regions.csv gives explicit parents and weights", "[io]") {
    TempDir d;
    write_valid(d);
    d.write("regions.csv", "id,name,parent,weight\nCN,中国,,\n500236,奉节县,CN,0.01\n310000,上海,CN,0.05\n");
    Dataset ds = load_isolated(d.str());
    CHECK(ds.regions.within(*ds.regions.find("500236"), *ds.regions.find("CN")));
    CHECK_FALSE(ds.regions.find("500000").has_value());  // no prefix nesting when regions.csv is given
    CHECK(ds.regions.weight(*ds.regions.find("310000")) == 0.05);
}

TEST_CASE("extra chain fields are kept; unknown extra CSV columns are ignored", "[io]") {
    TempDir d;
    write_valid(d);
    d.write("chains/toy.json", replaced(kToyChainJson, "{", "{\"owner\": \"链长办\", "));
    d.write("enterprises.csv", "id,name,region,website\nE1,甲,500236,x\nE2,乙,310000,y\n");
    Dataset ds = load_isolated(d.str());
    CHECK_THAT(ds.chains[0].extra_json, Contains("链长办"));
}

TEST_CASE("bad input is refused with file, line and field", "[io]") {
    TempDir d;
    write_valid(d);
    SECTION("malformed JSON") {
        d.write("chains/toy.json", "{\n  \"id\": \"toy\",\n  \"name\": \"x\"\n  \"nodes\": []\n}\n");
        CHECK_THAT(load_error(d), Contains("toy.json:4:") && Contains("malformed JSON"));
    }
    SECTION("missing required column") {
        d.write("enterprises.csv", "id,name\nE1,甲\n");
        CHECK_THAT(load_error(d), Contains("enterprises.csv:1: field 'region': required column is missing"));
    }
    SECTION("duplicate enterprise id") {
        d.write("enterprises.csv", "id,name,region\nE1,甲,500236\nE2,乙,310000\nE1,丙,310000\n");
        CHECK_THAT(load_error(d), Contains("enterprises.csv:4: field 'id': duplicate enterprise id 'E1' (first on line 2)"));
    }
    SECTION("attachment to an unknown enterprise") {
        d.write("attachments.csv", "enterprise,chain,node\nE1,toy,raw\nE9,toy,a\n");
        CHECK_THAT(load_error(d), Contains("attachments.csv:3: field 'enterprise': unknown enterprise 'E9'"));
    }
    SECTION("attachment to an unknown chain") {
        d.write("attachments.csv", "enterprise,chain,node\nE1,nochain,raw\n");
        CHECK_THAT(load_error(d), Contains("attachments.csv:2: field 'chain': unknown chain 'nochain'"));
    }
    SECTION("attachment to an unknown node") {
        d.write("attachments.csv", "enterprise,chain,node\nE1,toy,nonode\n");
        CHECK_THAT(load_error(d), Contains("attachments.csv:2: field 'node': unknown node 'nonode' in chain 'toy'"));
    }
    SECTION("duplicate attachment") {
        d.write("attachments.csv", "enterprise,chain,node\nE1,toy,raw\nE2,toy,a\nE1,toy,raw\n");
        CHECK_THAT(load_error(d), Contains("attachments.csv:4: field 'node': duplicate attachment") && Contains("line 2"));
    }
    SECTION("attachment weight out of (0, 1]") {
        d.write("attachments.csv", "enterprise,chain,node,weight\nE1,toy,raw,1.5\n");
        CHECK_THAT(load_error(d), Contains("attachments.csv:2: field 'weight'"));
    }
    SECTION("edge to an unknown node") {
        d.write("chains/toy.json", replaced(kToyChainJson, "{\"from\": \"side\", \"to\": \"final\"}",
                                            "{\"from\": \"side\", \"to\": \"ghost\"}"));
        CHECK_THAT(load_error(d), Contains("toy.json:") && Contains("field 'edges[4].to': unknown node 'ghost'"));
    }
    SECTION("cycle in parent") {
        d.write("chains/toy.json", replaced(kToyChainJson, "{\"id\": \"seg\", \"name\": \"部件\"",
                                            "{\"id\": \"seg\", \"name\": \"部件\", \"parent\": \"a\""));
        CHECK_THAT(load_error(d), Contains("toy.json:") && Contains(".parent': cycle in parent links"));
    }
    SECTION("non-numeric revenue") {
        d.write("enterprises.csv", "id,name,region,revenue\nE1,甲,500236,12亿\nE2,乙,310000,\n");
        CHECK_THAT(load_error(d), Contains("enterprises.csv:2: field 'revenue': not a number: '12亿'"));
    }
    SECTION("negative revenue") {
        d.write("enterprises.csv", "id,name,region,revenue\nE1,甲,500236,-5\nE2,乙,310000,\n");
        CHECK_THAT(load_error(d), Contains("enterprises.csv:2: field 'revenue'"));
    }
    SECTION("unknown label") {
        d.write("enterprises.csv", "id,name,region,labels\nE1,甲,500236,moonshot\nE2,乙,310000,\n");
        CHECK_THAT(load_error(d), Contains("enterprises.csv:2: field 'labels': unknown label 'moonshot'"));
    }
    SECTION("enterprise region not in regions.csv") {
        d.write("regions.csv", "id,name,parent\n500236,奉节县,\n");
        CHECK_THAT(load_error(d), Contains("enterprises.csv:3: field 'region': region '310000' is not in regions.csv"));
    }
    SECTION("cycle in regions.csv") {
        d.write("regions.csv", "id,name,parent\nA,,B\nB,,A\n500236,,A\n310000,,A\n");
        CHECK_THAT(load_error(d), Contains("regions.csv:2: field 'parent': cycle"));
    }
    SECTION("relation to an unknown enterprise") {
        d.write("relations.csv", "from,to,type\nE1,E2,supply\nE1,E7,invest\n");
        CHECK_THAT(load_error(d), Contains("relations.csv:3: field 'to': unknown enterprise 'E7'"));
    }
    SECTION("relations: the first error in file order is reported, a malformed row after a bad one or before it") {
        // Rows are resolved in batches; a malformed row met while filling a batch must not hide a bad
        // value on an earlier row of the same batch, nor be hidden by a bad value after it.
        d.write("relations.csv", "from,to,type\nE1,E2,supply\nE1,E7,invest\nE2,E1,supply,extra\n");
        CHECK_THAT(load_error(d), Contains("relations.csv:3: field 'to': unknown enterprise 'E7'"));
        d.write("relations.csv", "from,to,type\nE1,E2,supply\nE2,E1,supply,extra\nE1,E7,invest\n");
        CHECK_THAT(load_error(d), Contains("relations.csv:3:") && Contains("expected 3 fields (as in the header), found 4"));
        d.write("relations.csv", "from,to,type,weight\nE1,E2,supply,1\nE2,E1,own,\"x\"\"\"\n");
        CHECK_THAT(load_error(d), Contains("relations.csv:3: field 'weight': not a number: 'x\"'"));
    }
    SECTION("attachments: a file in (enterprise, node) order is kept, one out of order is sorted and checked") {
        d.write("attachments.csv", "enterprise,chain,node\nE2,toy,a\nE1,toy,raw\nE2,toy,raw\nE2,toy,a\n");
        CHECK_THAT(load_error(d), Contains("attachments.csv:5: field 'node': duplicate attachment of enterprise 'E2'") &&
                                      Contains("(first on line 2)"));
    }
    SECTION("relation of an unknown type") {
        d.write("relations.csv", "from,to,type\nE1,E2,friendship\n");
        CHECK_THAT(load_error(d), Contains("relations.csv:2: field 'type': unknown relation type"));
    }
    SECTION("missing required file") {
        std::filesystem::remove(d.path() / "attachments.csv");
        CHECK_THAT(load_error(d), Contains("attachments.csv: required file is missing"));
    }
    SECTION("duplicate node id") {
        d.write("chains/toy.json", replaced(kToyChainJson, "{\"id\": \"side\"", "{\"id\": \"raw\""));
        CHECK_THAT(load_error(d), Contains("field 'nodes[6].id': duplicate node id 'raw'"));
    }
    SECTION("same_as to an unknown node") {
        d.write("chains/other.json", R"({"id": "other", "name": "另一条", "nodes": [{"id": "x", "name": "X", "same_as": "toy/nothing"}]})");
        CHECK_THAT(load_error(d), Contains("other.json:1: field 'nodes[0].same_as': unknown node 'toy/nothing'"));
    }
}
