// The analysis cache against brute force: the region -> firms index, incoming relations, id order,
// active-firm count and per-region presence; gap scores without firm lists against the full report.
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>

#include "chaingap/analysis/cache.hpp"
#include "chaingap/analysis/gaps.hpp"
#include "chaingap/analysis/local_firms.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A random forest of `regions` regions whose parents are set after all are added, in a random order,
// so a parent often has a higher index than its child; random enterprises and relations over it.
Dataset random_dataset(std::mt19937_64& rng, int regions, int enterprises, int relations) {
    Dataset ds;
    for (int i = 0; i < regions; ++i) ds.regions.add("R" + std::to_string(i), "", kNone, kNaN);
    std::vector<RegionId> order(static_cast<std::size_t>(regions));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t i = 1; i < order.size(); ++i) {
        // A root with probability 1/5, else a child of a region placed earlier in `order` (no cycle).
        if (std::uniform_int_distribution<int>(0, 4)(rng) == 0) continue;
        const auto j = std::uniform_int_distribution<std::size_t>(0, i - 1)(rng);
        ds.regions.set_parent(order[i], order[j]);
    }
    for (int e = 0; e < enterprises; ++e) {
        const auto r = std::uniform_int_distribution<RegionId>(0, regions - 1)(rng);
        const bool aggregate = e % 7 == 0;
        const auto status = e % 5 == 0 ? EnterpriseStatus::cancelled : EnterpriseStatus::active;
        ds.enterprises.push("F" + std::to_string(e), "", r, kNaN, kNaN, 0, 0, aggregate, status);
    }
    for (int i = 0; i < relations; ++i) {
        ds.relations.from.push_back(std::uniform_int_distribution<EnterpriseId>(0, enterprises - 1)(rng));
        ds.relations.to.push_back(std::uniform_int_distribution<EnterpriseId>(0, enterprises - 1)(rng));
        ds.relations.type.push_back(RelationType::supply);
        ds.relations.weight.push_back(1.0);
    }
    return ds;
}

void check_firms_within(const Dataset& ds, const AnalysisCache& cache) {
    std::size_t total = 0;
    for (RegionId r = 0; r < static_cast<RegionId>(ds.regions.size()); ++r) {
        INFO("region " << ds.regions.id(r));
        const auto got = cache.firms_within(r);
        const std::vector<EnterpriseId> want = firms_within_reference(ds, r);
        REQUIRE(std::vector<EnterpriseId>(got.begin(), got.end()) == want);
        // The span is the region's own firms plus its sub-regions', nothing else.
        for (EnterpriseId e : got) REQUIRE(ds.regions.within(ds.enterprises.region[e], r));
        if (ds.regions.parent(r) == kNone) total += got.size();
    }
    // The roots' slices cover every enterprise once; kNone is all of them in the same order.
    CHECK(total == ds.enterprises.size());
    const auto all = cache.firms_within(kNone);
    CHECK(std::vector<EnterpriseId>(all.begin(), all.end()) == firms_within_reference(ds, kNone));
}

void check_relations_in(const Dataset& ds, const AnalysisCache& cache) {
    const Csr& in = cache.relations_in();
    const Csr want = relations_in_reference(ds);
    REQUIRE(in.rows() == ds.enterprises.size());
    CHECK(in.offsets == want.offsets);
    CHECK(in.values == want.values);
    for (std::size_t e = 0; e < in.rows(); ++e)
        for (std::int32_t i : in.row(e)) REQUIRE(ds.relations.to[static_cast<std::size_t>(i)] == static_cast<EnterpriseId>(e));
}
}  // namespace

TEST_CASE("firms_within and relations_in match brute force on random region trees", "[analysis][cache]") {
    std::mt19937_64 rng(20261123);
    for (int round = 0; round < 40; ++round) {
        const int regions = std::uniform_int_distribution<int>(1, 60)(rng);
        const int enterprises = std::uniform_int_distribution<int>(1, 400)(rng);
        const int relations = std::uniform_int_distribution<int>(0, 800)(rng);
        const Dataset ds = random_dataset(rng, regions, enterprises, relations);
        INFO("round " << round << ": " << regions << " regions, " << enterprises << " enterprises");
        const AnalysisCache cache(ds);
        check_firms_within(ds, cache);
        check_relations_in(ds, cache);
    }
}

