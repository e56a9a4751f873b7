#include "chaingap/api/requests.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/parse.hpp"
#include "chaingap/eval/model.hpp"
#include "chaingap/report/evaluation.hpp"

namespace chaingap::api {

const std::vector<OptionSpec>& EvaluateRequest::options() {
    static const std::vector<OptionSpec> o = [] {
        std::string models = "comma-separated, default all:";
        for (const auto& m : model_table()) models += std::string(" ") + m.name;
        return std::vector<OptionSpec>{
            {"cutoff", OptionKind::text, "YEAR", "state at the end of YEAR", true},
            {"horizon", OptionKind::number, "Y", "years after the cutoff in which activations count (= --param horizon=Y)"},
            {"chain", OptionKind::text, "C", "links of chain C only (default: every chain)"},
            {"level", OptionKind::text, "L", "links at depth L of the parent tree (0 = top segments; default: leaf links)"},
            {"region-level", OptionKind::text, "D", "regions at depth D of the region tree (default: the regions holding firms)"},
            {"models", OptionKind::text, "LIST", models},
            {"bootstrap", OptionKind::number, "B", "bootstrap resamples (= --param bootstrap=B; 0: no intervals)"},
            {"seed", OptionKind::number, "S", "seed of the random baseline and the bootstrap"},
            {"param", OptionKind::param, "NAME=VALUE", "override a parameter (repeatable; names below)"},
        };
    }();
    return o;
}

EvaluateRequest EvaluateRequest::parse(const Options& o) {
    EvaluateRequest r;
    EvalOptions& e = r.eval;
    constexpr long long kYears = 1'000'000;
    e.cutoff = static_cast<int>(parse_integer(o.require("cutoff"), "--cutoff", -kYears, kYears));
    for (const char* name : {"horizon", "bootstrap", "seed"})
        if (auto v = o.number(name)) set_eval_param(e.params, name, *v);
    for (const auto& [name, value] : o.params("param")) set_eval_param(e.params, name, value);
    e.chain = o.get("chain");
    if (auto l = o.get("level")) e.level = static_cast<int>(parse_integer(*l, "--level", 0, kYears));
    if (auto l = o.get("region-level")) e.region_level = static_cast<int>(parse_integer(*l, "--region-level", 0, kYears));
    if (auto m = o.get("models")) e.models = parse_model_list(*m);
    return r;
}

Response run(std::shared_ptr<const Dataset> ds, const EvaluateRequest& r) {
    struct Held {
        std::shared_ptr<const Dataset> ds;
        EvalResult result;
    };
    auto held = std::make_shared<Held>();
    held->ds = ds;
    held->result = evaluate(*ds, r.eval);
    return {held, evaluation_report(*held->ds, held->result)};
}

}  // namespace chaingap::api
