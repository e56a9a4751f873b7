#include <catch2/catch.hpp>

#include "chaingap/analysis/presence.hpp"
#include "chaingap/synth/generate.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;

namespace {
void check_equal(const RegionPresence& a, const RegionPresence& b) {
    REQUIRE(a.count.size() == b.count.size());
    CHECK(a.count == b.count);
    for (std::size_t n = 0; n < a.capacity.size(); ++n) REQUIRE(a.capacity[n] == Approx(b.capacity[n]));
    CHECK(a.size == Approx(b.size));
    CHECK(a.enterprises == b.enterprises);
}
}  // namespace

TEST_CASE("a firm at two sub-links counts once at their segment", "[analysis]") {
    TempDir d;
    d.write("chains/toy.json", kToyChainJson);
    d.write("enterprises.csv", "id,name,region,revenue\nE1,甲,500236,200\nE2,乙,500101,\n");
    d.write("attachments.csv", "enterprise,chain,node,weight\nE1,toy,a,0.5\nE1,toy,b,0.25\nE2,toy,a,1\n");
    Dataset ds = load_isolated(d.str());
    auto p = presence_in(ds, *ds.regions.find("500000"));
    const NodeId seg = *ds.find_node(0, "seg"), a = *ds.find_node(0, "a"), b = *ds.find_node(0, "b");
    CHECK(p.count[seg] == 2);
    CHECK(p.count[a] == 2);
    CHECK(p.count[b] == 1);
    CHECK(p.capacity[seg] == Approx(200 * 0.75 + 1));
    CHECK(p.capacity[a] == Approx(100 + 1));
    auto county = presence_in(ds, *ds.regions.find("500236"));
    CHECK(county.count[seg] == 1);
    CHECK(county.size == Approx(200));
}

TEST_CASE("same_as links share their presence", "[analysis]") {
    TempDir d;
    d.write("chains/toy.json", kToyChainJson);
    d.write("chains/other.json", R"({"id": "other", "name": "别链", "nodes": [
        {"id": "top", "name": "顶"}, {"id": "shared_raw", "name": "原料", "parent": "top", "same_as": "toy/raw"}]})");
    d.write("enterprises.csv", "id,name,region\nE1,甲,310000\nE2,乙,310000\n");
    d.write("attachments.csv", "enterprise,chain,node\nE1,toy,raw\nE2,other,shared_raw\n");
    Dataset ds = load_isolated(d.str());
    auto p = presence_in(ds, kNone);
    const NodeId raw = *ds.find_node(*ds.find_chain("toy"), "raw");
    const NodeId alias = *ds.find_node(*ds.find_chain("other"), "shared_raw");
    const NodeId top = *ds.find_node(*ds.find_chain("other"), "top");
    CHECK(p.count[raw] == 2);
    CHECK(p.count[alias] == 2);
    CHECK(p.count[top] == 2);
    check_equal(p, presence_reference(ds, kNone));
}

TEST_CASE("the three presence implementations agree on a synthetic dataset", "[analysis]") {
    Dataset ds = load_chains_only("");
    SynthParams sp;
    sp.enterprises = 600;
    sp.attachments_per_enterprise = 3;
    sp.counties_per_province = 2;
    generate_synthetic(ds, sp);
    PresenceMatrix m = presence_all_regions(ds);
    check_equal(m.national, presence_in(ds, kNone));
    for (const char* id : {"500000", "500100", "500236", "440000", "440101", "110000"}) {
        auto r = ds.regions.find(id);
        REQUIRE(r);
        INFO("region " << id);
        RegionPresence fast = presence_in(ds, *r);
        check_equal(fast, presence_reference(ds, *r));
        RegionPresence row;
        row.count.assign(m.count.begin() + *r * m.nodes, m.count.begin() + (*r + 1) * m.nodes);
        row.capacity.assign(m.capacity.begin() + *r * m.nodes, m.capacity.begin() + (*r + 1) * m.nodes);
        row.size = m.size[*r];
        row.enterprises = m.enterprises[*r];
        check_equal(row, fast);
    }
}

TEST_CASE("presence_all_regions gives the same bits on any number of threads", "[analysis]") {
    // Past 100k attachments the accumulation is split by region over threads; each row must get the
    // same additions in the same order as on one thread.
    Dataset ds = synthetic_dataset(55000, 11);
    REQUIRE(ds.attachments.size() >= 100000);
    for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(ds.enterprises.size()); e += 13)
        ds.enterprises.status[e] = EnterpriseStatus::cancelled;  // inactive firms never count
    const PresenceMatrix one = presence_all_regions(ds, 1);
    for (const unsigned threads : {2U, 3U, 8U, 0U}) {
        INFO(threads << " threads");
        const PresenceMatrix m = presence_all_regions(ds, threads);
        REQUIRE(m.count == one.count);
        REQUIRE(m.capacity == one.capacity);  // bit for bit
        REQUIRE(m.size == one.size);
        REQUIRE(m.enterprises == one.enterprises);
        CHECK(m.national.count == one.national.count);
        CHECK(m.national.capacity == one.national.capacity);
    }
    // And the rows are the regions' presence.
    for (const char* id : {"500000", "440000", "110000"}) {
        const RegionId r = *ds.regions.find(id);
        const RegionPresence p = presence_in(ds, r);
        CHECK(std::equal(p.count.begin(), p.count.end(), one.count.begin() + static_cast<std::ptrdiff_t>(r * one.nodes)));
        CHECK(p.enterprises == one.enterprises[r]);
    }
}
