// Parameters of the gap analysis. Every default is declared here once; the CLI, the JSON output and
// the Python bindings read names, defaults, ranges and help from `gap_param_info()`.
#pragma once
#include <string>
#include <vector>

namespace chaingap {

struct GapParams {
    // Importance of a link = weight × (reach_weight·reach + betweenness_weight·betweenness),
    // scaled so the chain's most important link has 1 (docs/scoring.md).
    double reach_weight = 0.6;
    double betweenness_weight = 0.4;
    // A present link is weak while its RCA is below this (1 = the region's average share).
    double weak_rca = 1.0;
    // Added to the shortfall of a link held by exactly one local firm that downstream links depend
    // on (断链 risk); the sum is capped at 1 so such a link never outranks the same link missing.
    double single_point_risk = 0.25;

    void validate() const;  // throws UsageError naming the parameter and its allowed range
};

struct ParamInfo {
    const char* name;
    double GapParams::*member;
    double min, max;
    const char* help;
};
const std::vector<ParamInfo>& gap_param_info();
// Sets a parameter by name; throws UsageError for an unknown name or a value out of range.
void set_gap_param(GapParams& params, const std::string& name, double value);

}  // namespace chaingap
