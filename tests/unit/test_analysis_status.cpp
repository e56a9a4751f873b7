// Present day vs history: a delisted or cancelled firm counts in no present-day presence, gap or
// target, but exists in backtest states from `founded` to `until`; a link with no firm anywhere is
// no_data unless the dataset is a full registry; the local firms behind each link add up to its
// local count and capacity.
#include <catch2/catch.hpp>
#include <cmath>

#include "chaingap/analysis/gaps.hpp"
#include "chaingap/analysis/local_firms.hpp"
#include "chaingap/analysis/presence.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/eval/state.hpp"
#include "chaingap/rank/targets.hpp"
#include "chaingap/rank/whatif.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;
using Catch::Matchers::Contains;

namespace {
// Toy chain (fixture.hpp). 渝 = region 500000 (E1 500000, E2 500101, E3 500236).
void write_status_dataset(const TempDir& d) {
    d.write("chains/toy.json", kToyChainJson);
    d.write("enterprises.csv",
            "id,name,region,revenue,founded,status,until\n"
            "E1,渝甲,500000,100,2001,,\n"
            "E2,渝乙,500101,100,2000,delisted,2019\n"
            "E3,渝丙,500236,50,2005,active,\n"
            "E4,沪甲,310000,80,1995,,\n"
            "E5,沪乙,310000,60,1998,cancelled,\n"
            "E6,粤甲,440000,70,2003,,\n"
            "E7,粤乙,440000,40,2010,delisted,2015\n");
    d.write("attachments.csv",
            "enterprise,chain,node,weight,evidence,rule,basis\n"
            "E1,toy,mid1,1,中间品甲,term:中间,product\n"
            "E2,toy,mid1,1,中间品乙,term:中间,product\n"
            "E3,toy,raw,1,原料,term:原料,scope\n"
            "E4,toy,raw,0.5,原料乙,term:原料,product\n"
            "E4,toy,mid1,0.5,,,\n"
            "E5,toy,mid2,1,,,\n"
            "E6,toy,final,0.5,,,\n"
            "E6,toy,a,0.5,,,\n"
            "E7,toy,b,1,,,\n");
}

NodeId node(const Dataset& ds, const char* id) { return *ds.find_node(*ds.find_chain("toy"), id); }

const LinkGap& link_of(const GapReport& rep, NodeId n) {
    for (const ChainGaps& cg : rep.chains)
        for (const LinkGap& g : cg.links)
            if (g.node == n) return g;
    FAIL("link not in the report");
    return rep.chains.front().links.front();
}

bool listed(const Dataset& ds, const std::vector<TargetRow>& rows, const char* id) {
    for (const TargetRow& r : rows)
        if (ds.enterprises.id[r.enterprise] == id) return true;
    return false;
}
}  // namespace

