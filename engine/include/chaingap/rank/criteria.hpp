// The target-ranking criteria (招商目标企业评价指标), one row each: adding a criterion is one row in
// criteria() (plus its fact, when it needs a new one). The table drives the score (rank/targets.cpp),
// the weight parameters (rank/params.cpp rank_param_info), the JSON keys and the Chinese headers of
// every output, and the "criteria used / left out" list.
//
// Levels. A link-level criterion has a value per filled link (link_value) and the firm's value is
// the sum over its filled links; a firm-level criterion has one value per firm (firm_value, in [0, 1]).
//
// Dropping (select_criteria). Over the candidates of a list, a criterion is left out when
//   - its weight is 0 (weight_zero),
//   - no candidate has the data it reads (no_data: no revenue, no labels, no relations with firms
//     in R, no --from-regions), or
//   - every candidate has the same value (constant), so it cannot order them;
// the used criteria's weights are renormalised to sum to 1 (w'_c = w_c / Σ_used w). gap_fill is
// never left out: the list is about gaps (it must have weight > 0).
// Complexity: O(C · K) for C candidates and K criteria.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "chaingap/rank/params.hpp"

namespace chaingap {

enum class Component { gap_fill, strength, downstream_demand, quality, size, relatedness, source_region };
inline constexpr int kComponentCount = 7;

// What one filled link contributes to the link-level criteria.
struct LinkFacts {
    double closed = 0;            // c_l: the gap the link closes in the what-if (GapClosure)
    double share = 0;             // s_l: the firm's share of the link's national capacity, ≤ 1
    double downstream_local = 0;  // d_l: share of l's downstream leaf links present in R
};

// What the firm-level criteria read about one firm.
struct FirmFacts {
    std::uint32_t labels = 0;  // bit mask, model/enterprise.hpp kLabels
    double revenue = 0;        // 万元 (0 when not given)
    bool has_revenue = false;
    double relation_points = 0;  // Σ relation points × weight with firms inside R
    bool has_relations = false;  // the firm has any relation row with a firm inside R
    bool in_source_region = false;
    bool source_given = false;  // --from-regions was given
};

struct CriterionInfo {
    Component id;
    const char* name;     // JSON key, = the weight parameter's name
    const char* name_zh;  // Chinese header
    const char* level;    // "link" | "firm"
    double RankParams::*weight;
    double weight_min;                                          // gap_fill: > 0
    const char* source;                                         // seeds file and section
    const char* help;                                           // English, one line (parameter table, --help)
    const char* help_zh;                                        // Chinese, one line (workbook parameter sheet)
    double (*link_value)(const LinkFacts&, const RankParams&);  // link level; null for firm level
    double (*firm_value)(const FirmFacts&, const RankParams&);  // firm level; null for link level
    bool (*has_data)(const FirmFacts&);                         // null: every firm has the data
    const char* no_data;                                        // why it is left out when no candidate has the data
    const char* no_data_zh;
};
const std::array<CriterionInfo, kComponentCount>& criteria();
const CriterionInfo& criterion(Component c);
const char* component_name(Component c);     // = criterion(c).name
const char* component_name_zh(Component c);  // = criterion(c).name_zh
double component_weight(const RankParams& p, Component c);

enum class CriterionStatus { used, weight_zero, no_data, constant };
const char* criterion_status_name(CriterionStatus s);

struct CriterionUse {
    Component id = Component::gap_fill;
    CriterionStatus status = CriterionStatus::used;
    double weight = 0;            // as given
    double effective_weight = 0;  // renormalised; 0 when left out
    double value = 0;             // the common value when constant
    bool used() const { return status == CriterionStatus::used; }
};
// "used" / "left out: …" sentence, Chinese (lang "zh") or English (lang "en").
std::string criterion_reason(const CriterionUse& u, const std::string& lang);

// What the dropping rule reads of the candidates, gathered one candidate at a time (a national
// list need not keep a copy of every candidate's values): how many, per criterion the least and
// the largest value, and whether any candidate has the data the criterion reads. O(K) per add.
struct CriteriaStats {
    std::size_t count = 0;
    std::array<double, kComponentCount> lo{}, hi{};
    std::array<bool, kComponentCount> any_data{};
    void add(const std::array<double, kComponentCount>& values, const FirmFacts& facts);
    // The statistics of both row sets, as if o's rows had been added here (min, max, or, sum).
    void merge(const CriteriaStats& o);
};

// Decides which criteria order the candidates and renormalises their weights. Without candidates
// every criterion with a weight is used (nothing to compare).
std::vector<CriterionUse> select_criteria(const RankParams& p, const CriteriaStats& stats);
// The same from every candidate's values (`facts` the matching firm facts).
std::vector<CriterionUse> select_criteria(const RankParams& p,
                                          const std::vector<std::array<double, kComponentCount>>& values,
                                          const std::vector<FirmFacts>& facts);

}  // namespace chaingap
