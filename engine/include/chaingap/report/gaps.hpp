// The gap report (analysis/gaps.hpp) as a report (report.hpp): JSON (the contract in
// docs/formats.md), one table (CSV / XLSX), and the terminal view (an overview of the chains by mean
// gap, then every chain's links with status, gap and the reason in a few words).
#pragma once
#include <string>
#include <vector>

#include "chaingap/analysis/gaps.hpp"
#include "chaingap/report/report.hpp"

namespace chaingap {

// `ds` and `report` must outlive the returned Report (its producers refer to them).
Report gaps_report(const Dataset& ds, const GapReport& report);

// The pieces other reports reuse (what-if embeds two gap reports; targets embed the parameters).
void write_gap_report_json(JsonWriter& w, const Dataset& ds, const GapReport& report);
void write_params_json(JsonWriter& w, const GapParams& params);

// ---- coverage and local firms (issue 9: say what the data cannot; planners see the firms) ----
// One line stating the dataset's coverage and what a link without firms means, Chinese first;
// every gaps/targets report carries it.
std::string coverage_line(const Dataset& ds);
// The `local_firms` array of a link: every local firm with its evidence (docs/formats.md).
void write_local_firms_json(JsonWriter& w, const Dataset& ds, const std::vector<LocalFirm>& firms);
// The table cell naming a link's local firms: the firm behind a single_point always (with its
// evidence), otherwise the kTableFirms largest by capacity and how many more.
inline constexpr std::size_t kTableFirms = 3;
std::string local_firms_cell(const Dataset& ds, const LinkGap& link);

}  // namespace chaingap
