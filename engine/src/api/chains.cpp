#include "chaingap/analysis/gaps.hpp"
#include "chaingap/api/requests.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/report/chains.hpp"

namespace chaingap::api {

const std::vector<OptionSpec>& ChainsRequest::options() {
    static const std::vector<OptionSpec> o = {};
    return o;
}

ChainsRequest ChainsRequest::parse(const Options& o) {
    ChainsRequest r;
    const auto& pos = o.positional();
    if (pos.empty() || pos[0] == "list") return r;
    if (pos[0] != "show") throw UsageError("unknown chains sub-command '" + pos[0] + "' (list, show)");
    if (pos.size() != 2) throw UsageError("usage: chaingap chains show CHAIN [--format table|dot|json]");
    r.show = pos[1];
    return r;
}

Response run(std::shared_ptr<const Dataset> ds, const ChainsRequest& r) {
    if (!r.show) return {ds, chains_listing_report(*ds)};
    return {ds, chain_report(*ds, require_chain(*ds, *r.show))};
}

}  // namespace chaingap::api
