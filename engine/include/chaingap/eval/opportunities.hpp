// 延链 opportunities: the links a region does not have yet, ranked by a backtested scoring model
// (default `boosted`, the model chosen in docs/backtest.md), each with its reasons.
//
// Method. The state is taken at `year` (default: the latest founding year in the data, i.e. all
// dated firms), over the regions at the same depth of the region tree as the requested region and
// the links of the chain (or every chain) at `level` (default: leaves). The model scores every
// pair exactly as in `evaluate` (trained only on history before `year`); the region's pairs without
// a firm are ranked by score. Reasons of each link n:
//   chain     the links the region has next to n in the catalogue: upstream (a flow edge from it to
//             n), downstream (from n to it) and in the same segment (same parent), each with the
//             region's firm count there — 延链 along the chain, the reason a planner reads first
//   related   the links the region has, by proximity φ_n'n (co-location across regions, density.hpp),
//             only those co-located more often than chance: one-sided Fisher exact test over the
//             compared regions, p ≤ `colocation_p` / the number of the region's links tested
//             (Bonferroni). On data where firms are placed at random this list is mostly empty:
//             co-location there is noise, and a planner should not read it as a reason
//   similar   the regions most like this one (cosine of log(1 + firms) rows) that have n
//   drivers   for `boosted`, the largest positive per-feature contributions (SHAP) to its score
//   firms     active firms at n in those similar regions, largest revenue first: who could bring the
//             link (a delisted or cancelled firm cannot; ST firms are left out, as in targets)
// Cost: one evaluation state and one model fit, O(R·N·(R + N)) for the reasons.
// Writers: report/opportunities.hpp (JSON, table, text).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "chaingap/eval/params.hpp"
#include "chaingap/model/dataset.hpp"

namespace chaingap {

struct OpportunityOptions {
    std::string region;                // region id
    std::optional<std::string> chain;  // chain id; nullopt: every chain
    std::optional<int> level;          // depth in the parent tree; nullopt: leaves
    std::size_t top = 20;              // links listed; 0: all
    int reasons = 3;                   // entries per reason list
    double colocation_p = 0.05;        // significance level of the co-location reason (`related`)
    std::string model = "boosted";
    int year = 0;                      // 0: latest founding year in the data
    EvalParams params;
};

struct Reason {
    std::string id, name;  // link key / region id / feature name / enterprise id
    double value = 0;      // proximity / similarity / contribution (log-odds) / revenue / firms in R
    std::string kind;      // chain: upstream | downstream | same_segment; empty elsewhere
};

struct Opportunity {
    int rank = 0;
    std::string node_key, node_name, chain_id;
    double score = 0;
    std::vector<Reason> chain, related, similar, drivers, firms;
};

struct OpportunityResult {
    std::string region_id, region_name, model;
    int year = 0;
    std::size_t regions = 0, links = 0, links_present = 0;  // the comparison set and the region's links
    std::vector<Opportunity> items;
};

// Throws UsageError for an unknown region, chain or model, a year without data, or a model that
// cannot be fitted on the history.
OpportunityResult opportunities(const Dataset& ds, const OpportunityOptions& options);

// Chinese label of a boosted feature (the feature name itself when none).
std::string feature_label_zh(const std::string& feature);

}  // namespace chaingap
