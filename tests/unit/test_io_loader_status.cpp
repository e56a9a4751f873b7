// The optional columns of docs/formats.md for listing status, location source, attachment evidence
// and dataset.json: each loads, old datasets load unchanged, and each bad value is refused with
// FILE:LINE: field.
#include <catch2/catch.hpp>

#include "chaingap/core/error.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;
using Catch::Matchers::Contains;

namespace {
void write_base(const TempDir& d) {
    d.write("chains/toy.json", kToyChainJson);
    d.write("enterprises.csv",
            "id,name,region,founded,labels,status,until,region_source\n"
            "E1,甲,500236,2001,st;star_market,delisted,2019,fullname_county\n"
            "E2,乙,310000,1999,chinext;bse;listed,,,tushare\n"
            "E3,丙,440000,,,cancelled,,\n"
            "E4,丁,440000,2005,,active,,tushare\n");
    d.write("attachments.csv",
            "enterprise,chain,node,weight,evidence,rule,basis\n"
            "E2,toy,mid1,1,\"中间品, 含逗号\",term:中间,product\n"
            "E1,toy,raw,1,原料加工,term:原料,scope\n"
            "E4,toy,raw,0.5,原料加工,term:原料,scope\n"
            "E4,toy,a,0.5,,,\n"
            "E3,toy,b,1,,industry:部件,industry\n");
}

std::string load_error(const TempDir& d) {
    try {
        load_isolated(d.str());
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

std::size_t attachment_of(const Dataset& ds, const char* enterprise, const char* node) {
    const EnterpriseId e = *ds.find_enterprise(enterprise);
    for (std::int32_t a : ds.enterprise_attachments.row(e))
        if (ds.nodes[ds.attachments.node[a]].id == node) return static_cast<std::size_t>(a);
    FAIL("no attachment " << enterprise << " → " << node);
    return 0;
}
}  // namespace

TEST_CASE("status, until, region_source and the new labels load", "[io][status]") {
    TempDir d;
    write_base(d);
    const Dataset ds = load_isolated(d.str());
    const auto& E = ds.enterprises;
    const EnterpriseId e1 = *ds.find_enterprise("E1"), e2 = *ds.find_enterprise("E2"), e3 = *ds.find_enterprise("E3"),
                       e4 = *ds.find_enterprise("E4");
    CHECK(E.status[e1] == EnterpriseStatus::delisted);
    CHECK(E.until[e1] == 2019);
    CHECK_FALSE(E.is_active(e1));
    CHECK(E.status[e2] == EnterpriseStatus::active);  // empty cell: active
    CHECK(E.until[e2] == 0);
    CHECK(E.status[e3] == EnterpriseStatus::cancelled);
    CHECK(E.until[e3] == 0);  // date unknown
    CHECK(E.is_active(e4));
    CHECK(E.region_sources.at(E.region_source[e1]) == "fullname_county");
    CHECK(E.region_sources.at(E.region_source[e2]) == "tushare");
    CHECK(E.region_source[e2] == E.region_source[e4]);  // one pooled string
    CHECK(E.region_sources.at(E.region_source[e3]).empty());
    CHECK(E.has_label(e1, *label_bit("st")));
    CHECK(E.has_label(e1, *label_bit("star_market")));
    CHECK_FALSE(E.has_label(e1, *label_bit("chinext")));
    CHECK(E.has_label(e2, *label_bit("chinext")));
    CHECK(E.has_label(e2, *label_bit("bse")));
    CHECK(E.has_label(e2, *label_bit("listed")));
    // Existing label bits did not move.
    CHECK(*label_bit("fortune500") == 0);
    CHECK(*label_bit("chain_leader") == 7);
    CHECK(kLabels[*label_bit("star_market")].name_zh == "科创板");
    CHECK(kLabels[*label_bit("bse")].name_zh == "北交所");
    CHECK(kLabels[*label_bit("chain_leader")].name_zh == "链主企业");
    // Time: E1 exists 2001..2018, not from its delisting year on.
    CHECK_FALSE(E.exists_at(e1, 2000));
    CHECK(E.exists_at(e1, 2001));
    CHECK(E.exists_at(e1, 2018));
    CHECK_FALSE(E.exists_at(e1, 2019));
    CHECK_FALSE(E.exists_at(e3, 2020));  // undated: at no year
    CHECK(E.exists_at(e4, 2030));
}

TEST_CASE("attachment evidence, rule and basis are kept per attachment through the sort", "[io][evidence]") {
    TempDir d;
    write_base(d);
    const Dataset ds = load_isolated(d.str());
    const auto& A = ds.attachments;
    REQUIRE(A.evidence_of.size() == A.size());
    const std::size_t a2 = attachment_of(ds, "E2", "mid1");
    CHECK(A.evidence(a2) == "中间品, 含逗号");
    CHECK(A.rule(a2) == "term:中间");
    CHECK(A.basis(a2) == AttachmentBasis::product);
    const std::size_t a1 = attachment_of(ds, "E1", "raw"), a4 = attachment_of(ds, "E4", "raw");
    CHECK(A.evidence(a1) == "原料加工");
    CHECK(A.basis(a1) == AttachmentBasis::scope);
    CHECK(A.evidence_of[a1] == A.evidence_of[a4]);  // the same (evidence, rule, basis): one record
    const std::size_t a4a = attachment_of(ds, "E4", "a");
    CHECK(A.evidence_of[a4a] == 0);
    CHECK(A.evidence(a4a).empty());
    CHECK(A.basis(a4a) == AttachmentBasis::none);
    const std::size_t a3 = attachment_of(ds, "E3", "b");
    CHECK(A.evidence(a3).empty());
    CHECK(A.rule(a3) == "industry:部件");
    CHECK(A.basis(a3) == AttachmentBasis::industry);
    CHECK(A.records.size() == 4);  // none + three distinct
}

TEST_CASE("a dataset without the new columns loads as before", "[io][status]") {
    TempDir d;
    d.write("chains/toy.json", kToyChainJson);
    d.write("enterprises.csv", "id,name,region\nE1,甲,500236\nE2,乙,310000\n");
    d.write("attachments.csv", "enterprise,chain,node\nE1,toy,raw\nE2,toy,a\n");
    const Dataset ds = load_isolated(d.str());
    CHECK(ds.coverage == Coverage::unknown);
    CHECK(ds.description.empty());
    CHECK(ds.attachments.evidence_of.empty());  // no evidence column: no per-attachment cost
    CHECK(ds.attachments.records.size() == 1);
    CHECK(ds.attachments.evidence(0).empty());
    CHECK(ds.attachments.basis(1) == AttachmentBasis::none);
    for (EnterpriseId e = 0; e < 2; ++e) {
        CHECK(ds.enterprises.is_active(e));
        CHECK(ds.enterprises.until[e] == 0);
        CHECK(ds.enterprises.region_source[e] == 0);
    }
}

TEST_CASE("evidence stays aligned when attachments without evidence are pushed later", "[model][evidence]") {
    AttachmentTable A;
    A.push(0, 3, 1.0);
    CHECK(A.evidence_of.empty());
    const std::uint32_t r = A.add_evidence("刻蚀机", "term:刻蚀设备", AttachmentBasis::product);
    CHECK(r == 1);
    CHECK(A.add_evidence("刻蚀机", "term:刻蚀设备", AttachmentBasis::product) == r);
    CHECK(A.add_evidence("刻蚀机", "term:刻蚀设备", AttachmentBasis::curated) != r);
    CHECK(A.add_evidence("", "", AttachmentBasis::none) == 0);
    A.push(1, 2, 0.5, r);
    A.push(2, 1, 0.5);  // e.g. a what-if branch copying no evidence
    REQUIRE(A.evidence_of.size() == 3);
    CHECK(A.evidence(0).empty());
    CHECK(A.evidence(1) == "刻蚀机");
    CHECK(A.evidence(2).empty());
    // A copy keeps working (the pool rebuilds its index).
    AttachmentTable B = A;
    CHECK(B.add_evidence("刻蚀机", "term:刻蚀设备", AttachmentBasis::product) == r);
    CHECK(B.texts.intern("刻蚀机") == A.texts.intern("刻蚀机"));
}

TEST_CASE("dataset.json gives coverage and description", "[io][coverage]") {
    TempDir d;
    write_base(d);
    d.write("dataset.json", "{\n  \"coverage\": \"listed_only\",\n  \"description\": \"A股上市公司\",\n  \"source\": \"x\"\n}\n");
    Dataset ds = load_isolated(d.str());
    CHECK(ds.coverage == Coverage::listed_only);
    CHECK(ds.description == "A股上市公司");
    for (const char* name : {"listed_only", "full_registry", "sample", "market_share", "synthetic"}) {
        d.write("dataset.json", std::string("{\"coverage\": \"") + name + "\"}");
        CHECK(coverage_name(load_isolated(d.str()).coverage) == name);
    }
    d.write("dataset.json", "{}");
    CHECK(load_isolated(d.str()).coverage == Coverage::unknown);
}

TEST_CASE("bad status, evidence and dataset.json values are refused with file, line and field",
          "[io][status][coverage]") {
    TempDir d;
    write_base(d);
    SECTION("unknown status") {
        d.write("enterprises.csv", "id,name,region,status\nE1,甲,500236,\nE2,乙,310000,suspended\nE3,丙,440000,\nE4,丁,440000,\n");
        CHECK_THAT(load_error(d), Contains("enterprises.csv:3: field 'status': must be 'active', 'delisted' or 'cancelled', got 'suspended'"));
    }
    SECTION("status in another case") {
        d.write("enterprises.csv", "id,name,region,status\nE1,甲,500236,Delisted\nE2,乙,310000,\nE3,丙,440000,\nE4,丁,440000,\n");
        CHECK_THAT(load_error(d), Contains("enterprises.csv:2: field 'status'"));
    }
    SECTION("until that is not a year") {
        d.write("enterprises.csv", "id,name,region,status,until\nE1,甲,500236,delisted,2019-05-01\nE2,乙,310000,,\nE3,丙,440000,,\nE4,丁,440000,,\n");
        CHECK_THAT(load_error(d), Contains("enterprises.csv:2: field 'until'"));
    }
    SECTION("until out of range") {
        d.write("enterprises.csv", "id,name,region,status,until\nE1,甲,500236,delisted,219\nE2,乙,310000,,\nE3,丙,440000,,\nE4,丁,440000,,\n");
        CHECK_THAT(load_error(d), Contains("enterprises.csv:2: field 'until': until must be a year between 1800 and 2100"));
    }
    SECTION("until on an active firm") {
        d.write("enterprises.csv", "id,name,region,status,until\nE1,甲,500236,,\nE2,乙,310000,active,2020\nE3,丙,440000,,\nE4,丁,440000,,\n");
        CHECK_THAT(load_error(d), Contains("enterprises.csv:3: field 'until': until is given but status is active"));
    }
    SECTION("until without a status column") {
        d.write("enterprises.csv", "id,name,region,until\nE1,甲,500236,2020\nE2,乙,310000,\nE3,丙,440000,\nE4,丁,440000,\n");
        CHECK_THAT(load_error(d), Contains("enterprises.csv:2: field 'until': until is given but status is active"));
    }
    SECTION("until before founded") {
        d.write("enterprises.csv", "id,name,region,founded,status,until\nE1,甲,500236,2010,delisted,2009\nE2,乙,310000,,,\nE3,丙,440000,,,\nE4,丁,440000,,,\n");
        CHECK_THAT(load_error(d), Contains("enterprises.csv:2: field 'until': until (2009) is before founded (2010)"));
    }
    SECTION("unknown label among the new ones") {
        d.write("enterprises.csv", "id,name,region,labels\nE1,甲,500236,star\nE2,乙,310000,\nE3,丙,440000,\nE4,丁,440000,\n");
        CHECK_THAT(load_error(d), Contains("enterprises.csv:2: field 'labels': unknown label 'star'"));
    }
    SECTION("unknown basis") {
        d.write("attachments.csv", "enterprise,chain,node,basis\nE1,toy,raw,product\nE2,toy,a,keyword\n");
        CHECK_THAT(load_error(d), Contains("attachments.csv:3: field 'basis': must be one of product, industry, scope, curated, share, synthetic; got 'keyword'"));
    }
    SECTION("malformed dataset.json") {
        d.write("dataset.json", "{\n  \"coverage\": \"sample\"\n  \"description\": \"x\"\n}\n");
        CHECK_THAT(load_error(d), Contains("dataset.json:3:") && Contains("malformed JSON"));
    }
    SECTION("dataset.json not an object") {
        d.write("dataset.json", "[\"sample\"]");
        CHECK_THAT(load_error(d), Contains("dataset.json:1: dataset.json must hold one JSON object"));
    }
    SECTION("unknown coverage") {
        d.write("dataset.json", "{\n  \"description\": \"x\",\n  \"coverage\": \"listed\"\n}\n");
        CHECK_THAT(load_error(d), Contains("dataset.json:3: field 'coverage': must be one of listed_only, full_registry, sample, market_share, synthetic; got 'listed'"));
    }
    SECTION("coverage 'unknown' is the absence of one, not a value") {
        d.write("dataset.json", "{\"coverage\": \"unknown\"}");
        CHECK_THAT(load_error(d), Contains("dataset.json:1: field 'coverage'"));
    }
    SECTION("coverage not a string") {
        d.write("dataset.json", "{\"coverage\": 3}");
        CHECK_THAT(load_error(d), Contains("dataset.json:1: field 'coverage': must be a string"));
    }
    SECTION("description on two lines") {
        d.write("dataset.json", "{\"coverage\": \"sample\",\n \"description\": \"a\\nb\"}");
        CHECK_THAT(load_error(d), Contains("dataset.json:2: field 'description': must be one line"));
    }
    SECTION("description not a string") {
        d.write("dataset.json", "{\"description\": [\"a\"]}");
        CHECK_THAT(load_error(d), Contains("dataset.json:1: field 'description': must be a string"));
    }
}
