// Requests for project screening (assess) and region benchmarking (compare, leaderboard).
#include "chaingap/rank/assess.hpp"

#include "chaingap/analysis/gaps.hpp"
#include "chaingap/api/project_inputs.hpp"
#include "chaingap/api/requests.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/rank/benchmark.hpp"
#include "chaingap/report/assess.hpp"
#include "chaingap/report/benchmark.hpp"
#include "common.hpp"

namespace chaingap::api {

// ---------------------------------------------------------------- assess
const std::vector<OptionSpec>& AssessRequest::options() {
    static const std::vector<OptionSpec> o = {
        {"region", OptionKind::text, "R", "region the projects would land in", true},
        {"project", OptionKind::text, "FILE",
         "proposed projects, .json or CSV: id, name, enterprise, links (chain/node;…), investment 万元, output "
         "万元/年, tax 万元/年, land 亩, energy 吨标准煤/年, jobs",
         true},
        {"threshold", OptionKind::param, "NAME=VALUE", "re-set a screening threshold (repeatable; names below)"},
        {"lang", OptionKind::text, "L", "zh (default) or en"},
        {"param", OptionKind::param, "NAME=VALUE", "override a gap-scoring parameter (repeatable)"},
    };
    return o;
}

AssessRequest AssessRequest::parse(const Options& o) {
    AssessRequest r;
    for (const auto& [name, value] : o.params("threshold")) set_assess_param(r.thresholds, name, value);
    r.gap_params = parse_gap_params(o);
    r.lang = parse_lang(o);
    r.region = o.require("region");
    r.project = o.require("project");
    r.data = o.get("data").value_or("");
    return r;
}

Response run(std::shared_ptr<const Dataset> ds, const AssessRequest& r) {
    struct Held {
        std::shared_ptr<const Dataset> ds;
        AssessResult result;
    };
    auto held = std::make_shared<Held>();
    held->ds = ds;
    const RegionId region = require_region(*ds, r.region);
    const std::vector<ProjectProposal> projects = read_projects(r.project, *ds);
    const RegionAverages averages =
        r.data.empty() ? RegionAverages{} : read_region_averages(r.data, ds->regions.id(region));
    held->result = assess_projects(*ds, region, projects, averages, r.thresholds, r.gap_params);
    return {held, assess_report(*held->ds, held->result, r.lang)};
}

// ---------------------------------------------------------------- compare
const std::vector<OptionSpec>& CompareRequest::options() {
    static const std::vector<OptionSpec> o = {
        {"regions", OptionKind::list, "A,B,…", "two or more region ids", true},
        {"chain", OptionKind::text, "C", "one chain only (default: every chain with at least one enterprise)"},
        {"lang", OptionKind::text, "L", "zh (default) or en"},
        {"param", OptionKind::param, "NAME=VALUE", "override a gap-scoring parameter (repeatable)"},
    };
    return o;
}

CompareRequest CompareRequest::parse(const Options& o) {
    CompareRequest r;
    r.params = parse_gap_params(o);
    r.lang = parse_lang(o);
    r.regions = o.list("regions");
    if (r.regions.empty()) throw UsageError("--regions: give at least two regions to compare");
    r.chain = o.get("chain");
    return r;
}

Response run(std::shared_ptr<const Dataset> ds, const CompareRequest& r) {
    struct Held {
        std::shared_ptr<const Dataset> ds;
        RegionComparison comparison;
    };
    auto held = std::make_shared<Held>();
    held->ds = ds;
    std::vector<RegionId> regions;
    for (const auto& id : r.regions) regions.push_back(require_region(*ds, id));
    std::optional<ChainId> chain;
    if (r.chain) chain = require_chain(*ds, *r.chain);
    held->comparison = compare_regions(*ds, regions, chain, r.params);
    return {held, comparison_report(*held->ds, held->comparison, r.lang)};
}

// ---------------------------------------------------------------- leaderboard
const std::vector<OptionSpec>& LeaderboardRequest::options() {
    static const std::vector<OptionSpec> o = {
        {"within", OptionKind::text, "R",
         "parent region: its direct sub-regions are ranked (national or 全国: the top-level regions)", true},
        {"chain", OptionKind::text, "C", "one chain only (default: every chain with at least one enterprise)"},
        {"lang", OptionKind::text, "L", "zh (default) or en"},
        {"param", OptionKind::param, "NAME=VALUE", "override a gap-scoring parameter (repeatable)"},
    };
    return o;
}

LeaderboardRequest LeaderboardRequest::parse(const Options& o) {
    LeaderboardRequest r;
    r.params = parse_gap_params(o);
    r.lang = parse_lang(o);
    r.within = o.require("within");
    r.chain = o.get("chain");
    return r;
}

Response run(std::shared_ptr<const Dataset> ds, const LeaderboardRequest& r) {
    struct Held {
        std::shared_ptr<const Dataset> ds;
        Leaderboard board;
    };
    auto held = std::make_shared<Held>();
    held->ds = ds;
    // "national" / "全国": the top-level regions, unless the dataset has a region with that id.
    RegionId within = kNone;
    if (auto found = ds->regions.find(r.within))
        within = *found;
    else if (r.within != "national" && r.within != "全国")
        within = require_region(*ds, r.within);
    std::optional<ChainId> chain;
    if (r.chain) chain = require_chain(*ds, *r.chain);
    held->board = leaderboard(*ds, within, chain, r.params);
    return {held, leaderboard_report(*held->ds, held->board, r.lang)};
}

}  // namespace chaingap::api
