#include "chaingap/api/requests.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/parse.hpp"
#include "chaingap/eval/model.hpp"
#include "chaingap/report/opportunities.hpp"

namespace chaingap::api {

const std::vector<OptionSpec>& OpportunitiesRequest::options() {
    static const std::vector<OptionSpec> o = [] {
        const OpportunityOptions d;
        std::string models = "scoring model (default " + d.model + ", the backtested best: docs/backtest.md):";
        for (const auto& m : model_table()) models += std::string(" ") + m.name;
        return std::vector<OptionSpec>{
            {"region", OptionKind::text, "R", "the region; compared with the regions at the same depth of the region tree",
             true},
            {"chain", OptionKind::text, "C", "links of chain C only (default: every chain)"},
            {"level", OptionKind::text, "L", "links at depth L of the parent tree (0 = top segments; default: leaf links)"},
            {"top", OptionKind::count, "K", "links listed (default " + std::to_string(d.top) + "; 0: all)"},
            {"model", OptionKind::text, "M", models},
            {"year", OptionKind::text, "YEAR", "state at the end of YEAR (default: the latest founding year in the data)"},
            {"param", OptionKind::param, "NAME=VALUE", "override a model parameter (repeatable; names below)"},
        };
    }();
    return o;
}

OpportunitiesRequest OpportunitiesRequest::parse(const Options& o) {
    OpportunitiesRequest r;
    OpportunityOptions& e = r.opt;
    constexpr long long kYears = 1'000'000;
    for (const auto& [name, value] : o.params("param")) set_eval_param(e.params, name, value);
    e.params.validate();
    e.region = o.require("region");
    e.chain = o.get("chain");
    if (auto l = o.get("level")) e.level = static_cast<int>(parse_integer(*l, "--level", 0, kYears));
    if (auto k = o.count("top")) e.top = static_cast<std::size_t>(*k);
    if (auto m = o.get("model")) e.model = require_model(*m).name;
    if (auto y = o.get("year")) e.year = static_cast<int>(parse_integer(*y, "--year", 1, kYears));
    return r;
}

Response run(std::shared_ptr<const Dataset> ds, const OpportunitiesRequest& r) {
    struct Held {
        std::shared_ptr<const Dataset> ds;
        OpportunityResult result;
    };
    auto held = std::make_shared<Held>();
    held->ds = ds;
    held->result = opportunities(*ds, r.opt);
    return {held, opportunities_report(held->result, *held->ds)};
}

}  // namespace chaingap::api
