// Target lists, portfolios and what-if results as reports (report.hpp).
//
// JSON field names are a contract (docs/targets.md): target rows are {"rank", "enterprise", "name",
// "region", "score", "links": [{"chain", "node", "status", "gap_score", "contribution", ...}],
// "components": {NAME: {"value", "weight", "contribution"}}, ...}; what-if is {"region", "added",
// "before", "after", "changes"}; portfolios {"region", "portfolio", "portfolio_gap_closed",
// "topk_gap_closed", ...}.
// Tables: the ranked rows (CSV: machine columns; XLSX: Chinese labels, region names, tiers in
// Chinese), the per-link explanation, and the parameters and data snapshot (no timestamps, so the
// same inputs give the same workbook).
#pragma once
#include <cstddef>

#include "chaingap/rank/portfolio.hpp"
#include "chaingap/rank/targets.hpp"
#include "chaingap/rank/whatif.hpp"
#include "chaingap/report/report.hpp"

namespace chaingap {

// `top`: rows shown (0 = all); the local list (when requested) is cut at the same `top`.
// The arguments must outlive the returned Report.
Report targets_report(const Dataset& ds, const TargetList& list, std::size_t top);
Report portfolio_report(const Dataset& ds, const TargetList& list, const Portfolio& portfolio);
Report whatif_report(const Dataset& ds, const WhatIfResult& result);

}  // namespace chaingap
