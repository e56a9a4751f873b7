// Target lists, portfolios and what-if results as JSON (the contract in docs/targets.md), CSV
// (optional UTF-8 BOM), an aligned terminal table, and an Excel workbook (libxlsxwriter).
//
// JSON field names are a contract: target rows are {"rank", "enterprise", "name", "region",
// "score", "links": [{"chain", "node", "status", "gap_score", "contribution", ...}],
// "components": {NAME: {"value", "weight", "contribution"}}, ...}; what-if is {"region", "added",
// "before", "after", "changes"}; portfolios {"region", "portfolio", "portfolio_gap_closed",
// "topk_gap_closed", ...}.
// XLSX workbooks: sheet 1 the ranked list (Chinese headers), sheet 2 the per-link explanation,
// sheet 3 the parameters and data snapshot (no timestamps, so the same inputs give the same content);
// column widths set and the header row frozen. Written to a temporary file beside the target and
// renamed into place, so a failure never leaves a partial workbook.
#pragma once
#include <string>

#include "chaingap/report/gap_writers.hpp"
#include "chaingap/rank/portfolio.hpp"
#include "chaingap/rank/targets.hpp"
#include "chaingap/rank/whatif.hpp"

namespace chaingap {

// `top`: rows shown (0 = all). The local list (when requested) is cut at the same `top`.
void write_targets_json(JsonWriter& w, const Dataset& ds, const TargetList& list, std::size_t top);
std::string targets_to_json(const Dataset& ds, const TargetList& list, std::size_t top);
std::string targets_to_csv(const Dataset& ds, const TargetList& list, std::size_t top, bool bom);
std::string targets_to_table(const Dataset& ds, const TargetList& list, std::size_t top);
void targets_to_xlsx(const Dataset& ds, const TargetList& list, std::size_t top, const std::string& path);

// With the ranked list too ("targets", cut at `top`; 0 = all).
std::string portfolio_to_json(const Dataset& ds, const TargetList& list, const Portfolio& p, std::size_t top = 20);
std::string portfolio_to_csv(const Dataset& ds, const TargetList& list, const Portfolio& p, bool bom);
std::string portfolio_to_table(const Dataset& ds, const TargetList& list, const Portfolio& p);
void portfolio_to_xlsx(const Dataset& ds, const TargetList& list, const Portfolio& p, const std::string& path);

std::string whatif_to_json(const Dataset& ds, const WhatIfResult& r);
std::string whatif_to_csv(const Dataset& ds, const WhatIfResult& r, bool bom);
std::string whatif_to_table(const Dataset& ds, const WhatIfResult& r);
void whatif_to_xlsx(const Dataset& ds, const WhatIfResult& r, const std::string& path);

}  // namespace chaingap
