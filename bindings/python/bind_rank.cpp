// rank/: target-firm lists (目标企业库), shaped like `chaingap targets --format json`.
#include "bind_common.hpp"
#include "chaingap/report/target_writers.hpp"
#include "chaingap/rank/params.hpp"
#include "chaingap/rank/targets.hpp"

namespace chaingap::py {

void bind_rank(pyb::module_& m, DatasetClass& cls) {
    m.def(
        "rank_params",
        [] {
            // Label rows have no member pointer (rank/params.hpp): read values through rank_param_value.
            pyb::list out;
            const RankParams defaults;
            for (const auto& p : rank_param_info()) {
                pyb::dict d;
                d["name"] = p.name;
                d["default"] = rank_param_value(defaults, p);
                d["min"] = p.min;
                d["max"] = p.max;
                d["help"] = p.help;
                out.append(d);
            }
            return out;
        },
        "The target-ranking parameters: name, default, min, max, help (from rank/params.hpp).");
    cls.def(
        "targets",
        [](const PyDataset& d, const std::string& region, std::optional<std::string> chain, std::size_t top,
           std::optional<std::string> from_regions, bool local, const pyb::kwargs& kw) {
            TargetQuery q;
            each_param(kw, [&](const std::string& n, double v) {
                for (const auto& p : gap_param_info())
                    if (n == p.name) return set_gap_param(q.gap_params, n, v);
                set_rank_param(q.rank_params, n, v);  // UsageError for a name in neither table
            });
            q.include_local = local;
            std::string json;
            {
                pyb::gil_scoped_release release;
                q.region = require_region(*d.ds, region);
                if (chain) q.chain = require_chain(*d.ds, *chain);
                if (from_regions) q.from_regions = parse_source_regions(*d.ds, *from_regions);
                json = targets_to_json(*d.ds, rank_targets(*d.ds, q), top);
            }
            return parse_json(json);
        },
        pyb::arg("region"), pyb::arg("chain") = pyb::none(), pyb::arg("top") = 50,
        pyb::arg("from_regions") = pyb::none(), pyb::arg("local") = false,
        "Ranked target firms for a region, shaped exactly like `chaingap targets --format json --top TOP` "
        "(top=0: all). Keyword arguments override gap parameters (chaingap.gap_params()) and ranking "
        "parameters (chaingap.rank_params()).");
}

}  // namespace chaingap::py
