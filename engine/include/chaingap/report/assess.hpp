// Project screening (项目研判, rank/assess.hpp) as a report (report.hpp).
// JSON: {"region", "region_name", "benchmark", "averages": {"output_per_mu", "tax_per_mu",
//   "energy_per_output", "source"}, "thresholds": {name: value}, "projects": [{"id", "name",
//   "enterprise", "gap_closed", "local_fit", "passed", "flagged", "links": [{"chain", "node", "name",
//   "status", "status_zh", "gap_score", "gap_closed", "neighbours", "neighbours_local"}], "checks":
//   [{"key", "name_zh", "source", "value", "threshold", "verdict", "verdict_zh", "rule", "rule_zh"}]}]}.
// Tables: 项目研判 (one row per project × criterion; the CSV), 环节匹配 (per project × link), 标准与数据.
// `lang` "en": English labels, verdicts and rules in the tables and the terminal view.
#pragma once
#include <string>

#include "chaingap/model/dataset.hpp"
#include "chaingap/rank/assess.hpp"
#include "chaingap/report/report.hpp"

namespace chaingap {

// The arguments must outlive the returned Report.
Report assess_report(const Dataset& ds, const AssessResult& result, const std::string& lang = "zh");

}  // namespace chaingap
