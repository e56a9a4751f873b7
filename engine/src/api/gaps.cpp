#include "chaingap/analysis/gaps.hpp"
#include "chaingap/api/requests.hpp"
#include "common.hpp"
#include "chaingap/report/gaps.hpp"

namespace chaingap::api {

const std::vector<OptionSpec>& GapsRequest::options() {
    static const std::vector<OptionSpec> o = {
        {"region", OptionKind::text, "R", "region id (e.g. 500000 重庆; counties and cities inside it are included)", true},
        {"chain", OptionKind::text, "C", "one chain only (default: every chain with at least one enterprise)"},
        {"top", OptionKind::count, "K", "keep the K highest-gap links of each chain (default 0: all)"},
        {"param", OptionKind::param, "NAME=VALUE", "override a scoring parameter (repeatable; names below)"},
    };
    return o;
}

GapParams parse_gap_params(const Options& o) {
    GapParams p;
    for (const auto& [name, value] : o.params("param")) set_gap_param(p, name, value);
    p.validate();
    return p;
}

GapsRequest GapsRequest::parse(const Options& o) {
    GapsRequest r;
    r.params = parse_gap_params(o);
    r.region = o.require("region");
    r.chain = o.get("chain");
    if (auto k = o.count("top")) r.top = static_cast<std::size_t>(*k);
    return r;
}

Response run(std::shared_ptr<const Dataset> ds, const GapsRequest& r) {
    struct Held {
        std::shared_ptr<const Dataset> ds;
        GapReport report;
    };
    auto held = std::make_shared<Held>();
    held->ds = ds;
    const RegionId region = require_region(*ds, r.region);
    std::optional<ChainId> chain;
    if (r.chain) chain = require_chain(*ds, *r.chain);
    held->report = analyze_gaps(*ds, region, chain, r.params);
    keep_top_links(held->report, r.top);
    return {held, gaps_report(*held->ds, held->report)};
}

}  // namespace chaingap::api