TEST_CASE("firms_within: a region's slice is in pre-order, then enterprise order", "[analysis][cache]") {
    // Regions C0 (index 0) and C1 (1) inside P (2), whose index is higher than its children's: the
    // pre-order is P, C0, C1 (children in index order), whatever order the firms were added in.
    Dataset ds;
    const RegionId c0 = ds.regions.add("C0", "", kNone, kNaN);
    const RegionId c1 = ds.regions.add("C1", "", kNone, kNaN);
    const RegionId p = ds.regions.add("P", "", kNone, kNaN);
    ds.regions.set_parent(c0, p);
    ds.regions.set_parent(c1, p);
    ds.enterprises.push("a", "", c1, kNaN, kNaN, 0, 0);  // 0
    ds.enterprises.push("b", "", p, kNaN, kNaN, 0, 0);   // 1
    ds.enterprises.push("c", "", c0, kNaN, kNaN, 0, 0);  // 2
    ds.enterprises.push("d", "", c1, kNaN, kNaN, 0, 0);  // 3
    ds.enterprises.push("e", "", p, kNaN, kNaN, 0, 0);   // 4
    const AnalysisCache cache(ds);
    const auto all = cache.firms_within(p);
    CHECK(std::vector<EnterpriseId>(all.begin(), all.end()) == std::vector<EnterpriseId>{1, 4, 2, 0, 3});
    const auto one = cache.firms_within(c1);
    CHECK(std::vector<EnterpriseId>(one.begin(), one.end()) == std::vector<EnterpriseId>{0, 3});
    CHECK(cache.firms_within(c0).size() == 1);
    CHECK(cache.relations_in().rows() == 5);
    CHECK(cache.relations_in().values.empty());
}

TEST_CASE("firms_within refuses a cycle in region parents", "[analysis][cache]") {
    Dataset ds;
    const RegionId a = ds.regions.add("A", "", kNone, kNaN);
    const RegionId b = ds.regions.add("B", "", a, kNaN);
    ds.regions.set_parent(a, b);
    const AnalysisCache cache(ds);
    CHECK_THROWS_AS(cache.firms_within(a), std::logic_error);
}

TEST_CASE("firms_within and relations_in match brute force on the demo data", "[analysis][cache]") {
    const Dataset ds = load_dataset(source_dir() + "/data/demo");
    REQUIRE(ds.regions.size() > 10);
    REQUIRE(ds.relations.size() > 0);
    const AnalysisCache& cache = analysis_cache(ds);
    check_firms_within(ds, cache);
    check_relations_in(ds, cache);
}

TEST_CASE("firms_within matches brute force on a synthetic national dataset", "[analysis][cache]") {
    const Dataset ds = synthetic_dataset(3000, 7, 6000);
    const AnalysisCache& cache = analysis_cache(ds);
    for (const char* id : {"500000", "500100", "440000", "110000"}) {
        auto r = ds.regions.find(id);
        REQUIRE(r);
        INFO("region " << id);
        const auto got = cache.firms_within(*r);
        REQUIRE(std::vector<EnterpriseId>(got.begin(), got.end()) == firms_within_reference(ds, *r));
        REQUIRE(!got.empty());
    }
    check_relations_in(ds, cache);
}

