// Project screening (项目研判) of proposed projects for region R, criterion by criterion, each pass /
// flag against a documented, re-settable threshold with its source section.
//
// Sources. 004 七(一) 综合研判项目: "拟投资落地项目的投资规模、投入产出强度、产出效益、发展前景、产业匹配度
// … 能耗强度是否低于区域平均水平"; 004 四(二) "贯彻'亩均论英雄'及投资平衡理念 … 算清招商项目投入产出账";
// 001 六(十四) key indicators "产业发展前景、投资规模、经济效益、社会效益、带动能力…"; 000 15 "市级重大招商
// 项目库 … 投资额在 20亿元以上的重大招商项目".
//
// Criteria (AssessParams holds every threshold; assess_param_info() names, ranges, sources):
//   产业匹配度 fit        links of the chains it would fill; gap it closes (what-if: a new firm in R at
//                        those links with capacity = annual output split evenly over them, GapClosure,
//                        benchmark frozen); local_fit = share of its links' direct up- and downstream
//                        links (chain edges, leaf level) present in R.
//                        pass when gap_closed ≥ min_gap_closed or local_fit ≥ min_local_fit.
//   投资规模 investment   万元; informational tier: 重大项目 when ≥ major_investment (000 15), else 一般.
//   投入产出强度 intensity annual output / investment; pass when ≥ min_output_per_investment.
//   亩均产出 / 亩均税收   output / land, tax / land (万元/亩); pass when ≥ the region's average ×
//                        min_mu_ratio (regions.csv columns output_per_mu, tax_per_mu), else against
//                        min_output_per_mu / min_tax_per_mu when set (> 0), else no reference.
//   能耗强度 energy       energy (吨标准煤) / output (万元); pass when < the region's average
//                        (regions.csv column energy_per_output) × max_energy_ratio (004 七(一): below
//                        the regional average ⇒ ratio 1); without the column: no reference, said so.
//   社会效益 jobs          jobs per 亿元 of investment: informational.
// A criterion whose inputs the project does not give is `no_data`; one without a reference value is
// `no_reference` — never a silent pass.
// Complexity: one gap analysis + O(T_p) per project (GapClosure), T_p = nodes its links touch.
#pragma once
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "chaingap/analysis/gaps.hpp"

namespace chaingap {

struct AssessParams {
    double major_investment = 200000;        // 万元 = 20亿元: 重大招商项目 (000 15)
    double min_output_per_investment = 1.0;  // 年产出 / 投资 ≥ 1 (judgement: output repays the
                                             // investment within a year; 004 四(二) 投资平衡 names
                                             // the account, not a number)
    double min_mu_ratio = 1.0;               // 亩均 ≥ the region's average (004 四(二) 亩均论英雄)
    double min_output_per_mu = 0;            // 万元/亩 floor when no regional average (0 = unset)
    double min_tax_per_mu = 0;               // 万元/亩 floor when no regional average (0 = unset)
    double max_energy_ratio = 1.0;           // 能耗强度 < regional average × 1 (004 七(一))
    double min_gap_closed = 1e-9;            // fills a gap: closes more than nothing (004 七(一) 产业匹配度)
    double min_local_fit = 0.5;              // or half its neighbouring links are in R (judgement)
    void validate() const;
};

struct AssessParamInfo {
    const char* name;
    double AssessParams::*member;
    double min, max;
    const char* source;
    const char* help;
};
const std::vector<AssessParamInfo>& assess_param_info();
void set_assess_param(AssessParams& params, const std::string& name, double value);

inline constexpr double kNotGiven = std::numeric_limits<double>::quiet_NaN();

// One proposed project, as read from the project file (load/project_file.hpp).
struct ProjectProposal {
    std::string id;
    std::string name;
    std::string enterprise;         // enterprise id of the dataset, optional
    std::vector<NodeId> links;      // chain links it would work at
    double investment = kNotGiven;  // 万元
    double output = kNotGiven;      // expected annual output, 万元
    double tax = kNotGiven;         // expected annual tax, 万元
    double land = kNotGiven;        // 亩
    double energy = kNotGiven;      // annual energy use, 吨标准煤 (tce)
    double jobs = kNotGiven;        // persons
};

// The region's averages to compare with (regions.csv optional columns), NaN when not given.
struct RegionAverages {
    double output_per_mu = kNotGiven;      // 万元/亩
    double tax_per_mu = kNotGiven;         // 万元/亩
    double energy_per_output = kNotGiven;  // 吨标准煤/万元
    std::string source;                    // file the values came from ("" when none)
};

enum class Verdict { pass, flag, info, no_data, no_reference };
const char* verdict_name(Verdict v);
const char* verdict_name_zh(Verdict v);

struct CriterionCheck {
    std::string key;      // fit | investment | output_intensity | output_per_mu | tax_per_mu | energy | jobs
    std::string name_zh;  // 产业匹配度 …
    std::string source;   // seeds section
    double value = kNotGiven;
    double threshold = kNotGiven;  // the reference the value was compared with
    std::string rule;              // e.g. "≥ 1 × regional average 120 万元/亩"
    std::string rule_zh;
    Verdict verdict = Verdict::no_data;
};

struct LinkFit {
    NodeId node = kNone;
    LinkStatus status = LinkStatus::missing;  // R's status before
    double gap_score = 0;
    double gap_closed = 0;
    std::int32_t neighbours = 0, neighbours_local = 0;  // direct up/downstream leaf links; those in R
};

struct ProjectAssessment {
    ProjectProposal project;
    std::vector<LinkFit> links;
    double gap_closed = 0;  // Σ over its links (what-if)
    double local_fit = 0;   // neighbours in R / neighbours (0 when none)
    std::vector<CriterionCheck> checks;
    std::int32_t passed = 0, flagged = 0;
};

struct AssessResult {
    RegionId region = kNone;
    GapReport report;
    AssessParams params;
    RegionAverages averages;
    std::vector<ProjectAssessment> projects;
};

// Throws UsageError for invalid parameters.
AssessResult assess_projects(const Dataset& ds, RegionId region, const std::vector<ProjectProposal>& projects,
                             const RegionAverages& averages, const AssessParams& params,
                             const GapParams& gap_params = {});

}  // namespace chaingap