TEST_CASE("a delisted or cancelled firm is no present-day firm", "[analysis][status]") {
    TempDir d;
    write_status_dataset(d);
    const Dataset ds = load_isolated(d.str());
    const RegionId cq = *ds.regions.find("500000");
    const NodeId mid1 = node(ds, "mid1"), mid2 = node(ds, "mid2"), b = node(ds, "b"), seg = node(ds, "seg");

    const RegionPresence local = presence_in(ds, cq), national = presence_in(ds, kNone);
    CHECK(local.enterprises == 2);  // E1, E3; not E2
    CHECK(local.size == 150.0);
    CHECK(local.count[mid1] == 1);
    CHECK(local.capacity[mid1] == 100.0);
    CHECK(national.count[mid1] == 2);  // E1, E4
    CHECK(national.count[mid2] == 0);  // E5 cancelled
    CHECK(national.count[b] == 0);     // E7 delisted
    CHECK(national.count[seg] == 1);   // E6 at a
    CHECK(national.enterprises == 4);
    // The three implementations agree with the status rule.
    const RegionPresence ref = presence_reference(ds, cq);
    CHECK(ref.count == local.count);
    CHECK(ref.capacity == local.capacity);
    const PresenceMatrix m = presence_all_regions(ds);
    CHECK(m.national.count == national.count);
    CHECK(m.enterprises[cq] == 2);
    CHECK(m.count_at(cq, mid1) == 1);

    const GapReport rep = analyze_gaps(ds, cq, *ds.find_chain("toy"), GapParams{});
    CHECK(rep.local_enterprises == 2);
    const LinkGap& g = link_of(rep, mid1);
    CHECK(g.status == LinkStatus::single_point);  // E2 would have made it two firms
    REQUIRE(g.firms.size() == 1);
    CHECK(ds.enterprises.id[g.firms[0].enterprise] == "E1");

    SECTION("never a target, never a local firm to grow") {
        TargetQuery q;
        q.region = cq;
        q.include_local = true;
        const TargetList t = rank_targets(ds, q);
        CHECK(listed(ds, t.targets, "E4"));  // the check can fail: active outside firms are listed
        CHECK(listed(ds, t.local, "E1"));
        for (const char* id : {"E2", "E5", "E7"}) {
            CHECK_FALSE(listed(ds, t.targets, id));
            CHECK_FALSE(listed(ds, t.local, id));
        }
    }
    SECTION("what-if refuses to add it") {
        CHECK_THROWS_WITH(resolve_additions(ds, cq, {"E5"}), Contains("'E5' is cancelled"));
        CHECK_THROWS_WITH(resolve_additions(ds, cq, {"E7"}), Contains("'E7' is delisted"));
        const auto added = resolve_additions(ds, cq, {"E4"});
        REQUIRE(added.size() == 1);
        // The branch keeps the evidence of the firm it copies.
        const WhatIfResult w = run_whatif(ds, cq, *ds.find_chain("toy"), added, GapParams{});
        const LinkGap& raw = link_of(w.after, node(ds, "raw"));
        REQUIRE(raw.firms.size() == 2);
        bool seen = false;
        for (const LocalFirm& f : raw.firms) {
            if (local_firm_id(ds, f) != "E4@500000") continue;
            seen = true;
            CHECK(local_firm_region(ds, f) == cq);
            CHECK(ds.attachments.evidence(f.attachment) == "原料乙");
            CHECK(ds.attachments.basis(f.attachment) == AttachmentBasis::product);
        }
        CHECK(seen);
    }
}

TEST_CASE("a delisted firm is in backtest states before its delisting year", "[eval][status]") {
    TempDir d;
    write_status_dataset(d);
    const Dataset ds = load_isolated(d.str());
    const RegionId cq = *ds.regions.find("500000");
    const NodeId mid1 = node(ds, "mid1"), b = node(ds, "b"), mid2 = node(ds, "mid2");
    EvalSelection sel;
    sel.regions = {cq, *ds.regions.find("440000")};
    sel.nodes = {mid1, b, mid2};
    auto at = [&](int year) { return counts_at(ds, sel, year); };
    // E1 (2001) and E2 (2000–2018) at mid1 in 渝.
    CHECK(at(2000)[0] == 1);
    CHECK(at(2010)[0] == 2);
    CHECK(at(2018)[0] == 2);
    CHECK(at(2019)[0] == 1);
    // E7 (粤, b) exists 2010–2014.
    CHECK(at(2009)[3 + 1] == 0);
    CHECK(at(2010)[3 + 1] == 1);
    CHECK(at(2014)[3 + 1] == 1);
    CHECK(at(2015)[3 + 1] == 0);
    // The snapshot holds existing firms as active ones, so present-day code counts them.
    const Dataset snap = dataset_at(ds, 2012);
    CHECK(snap.enterprises.size() == 7);  // E5 cancelled at an unknown date: still there
    for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(snap.enterprises.size()); ++e)
        CHECK(snap.enterprises.is_active(e));
    CHECK(presence_in(snap, kNone).count[mid2] == 1);
    CHECK(dataset_at(ds, 2020).enterprises.size() == 5);  // E2 and E7 gone
}

