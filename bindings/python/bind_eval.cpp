// eval/: the backtest (as `chaingap evaluate --format json`) and model scores as numpy matrices.
#include "bind_common.hpp"
#include "chaingap/eval/model.hpp"
#include "chaingap/eval/protocol.hpp"

namespace chaingap::py {
namespace {
// The evaluate request's options from Python arguments (the same parser as the CLI's).
EvalOptions options(int cutoff, pyb::object horizon, pyb::object chain, pyb::object level, pyb::object region_level,
                    pyb::object models, const pyb::kwargs& kw) {
    const api::Command& cmd = api::command("evaluate");
    api::Options o;
    o.add("cutoff", std::to_string(cutoff));
    auto add = [&](const char* name, const pyb::object& v) {
        if (v.is_none()) return;
        if (pyb::isinstance<pyb::list>(v) || pyb::isinstance<pyb::tuple>(v)) {
            std::string s;
            for (auto item : v) s += (s.empty() ? "" : ",") + item.cast<std::string>();
            o.add(name, s);
        } else {
            o.add(name, pyb::str(v).cast<std::string>());
        }
    };
    add("horizon", horizon);
    add("chain", chain);
    add("level", level);
    add("region-level", region_level);
    add("models", models);
    for (auto item : kw) o.add("param", item.first.cast<std::string>() + "=" + pyb::str(item.second).cast<std::string>());
    o.validate(cmd.options);
    return api::EvaluateRequest::parse(o).eval;
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
        [](const PyDataset& d, int cutoff, pyb::object horizon, pyb::object chain, pyb::object level,
           pyb::object models, pyb::object region_level, const pyb::kwargs& kw) {
            pyb::dict o;
            o["cutoff"] = cutoff;
            o["horizon"] = horizon;
            o["chain"] = chain;
            o["level"] = level;
            o["models"] = models;
            o["region_level"] = region_level;
            return run_request(d, "evaluate", o, kw);
        },
        pyb::arg("cutoff"), pyb::arg("horizon") = pyb::none(), pyb::arg("chain") = pyb::none(),
        pyb::arg("level") = pyb::none(), pyb::arg("models") = pyb::none(), pyb::arg("region_level") = pyb::none(),
        "Backtest, shaped exactly like `chaingap evaluate --format json`. horizon=None keeps the default "
        "(chaingap.eval_params()); models=None runs every model; other keyword arguments (bootstrap, seed, "
        "rca_threshold, ...) override parameters.");
    cls.def(
        "model_scores",
        [](const PyDataset& d, const std::string& model, int cutoff, pyb::object horizon, pyb::object chain,
           pyb::object level, pyb::object region_level, const pyb::kwargs& kw) {
            EvalOptions o = options(cutoff, horizon, chain, level, region_level, pyb::none(), kw);
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
        pyb::arg("level") = pyb::none(), pyb::arg("region_level") = pyb::none(),
        "One model's scores at the cutoff as a regions × nodes numpy array, with the candidate and target "
        "masks (bool) and the row / column ids: the inputs of evaluate().");
}

}  // namespace chaingap::py
