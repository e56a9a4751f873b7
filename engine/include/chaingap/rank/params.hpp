// Parameters of the target ranking (目标企业库, 补链强链招商). Every default is declared here once; the
// CLI (`--weights FILE`), the JSON / XLSX outputs and the Python bindings read names, defaults,
// ranges and help from `rank_param_info()`. docs/targets.md explains each one and its source.
//
// Score of a candidate firm f for region R (all components documented in docs/targets.md):
//   link-level, summed over the links l the firm would fill (its own attachment links in the
//   analysed chains where R's gap_score g_l > 0), e_l = g_l × attachment weight a_l:
//     gap_fill          = Σ e_l                 强链补链: the gap it closes   (000 二.6)
//     strength          = Σ e_l × s_l           its share s_l of the link's national capacity:
//                                               scale / output at the link    (001 六(十四) 投资规模,
//                                                                              004 七(一) 投入产出强度)
//     downstream_demand = Σ e_l × d_l           d_l = share of l's downstream links present in R:
//                                               local demand it would serve   (004 七(一) 产业匹配度)
//   firm-level, in [0, 1]:
//     quality           = min(1, Σ label points)  世界500强, 中国500强, 行业前10强, 专精特新, 链主 (000 二.6)
//     size              = min(1, log10(1+revenue) / log10(1+size_reference_revenue))  (001 六(十四) 投资规模)
//     relatedness       = min(1, Σ relation points with firms in R / relation_saturation)
//                                               带动能力 and 产业匹配度 (001 六(十四), 004 七(一))
//     source_region     = 1 when the firm lies in a --from-regions group   (002 第四章第三节)
//   score = Σ weight_c × component_c.
// Link-level components are weighted by the gap a firm would close, so a firm at links where R is
// strong (g_l = 0) gets nothing from them: it never outranks an otherwise identical firm at a missing
// link (tests/unit/test_rank_targets.cpp checks it).
#pragma once
#include <string>
#include <vector>

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
    // ---- label points (quality = min(1, Σ points of the firm's labels)), 000 二.6 tiers ----
    double points_fortune500 = 1.0;    // 世界500强
    double points_chain_leader = 1.0;  // 链主型企业 (000 二.6 "开展链主型龙头企业招商")
    double points_china500 = 0.8;      // 中国500强
    double points_top10 = 0.8;         // 行业前10强
    double points_little_giant = 0.6;  // 专精特新"小巨人" (national tier of 专精特新)
    double points_srdi = 0.4;          // 专精特新
    double points_listed = 0.3;        // 上市公司 (disclosed accounts; not named in 000 二.6)
    double points_hightech = 0.2;  // 高新技术企业 (000 二.6 "以高端制造业和高新技术产业为重点")
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

struct RankParamInfo {
    const char* name;
    double RankParams::*member;
    double min, max;
    const char* group;  // "weight" | "label" | "size" | "relation"
    const char* help;
};
const std::vector<RankParamInfo>& rank_param_info();

// Sets a parameter by name; throws UsageError for an unknown name or a value out of range.
void set_rank_param(RankParams& params, const std::string& name, double value);

// Reads a JSON object {"name": number, ...} over `base`. Throws InputError(file, line, key, ...) for
// unreadable or malformed JSON, a non-object, an unknown name, a non-number or an out-of-range value.
RankParams read_rank_weights(const std::string& file, RankParams base = {});
// The same from the file's text (`file` names it in errors).
RankParams parse_rank_weights(const std::string& text, const std::string& file, RankParams base = {});

}  // namespace chaingap
