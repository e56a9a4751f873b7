#include "chaingap/api/requests.hpp"
#include "common.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/rank/portfolio.hpp"
#include "chaingap/rank/targets.hpp"
#include "chaingap/report/targets.hpp"

namespace chaingap::api {

const std::vector<OptionSpec>& TargetsRequest::options() {
    static const std::vector<OptionSpec> o = {
        {"region", OptionKind::text, "R", "region to attract firms to (regions inside it count as local)", true},
        {"chain", OptionKind::text, "C", "one chain only (default: every chain with at least one enterprise)"},
        {"top", OptionKind::count, "K", "rows shown (default " + std::to_string(TargetsRequest{}.top) + "; 0: all)"},
        {"weights", OptionKind::text, "FILE", "JSON object {\"name\": number} overriding ranking parameters"},
        {"from-regions", OptionKind::list, "LIST",
         "region groups or ids whose firms get the source_region component: jingjinji 京津冀, yangtze_delta 长三角, "
         "gba 粤港澳大湾区, us_eu_jp_kr 欧美日韩, or any region id"},
        {"local", OptionKind::flag, "", "also list firms inside R at gap links to grow (育新扶小 / 增资扩产)"},
        {"portfolio", OptionKind::count, "K",
         "pick K firms greedily by marginal gap reduction (what-if per pick) and compare with the plain top-K"},
        {"include-st", OptionKind::flag, "",
         "also list ST / *ST firms (label st; left out by default). Delisted and cancelled firms are never targets"},
        {"lang", OptionKind::text, "L", "zh (default) or en: language of the table and the workbook"},
        {"param", OptionKind::param, "NAME=VALUE", "override a scoring or ranking parameter (repeatable; names below)"},
    };
    return o;
}

TargetsRequest TargetsRequest::parse(const Options& o) {
    TargetsRequest r;
    if (auto w = o.get("weights")) r.rank_params = read_rank_weights(*w);
    for (const auto& [name, value] : o.params("param")) {
        bool gap = false;
        for (const auto& p : gap_param_info()) gap = gap || name == p.name;
        if (gap)
            set_gap_param(r.gap_params, name, value);
        else
            set_rank_param(r.rank_params, name, value);  // UsageError for a name in neither table
    }
    r.gap_params.validate();
    if (auto k = o.count("top")) r.top = static_cast<std::size_t>(*k);
    if (auto k = o.count("portfolio", 1)) r.portfolio = static_cast<int>(std::min<long long>(*k, 1'000'000));
    r.local = o.flag("local");
    r.include_st = o.flag("include-st");
    r.lang = parse_lang(o);
    r.workbook = o.get("format").value_or("") == "xlsx";
    r.region = o.require("region");
    r.chain = o.get("chain");
    r.from_regions = o.list("from-regions");
    return r;
}

Response run(std::shared_ptr<const Dataset> ds, const TargetsRequest& r) {
    struct Held {
        std::shared_ptr<const Dataset> ds;
        TargetList list;
        Portfolio portfolio;
    };
    auto held = std::make_shared<Held>();
    held->ds = ds;
    TargetQuery q;
    q.gap_params = r.gap_params;
    q.rank_params = r.rank_params;
    // The workbook and the table show the local firms to grow (育新扶小) too; JSON and CSV only
    // with --local (their contract).
    q.include_local = r.local || r.workbook;
    q.include_st = r.include_st;
    q.region = require_region(*ds, r.region);
    if (r.chain) q.chain = require_chain(*ds, *r.chain);
    if (!r.from_regions.empty()) {
        std::string joined;
        for (const auto& x : r.from_regions) joined += (joined.empty() ? "" : ",") + x;
        q.from_regions = parse_source_regions(*ds, joined);
    }
    // Only the rows shown are built in full; the portfolio chooses among every candidate.
    q.keep = r.portfolio ? 0 : r.top;
    held->list = rank_targets(*ds, q);
    if (r.portfolio) {
        held->portfolio = choose_portfolio(*ds, held->list, *r.portfolio);
        return {held, portfolio_report(*held->ds, held->list, held->portfolio, r.top, r.lang)};
    }
    return {held, targets_report(*held->ds, held->list, r.top, r.lang)};
}

}  // namespace chaingap::api
