// The gap report (analysis/gaps.hpp) as a report (report.hpp): JSON (the contract in
// docs/formats.md), one table (CSV / XLSX), and the terminal view (an overview of the chains by mean
// gap, then every chain's links with status, gap and the reason in a few words).
#pragma once
#include "chaingap/analysis/gaps.hpp"
#include "chaingap/report/report.hpp"

namespace chaingap {

// `ds` and `report` must outlive the returned Report (its producers refer to them).
Report gaps_report(const Dataset& ds, const GapReport& report);

// The pieces other reports reuse (what-if embeds two gap reports; targets embed the parameters).
void write_gap_report_json(JsonWriter& w, const Dataset& ds, const GapReport& report);
void write_params_json(JsonWriter& w, const GapParams& params);

}  // namespace chaingap
