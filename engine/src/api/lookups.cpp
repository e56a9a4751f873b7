// Requests for look-ups: the region list, one link's presence by region, one enterprise.
#include <algorithm>

#include "chaingap/analysis/gaps.hpp"
#include "chaingap/analysis/presence.hpp"
#include "chaingap/api/requests.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/report/dataset_views.hpp"

namespace chaingap::api {

const std::vector<OptionSpec>& RegionsRequest::options() {
    static const std::vector<OptionSpec> o = {};
    return o;
}

RegionsRequest RegionsRequest::parse(const Options& o) {
    if (!o.positional().empty()) throw UsageError("unexpected argument '" + o.positional()[0] + "'");
    return {};
}

Response run(std::shared_ptr<const Dataset> ds, const RegionsRequest&) { return {ds, regions_report(*ds)}; }

const std::vector<OptionSpec>& PresenceRequest::options() {
    static const std::vector<OptionSpec> o = {
        {"chain", OptionKind::text, "C", "chain id", true},
        {"node", OptionKind::text, "N", "link (node) id within the chain", true},
        {"level", OptionKind::count, "L", "region depth: 0 top level (provinces; default), 1 cities, 2 counties"},
    };
    return o;
}

PresenceRequest PresenceRequest::parse(const Options& o) {
    if (!o.positional().empty()) throw UsageError("unexpected argument '" + o.positional()[0] + "'");
    PresenceRequest r;
    if (auto l = o.count("level")) r.level = static_cast<int>(std::min<long long>(*l, 64));
    r.chain = o.require("chain");
    r.node = o.require("node");
    return r;
}

Response run(std::shared_ptr<const Dataset> ds, const PresenceRequest& r) {
    struct Held {
        std::shared_ptr<const Dataset> ds;
        PresenceMatrix matrix;
    };
    const ChainId chain = require_chain(*ds, r.chain);
    const auto node = ds->find_node(chain, r.node);
    if (!node) throw NotFoundError("unknown link '" + r.node + "' in chain '" + r.chain + "' (`chaingap chains show " + r.chain + "` lists them)");
    auto held = std::make_shared<Held>();
    held->ds = ds;
    held->matrix = presence_all_regions(*ds);
    return {held, presence_report(*held->ds, held->matrix, *node, r.level)};
}

const std::vector<OptionSpec>& FirmRequest::options() {
    static const std::vector<OptionSpec> o = {};
    return o;
}

FirmRequest FirmRequest::parse(const Options& o) {
    const auto& pos = o.positional();
    if (pos.size() != 1 || pos[0].empty()) throw UsageError("usage: chaingap firm ID --data DIR (one enterprise id)");
    return {pos[0]};
}

Response run(std::shared_ptr<const Dataset> ds, const FirmRequest& r) {
    const auto e = ds->find_enterprise(r.id);
    if (!e) throw NotFoundError("unknown enterprise '" + r.id + "'");
    return {ds, firm_report(*ds, *e)};
}

}  // namespace chaingap::api