TEST_CASE("id_order ranks enterprise ids as strings compare; active_firms counts by scan", "[analysis][cache]") {
    std::mt19937_64 rng(20261124);
    // Ids F0, F1, …, F10, …: index order is not id order (F10 < F2), so the ranks come from the sort.
    const Dataset ds = random_dataset(rng, 5, 300, 0);
    REQUIRE_FALSE(ds.enterprise_ids_sorted());
    const AnalysisCache cache(ds);
    const std::vector<std::int32_t>& rank = cache.id_order();
    REQUIRE(rank.size() == ds.enterprises.size());
    std::int64_t active = 0;
    for (EnterpriseId a = 0; a < static_cast<EnterpriseId>(ds.enterprises.size()); ++a) {
        active += ds.enterprises.status[a] == EnterpriseStatus::active && !ds.enterprises.aggregate[a];
        for (EnterpriseId b = 0; b < static_cast<EnterpriseId>(ds.enterprises.size()); b += 7)
            REQUIRE((rank[a] < rank[b]) == (ds.enterprises.id[a] < ds.enterprises.id[b]));
    }
    CHECK(cache.active_firms() == active);
    CHECK(active > 0);
    // Sorted ids: the rank is the index.
    Dataset sorted;
    const RegionId r = sorted.regions.add("R", "", kNone, kNaN);
    for (const char* id : {"a", "b", "c"}) sorted.enterprises.push(id, "", r, kNaN, kNaN, 0, 0);
    const AnalysisCache sorted_cache(sorted);
    CHECK(sorted_cache.id_order() == std::vector<std::int32_t>{0, 1, 2});
    // Local firm lists sorted by rank are the lists sorted by (capacity desc, id string asc).
    std::vector<LocalFirm> firms;
    for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(ds.enterprises.size()); ++e)
        firms.push_back({e, 1.0, static_cast<double>(e % 4), -1});  // many equal capacities
    std::shuffle(firms.begin(), firms.end(), rng);
    std::vector<LocalFirm> by_rank = firms, by_string = firms;
    sort_local_firms_by_rank(rank, by_rank);
    std::sort(by_string.begin(), by_string.end(), [&](const LocalFirm& x, const LocalFirm& y) {
        if (x.capacity != y.capacity) return x.capacity > y.capacity;
        return ds.enterprises.id[x.enterprise] < ds.enterprises.id[y.enterprise];
    });
    REQUIRE(by_rank.size() == by_string.size());
    for (std::size_t i = 0; i < by_rank.size(); ++i) REQUIRE(by_rank[i].enterprise == by_string[i].enterprise);
}

TEST_CASE("presence per region is kept and equals presence_in; gap scores equal the full report", "[analysis][cache]") {
    const Dataset ds = load_dataset(source_dir() + "/data/demo");
    const AnalysisCache cache(ds);
    for (RegionId r = 0; r < static_cast<RegionId>(ds.regions.size()); r += 5) {
        INFO("region " << ds.regions.id(r));
        const RegionPresence want = presence_in(cache, r);
        const RegionPresence& got = cache.presence(r);
        REQUIRE(got.count == want.count);
        REQUIRE(got.capacity == want.capacity);  // bit for bit: the same function, kept
        CHECK(got.size == want.size);
        CHECK(got.enterprises == want.enterprises);
        CHECK(&cache.presence(r) == &got);  // kept, not recomputed
        const GapReport full = analyze_gaps(cache, r, std::nullopt, GapParams{});
        const GapReport scores = analyze_gap_scores(cache, r, std::nullopt, GapParams{});
        CHECK(scores.benchmark.share == full.benchmark.share);
        REQUIRE(scores.chains.size() == full.chains.size());
        for (std::size_t c = 0; c < full.chains.size(); ++c) {
            REQUIRE(scores.chains[c].links.size() == full.chains[c].links.size());
            CHECK(scores.chains[c].mean_gap == full.chains[c].mean_gap);
            for (std::size_t i = 0; i < full.chains[c].links.size(); ++i) {
                const LinkGap& a = scores.chains[c].links[i];
                const LinkGap& b = full.chains[c].links[i];
                REQUIRE(a.node == b.node);
                REQUIRE(a.gap_score == b.gap_score);
                REQUIRE(a.status == b.status);
                REQUIRE(a.local_count == b.local_count);
                REQUIRE(a.local_capacity == b.local_capacity);
                CHECK(a.firms.empty());
                CHECK(b.firms.size() == static_cast<std::size_t>(b.local_count));
            }
        }
    }
    CHECK(&cache.presence(kNone) == &cache.national());
}