TEST_CASE("a link with no firm anywhere is no_data unless the dataset is a full registry", "[analysis][coverage]") {
    TempDir d;
    write_status_dataset(d);
    const ChainId toy = 0;
    auto statuses = [&](const Dataset& ds) {
        const GapReport rep = analyze_gaps(ds, *ds.regions.find("500000"), toy, GapParams{});
        return std::vector<LinkStatus>{link_of(rep, node(ds, "mid2")).status, link_of(rep, node(ds, "b")).status,
                                       link_of(rep, node(ds, "side")).status, link_of(rep, node(ds, "raw")).status};
    };
    for (const char* coverage : {"", "listed_only", "sample", "market_share", "synthetic"}) {
        if (*coverage) d.write("dataset.json", std::string("{\"coverage\": \"") + coverage + "\"}");
        INFO("coverage " << (*coverage ? coverage : "unknown"));
        const Dataset ds = load_isolated(d.str());
        const auto s = statuses(ds);
        CHECK(s[0] == LinkStatus::no_data);
        CHECK(s[1] == LinkStatus::no_data);
        CHECK(s[2] == LinkStatus::no_data);
        CHECK(s[3] == LinkStatus::single_point);
        const GapReport rep = analyze_gaps(ds, *ds.regions.find("500000"), toy, GapParams{});
        CHECK(rep.chains[0].no_data == 3);
        CHECK(rep.chains[0].absent_everywhere == 0);
        const GapMatrix gm = analyze_gaps_all_regions(ds, GapParams{});
        CHECK(gm.status[static_cast<std::size_t>(*ds.regions.find("310000")) * gm.nodes + node(ds, "mid2")] ==
              LinkStatus::no_data);
        CHECK(gm.gap_score[static_cast<std::size_t>(*ds.regions.find("310000")) * gm.nodes + node(ds, "mid2")] == 0.0);
    }
    d.write("dataset.json", "{\"coverage\": \"full_registry\"}");
    const Dataset ds = load_isolated(d.str());
    const auto s = statuses(ds);
    CHECK(s[0] == LinkStatus::absent_everywhere);
    CHECK(s[1] == LinkStatus::absent_everywhere);
    CHECK(s[2] == LinkStatus::absent_everywhere);
    const GapReport rep = analyze_gaps(ds, *ds.regions.find("500000"), toy, GapParams{});
    CHECK(rep.chains[0].absent_everywhere == 3);
    CHECK(rep.chains[0].no_data == 0);
    CHECK_THAT(explain_link(ds, rep, link_of(rep, node(ds, "mid2"))), Contains("no enterprise anywhere"));
    CHECK(status_name(LinkStatus::no_data) == "no_data");
    CHECK(status_name_zh(LinkStatus::no_data) == "数据未覆盖");
}

TEST_CASE("local firms add up to local count and capacity, with delisted firms left out", "[analysis][local_firms]") {
    Dataset ds = synthetic_dataset(3000, 11);
    // Every third firm stops: present-day code must agree across implementations.
    for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(ds.enterprises.size()); e += 3)
        ds.enterprises.status[e] = EnterpriseStatus::delisted;
    const PresenceMatrix m = presence_all_regions(ds);
    int checked_regions = 0;
    for (const char* id : {"500000", "440000", "110000"}) {
        const RegionId r = *ds.regions.find(id);
        const RegionPresence fast = presence_in(ds, r), ref = presence_reference(ds, r);
        CHECK(fast.count == ref.count);
        CHECK(fast.enterprises == ref.enterprises);
        CHECK(fast.enterprises == m.enterprises[r]);
        const auto firms = local_firms_by_node(ds, r);
        std::int64_t nonempty = 0;
        for (NodeId n = 0; n < static_cast<NodeId>(ds.nodes.size()); ++n) {
            const auto& f = firms[n];
            REQUIRE(static_cast<std::int32_t>(f.size()) == fast.count[n]);
            double cap = 0;
            for (std::size_t i = 0; i < f.size(); ++i) {
                CHECK(ds.enterprises.is_active(f[i].enterprise));
                CHECK(ds.regions.within(ds.enterprises.region[f[i].enterprise], r));
                if (i) CHECK(f[i - 1].capacity >= f[i].capacity);
                cap += f[i].capacity;
            }
            CHECK(std::abs(cap - fast.capacity[n]) <= 1e-9 * std::max(1.0, fast.capacity[n]));
            nonempty += !f.empty();
        }
        CHECK(nonempty > 0);
        ++checked_regions;
    }
    CHECK(checked_regions == 3);
}
