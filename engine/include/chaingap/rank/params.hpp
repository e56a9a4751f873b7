// Parameters of the target ranking (目标企业库, 补链强链招商). Every default is declared here once; the
// CLI (`--weights FILE`), the JSON / XLSX outputs and the Python bindings read names, defaults,
// ranges and help from `rank_param_info()`. docs/targets.md explains each one and its source.
//
// Score of a candidate firm f for region R (the criteria, their Chinese names, levels and sources
// are one table, rank/criteria.hpp; docs/targets.md explains them):
//   link-level, summed over the links l the firm would fill (every link of the analysed chains where
//   a branch of f in R would count — its attachment nodes, their aliases and the segments above them —
//   and where R's gap_score > 0). c_l = the gap that link closes in the what-if "f opens a branch in R"
//   (rank/portfolio.hpp GapClosure, benchmark frozen):
//     gap_fill          = Σ c_l                 强链补链: the gap attracting it closes (000 二.6)
//     strength          = Σ c_l × s_l           s_l its share of the link's national capacity
//                                               (001 六(十四) 投资规模, 004 七(一) 投入产出强度)
//     downstream_demand = Σ c_l × d_l           d_l = share of l's downstream links present in R
//                                               (004 七(一) 产业匹配度)
//   firm-level, in [0, 1]: quality (label points), size (log revenue), relatedness (relations with
//   firms in R), source_region (--from-regions).
//   score = Σ w'_c × component_c over the criteria used, w'_c = w_c / Σ_used w: a criterion with no
//   information among the candidates (no data, or the same value for every candidate) or weight 0 is
//   left out, and the list says which and why.
// A firm at links where R is strong closes nothing there (c_l = 0): it never outranks an otherwise
// identical firm at a missing link (tests/unit/test_rank_targets.cpp checks it).
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "chaingap/model/enterprise.hpp"

namespace chaingap {

struct RankParams {
    // ---- component weights (score = Σ weight × component) ----
    double gap_fill = 0.40;  // must be > 0: the list is about filling gaps
    double strength = 0.15;
    double downstream_demand = 0.10;
    double quality = 0.15;
    double size = 0.10;
    double relatedness = 0.05;
    double source_region = 0.05;
    // ---- label points (quality = min(1, Σ points of the firm's labels)): one per label of the
    // vocabulary, defaults from model/enterprise.hpp kLabels (000 二.6 tiers); parameter
    // points_NAME. Adding a label there adds its parameter here.
    std::array<double, kLabelCount> label_points = [] {
        std::array<double, kLabelCount> p{};
        for (std::size_t i = 0; i < kLabelCount; ++i) p[i] = kLabels[i].points;
        return p;
    }();
    double points(std::string_view label) const;  // throws UsageError for an unknown label
    // ---- size ----
    // Revenue (万元) that earns the full size component: 1e7 万元 = 1000亿元, about the smallest
    // revenue of a 中国500强 firm in recent lists (order of magnitude; log scale).
    double size_reference_revenue = 1e7;
    // ---- relatedness (relations.csv, either direction, with firms inside R) ----
    double relation_supply = 1.0;
    double relation_invest = 1.0;
    double relation_cooperate = 0.5;
    double relation_own = 1.0;
    double relation_other = 0.0;       // compete and other: no evidence of fit
    double relation_saturation = 3.0;  // this many relation points give the full component

    void validate() const;  // throws UsageError naming the parameter and its allowed range
};

// One row per parameter. Weight rows come from the criteria table (rank/criteria.hpp), label rows
// from the label table (model/enterprise.hpp): `member` is null for a label row, `label` its bit.
struct RankParamInfo {
    std::string name;
    double RankParams::*member = nullptr;
    int label = -1;
    double min = 0, max = 0;
    std::string group;  // "weight" | "label" | "size" | "relation"
    std::string help;
};
const std::vector<RankParamInfo>& rank_param_info();
double rank_param_value(const RankParams& params, const RankParamInfo& info);

// Sets a parameter by name; throws UsageError for an unknown name or a value out of range.
void set_rank_param(RankParams& params, const std::string& name, double value);

// Reads a JSON object {"name": number, ...} over `base`. Throws InputError(file, line, key, ...) for
// unreadable or malformed JSON, a non-object, an unknown name, a non-number or an out-of-range value.
RankParams read_rank_weights(const std::string& file, RankParams base = {});
// The same from the file's text (`file` names it in errors).
RankParams parse_rank_weights(const std::string& text, const std::string& file, RankParams base = {});

}  // namespace chaingap
