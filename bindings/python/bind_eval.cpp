// eval/: the backtest (as `chaingap evaluate --format json`) and model scores as numpy matrices.
#include "bind_common.hpp"
#include "chaingap/eval/model.hpp"
#include "chaingap/eval/protocol.hpp"
#include "chaingap/report/evaluation_writers.hpp"

namespace chaingap::py {
namespace {
EvalOptions options(int cutoff, std::optional<int> horizon, std::optional<std::string> chain, std::optional<int> level,
                    int region_level, const pyb::kwargs& kw) {
    EvalOptions o;
    o.cutoff = cutoff;
    if (horizon) set_eval_param(o.params, "horizon", *horizon);
    each_param(kw, [&](const std::string& n, double v) { set_eval_param(o.params, n, v); });
    o.chain = std::move(chain);
    o.level = level;
    o.region_level = region_level;
    return o;
}
}  // namespace

void bind_eval(pyb::module_& m, DatasetClass& cls) {
    m.def(
        "eval_params",
        [] {
            pyb::list out = describe_params(eval_param_info(), EvalParams{});
            for (std::size_t i = 0; i < eval_param_info().size(); ++i) out[i]["integer"] = eval_param_info()[i].integer;
            return out;
        },
        "The backtest and model parameters: name, default, min, max, integer, help (eval/params.hpp).");
    m.def(
        "models",
        [] {
            pyb::list out;
            for (const auto& mi : model_table()) {
                pyb::dict d;
                d["name"] = mi.name;
                d["summary"] = mi.summary;
                out.append(d);
            }
            return out;
        },
        "The scoring models, in report order.");
    cls.def(
        "evaluate",
        [](const PyDataset& d, int cutoff, std::optional<int> horizon, std::optional<std::string> chain,
           std::optional<int> level, std::optional<std::vector<std::string>> models, int region_level,
           const pyb::kwargs& kw) {
            EvalOptions o = options(cutoff, horizon, std::move(chain), level, region_level, kw);
            if (models) {
                std::string list;
                for (const auto& s : *models) list += (list.empty() ? "" : ",") + s;
                o.models = parse_model_list(list);
            }
            std::string json;
            {
                pyb::gil_scoped_release release;
                json = evaluation_to_json(*d.ds, evaluate(*d.ds, o));
            }
            return parse_json(json);
        },
        pyb::arg("cutoff"), pyb::arg("horizon") = pyb::none(), pyb::arg("chain") = pyb::none(),
        pyb::arg("level") = pyb::none(), pyb::arg("models") = pyb::none(), pyb::arg("region_level") = -1,
        "Backtest, shaped exactly like `chaingap evaluate --format json`. horizon=None keeps the default "
        "(chaingap.eval_params()); models=None runs every model; other keyword arguments (bootstrap, seed, "
        "rca_threshold, ...) override parameters.");
    cls.def(
        "model_scores",
        [](const PyDataset& d, const std::string& model, int cutoff, std::optional<int> horizon,
           std::optional<std::string> chain, std::optional<int> level, int region_level, const pyb::kwargs& kw) {
            EvalOptions o = options(cutoff, horizon, std::move(chain), level, region_level, kw);
            require_model(model);
            o.models = {model};
            EvalSetup setup;
            std::vector<double> scores;
            {
                pyb::gil_scoped_release release;
                setup = prepare_evaluation(*d.ds, o);
                scores = model_scores(setup, model, o.params);
            }
            const std::size_t R = setup.selection.regions.size(), N = setup.selection.nodes.size();
            std::vector<std::string> regions, nodes;
            for (RegionId r : setup.selection.regions) regions.push_back(d.ds->regions.id(r));
            for (NodeId n : setup.selection.nodes) nodes.push_back(d.ds->node_key(n));
            pyb::dict out;
            out["scores"] = to_numpy(scores, R, N);
            out["candidate"] = to_numpy(std::vector<bool>(setup.candidate.begin(), setup.candidate.end()), R, N);
            out["target"] = to_numpy(std::vector<bool>(setup.target.begin(), setup.target.end()), R, N);
            out["regions"] = regions;
            out["nodes"] = nodes;
            return out;
        },
        pyb::arg("model"), pyb::arg("cutoff"), pyb::arg("horizon") = pyb::none(), pyb::arg("chain") = pyb::none(),
        pyb::arg("level") = pyb::none(), pyb::arg("region_level") = -1,
        "One model's scores at the cutoff as a regions × nodes numpy array, with the candidate and target "
        "masks (bool) and the row / column ids: the inputs of evaluate().");
}

}  // namespace chaingap::py
