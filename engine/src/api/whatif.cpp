#include "chaingap/api/requests.hpp"
#include "common.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/rank/whatif.hpp"
#include "chaingap/report/targets.hpp"

namespace chaingap::api {

const std::vector<OptionSpec>& WhatIfRequest::options() {
    static const std::vector<OptionSpec> o = {
        {"region", OptionKind::text, "R", "the region the firms would come to", true},
        {"add", OptionKind::list, "LIST", "enterprise ids (comma-separated, repeatable); each must exist and lie outside R"},
        {"chain", OptionKind::text, "C", "one chain only (default: every chain with at least one enterprise)"},
        {"param", OptionKind::param, "NAME=VALUE", "override a scoring parameter (repeatable; names below)"},
    };
    return o;
}

WhatIfRequest WhatIfRequest::parse(const Options& o) {
    WhatIfRequest r;
    r.params = parse_gap_params(o);
    r.add = o.list("add");
    if (r.add.empty()) throw UsageError("option --add is required (see --help)");
    r.region = o.require("region");
    r.chain = o.get("chain");
    return r;
}

Response run(std::shared_ptr<const Dataset> ds, const WhatIfRequest& r) {
    struct Held {
        std::shared_ptr<const Dataset> ds;
        WhatIfResult result;
    };
    auto held = std::make_shared<Held>();
    held->ds = ds;
    const RegionId region = require_region(*ds, r.region);
    std::optional<ChainId> chain;
    if (r.chain) chain = require_chain(*ds, *r.chain);
    held->result = run_whatif(*ds, region, chain, resolve_additions(*ds, region, r.add), r.params);
    return {held, whatif_report(*held->ds, held->result)};
}

}  // namespace chaingap::api
