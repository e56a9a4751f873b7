// eval/: the backtest (as `chaingap evaluate --format json`), model scores as numpy matrices, 延链
// opportunities; evaluation results, scores and opportunities also as data frames (as_frame=True).
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
           pyb::object models, pyb::object region_level, bool as_frame, const pyb::kwargs& kw) {
            pyb::dict o;
            o["cutoff"] = cutoff;
            o["horizon"] = horizon;
            o["chain"] = chain;
            o["level"] = level;
            o["models"] = models;
            o["region_level"] = region_level;
            return as_frame ? run_request_frame(d, "evaluate", o, kw) : run_request(d, "evaluate", o, kw);
        },
        pyb::arg("cutoff"), pyb::arg("horizon") = pyb::none(), pyb::arg("chain") = pyb::none(),
        pyb::arg("level") = pyb::none(), pyb::arg("models") = pyb::none(), pyb::arg("region_level") = pyb::none(),
        pyb::arg("as_frame") = false,
        "Backtest, shaped exactly like `chaingap evaluate --format json`. horizon=None keeps the default "
        "(chaingap.eval_params()); models=None runs every model; other keyword arguments (bootstrap, seed, "
        "rca_threshold, ...) override parameters. as_frame=True: one row per model with the columns of "
        "`--format csv` (metrics, intervals, paired differences to density and persistence) as a "
        "pandas.DataFrame (a numpy record array without pandas).");
    cls.def(
        "model_scores",
        [](const PyDataset& d, const std::string& model, int cutoff, pyb::object horizon, pyb::object chain,
           pyb::object level, pyb::object region_level, bool as_frame, const pyb::kwargs& kw) {
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
            std::vector<std::string> regions, nodes, region_names, node_names;
            for (RegionId r : setup.selection.regions) {
                regions.push_back(d.ds->regions.id(r));
                region_names.push_back(d.ds->regions.name(r));
            }
            for (NodeId n : setup.selection.nodes) {
                nodes.push_back(d.ds->node_key(n));
                node_names.push_back(d.ds->nodes[n].name);
            }
            if (as_frame) {  // long form: one row per (region, link), row-major like the matrices
                pyb::module_ np = pyb::module_::import("numpy");
                auto obj = [&](const std::vector<std::string>& v) {
                    return np.attr("array")(pyb::cast(v), pyb::arg("dtype") = "O");
                };
                pyb::dict c;
                c["region"] = np.attr("repeat")(obj(regions), N);
                c["region_name"] = np.attr("repeat")(obj(region_names), N);
                c["link"] = np.attr("tile")(obj(nodes), R);
                c["link_name"] = np.attr("tile")(obj(node_names), R);
                c["score"] = to_numpy(scores, R * N, 1).attr("ravel")();
                c["candidate"] =
                    to_numpy(std::vector<bool>(setup.candidate.begin(), setup.candidate.end()), R * N, 1).attr("ravel")();
                c["target"] =
                    to_numpy(std::vector<bool>(setup.target.begin(), setup.target.end()), R * N, 1).attr("ravel")();
                return to_frame(c);
            }
            pyb::dict out;
            out["scores"] = to_numpy(scores, R, N);
            out["candidate"] = to_numpy(std::vector<bool>(setup.candidate.begin(), setup.candidate.end()), R, N);
            out["target"] = to_numpy(std::vector<bool>(setup.target.begin(), setup.target.end()), R, N);
            out["regions"] = regions;
            out["nodes"] = nodes;
            out["region_names"] = region_names;
            out["node_names"] = node_names;
            return pyb::object(out);
        },
        pyb::arg("model"), pyb::arg("cutoff"), pyb::arg("horizon") = pyb::none(), pyb::arg("chain") = pyb::none(),
        pyb::arg("level") = pyb::none(), pyb::arg("region_level") = pyb::none(), pyb::arg("as_frame") = false,
        "One model's scores at the cutoff as a regions × nodes numpy array, with the candidate and target "
        "masks (bool) and the row / column ids and names: the inputs of evaluate(). as_frame=True: the same "
        "in long form, one row per (region, link) with columns region, region_name, link, link_name, score, "
        "candidate, target, as a pandas.DataFrame (a numpy record array without pandas).");
    cls.def(
        "opportunities",
        [](const PyDataset& d, const std::string& region, pyb::object chain, pyb::object top, pyb::object model,
           pyb::object level, pyb::object year, bool as_frame, const pyb::kwargs& kw) {
            pyb::dict o;
            o["region"] = region;
            o["chain"] = chain;
            o["top"] = top;
            o["model"] = model;
            o["level"] = level;
            o["year"] = year;
            return as_frame ? run_request_frame(d, "opportunities", o, kw) : run_request(d, "opportunities", o, kw);
        },
        pyb::arg("region"), pyb::arg("chain") = pyb::none(), pyb::arg("top") = pyb::none(),
        pyb::arg("model") = pyb::none(), pyb::arg("level") = pyb::none(), pyb::arg("year") = pyb::none(),
        pyb::arg("as_frame") = false,
        "延链 opportunities of a region, shaped exactly like `chaingap opportunities --format json` (top=None and "
        "model=None: the request's defaults, the same as the CLI's; top=0: all). Other keyword arguments "
        "override model parameters (chaingap.eval_params()). as_frame=True: the `--format csv` columns as a "
        "pandas.DataFrame (a numpy record array without pandas).");
}

}  // namespace chaingap::py