TEST_CASE("local firm lists are kept per region and chain, bounded, equal to local_firms_by_node", "[analysis][cache]") {
    const Dataset ds = load_dataset(source_dir() + "/data/demo");
    const std::optional<ChainId> semi = ds.find_chain("semiconductor");
    REQUIRE(semi);
    auto same = [&](const LocalFirmLists& got, const std::vector<std::vector<LocalFirm>>& want) {
        REQUIRE(got.size() == want.size());
        for (std::size_t n = 0; n < want.size(); ++n) {
            INFO("node " << ds.nodes[n].id);
            if (want[n].empty()) {
                REQUIRE(!got[n]);
                continue;
            }
            REQUIRE(got[n]);
            REQUIRE(got[n]->size() == want[n].size());
            for (std::size_t i = 0; i < want[n].size(); ++i) {
                REQUIRE((*got[n])[i].enterprise == want[n][i].enterprise);
                REQUIRE((*got[n])[i].capacity == want[n][i].capacity);
                REQUIRE((*got[n])[i].weight == want[n][i].weight);
                REQUIRE((*got[n])[i].attachment == want[n][i].attachment);
            }
        }
    };
    const AnalysisCache cache(ds);
    for (const char* id : {"500000", "320000", "440000"}) {
        const RegionId r = *ds.regions.find(id);
        INFO("region " << id);
        for (const std::optional<ChainId> chain : {std::optional<ChainId>{}, semi}) {
            const auto lists = cache.local_firms(r, chain);
            same(*lists, local_firms_by_node(cache, r, chain));
            CHECK(cache.local_firms(r, chain) == lists);  // kept: the same lists again
        }
    }
    // A bound smaller than two regions' lists: the older is dropped and built again when asked for
    // (equal, not the same object); one larger than the bound is never kept.
    const RegionId cq = *ds.regions.find("500000"), js = *ds.regions.find("320000");
    std::size_t cq_bytes = 0;
    for (const auto& l : *cache.local_firms(cq, std::nullopt))
        if (l) cq_bytes += l->size() * sizeof(LocalFirm);
    REQUIRE(cq_bytes > 0);
    const AnalysisCache small(ds, cq_bytes + cq_bytes / 2);
    const auto first = small.local_firms(cq, std::nullopt);
    CHECK(small.local_firms(cq, std::nullopt) == first);
    (void)small.local_firms(js, std::nullopt);  // Jiangsu's lists push Chongqing's out
    const auto again = small.local_firms(cq, std::nullopt);
    CHECK(again != first);
    same(*again, local_firms_by_node(small, cq, std::nullopt));
    const AnalysisCache tiny(ds, 16);
    CHECK(tiny.local_firms(cq, std::nullopt) != tiny.local_firms(cq, std::nullopt));
}

TEST_CASE("insert_local_firm places a branch where sorting would; a report's edit leaves the kept list alone", "[analysis][cache]") {
    const Dataset ds = load_dataset(source_dir() + "/data/demo");
    const RegionId cq = *ds.regions.find("500000");
    const AnalysisCache& cache = analysis_cache(ds);
    const auto lists = cache.local_firms(cq, std::nullopt);
    int inserted = 0;
    for (NodeId n = 0; n < static_cast<NodeId>(ds.nodes.size()) && inserted < 40; ++n) {
        if (!(*lists)[n] || (*lists)[n]->size() < 3) continue;
        const std::vector<LocalFirm>& base = *(*lists)[n];
        // A branch with the capacity of an existing entry (ties go to the id), and one above all.
        for (const double capacity : {base[1].capacity, base.front().capacity + 1.0}) {
            LocalFirm branch{base.back().enterprise, 1.0, capacity, base.back().attachment, cq};
            std::vector<LocalFirm> by_insert = base, by_sort = base;
            insert_local_firm(ds, by_insert, branch);
            by_sort.push_back(branch);
            sort_local_firms(ds, by_sort);
            REQUIRE(by_insert.size() == by_sort.size());
            for (std::size_t i = 0; i < by_sort.size(); ++i) {
                REQUIRE(by_insert[i].enterprise == by_sort[i].enterprise);
                REQUIRE(by_insert[i].branch_in == by_sort[i].branch_in);
            }
            ++inserted;
        }
        // Editing a report's list copies it: the kept list is unchanged.
        FirmList shared((*lists)[n]);
        const std::size_t before = (*lists)[n]->size();
        shared.edit().pop_back();
        CHECK((*lists)[n]->size() == before);
        CHECK(shared.size() == before - 1);
    }
    CHECK(inserted == 40);
}
