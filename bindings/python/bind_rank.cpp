// rank/: target-firm lists (目标企业库), shaped like `chaingap targets --format json`.
#include "bind_common.hpp"
#include "chaingap/rank/params.hpp"

namespace chaingap::py {

void bind_rank(pyb::module_& m, DatasetClass& cls) {
    m.def(
        "rank_params", [] { return describe_params(rank_param_info(), RankParams{}); },
        "The target-ranking parameters: name, default, min, max, help (from rank/params.hpp).");
    cls.def(
        "targets",
        [](const PyDataset& d, const std::string& region, std::optional<std::string> chain, pyb::object top,
           pyb::object from_regions, bool local, pyb::object portfolio, const pyb::kwargs& kw) {
            pyb::dict o;
            o["region"] = region;
            o["chain"] = chain;
            o["top"] = top;
            o["from_regions"] = from_regions;
            o["local"] = local;
            o["portfolio"] = portfolio;
            return run_request(d, "targets", o, kw);
        },
        pyb::arg("region"), pyb::arg("chain") = pyb::none(), pyb::arg("top") = pyb::none(),
        pyb::arg("from_regions") = pyb::none(), pyb::arg("local") = false, pyb::arg("portfolio") = pyb::none(),
        "Ranked target firms for a region, shaped exactly like `chaingap targets --format json` (top=None: the "
        "request's default, the same as the CLI's; 0: all; portfolio=K: the portfolio of K). Keyword arguments "
        "override gap parameters (chaingap.gap_params()) and ranking parameters (chaingap.rank_params()).");
}

}  // namespace chaingap::py
