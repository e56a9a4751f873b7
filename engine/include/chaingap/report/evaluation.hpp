// Backtest results (eval/protocol.hpp) as a report: JSON (the contract of `chaingap evaluate --format
// json`, docs/backtest.md), one table (one row per model, every metric with its interval and the
// paired difference to density), and the terminal view.
#pragma once
#include "chaingap/eval/protocol.hpp"
#include "chaingap/report/report.hpp"

namespace chaingap {

// `ds` and `result` must outlive the returned Report.
Report evaluation_report(const Dataset& ds, const EvalResult& result);

}  // namespace chaingap
