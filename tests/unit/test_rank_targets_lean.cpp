// The lean candidate pass of rank_targets against the reference (every candidate scored by the full
// row builder): the same lists, bit for bit, on synthetic data with relations, delisted and ST firms,
// on the demo data, for several regions, chains and options; and the kept top K is the prefix of
// the full list.
#include <catch2/catch.hpp>

#include "chaingap/core/threads.hpp"
#include "chaingap/rank/targets.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;

namespace {

void require_same(const Dataset& ds, const TargetList& a, const TargetList& b) {
    CHECK(a.candidates == b.candidates);
    CHECK(a.local_candidates == b.local_candidates);
    CHECK(a.firms_outside == b.firms_outside);
    CHECK(a.excluded_st == b.excluded_st);
    CHECK(a.excluded_inactive == b.excluded_inactive);
    REQUIRE(a.criteria.size() == b.criteria.size());
    for (std::size_t i = 0; i < a.criteria.size(); ++i) {
        CHECK(a.criteria[i].status == b.criteria[i].status);
        CHECK(a.criteria[i].effective_weight == b.criteria[i].effective_weight);
    }
    for (const auto* lists : {&a.targets, &a.local}) {
        const auto& other = lists == &a.targets ? b.targets : b.local;
        REQUIRE(lists->size() == other.size());
        for (std::size_t i = 0; i < lists->size(); ++i) {
            const TargetRow& x = (*lists)[i];
            const TargetRow& y = other[i];
            INFO("row " << i << " " << ds.enterprises.id[x.enterprise] << " / " << ds.enterprises.id[y.enterprise]);
            REQUIRE(x.enterprise == y.enterprise);
            CHECK(x.rank == y.rank);
            CHECK(x.score == y.score);  // bit for bit: the same sums in the same order
            CHECK(x.gap_touched == y.gap_touched);
            CHECK(x.relation_points == y.relation_points);
            CHECK(x.related_firms == y.related_firms);
            for (int k = 0; k < kComponentCount; ++k) CHECK(x.component[k] == y.component[k]);
            REQUIRE(x.links.size() == y.links.size());
        }
    }
}

}  // namespace

TEST_CASE("lean candidate pass = reference, synthetic data with relations, delisted and ST firms", "[rank][targets]") {
    Dataset ds = synthetic_dataset(2500, 17, 12000);
    // Some firms delisted or cancelled, some ST: the counts and exclusions must agree too.
    const int st = *label_bit("st");
    for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(ds.enterprises.size()); ++e) {
        if (e % 29 == 3) ds.enterprises.status[e] = EnterpriseStatus::delisted;
        if (e % 31 == 5) ds.enterprises.status[e] = EnterpriseStatus::cancelled;
        if (e % 23 == 7) ds.enterprises.labels[e] |= 1U << st;
    }
    int lists = 0;
    for (const char* region : {"500000", "440000", "110000"}) {
        for (const char* chain : {"", "semiconductor", "new_display"}) {
            for (int variant = 0; variant < 3; ++variant) {
                TargetQuery q;
                q.region = *ds.regions.find(region);
                if (*chain) q.chain = *ds.find_chain(chain);
                q.include_local = variant >= 1;
                q.include_st = variant == 2;
                if (variant == 2) q.from_regions = parse_source_regions(ds, "yangtze_delta,jingjinji");
                INFO(region << " chain '" << chain << "' variant " << variant);
                const TargetList lean = rank_targets(ds, q);
                const TargetList ref = rank_targets_reference(ds, q);
                REQUIRE(lean.targets.size() > 5);
                require_same(ds, lean, ref);
                lists += 1;
                // The top K of the lean list is the full list's prefix.
                q.keep = 7;
                const TargetList top = rank_targets(ds, q);
                REQUIRE(top.targets.size() == 7);
                CHECK(top.candidates == ref.candidates);
                for (std::size_t i = 0; i < top.targets.size(); ++i) {
                    CHECK(top.targets[i].enterprise == ref.targets[i].enterprise);
                    CHECK(top.targets[i].score == ref.targets[i].score);
                }
            }
        }
    }
    CHECK(lists == 27);
}

