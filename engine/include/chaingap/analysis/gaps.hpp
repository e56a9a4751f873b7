// Gap and weak-link analysis of a region on its chains (缺链 / 弱链 / 断链 risk).
//
// Per (region R, link n):
//   benchmark b_R  = R's weight in regions.csv when given, else R's share of the size of all
//                    enterprises in the dataset; fixed per dataset (or frozen by the caller, as
//                    what-if does) so attracting a firm at one link never makes another look weaker.
//   local_share    = local capacity / national capacity;  RCA = local_share / b_R (Balassa 1965).
//   status         = absent_everywhere (no firm anywhere in a dataset whose coverage is
//                    full_registry: no supply anywhere, not a regional gap)
//                  | no_data (no firm anywhere in a dataset of any other coverage, or of unknown
//                    coverage: the data do not cover the link — 数据未覆盖, not "no supply")
//                  | missing (no local firm) | single_point (one local firm, links downstream depend
//                    on it) | weak (RCA < weak_rca) | strong.
//   shortfall      = 1 when missing, else clamp(1 − RCA / weak_rca, 0, 1).
//   risk           = single_point_risk for single_point links, else 0 — and 0 when R's firm is the
//                    only supplier in the dataset (nobody to attract, as for absent_everywhere).
//   Only active firms count (presence.hpp): a delisted or cancelled firm is no local firm today.
//   gap_score      = importance × min(1, shortfall + risk), in [0, 1].
// The single-point test uses the chain's own downstream (structural dependency), not which
// downstream links R already has: otherwise attracting a downstream firm could raise an upstream
// link's gap. How many of those downstream links R has is reported as local_dependents.
// Each reported link lists its local firms (local_firms.hpp), largest capacity first.
// Complexity: presence O(A·T + R) + importance (see importance.hpp) + O(N log N) for sorting.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chaingap/analysis/cache.hpp"
#include "chaingap/analysis/importance.hpp"
#include "chaingap/analysis/local_firms.hpp"
#include "chaingap/analysis/params.hpp"
#include "chaingap/analysis/presence.hpp"
#include "chaingap/model/dataset.hpp"

namespace chaingap {

// New values are appended (the Python bindings expose the codes).
enum class LinkStatus { missing, single_point, weak, strong, absent_everywhere, no_data };
std::string_view status_name(LinkStatus s);
std::string_view status_name_zh(LinkStatus s);
// What a link with no firm anywhere in `ds` is: absent_everywhere for a full registry, else no_data.
LinkStatus status_without_firms(const Dataset& ds);

struct LinkGap {
    NodeId node = kNone;
    LinkStatus status = LinkStatus::missing;
    double gap_score = 0;
    double importance = 0, reach = 0, betweenness = 0, weight = 1;
    double shortfall = 0, risk = 0;
    std::int32_t local_count = 0, national_count = 0;
    double local_capacity = 0, national_capacity = 0;
    double local_share = 0, rca = 0;
    std::int32_t downstream_links = 0;  // leaf links this one feeds in its chain
    std::int32_t local_dependents = 0;  // of those, how many R has
    FirmList firms;                      // R's active firms at the link, largest capacity first (analyze_gaps)
};

struct ChainGaps {
    ChainId chain = kNone;
    std::vector<LinkGap> links;  // sorted by gap_score descending, then node order
    double mean_gap = 0;         // mean gap over links with supply somewhere
    std::int32_t missing = 0, single_point = 0, weak = 0, strong = 0, absent_everywhere = 0, no_data = 0;
    std::int32_t links_omitted = 0;  // links cut by keep_top_links (counts above still cover them)
};

struct Benchmark {
    double share = 0;
    std::string source;  // "regions.csv" | "dataset_share" | "frozen"
};

struct GapReport {
    RegionId region = kNone;
    Benchmark benchmark;
    GapParams params;
    std::vector<ChainGaps> chains;
    std::vector<ChainId> chains_without_data;  // skipped: no enterprise anywhere on the chain
    std::int64_t local_enterprises = 0;
};

// Resolves a region id; throws UsageError when the dataset does not know it.
RegionId require_region(const Dataset& ds, std::string_view id);
// Resolves a chain id; throws UsageError listing a few known chains when unknown.
ChainId require_chain(const Dataset& ds, std::string_view id);

Benchmark region_benchmark(const Dataset& ds, RegionId region, const RegionPresence& local,
                           const RegionPresence& national);

// One link's score from its presence numbers. Shared by the single-region and all-region paths.
// A link with national_count 0 comes back absent_everywhere; callers that know the dataset turn
// it into status_without_firms(ds) (the score, 0, is the same).
LinkGap score_link(NodeId n, const NodeImportance& imp, std::int32_t local_count, double local_capacity,
                   std::int32_t national_count, double national_capacity, double benchmark,
                   std::int32_t local_dependents, const GapParams& params);

// The gap report of R. `chain`: only that chain (reported even without data); otherwise every chain
// that has at least one attached enterprise. `frozen_benchmark` replaces b_R (what-if).
GapReport analyze_gaps(const Dataset& ds, RegionId region, std::optional<ChainId> chain, const GapParams& params,
                       std::optional<double> frozen_benchmark = std::nullopt);
// The same report with national presence, importance and R's firms (the region index) from the
// cache: a warm query costs R's firms and attachments, O(E_R log E_R + A_R·T + N + Σ_n k_n log k_n)
// (k_n local firms at link n), not the country's.
GapReport analyze_gaps(const AnalysisCache& cache, RegionId region, std::optional<ChainId> chain,
                       const GapParams& params, std::optional<double> frozen_benchmark = std::nullopt);
// The same report without the local firm lists (every LinkGap::firms empty; counts, capacities,
// statuses, scores and benchmark as analyze_gaps gives them), for callers that read only the scores
// (targets, GapClosure). Warm, with R's presence kept in the cache: O(N + L log L), nothing per firm.
GapReport analyze_gap_scores(const AnalysisCache& cache, RegionId region, std::optional<ChainId> chain,
                             const GapParams& params);
// The report from given presence numbers (what-if: the base presence plus branches). Both
// analyze_gaps overloads are this function applied to presence_in's results.
GapReport analyze_gaps_from(const Dataset& ds, const std::vector<NodeImportance>& importance, RegionId region,
                            const RegionPresence& local, const RegionPresence& national,
                            std::optional<ChainId> chain, const GapParams& params,
                            std::optional<double> frozen_benchmark = std::nullopt);
// The same with R's local firms given (per node, as local_firms_by_node(region, chain) returns
// them, shared): the report's links hold the lists, not copies; what-if scores two reports over the
// same local firms.
GapReport analyze_gaps_from(const Dataset& ds, const std::vector<NodeImportance>& importance, RegionId region,
                            const RegionPresence& local, const RegionPresence& national,
                            const LocalFirmLists& firms, std::optional<ChainId> chain,
                            const GapParams& params, std::optional<double> frozen_benchmark = std::nullopt);

// Keeps the `top` highest-gap links of each chain (0: all), recording how many were cut.
void keep_top_links(GapReport& report, std::size_t top);

// Every region × every node at once (research and benchmarks): gap scores and statuses, row-major.
struct GapMatrix {
    std::size_t regions = 0, nodes = 0;
    std::vector<double> gap_score;
    std::vector<LinkStatus> status;
    std::vector<double> benchmark;  // per region
};
GapMatrix analyze_gaps_all_regions(const Dataset& ds, const GapParams& params);

// A sentence explaining a link's score (status, presence, benchmark, importance components).
std::string explain_link(const Dataset& ds, const GapReport& report, const LinkGap& link);

}  // namespace chaingap
