// Gap reports as JSON (the contract in docs/formats.md), CSV and an aligned terminal table.
#pragma once
#include <string>
#include <vector>

#include "chaingap/analysis/gaps.hpp"
#include "chaingap/core/json_writer.hpp"

namespace chaingap {

void write_gap_report_json(JsonWriter& w, const Dataset& ds, const GapReport& report);
void write_params_json(JsonWriter& w, const GapParams& params);
std::string gaps_to_json(const Dataset& ds, const GapReport& report);
std::string gaps_to_csv(const Dataset& ds, const GapReport& report, bool bom);
std::string gaps_to_table(const Dataset& ds, const GapReport& report);

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