TEST_CASE("lean candidate pass = reference on the demo data", "[rank][targets]") {
    const Dataset ds = load_dataset(source_dir() + "/data/demo");
    for (const char* region : {"500000", "320000", "440000"}) {
        const auto r = ds.regions.find(region);
        REQUIRE(r);
        TargetQuery q;
        q.region = *r;
        q.include_local = true;
        INFO(region);
        const TargetList lean = rank_targets(ds, q);
        REQUIRE(lean.targets.size() > 5);
        require_same(ds, lean, rank_targets_reference(ds, q));
    }
}

TEST_CASE("top K with relatedness read lazily (prune_by_bound) = prefix of the reference list", "[rank][targets]") {
    // The pruned pass reads relations only for firms whose score bound can still reach the top K.
    // Whatever K, relatedness weight or data, the kept rows and the criteria must be the full list's.
    Dataset with_relations = synthetic_dataset(2500, 17, 12000);
    const Dataset without_relations = synthetic_dataset(2500, 17, 0);  // relatedness: no data
    const int st = *label_bit("st");
    for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(with_relations.enterprises.size()); ++e)
        if (e % 23 == 7) with_relations.enterprises.labels[e] |= 1U << st;
    int compared = 0;
    for (const Dataset* ds : {static_cast<const Dataset*>(&with_relations), &without_relations}) {
        for (const char* region : {"500000", "110000"}) {
            for (const char* chain : {"", "semiconductor"}) {
                for (const double relatedness : {0.0, 0.05, 0.6, 1.0}) {
                    TargetQuery q;
                    q.region = *ds->regions.find(region);
                    if (*chain) q.chain = *ds->find_chain(chain);
                    q.rank_params.relatedness = relatedness;
                    q.include_local = relatedness > 0.5;
                    const TargetList ref = rank_targets_reference(*ds, q);
                    for (const std::size_t keep : {std::size_t{1}, std::size_t{3}, std::size_t{20}, std::size_t{400}}) {
                        INFO(region << " chain '" << chain << "' relatedness " << relatedness << " keep " << keep
                                    << (ds == &with_relations ? " with" : " without") << " relations");
                        q.keep = keep;
                        const TargetList top = rank_targets(*ds, q);
                        TargetList prefix = ref;
                        if (prefix.targets.size() > keep) prefix.targets.resize(keep);
                        if (prefix.local.size() > keep) prefix.local.resize(keep);
                        require_same(*ds, top, prefix);
                        ++compared;
                    }
                }
            }
        }
    }
    CHECK(compared == 2 * 2 * 2 * 4 * 4);
}

TEST_CASE("the candidate pass split over threads = the reference on one thread", "[rank][targets]") {
    // Past 20,000 candidates the pass runs on one thread per core (slices joined in order, statistics
    // merged); the lists, counts and criteria must be those of the sequential reference, bit for bit.
    Dataset ds = synthetic_dataset(60000, 5, 60000);
    const int st = *label_bit("st");
    for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(ds.enterprises.size()); ++e) {
        if (e % 37 == 3) ds.enterprises.status[e] = EnterpriseStatus::delisted;
        if (e % 41 == 5) ds.enterprises.labels[e] |= 1U << st;
    }
    TargetQuery q;
    q.region = *ds.regions.find("500000");
    q.include_local = true;
    const TargetList ref = rank_targets_reference(ds, q);
    REQUIRE(ref.candidates > 20000);
    if (default_threads() < 2) WARN("one core here: the split pass ran on one thread");
    require_same(ds, rank_targets(ds, q), ref);
    q.keep = 20;
    TargetList prefix = ref;
    prefix.targets.resize(20);
    prefix.local.resize(std::min<std::size_t>(20, prefix.local.size()));
    require_same(ds, rank_targets(ds, q), prefix);
}
