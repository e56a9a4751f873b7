// analysis/: gap reports (as the CLI's JSON), the all-region gap matrix and presence as numpy.
#include "bind_common.hpp"
#include "chaingap/analysis/gaps.hpp"

namespace chaingap::py {

void bind_analysis(pyb::module_& m, DatasetClass& cls) {
    m.def(
        "gap_params", [] { return describe_params(gap_param_info(), GapParams{}); },
        "The gap-analysis parameters: name, default, min, max, help (from analysis/params.hpp).");
    cls.def(
        "gaps",
        [](const PyDataset& d, const std::string& region, std::optional<std::string> chain, pyb::object top,
           const pyb::kwargs& kw) {
            pyb::dict o;
            o["region"] = region;
            o["chain"] = chain;
            o["top"] = top;
            return run_request(d, "gaps", o, kw);
        },
        pyb::arg("region"), pyb::arg("chain") = pyb::none(), pyb::arg("top") = pyb::none(),
        "The gap report of a region, shaped exactly like `chaingap gaps --format json` (top=None or 0: every "
        "link). Keyword arguments override gap parameters (chaingap.gap_params()).");
    cls.def(
        "whatif",
        [](const PyDataset& d, const std::string& region, const std::vector<std::string>& add,
           std::optional<std::string> chain, const pyb::kwargs& kw) {
            pyb::dict o;
            o["region"] = region;
            o["add"] = add;
            o["chain"] = chain;
            return run_request(d, "whatif", o, kw);
        },
        pyb::arg("region"), pyb::arg("add"), pyb::arg("chain") = pyb::none(),
        "The gap report as if the firms `add` opened a branch in the region, shaped exactly like `chaingap "
        "whatif --format json`.");
    cls.def(
        "gap_matrix",
        [](const PyDataset& d, const pyb::kwargs& kw) {
            GapParams p;
            each_param(kw, [&](const std::string& n, double v) { set_gap_param(p, n, v); });
            GapMatrix g;
            {
                pyb::gil_scoped_release release;
                g = analyze_gaps_all_regions(*d.ds, p);
            }
            std::vector<std::int8_t> status(g.status.size());
            for (std::size_t i = 0; i < status.size(); ++i) status[i] = static_cast<std::int8_t>(g.status[i]);
            pyb::list names;
            for (LinkStatus s : {LinkStatus::missing, LinkStatus::single_point, LinkStatus::weak, LinkStatus::strong,
                                 LinkStatus::absent_everywhere})
                names.append(std::string(status_name(s)));
            pyb::dict out;
            out["gap_score"] = to_numpy(g.gap_score, g.regions, g.nodes);
            out["status"] = to_numpy(status, g.regions, g.nodes);
            out["status_names"] = names;
            out["benchmark"] = to_numpy(g.benchmark, 1, g.regions).attr("reshape")(g.regions);
            std::vector<std::string> regions, nodes;
            for (RegionId r = 0; r < static_cast<RegionId>(d.ds->regions.size()); ++r)
                regions.push_back(d.ds->regions.id(r));
            for (NodeId n = 0; n < static_cast<NodeId>(d.ds->nodes.size()); ++n) nodes.push_back(d.ds->node_key(n));
            out["regions"] = regions;
            out["nodes"] = nodes;
            return out;
        },
        "Every region × every node (analyze_gaps_all_regions): dict with numpy arrays gap_score (float64) "
        "and status (int8 codes into status_names), benchmark per region, and the region ids / node keys "
        "of the rows / columns.");
    cls.def(
        "presence_matrix",
        [](const PyDataset& d) {
            PresenceMatrix pm;
            {
                pyb::gil_scoped_release release;
                pm = presence_all_regions(*d.ds);
            }
            pyb::dict out;
            out["count"] = to_numpy(pm.count, pm.regions, pm.nodes);
            out["capacity"] = to_numpy(pm.capacity, pm.regions, pm.nodes);
            return out;
        },
        "Presence of every region (rows, Dataset.regions order) at every node (columns, Dataset.nodes): "
        "distinct firms (count, int32) and capacity (float64).");
}

}  // namespace chaingap::py
