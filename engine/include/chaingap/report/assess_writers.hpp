// Project screening (项目研判, rank/assess.hpp) as JSON, a terminal table (Chinese by default, `lang`
// "en" for English) and an Excel workbook.
// JSON: {"region", "region_name", "averages": {…, "source"}, "thresholds": {name: value},
//        "projects": [{"id", "name", "enterprise", "gap_closed", "local_fit", "passed", "flagged",
//        "links": [{"chain", "node", "name", "status", "gap_score", "gap_closed", "neighbours",
//        "neighbours_local"}], "checks": [{"key", "name_zh", "source", "value", "threshold", "verdict",
//        "verdict_zh", "rule", "rule_zh"}]}]}.
#pragma once
#include <string>

#include "chaingap/model/dataset.hpp"
#include "chaingap/rank/assess.hpp"

namespace chaingap {

std::string assess_to_json(const Dataset& ds, const AssessResult& r);
std::string assess_to_table(const Dataset& ds, const AssessResult& r, const std::string& lang);
void assess_to_xlsx(const Dataset& ds, const AssessResult& r, const std::string& lang, const std::string& path);

}  // namespace chaingap
