#include "chaingap/analysis/params.hpp"

#include <cmath>

#include "chaingap/core/error.hpp"
#include "chaingap/core/param_table.hpp"

namespace chaingap {

const std::vector<ParamInfo>& gap_param_info() {
    static const std::vector<ParamInfo> info = {
        {"reach_weight", &GapParams::reach_weight, 0.0, 1.0,
         "importance: weight of downstream reach (share of the chain's links fed by this one)"},
        {"betweenness_weight", &GapParams::betweenness_weight, 0.0, 1.0,
         "importance: weight of betweenness on the chain's flow graph"},
        {"weak_rca", &GapParams::weak_rca, 1e-9, 100.0,
         "a present link with RCA below this is weak"},
        {"single_point_risk", &GapParams::single_point_risk, 0.0, 1.0,
         "added to the shortfall of a single-firm link that downstream links depend on"},
    };
    return info;
}

void GapParams::validate() const {
    check_param_ranges(gap_param_info(), *this, "parameter");
    if (reach_weight + betweenness_weight <= 0.0)
        throw UsageError("parameters reach_weight and betweenness_weight must not both be 0");
}

void set_gap_param(GapParams& params, const std::string& name, double value) {
    set_param_by_name(gap_param_info(), params, name, value, "parameter");
}

}  // namespace chaingap
