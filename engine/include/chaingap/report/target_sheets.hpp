// The target list as people use it (issue 11): a terminal table and one Excel workbook in Chinese by
// default (`lang` "en" for English) — headers, statuses, reasons and labels translated, region names
// beside codes, the criteria used and left out (and why), the matched evidence per link when the
// dataset carries it, and in one workbook the ranked list, the portfolio (when asked), the local
// firms to grow (育新扶小) and the per-link detail.
// Sheets (zh / en): 目标企业 targets, 招商组合 portfolio, 本地培育 local, 环节明细 links, 评价指标 criteria,
// 参数与数据 parameters. Same workbook conventions as report/workbook.hpp.
#pragma once
#include <string>

#include "chaingap/rank/portfolio.hpp"
#include "chaingap/rank/targets.hpp"

namespace chaingap {

// `portfolio` may be null. `top`: rows shown (0 = all).
std::string targets_table(const Dataset& ds, const TargetList& list, std::size_t top, const Portfolio* portfolio,
                          const std::string& lang);
void targets_workbook(const Dataset& ds, const TargetList& list, std::size_t top, const Portfolio* portfolio,
                      const std::string& lang, const std::string& path);

// One sentence per row, in the language asked: which gaps it closes, which tier, which local ties.
std::string target_reason(const Dataset& ds, const TargetRow& row, const std::string& lang);

}  // namespace chaingap
